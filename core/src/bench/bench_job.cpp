// BenchJob: the sweep over devices, models and batch sizes, and the eq. 6 summary.
#include "facebench/bench_job.h"

#include "bench/bench_measure.h"
#include "bench/device_table.h"
#include "facebench/errors.h"
#include "train/device.h"

#include <ctime>
#include <map>

namespace fb {

namespace {

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// Seed eq. 6 between n and 2n devices. The devices ran one after the other, so n devices'
// throughput is the sum of the first n single-device throughputs (no gradient aggregation).
void addScaling(BenchResult& result) {
    const auto& devices = result.options.devices;
    if (devices.size() < 2) {
        result.scalingNote =
            "scaling needs several devices (--device cuda:0,cuda:1); multi-process "
            "scaling is measured by training with --nproc N "
            "(benchmarks/bench_dist.sh)";
        return;
    }
    result.scalingNote = "devices measured one after the other: n-device throughput is the sum of "
                         "single-device throughputs, an upper bound without gradient aggregation "
                         "(t_agg = 0, seed eq. 7); speedup by seed eq. 6 against n/2 devices";
    std::map<std::pair<std::string, std::int64_t>, std::map<std::string, double>> throughput;
    for (const BenchRow& row : result.rows)
        if (row.status == "ok")
            throughput[{row.model, row.batch}][row.device] = row.imagesPerSec;
    for (const std::string& model : result.options.models)
        for (const std::int64_t batch : result.options.batchSizes) {
            const auto& byDevice = throughput[{model, batch}];
            double previous = 0;
            for (std::size_t n = 1; n <= devices.size(); n *= 2) {
                double sum = 0;
                bool complete = true;
                for (std::size_t d = 0; d < n; ++d) {
                    const auto it = byDevice.find(devices[d]);
                    complete = complete && it != byDevice.end();
                    if (complete)
                        sum += it->second;
                }
                if (!complete)
                    break;
                ScalingRow row;
                row.model = model;
                row.batch = batch;
                row.devices = static_cast<int>(n);
                row.imagesPerSec = sum;
                row.speedup = previous > 0 ? (sum - previous) / previous : 0;
                result.scaling.push_back(row);
                previous = sum;
            }
        }
}

} // namespace

BenchJob::BenchJob(BenchOptions options) : m_options(std::move(options)) {}

BenchResult BenchJob::run(const std::function<void(const BenchProgress&)>& progress) {
    validateBenchOptions(m_options);
    BenchResult result;
    result.options = m_options;
    result.startedAt = utcNow();

    std::vector<torch::Device> devices;
    for (const std::string& name : m_options.devices) {
        DeviceConfig deviceConfig;
        deviceConfig.name = name;
        deviceConfig.threads = m_options.threads;
        try {
            devices.push_back(train::resolveDevice(deviceConfig));
        } catch (const InputError& error) {
            throw InputError(SourceLocation{}, "--device", error.problem());
        }
        train::configureRuntime(deviceConfig, devices.back()); // cuDNN autotuning, as PyTorch
    }

    std::shared_ptr<const DatasetIndex> dataset;
    std::int64_t numClasses = m_options.numClasses;
    if (m_options.data != "synthetic") {
        try {
            dataset = std::make_shared<const DatasetIndex>(indexDataset(m_options.data));
        } catch (const InputError& error) {
            throw InputError(SourceLocation{m_options.data}, "--data", error.problem());
        }
        if (dataset->images.empty() || dataset->identities.empty())
            throw InputError(SourceLocation{m_options.data}, "--data", "no labelled images found");
        numClasses = static_cast<std::int64_t>(dataset->identities.size());
    }
    result.deviceTable = bench::readDeviceTable();

    BenchProgress p;
    p.total =
        static_cast<int>(devices.size() * m_options.models.size() * m_options.batchSizes.size());
    for (std::size_t d = 0; d < devices.size() && !result.cancelled; ++d)
        for (const std::string& model : m_options.models)
            for (const std::int64_t batch : m_options.batchSizes) {
                if (m_cancel.load()) {
                    result.cancelled = true;
                    break;
                }
                p.message = model + " batch " + std::to_string(batch) + " on " +
                            m_options.devices[d] + " ...";
                p.row = nullptr;
                if (progress)
                    progress(p);
                bench::MeasureSpec spec;
                spec.model = model;
                spec.batch = batch;
                spec.deviceName = m_options.devices[d];
                spec.device = devices[d];
                spec.numClasses = numClasses;
                spec.dataset = dataset;
                BenchRow row = bench::measureConfiguration(m_options, spec, &m_cancel);
                if (row.status == "cancelled") {
                    result.cancelled = true;
                    break;
                }
                result.rows.push_back(std::move(row));
                ++p.index;
                p.row = &result.rows.back();
                p.message.clear();
                if (progress)
                    progress(p);
            }
    addScaling(result);
    return result;
}

} // namespace fb
