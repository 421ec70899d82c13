#include "bench/bench_loop.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace fb::bench {

IterationTimes timeIterations(const StepFunction& step, const std::function<void()>& sync,
                              int warmup, int iterations,
                              const std::function<bool()>& afterFirstWarmup,
                              const std::atomic_bool* cancel) {
    IterationTimes times;
    const auto stopped = [&] { return cancel && cancel->load(); };
    for (int i = 0; i < warmup; ++i) {
        if (stopped()) {
            times.cancelled = true;
            return times;
        }
        step(i);
        if (sync)
            sync();
        if (i == 0 && afterFirstWarmup && !afterFirstWarmup())
            return times;
    }
    times.data.reserve(iterations);
    times.compute.reserve(iterations);
    using Clock = std::chrono::steady_clock;
    Clock::time_point start = Clock::now();
    for (int i = 0; i < iterations; ++i) {
        if (stopped()) {
            times.cancelled = true;
            return times;
        }
        const double waited = step(warmup + i);
        if (sync)
            sync(); // on CUDA the step only queued its kernels
        const Clock::time_point end = Clock::now();
        const double total = std::chrono::duration<double>(end - start).count();
        start = end; // one clock read per iteration: the loop's own cost is in the next one
        times.data.push_back(waited);
        times.compute.push_back(std::max(0.0, total - waited));
    }
    return times;
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + mid, values.end());
    if (values.size() % 2)
        return values[mid];
    const double upper = values[mid];
    const double lower = *std::max_element(values.begin(), values.begin() + mid);
    return (lower + upper) / 2;
}

double percentile90(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t rank = static_cast<std::size_t>(std::ceil(0.9 * values.size()));
    return values[std::max<std::size_t>(rank, 1) - 1];
}

} // namespace fb::bench
