#pragma once
// Reading a benchmark's bench.json back: the exact inverse of benchJson (bench_job.h) for every
// key it writes, and the file benchmarks/bench_dist.sh writes in the same layout (scaling rows
// keyed by "processes", rows with "t_agg"). The one reader for the GUI's Benchmark page, run
// figures and bench studies. Torch-free.
#include "facebench/bench_job.h"

#include <string>

namespace fb {

// Reads the file at `path`. Throws InputError naming the file and the key at fault
// ("rows[3].batch", "device_table.gpus[0].name") when it cannot be read, is not JSON, is larger
// than a bench.json can be, has no "rows" array, a row without "model" or "batch", or a value of
// the wrong type. Keys other than "rows" and each row's (and scaling row's) model, batch and
// device count may be absent: they keep the defaults of bench_job.h's structs (a row without
// "t_agg" keeps NaN); keys the layout does not name are ignored.
BenchResult readBenchResult(const std::string& path);

// The same on the file's text; `source` names it in errors.
BenchResult parseBenchResult(const std::string& text, const std::string& source);

} // namespace fb
