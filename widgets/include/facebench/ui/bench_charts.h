#pragma once
// The benchmark figures of the seed (Section 4.3): throughput against batch size per model with
// out-of-memory batches marked (Fig. 2), throughput against device count with eq. 6 speedup
// labels (Fig. 3) and the t_data / t_compute split of a step (eq. 7-8). Drawn from a BenchResult
// (facebench/bench_job.h), live from a BenchJob or read back from a stored bench.json.
#include "facebench/bench_job.h"

#include <QString>

class QCustomPlot;

namespace fb::ui {

// Reads bench.json (readBenchResult, facebench/bench_result_file.h). False and *error (naming
// the path and key) if the file is missing or malformed.
bool readBenchJson(const QString& path, BenchResult* result, QString* error = nullptr);
// Whether a row has t_agg (seconds in the gradient all-reduce, eq. 7; distributed rows written
// by benchmarks/bench_dist.sh).
bool anyAllReduceTime(const BenchResult& result);

// One series per (model, device, precision): images/s against batch size on a log2 batch axis;
// oom rows as red crosses on the batch axis labelled "oom".
void plotThroughput(QCustomPlot* plot, const BenchResult& result, const QString& title = {});
// Bars of images/s per device count (or process count) for each (model, batch), labelled with
// eq. 6's speedup; a note when there are no scaling rows.
void plotScaling(QCustomPlot* plot, const BenchResult& result, const QString& title = {});
// Stacked bars per configuration: t_data under t_compute, in ms per iteration, and t_agg on top
// when a row has it (anyAllReduceTime; a row without it counts 0 there).
void plotTimeSplit(QCustomPlot* plot, const BenchResult& result, const QString& title = {});

} // namespace fb::ui
