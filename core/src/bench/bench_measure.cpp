#include "bench/bench_measure.h"

#include "bench/bench_loop.h"
#include "bench/bench_memory.h"
#include "data/batch_loader.h"
#include "data/preprocess.h"
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/model_catalog.h"
#include "train/train_step.h"

#include <cstdio>
#include <new>
#include <numeric>

namespace fb::bench {

namespace {

constexpr double kLearningRate = 0.01;

bool isOutOfMemory(const c10::Error& error) {
    // LibTorch 1.13 throws c10::OutOfMemoryError for CUDA; older code paths a c10::Error whose
    // message says so.
    return dynamic_cast<const c10::OutOfMemoryError*>(&error) != nullptr ||
           std::string(error.what()).find("out of memory") != std::string::npos;
}

std::string firstLine(const std::string& text) {
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

ExperimentConfig configFor(const BenchOptions& options, const MeasureSpec& spec, int height,
                           int width) {
    ExperimentConfig config;
    config.model.name = spec.model;
    config.head.type = options.head;
    // PyTorch's style throughout (Tables 11-12), in the memory format the options ask for.
    config.style = frameworkStyle(Framework::PyTorch);
    config.style.memoryFormat =
        options.channelsLast ? MemoryFormat::ChannelsLast : MemoryFormat::Contiguous;
    config.device.name = spec.deviceName;
    config.device.amp = options.precision == "amp";
    config.schedule.baseLr = kLearningRate;
    config.data.inputSize = {height, width};
    // Styles that crop resize first to 8/7 of the input (256 for 224, as torchvision's recipe).
    config.data.imageSize = {(height * 8 + 6) / 7, (width * 8 + 6) / 7};
    return config;
}

} // namespace

void summarise(BenchRow& row, const IterationTimes& times, bool realData) {
    std::vector<double> totals(times.data.size());
    for (std::size_t i = 0; i < totals.size(); ++i)
        totals[i] = times.data[i] + times.compute[i];
    const double sum = std::accumulate(totals.begin(), totals.end(), 0.0);
    const double n = static_cast<double>(totals.size());
    row.imagesPerSec = sum > 0 ? static_cast<double>(row.batch) * n / sum : 0;
    row.msMedian = median(totals) * 1000.0;
    row.msP90 = percentile90(totals) * 1000.0;
    row.tData = std::accumulate(times.data.begin(), times.data.end(), 0.0) / n;
    row.tCompute = std::accumulate(times.compute.begin(), times.compute.end(), 0.0) / n;
    if (realData) {
        // The loader prefetches on its own threads, so a step costs max(t_load, t_compute)
        // (seed eq. 8) and the time next() blocks is the loading compute did not hide. The
        // data term bounds the step when that wait is over a tenth of the iteration.
        row.bound = row.tData > 0.1 * (row.tData + row.tCompute) ? "data" : "compute";
    }
}

BenchRow measureConfiguration(const BenchOptions& options, const MeasureSpec& spec,
                              const std::atomic_bool* cancel) {
    const ModelInfo* info = findModel(spec.model);
    const int height = options.inputHeight > 0 ? options.inputHeight : info->inputHeight;
    const int width = options.inputWidth > 0 ? options.inputWidth : info->inputWidth;
    BenchRow row;
    row.model = spec.model;
    row.batch = spec.batch;
    row.device = spec.deviceName;
    row.precision = options.precision;
    row.input = std::to_string(height) + "x" + std::to_string(width);
    row.status = "ok";
    const ExperimentConfig config = configFor(options, spec, height, width);
    const bool cuda = spec.device.is_cuda();
    const int cudaIndex = cuda && spec.device.has_index() ? spec.device.index() : 0;

    releaseFreedMemory();
    const double baselineMb = residentMb();
    if (cuda)
        resetCudaPeak(cudaIndex);
    try {
        train::TrainModules modules = train::buildModules(config, spec.numClasses, spec.device);
        train::TrainStep step(modules);
        std::unique_ptr<data::BatchLoader> loader;
        torch::Tensor images, labels;
        if (spec.dataset) {
            data::LoaderOptions loaderOptions;
            loaderOptions.batchSize = spec.batch;
            loaderOptions.lastBatch = LastBatch::Wrap; // every batch full
            loaderOptions.preprocess = data::preprocessSpecFor(config, /*train=*/true);
            loader = std::make_unique<data::BatchLoader>(spec.dataset, loaderOptions);
        } else {
            // Already on the device: synthetic data measures the step alone.
            images = torch::randn({spec.batch, info->channels, height, width}).to(spec.device);
            labels = torch::randint(0, spec.numClasses, {spec.batch}, torch::kLong).to(spec.device);
        }
        const StepFunction run = [&](int iteration) {
            if (!loader) {
                step.run(images, labels, kLearningRate, iteration);
                return 0.0;
            }
            const data::Batch batch = loader->next();
            step.run(batch.images, batch.labels, kLearningRate, iteration);
            return batch.waitSeconds;
        };
        std::function<void()> sync;
        if (cuda && torch::cuda::is_available())
            sync = [cudaIndex] { torch::cuda::synchronize(cudaIndex); };

        auto sampler = std::make_unique<ResidentSampler>();
        const bool hwmReset = resetPeakResident();
        bool overCap = false;
        const auto afterFirstWarmup = [&] {
            double peak = sampler->peakMb();
            sampler.reset();
            if (hwmReset)
                peak = std::max(peak, peakResidentMb());
            row.peakMemMb = cuda ? cudaPeakMb(cudaIndex) : std::max(0.0, peak - baselineMb);
            if (!cuda && options.memoryCapMb > 0 &&
                row.peakMemMb > static_cast<double>(options.memoryCapMb)) {
                overCap = true;
                char text[200];
                std::snprintf(
                    text, sizeof text,
                    "resident memory grew by %.0f MiB in the first step, over --memory-cap-mb %lld",
                    row.peakMemMb, static_cast<long long>(options.memoryCapMb));
                row.status = "oom";
                row.message = text;
                return false;
            }
            return true;
        };
        const IterationTimes times =
            timeIterations(run, sync, options.warmup, options.iterations, afterFirstWarmup, cancel);
        sampler.reset();
        if (times.cancelled) {
            row.status = "cancelled";
        } else if (!overCap) {
            summarise(row, times, loader != nullptr);
            if (cuda)
                row.peakMemMb = cudaPeakMb(cudaIndex);
        }
    } catch (const InputError&) {
        throw; // bad options (head type, data folder): the whole run is wrong, not this row
    } catch (const c10::Error& error) {
        row.status = isOutOfMemory(error) ? "oom" : "error";
        row.message = firstLine(error.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        row.status = "oom";
        row.message = "std::bad_alloc: the host ran out of memory";
    } catch (const std::exception& error) {
        row.status = "error";
        row.message = firstLine(error.what());
    }
    // The modules, the batch and the loader are gone here; hand their memory back so the next
    // configuration starts from the same state (seed Section 4.3: the sweep goes on after oom).
    if (cuda) {
        if (row.status == "oom")
            row.peakMemMb = cudaPeakMb(cudaIndex); // how far it got before the allocation failed
        emptyCudaCache();
    }
    releaseFreedMemory();
    return row;
}

} // namespace fb::bench
