// Checks BenchOptions before anything is built: every fault names the CLI option.
#include "facebench/bench_job.h"

#include "facebench/errors.h"
#include "facebench/model_catalog.h"
#include "util/did_you_mean.h"

#include <filesystem>
#include <set>

namespace fb {

namespace {

[[noreturn]] void bad(const std::string& option, const std::string& problem) {
    throw InputError(SourceLocation{}, option, problem);
}

bool isDeviceName(const std::string& name) {
    if (name == "cpu" || name == "cuda")
        return true;
    if (name.rfind("cuda:", 0) != 0 || name.size() == 5)
        return false;
    for (std::size_t i = 5; i < name.size(); ++i)
        if (name[i] < '0' || name[i] > '9')
            return false;
    return name.size() <= 8;
}

} // namespace

void validateBenchOptions(const BenchOptions& o) {
    if (o.models.empty())
        bad("--models", "give at least one model (see `facebench-cli models`)");
    for (const std::string& model : o.models)
        if (!findModel(model))
            bad("--models", "unknown model '" + model + "'" + didYouMean(model, modelNames()) +
                                " (see `facebench-cli models`)");
    if (o.batchSizes.empty())
        bad("--batch-sizes", "give at least one batch size, e.g. 16,32,64");
    std::set<std::int64_t> seenBatch;
    for (const std::int64_t batch : o.batchSizes) {
        if (batch < 1 || batch > 65536)
            bad("--batch-sizes", "batch size " + std::to_string(batch) + " is outside 1..65536");
        if (!seenBatch.insert(batch).second)
            bad("--batch-sizes", "batch size " + std::to_string(batch) + " is given twice");
    }
    if (o.devices.empty())
        bad("--device", "give a device: cpu, cuda or cuda:N");
    std::set<std::string> seenDevice;
    for (const std::string& device : o.devices) {
        if (!isDeviceName(device))
            bad("--device",
                "unknown device '" + device + "' (cpu, cuda or cuda:N, comma-separated)");
        if (!seenDevice.insert(device == "cuda" ? "cuda:0" : device).second)
            bad("--device", "device '" + device + "' is given twice");
    }
    if (o.iterations < 1 || o.iterations > 1000000)
        bad("--iterations", "must be 1..1000000, not " + std::to_string(o.iterations));
    // The first warm-up step is where the memory cap is checked and lazy allocations happen.
    if (o.warmup < 1 || o.warmup > 1000000)
        bad("--warmup", "must be 1..1000000, not " + std::to_string(o.warmup));
    if ((o.inputHeight == 0) != (o.inputWidth == 0) || o.inputHeight < 0 || o.inputWidth < 0 ||
        o.inputHeight > 4096 || o.inputWidth > 4096)
        bad("--input-size",
            "give HxW with both sides in 1..4096 (or leave it out for the model's own)");
    if (o.precision != "fp32" && o.precision != "amp")
        bad("--precision", "unknown precision '" + o.precision + "' (fp32 or amp)");
    if (o.precision == "amp")
        for (const std::string& device : o.devices)
            if (device == "cpu")
                bad("--precision",
                    "amp (autocast + grad scaling) runs on CUDA only; use fp32 on the CPU");
    if (o.memoryCapMb < 0)
        bad("--memory-cap-mb", "must be 0 (no cap) or a positive number of MiB");
    if (o.data.empty())
        bad("--data", "give 'synthetic' or a dataset folder");
    if (o.data != "synthetic" && !std::filesystem::exists(o.data))
        bad("--data", "'" + o.data + "' does not exist (give 'synthetic' or a dataset folder)");
    if (o.threads < 0 || o.threads > 1024)
        bad("--threads", "must be 0 (the runtime's default) or 1..1024");
    if (o.numClasses < 1)
        bad("--classes", "the head needs at least one class");
}

} // namespace fb
