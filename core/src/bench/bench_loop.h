#pragma once
// The timing loop of the benchmark, apart from what it times, so tests can measure
// its own overhead against a bare loop of the same steps. Torch-free.
#include <atomic>
#include <functional>
#include <vector>

namespace fb::bench {

struct IterationTimes {
    std::vector<double> data;    // seconds per timed iteration waiting for input (t_data)
    std::vector<double> compute; // seconds per timed iteration in the step (t_compute)
    bool cancelled = false;
};

// One iteration: returns the seconds it waited for its input (0 for synthetic data); `sync`
// (may be empty) waits for the device (CUDA) before the clock is read.
using StepFunction = std::function<double(int iteration)>;

// Runs `warmup` untimed iterations, calls afterFirstWarmup() after the first (the memory check;
// it returns false to stop), then `iterations` timed ones. Clocks are read once per iteration
// after the sync; the loader wait the step reports is moved from compute to data.
IterationTimes timeIterations(const StepFunction& step, const std::function<void()>& sync,
                              int warmup, int iterations,
                              const std::function<bool()>& afterFirstWarmup = {},
                              const std::atomic_bool* cancel = nullptr);

// Median and 90th percentile (nearest rank) of `values`; 0 for an empty list.
double median(std::vector<double> values);
double percentile90(std::vector<double> values);

} // namespace fb::bench
