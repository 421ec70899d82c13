// `facebench-cli bench --models A,B --batch-sizes 16,32,64 --device cpu|cuda:0[,cuda:1]
// [--iterations N] [--warmup K] [--input-size HxW] [--precision fp32|amp] [--channels-last]
// [--data synthetic|DIR] [--memory-cap-mb M] [--out DIR]` (seed Section 4.3).
// Progress on stderr; the Markdown table on stdout (on stderr with --json, whose document goes to
// stdout); bench.json, bench.csv and bench.md in --out (default runs/bench-<time>/bench/).
// Ctrl-C stops after the current iteration, writes what was measured and exits with 130.
// Exit 1 when a row has status "error" (results still written), 2 for bad options.
#include "interrupt_guard.h"
#include "verbs.h"

#include "facebench/bench_job.h"
#include "facebench/errors.h"
#include "facebench/run_directory.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace fb::cli {

namespace {

struct BenchCliOptions {
    std::string models;
    std::string batchSizes;
    std::string devices = "cpu";
    int iterations = 20;
    int warmup = 3;
    std::string inputSize;
    std::string precision = "fp32";
    bool channelsLast = false;
    std::string data = "synthetic";
    std::int64_t memoryCapMb = 0;
    std::string head = "softmax";
    std::int64_t classes = 1000;
    int threads = 0;
    std::string out;
};

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        items.push_back(item);
    return items;
}

std::vector<std::int64_t> parseBatchSizes(const std::string& text) {
    std::vector<std::int64_t> sizes;
    for (const std::string& item : splitList(text)) {
        std::size_t used = 0;
        long long value = 0;
        try {
            value = std::stoll(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (item.empty() || used != item.size())
            throw InputError(SourceLocation{}, "--batch-sizes",
                             "'" + item + "' is not a whole number (give e.g. 16,32,64)");
        sizes.push_back(value);
    }
    return sizes;
}

void parseInputSize(const std::string& text, BenchOptions& options) {
    if (text.empty())
        return;
    int height = 0, width = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%dx%d%c", &height, &width, &rest) != 2 || height < 1 ||
        width < 1)
        throw InputError(SourceLocation{}, "--input-size",
                         "'" + text + "' is not HxW (e.g. 112x96)");
    options.inputHeight = height;
    options.inputWidth = width;
}

// A benchmark of its own is a run named bench-<time> in runs/, its rows in that run's bench/.
std::string defaultOutDir() {
    return RunDirectory::stamped("runs", "bench").benchDir();
}

int runBench(const GlobalOptions& global, const BenchCliOptions& o) {
    BenchOptions options;
    options.models = splitList(o.models);
    options.batchSizes = parseBatchSizes(o.batchSizes);
    options.devices = splitList(o.devices);
    options.iterations = o.iterations;
    options.warmup = o.warmup;
    parseInputSize(o.inputSize, options);
    options.precision = o.precision;
    options.channelsLast = o.channelsLast;
    options.data = o.data;
    options.memoryCapMb = o.memoryCapMb;
    options.head = o.head;
    options.numClasses = o.classes;
    options.threads = o.threads;
    validateBenchOptions(options); // bad input: exit 2 before anything is created
    const std::string outDir = o.out.empty() ? defaultOutDir() : o.out;

    BenchJob job(options);
    const InterruptGuard interruptGuard(job);

    const BenchResult result = job.run([](const BenchProgress& p) {
        if (!p.row) {
            std::fprintf(stderr, "[%d/%d] %s\n", p.index + 1, p.total, p.message.c_str());
            return;
        }
        const BenchRow& r = *p.row;
        if (r.status == "ok")
            std::fprintf(
                stderr,
                "        %.1f images/s, %.1f ms/iter median, %.1f ms p90, peak %.0f MiB%s%s\n",
                r.imagesPerSec, r.msMedian, r.msP90, r.peakMemMb,
                r.bound.empty() ? "" : ", bound: ", r.bound.c_str());
        else
            std::fprintf(stderr, "        %s: %s\n", r.status.c_str(), r.message.c_str());
    });
    writeBenchResults(result, outDir);
    const std::string table = benchMarkdown(result);
    if (global.json) {
        std::cerr << table;
        nlohmann::ordered_json document = nlohmann::ordered_json::parse(benchJson(result));
        document["out_dir"] = outDir;
        printJson(document);
    } else {
        std::cout << table;
    }
    const BenchFiles files{outDir};
    std::fprintf(stderr, "results: %s, %s, %s\n", files.json().c_str(), files.csv().c_str(),
                 files.markdown().c_str());
    if (result.cancelled)
        return kExitInterrupted;
    // oom is a result; a configuration that failed otherwise (e.g. an input size the model does
    // not take) makes the run a failure, though every row is written.
    for (const BenchRow& row : result.rows)
        if (row.status == "error")
            return kExitFailed;
    return kExitDone;
}

} // namespace

void addBenchVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto opts = std::make_shared<BenchCliOptions>();
    CLI::App* bench = app.add_subcommand(
        "bench", "Time training steps against batch size, model and device (seed Section 4.3)");
    bench->add_option("--models", opts->models, "Comma-separated model names (see `models`)")
        ->required();
    bench
        ->add_option("--batch-sizes", opts->batchSizes,
                     "Comma-separated batch sizes, e.g. 16,32,64")
        ->required();
    bench->add_option("--device", opts->devices, "cpu, cuda or cuda:N; comma-separated for several")
        ->capture_default_str();
    bench->add_option("--iterations", opts->iterations, "Timed iterations per configuration")
        ->capture_default_str();
    bench->add_option("--warmup", opts->warmup, "Untimed iterations before them (at least 1)")
        ->capture_default_str();
    bench->add_option("--input-size", opts->inputSize,
                      "HxW fed to the network (default: the model's own)");
    bench->add_option("--precision", opts->precision, "fp32 or amp (CUDA only)")
        ->capture_default_str();
    bench->add_flag("--channels-last", opts->channelsLast,
                    "NHWC memory format (TensorFlow's layout)");
    bench
        ->add_option("--data", opts->data,
                     "synthetic (compute alone) or a dataset folder (real loader)")
        ->capture_default_str();
    bench
        ->add_option("--memory-cap-mb", opts->memoryCapMb,
                     "CPU: report oom when a step grows the resident set by more (0 = no cap)")
        ->capture_default_str();
    bench
        ->add_option("--head", opts->head,
                     "Head type (softmax, center, sphereface, cosface, arcface)")
        ->capture_default_str();
    bench->add_option("--classes", opts->classes, "Classes of the head with synthetic data")
        ->capture_default_str();
    bench->add_option("--threads", opts->threads, "CPU intra-op threads (0 = one per core)")
        ->capture_default_str();
    bench->add_option("--out", opts->out,
                      "Folder for " + BenchFiles{}.json() + ", " + BenchFiles{}.csv() + " and " +
                          BenchFiles{}.markdown() + " (default " +
                          RunDirectory("runs/bench-<time>").benchDir() + ")");
    bench->callback([&options, &action, opts] {
        action = [&options, opts] { return runBench(options, *opts); };
    });
}

} // namespace fb::cli
