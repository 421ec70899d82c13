#pragma once
// Measures one (model, batch, device) configuration of a benchmark: builds the
// trainer's modules (train/train_step.h), runs K warm-up and N timed training steps through
// bench_loop.h, and turns out of memory into a row with status "oom".
#include "bench/bench_loop.h"
#include "facebench/bench_job.h"
#include "facebench/dataset_index.h"

#include <torch/torch.h>

#include <atomic>
#include <memory>

namespace fb::bench {

struct MeasureSpec {
    std::string model;
    std::int64_t batch = 0;
    std::string deviceName;
    torch::Device device = torch::kCPU;
    std::int64_t numClasses = 1000;
    std::shared_ptr<const DatasetIndex> dataset; // nullptr: synthetic, one random batch reused
};

// Fills the row's timing columns from the timed iterations; with real data (`realData`) also
// the term of seed eq. 7-8 that bounds the step ("data" or "compute").
void summarise(BenchRow& row, const IterationTimes& times, bool realData);

// status "cancelled" when `cancel` was set before the configuration finished.
BenchRow measureConfiguration(const BenchOptions& options, const MeasureSpec& spec,
                              const std::atomic_bool* cancel);

} // namespace fb::bench
