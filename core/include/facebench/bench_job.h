#pragma once
// The benchmark engine (seed Section 4.3): time per training iteration against batch
// size (Fig. 2), which batch sizes run out of memory, per-device throughput with an eq. 6 summary
// (Fig. 3) and whether data or compute bounds a step (eq. 7-8). One timed iteration is the
// trainer's own step (core/src/train/train_step.h). Torch-free, for the CLI and the GUI.
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace fb {

struct BenchOptions {
    std::vector<std::string> models;         // names from modelCatalog()
    std::vector<std::int64_t> batchSizes;    // run in the order given
    std::vector<std::string> devices{"cpu"}; // cpu | cuda | cuda:N, each run on its own
    int iterations = 20;                     // timed iterations (the seed used 2000)
    int warmup = 3;                          // untimed iterations before them (at least 1)
    int inputHeight = 0;                     // 0 = the model's own input size (model_catalog.h)
    int inputWidth = 0;
    std::string precision = "fp32"; // fp32 | amp (CUDA only)
    bool channelsLast = false;
    std::string data = "synthetic"; // "synthetic" (one random batch reused) or a dataset DIR
    // CPU memory cap in MiB (0 = none): a batch whose resident-set growth during the first
    // warm-up step exceeds it is reported "oom" (see bench_memory.h for what is measured).
    std::int64_t memoryCapMb = 0;
    std::string head = "softmax";   // head type (heads/head.h)
    std::int64_t numClasses = 1000; // classes of the head for synthetic data
    int threads = 0;                // CPU intra-op threads, 0 = the runtime's default
};

struct BenchRow {
    std::string model;
    std::int64_t batch = 0;
    std::string device;
    std::string precision;
    std::string input;       // "HxW"
    double imagesPerSec = 0; // batch * iterations / sum of iteration times
    double msMedian = 0;     // per iteration (t_data + t_compute)
    double msP90 = 0;
    double peakMemMb = 0; // CUDA: allocator peak; CPU: resident-set growth (bench_memory.h)
    double tData = 0;     // mean seconds per iteration waiting for the loader (eq. 7)
    double tCompute = 0;  // mean seconds per iteration in the training step
    // Distributed rows (benchmarks/bench_dist.sh): mean seconds per step in the gradient
    // all-reduce, eq. 7's third term; NaN for a row that did not measure it (every BenchJob row).
    double tAgg = std::numeric_limits<double>::quiet_NaN();
    std::string bound;  // "data" | "compute" with --data DIR (eq. 8); "" for synthetic
    std::string status; // ok | oom | error
    std::string message;
};

struct GpuInfo {
    int index = 0;
    std::string name;
    int multiprocessors = 0;
    double memoryGb = 0;
    std::string computeCapability; // "8.6"
};

// Like the seed's Table 1.
struct DeviceTable {
    std::string cpuModel;      // /proc/cpuinfo "model name"
    int cpuCores = 0;          // logical processors the OS reports
    int threads = 0;           // LibTorch intra-op threads
    std::vector<GpuInfo> gpus; // CUDA builds with a GPU only
};

// Eq. 6 between device counts n and 2n for one (model, batch). The devices run one after the
// other here, so the n-device throughput is the sum of their single-device throughputs: an upper
// bound without gradient aggregation (t_agg = 0). Measured multi-process scaling comes from
// distributed training runs (benchmarks/bench_dist.sh).
struct ScalingRow {
    std::string model;
    std::int64_t batch = 0;
    int devices = 0;
    double imagesPerSec = 0;
    double speedup = 0; // eq. 6 against devices / 2; 0 for the first row
};

struct BenchResult {
    BenchOptions options;
    DeviceTable deviceTable;
    std::vector<BenchRow> rows;
    std::vector<ScalingRow> scaling;
    std::string scalingNote;
    std::string startedAt; // UTC, ISO 8601
    bool cancelled = false;
};

struct BenchProgress {
    int index = 0; // configurations finished so far
    int total = 0;
    std::string message;
    const BenchRow* row = nullptr; // set when a configuration has finished
};

// Throws InputError naming the option at fault ("--models", "--batch-sizes", "--device",
// "--precision", "--iterations", "--warmup", "--input-size", "--memory-cap-mb", "--data") for an
// unknown model (with a did-you-mean), an empty or non-positive batch list, amp on the CPU, a
// malformed device name, and the like. Devices that need a GPU are checked by BenchJob::run.
void validateBenchOptions(const BenchOptions& options);

class BenchJob {
public:
    explicit BenchJob(BenchOptions options);
    // Runs every (device, model, batch) configuration; one failing is a row, not a throw.
    // Throws InputError for bad options (validateBenchOptions, an unavailable device, a --data
    // folder that cannot be indexed).
    BenchResult run(const std::function<void(const BenchProgress&)>& progress = {});
    // Stops after the current iteration; run() returns what it has, cancelled = true.
    void cancel() { m_cancel.store(true); }

private:
    BenchOptions m_options;
    std::atomic_bool m_cancel{false};
};

// Output formats (bench_report.cpp). JSON: {"started_at", "options", "device_table", "rows",
// "scaling", "scaling_note", "cancelled"}; rows carry the keys of BENCH_CSV's header, and "t_agg"
// when they measured it. readBenchResult (bench_result_file.h) reads the JSON back.
std::string benchJson(const BenchResult& result, int indent = 2);
std::string benchCsv(const BenchResult& result);
std::string benchMarkdown(const BenchResult& result);
// bench.json, bench.csv and bench.md in `dir` (created), each written atomically.
void writeBenchResults(const BenchResult& result, const std::string& dir);

} // namespace fb
