#pragma once
// The benchmark figures of the seed (Section 4.3): throughput against batch size per model with
// out-of-memory batches marked (Fig. 2), throughput against device count with eq. 6 speedup
// labels (Fig. 3) and the t_data / t_compute split of a step (eq. 7-8). Drawn from a BenchResult
// (facebench/bench_job.h), live from a BenchJob or read back from a stored bench.json.
#include "facebench/bench_job.h"

#include <QString>

#include <vector>

class QCustomPlot;

namespace fb::ui {

// Reads bench.json (bench_report.cpp's layout). False and *error (naming the path and key) if
// the file is missing or malformed.
// *tAgg, when given, receives each row's "t_agg" (seconds in the gradient all-reduce, eq. 7;
// written by benchmarks/bench_dist.sh), or is left empty when no row has one.
bool readBenchJson(const QString& path, BenchResult* result, QString* error = nullptr,
                   std::vector<double>* tAgg = nullptr);

// One series per (model, device, precision): images/s against batch size on a log2 batch axis;
// oom rows as red crosses on the batch axis labelled "oom".
void plotThroughput(QCustomPlot* plot, const BenchResult& result, const QString& title = {});
// Bars of images/s per device count (or process count) for each (model, batch), labelled with
// eq. 6's speedup; a note when there are no scaling rows.
void plotScaling(QCustomPlot* plot, const BenchResult& result, const QString& title = {});
// Stacked bars per configuration: t_data under t_compute, in ms per iteration, and t_agg on top
// when tAgg (one value per result.rows entry, seconds) is given.
void plotTimeSplit(QCustomPlot* plot, const BenchResult& result, const QString& title = {},
                   const std::vector<double>& tAgg = {});

} // namespace fb::ui
