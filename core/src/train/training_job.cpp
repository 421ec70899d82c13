// TrainingJob::run: the training loop of issue 8 over the pieces of this folder: data
// (training_data), model + head + SGD (train_step), checkpoints and their resume state
// (checkpoint, resume_state), the run directory and its logs (run_directory, metrics_log) and
// periodic validation (validation).
#include "facebench/training_job.h"

#include "dist/process_group.h"
#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/lr_schedule.h"
#include "facebench/tensorboard.h"
#include "train/checkpoint.h"
#include "train/device.h"
#include "train/lfw_validation.h"
#include "train/metrics_log.h"
#include "train/resume_state.h"
#include "facebench/run_directory.h"
#include "train/run_log.h"
#include "train/train_step.h"
#include "train/training_data.h"
#include "train/validation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

namespace fb {

using namespace train;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string numberText(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

// The averages of one log interval.
struct Interval {
    std::int64_t steps = 0, images = 0, correct = 0;
    double lossSum = 0, dataSeconds = 0, computeSeconds = 0, aggSeconds = 0;

    void add(const StepResult& r, std::int64_t batchImages, double tData, double tCompute) {
        ++steps;
        aggSeconds += r.aggSeconds;
        images += batchImages;
        correct += r.correct;
        lossSum += r.loss;
        dataSeconds += tData;
        computeSeconds += tCompute - r.aggSeconds;
    }
    double loss() const { return steps ? lossSum / steps : 0; }
    double acc() const { return images ? static_cast<double>(correct) / images : 0; }
    double imgPerSec() const {
        const double seconds = dataSeconds + computeSeconds + aggSeconds;
        return seconds > 0 ? images / seconds : 0;
    }
};

bool allFinite(const StateDict& state) {
    for (const auto& item : state)
        if (item.second.is_floating_point() && !torch::isfinite(item.second).all().item<bool>())
            return false;
    return true;
}

StateDict captureHeadState(TrainModules& modules) {
    StateDict state;
    for (const auto& item : modules.head->named_parameters())
        state.emplace_back(item.key(), item.value());
    return state;
}

} // namespace

TrainingJob::TrainingJob(ExperimentConfig config, TrainingOptions options)
    : m_config(std::move(config)), m_options(std::move(options)) {}

TrainingJob::~TrainingJob() = default;

ExperimentConfig loadRunConfig(const std::string& runDir,
                               const std::vector<std::string>& overrides) {
    // Names the folder when it is not a run or has no checkpoint to resume from.
    return RunDirectory::openForResume(runDir).readConfig(overrides);
}

TrainingResult TrainingJob::run(const ProgressCallback& progress) {
    const Clock::time_point started = Clock::now();
    const ExperimentConfig& config = m_config;
    validateExperimentConfig(config);
    const bool resuming = !m_options.resumeDir.empty();
    const auto emit = [&](TrainingProgress event) {
        if (progress)
            progress(event);
    };

    // Everything that can fail on bad input does so before the run directory exists.
    const DistributedOptions& distOptions = m_options.distributed;
    torch::Device device = resolveDevice(config.device);
    // One GPU per local rank, as torchrun's LOCAL_RANK.
    if (distOptions.enabled() && device.is_cuda()) {
        if (distOptions.localRank >= static_cast<int>(torch::cuda::device_count()))
            throw InputError(SourceLocation{}, "--nproc",
                             "local rank " + std::to_string(distOptions.localRank) +
                                 " has no GPU: this node has " +
                                 std::to_string(torch::cuda::device_count()) +
                                 " (one process per GPU)");
        device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(distOptions.localRank));
    }
    configureRuntime(config.device, device);
    std::unique_ptr<dist::DistContext> dist;
    if (distOptions.enabled())
        dist = std::make_unique<dist::DistContext>(distOptions, device);
    const bool mainRank = !dist || dist->isMain();
    RunDirectory run;
    Checkpoint checkpoint;
    if (resuming) {
        run = RunDirectory::openForResume(m_options.resumeDir);
        checkpoint = readCheckpoint(run.checkpointDir());
        if (checkpoint.info.model != config.model.name)
            throw InputError(SourceLocation{run.checkpoints().last()}, "model.name",
                             "the checkpoint is of '" + checkpoint.info.model +
                                 "', the config names '" + config.model.name + "'");
    }
    // Rank 0 first: it may generate the synthetic set or write the index cache the others read.
    if (dist && !mainRank)
        dist->waitForRank0("data");
    const TrainingData data = prepareTrainingData(
        config,
        [&](const std::string& text) {
            TrainingProgress event;
            event.kind = TrainingProgress::Kind::Start;
            event.message = text;
            emit(event);
        },
        &m_cancel);
    if (dist && mainRank)
        dist->rank0Done("data");

    torch::manual_seed(static_cast<std::uint64_t>(config.train.seed));
    TrainModules modules = buildModules(config, data.numClasses, device);
    setTrainingMode(modules, config.train.freezeBn);
    TrainStep step(modules);
    step.setDistributed(dist.get());
    const WeightsInfo weightsInfo{config.model.name, 0, false};
    TrainState state;
    if (resuming) {
        // After buildModules: restoring the RNG state last leaves it where the first run had it.
        const std::string source = run.checkpoints().lastState();
        loadModelState(*modules.model, checkpoint.model, run.checkpoints().last());
        restoreResumeTensors(modules, checkpoint.state.tensors, source);
        state = checkpoint.state;
        state.tensors.clear();
        step.scaler().restore(state.gradScale, state.gradGrowthTracker);
    } else if (mainRank) {
        run = RunDirectory::create(config);
    }
    if (dist) {
        // Every rank starts from rank 0's replica (equal anyway: same seed, same checkpoint).
        std::vector<torch::Tensor> replica = modules.parameters;
        for (const auto& buffer : modules.model->buffers())
            replica.push_back(buffer);
        dist->broadcastFromRank0(replica, "the parameter broadcast");
        if (mainRank)
            dist->publish("run_dir", run.path);
        else
            run.path = dist->read("run_dir");
    }
    RunLog log(mainRank ? run.logFile() : std::string());
    MetricsLog metrics(mainRank ? run.metricsFile() : std::string(),
                       mainRank && config.output.tensorboard ? run.tensorBoardDir()
                                                             : std::string());
    if (dist)
        log.line("distributed: " + std::to_string(dist->worldSize()) + " processes (" +
                 dist->backendName() + ", rendezvous " + distOptions.masterAddr + ":" +
                 std::to_string(distOptions.masterPort) + "), global batch " +
                 std::to_string(config.train.batchSize) +
                 (config.train.freezeBn ? ", BatchNorm frozen"
                                        : ", BatchNorm statistics per rank, buffers from rank 0"));
    if (resuming) {
        metrics.truncateAfter(state.step);
        if (mainRank)
            writeFileAtomically(run.configFile(),
                                toYaml(config)); // with the --set overrides of the resume
        log.line("resumed at step " + std::to_string(state.step) + " on " + config.device.name);
    } else {
        log.line("started " + config.model.name + " + " + config.head.type + " on " +
                 config.device.name + ", " + std::to_string(data.train->images.size()) +
                 " training images of " + std::to_string(data.train->identities.size()) +
                 " identities, " + std::to_string(data.numClasses) + " classes");
    }
    if (config.device.amp && !device.is_cuda())
        log.line("device.amp applies to CUDA only: training in float32 on the CPU");
    for (const std::string& note : data.notes)
        log.line(note);

    data::LoaderOptions loaderOptions;
    loaderOptions.batchSize = config.train.batchSize;
    loaderOptions.workers = static_cast<int>(config.data.workers);
    loaderOptions.seed = static_cast<std::uint64_t>(config.train.seed);
    loaderOptions.shuffle = true;
    loaderOptions.lastBatch = config.style.lastBatch;
    loaderOptions.preprocess = data::preprocessSpecFor(config, /*train=*/true);
    loaderOptions.rank = dist ? dist->rank() : 0;
    loaderOptions.worldSize = dist ? dist->worldSize() : 1;
    data::BatchLoader loader(data.train, loaderOptions,
                             {state.loader.epoch, state.loader.batchInEpoch});
    const std::int64_t perEpoch = loader.batchesPerEpoch();
    if (perEpoch < 1)
        throw InputError(SourceLocation{}, "train.batch_size",
                         "batch size " + std::to_string(config.train.batchSize) +
                             " is larger than the " + std::to_string(data.train->images.size()) +
                             " training images and the last-batch policy drops the short batch");
    const std::int64_t total = totalIterations(config.train, perEpoch);

    TrainingResult result;
    result.runDir = run.path;
    result.totalSteps = total;
    result.worldSize = dist ? dist->worldSize() : 1;
    result.lastCheckpoint = run.checkpoints().last();
    // Verification on LFW-style pairs when the config's eval section names them and they exist.
    std::vector<VerificationHook> verification = m_options.verification;
    const bool wantsLfw = std::find(config.eval.protocols.begin(), config.eval.protocols.end(),
                                    "lfw") != config.eval.protocols.end();
    if (config.train.valEvery > 0 && wantsLfw && !config.eval.data.empty() &&
        std::filesystem::is_regular_file(config.eval.data + "/lfw/pairs.txt"))
        verification.push_back(lfwVerificationHook(config.eval.data));
    const bool validating = config.train.valEvery > 0 && (data.val || !verification.empty());
    std::int64_t lastCheckpointStep = resuming ? state.step : -1;
    double lastLoggedLoss = NAN;
    std::int64_t epoch = state.loader.epoch;
    double lastLr = 0;
    bool skippedSingle = false;
    // An event stamped with where the run is now.
    const auto eventNow = [&](TrainingProgress::Kind kind) {
        TrainingProgress event;
        event.kind = kind;
        event.step = state.step;
        event.totalSteps = total;
        event.epoch = epoch;
        event.runDir = run.path;
        event.rank = dist ? dist->rank() : 0;
        event.worldSize = dist ? dist->worldSize() : 1;
        return event;
    };
    // Distributed: every rank's replica must be bit-identical (same averaged gradients, same
    // update); checked at each checkpoint through the store, a mismatch stops the job.
    const auto checkReplicas = [&](const std::string& tag) {
        if (!dist)
            return;
        // Buffers (BatchNorm running statistics) follow rank 0, as before every step: each
        // rank's forward pass updated its own since.
        std::vector<torch::Tensor> buffers;
        for (const auto& buffer : modules.model->buffers())
            buffers.push_back(buffer);
        if (!buffers.empty())
            dist->broadcastFromRank0(buffers, "the buffer broadcast");
        // FACEBENCH_PERTURB_RANK=R (for test_distributed only) makes rank R's replica drift:
        // its first parameter moves by 1e-6 here, so the comparison below has a mismatch to
        // catch. Unset, as in every real run, it does nothing.
        if (const char* perturb = std::getenv("FACEBENCH_PERTURB_RANK");
            perturb && std::to_string(dist->rank()) == perturb && !modules.parameters.empty()) {
            torch::NoGradGuard noGrad;
            modules.parameters.front().add_(1e-6);
        }
        std::vector<torch::Tensor> replica = modules.parameters;
        replica.insert(replica.end(), buffers.begin(), buffers.end());
        result.replicaDigest = dist::tensorDigest(replica);
        const std::vector<std::string> all = dist->gatherAtRank0(tag, result.replicaDigest);
        for (std::size_t r = 1; r < all.size(); ++r)
            if (all[r] != all[0]) {
                const std::string message = "the parameters of rank " + std::to_string(r) +
                                            " differ from rank 0's at step " +
                                            std::to_string(state.step) + " (digest " + all[r] +
                                            " against " + all[0] + ")";
                log.line(message);
                throw JobError(message);
            }
        if (!all.empty())
            log.line("parameters identical on all " + std::to_string(all.size()) +
                     " ranks at step " + std::to_string(state.step) + " (digest " + all[0] + ")");
    };

    // A NaN or Inf stops the run: logged in metrics.jsonl and train.log, the last checkpoint
    // (always finite, see writeLast) kept, JobError naming the step and the lr.
    const auto stopNonFinite = [&](std::int64_t failedStep, const std::string& value,
                                   const std::string& what, double lr) {
        metrics.append(
            {{"type", "nan"}, {"step", failedStep}, {"epoch", epoch}, {what, value}, {"lr", lr}});
        const std::string kept = lastCheckpointStep >= 0 ? "the last good checkpoint (step " +
                                                               std::to_string(lastCheckpointStep) +
                                                               ") is " + result.lastCheckpoint
                                                         : "no checkpoint had been written yet";
        const std::string message =
            "the " + what + " became " + value + " at step " + std::to_string(failedStep) +
            " (lr " + numberText(lr) + "); training stopped, " + kept +
            ". Lower schedule.base_lr or add warm-up (schedule.warmup_iterations).";
        log.line(message);
        throw JobError(message);
    };

    const auto writeLast = [&] {
        // Never a checkpoint of non-finite weights: the loss only shows them one step later.
        if (!allFinite(modelState(*modules.model)) || !allFinite(captureHeadState(modules)))
            stopNonFinite(state.step, "NaN or Inf", "weights", lastLr);
        const std::string tag = "checkpoint/" + std::to_string(state.step);
        checkReplicas(tag);
        if (!mainRank) {
            lastCheckpointStep = state.step;
            dist->waitForRank0(tag); // rank 0 writes; a collective would time out meanwhile
            return;
        }
        state.gradScale = step.scaler().enabled() ? step.scaler().currentScale() : 0;
        state.gradGrowthTracker = step.scaler().growthTracker();
        // Best without validation: the lowest logged training loss at checkpoint time.
        if (!validating && std::isfinite(lastLoggedLoss) &&
            (!state.bestMetric || -lastLoggedLoss > *state.bestMetric)) {
            state.bestMetric = -lastLoggedLoss;
            writeBestWeights(run.checkpointDir(), weightsInfo, modelState(*modules.model),
                             state.step, *state.bestMetric);
        }
        TrainState saved = state;
        saved.tensors = captureResumeTensors(modules);
        writeCheckpoint(run.checkpointDir(), weightsInfo, modelState(*modules.model), saved);
        lastCheckpointStep = state.step;
        if (dist)
            dist->rank0Done(tag);
        TrainingProgress event = eventNow(TrainingProgress::Kind::Checkpoint);
        event.message = result.lastCheckpoint;
        emit(event);
    };

    const auto validate = [&] {
        // Rank 0 validates (its replica is everyone's); the others wait for it.
        const std::string tag = "validation/" + std::to_string(state.step);
        if (!mainRank) {
            dist->waitForRank0(tag);
            return;
        }
        TrainingProgress event = eventNow(TrainingProgress::Kind::Validation);
        nlohmann::ordered_json row{{"type", "val"}, {"step", state.step}, {"epoch", epoch}};
        std::optional<double> metric;
        if (data.val) {
            const ValidationResult held = heldOutAccuracy(modules, data.val, config);
            row["val_acc"] = held.accuracy;
            row["val_loss"] = held.loss;
            row["val_images"] = held.images;
            event.metrics["val_acc"] = held.accuracy;
            event.metrics["val_loss"] = held.loss;
            metric = held.accuracy;
        }
        // Verification on a protocol (evaluation code, issue 9) through the hook.
        if (!verification.empty()) {
            modules.model->eval();
            const FeatureSource features = modelFeatures(modules, config);
            for (const VerificationHook& hook : verification) {
                try {
                    for (const auto& [name, value] : hook.run(features)) {
                        row[name] = value;
                        event.metrics[name] = value;
                        if (!metric)
                            metric = value;
                    }
                } catch (const std::exception& error) {
                    log.line("validation '" + hook.name + "' failed: " + error.what());
                }
            }
        }
        setTrainingMode(modules, config.train.freezeBn);
        metrics.append(row);
        if (metric && (!state.bestMetric || *metric > *state.bestMetric)) {
            state.bestMetric = *metric;
            writeBestWeights(run.checkpointDir(), weightsInfo, modelState(*modules.model),
                             state.step, *metric);
        }
        if (dist)
            dist->rank0Done(tag);
        emit(event);
    };

    {
        TrainingProgress event = eventNow(TrainingProgress::Kind::Start);
        event.message = run.path;
        emit(event);
    }

    Interval interval;
    double secondsPerStep = 0; // moving average, for the ETA
    std::set<std::string> badReported;
    bool stopAgreed = false; // distributed: all ranks stop after the same step
    while (state.step < total) {
        // Pausing one rank would stall the others into their timeout: distributed runs do not
        // pause, and stop together (the stop request travels with the step's statistics).
        while (!dist && m_pause.load() && !m_cancel.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (dist ? stopAgreed : m_cancel.load())
            break;
        const Clock::time_point t0 = Clock::now();
        const data::Batch batch = loader.next();
        const double tData = secondsSince(t0);
        // A last batch of one image (last_batch keep) cannot train BatchNorm layers (one value
        // per channel): it is skipped, not a step, and said once in train.log.
        // Distributed: every rank's shard needs two, and all ranks decide alike from the
        // global size.
        const std::int64_t world = dist ? dist->worldSize() : 1;
        if (batch.globalSize / world < 2) {
            if (!skippedSingle)
                log.line("skipped a batch of " + std::to_string(batch.globalSize) +
                         " image(s) at the end of epoch " + std::to_string(batch.position.epoch) +
                         " (BatchNorm needs two or more per process; set style.last_batch: drop "
                         "or wrap to avoid it)");
            skippedSingle = true;
            continue;
        }
        const Clock::time_point t1 = Clock::now();
        lastLr = learningRate(config.schedule, state.step, perEpoch, total);
        const StepResult r = step.run(batch.images, batch.labels, lastLr, state.step,
                                      StepShard{batch.globalSize, m_cancel.load()});
        stopAgreed = r.stopAgreed;
        if (stopAgreed)
            m_cancel.store(true);
        const double tCompute = secondsSince(t1);
        epoch = batch.position.epoch;
        if (!r.finite)
            stopNonFinite(state.step + 1, std::isnan(r.loss) ? "NaN" : "Inf", "loss", lastLr);
        ++state.step;
        state.loader = {loader.position().epoch, loader.position().batchInEpoch};
        interval.add(r, batch.globalSize, tData, tCompute);
        const double stepSeconds = tData + tCompute;
        secondsPerStep =
            secondsPerStep == 0 ? stepSeconds : 0.9 * secondsPerStep + 0.1 * stepSeconds;

        if (state.step % config.train.logEvery == 0 || state.step == total) {
            TrainingProgress event = eventNow(TrainingProgress::Kind::Step);
            event.loss = interval.loss();
            event.acc = interval.acc();
            event.lr = lastLr;
            event.imgPerSec = interval.imgPerSec();
            event.tData = interval.dataSeconds / interval.steps;
            event.tCompute = interval.computeSeconds / interval.steps;
            event.tAgg = interval.aggSeconds / interval.steps;
            event.etaSeconds = secondsPerStep * static_cast<double>(total - state.step);
            nlohmann::ordered_json row{
                {"type", "train"},          {"step", state.step},    {"epoch", epoch},
                {"loss", event.loss},       {"acc", event.acc},      {"lr", event.lr},
                {"img_s", event.imgPerSec}, {"t_data", event.tData}, {"t_compute", event.tCompute}};
            if (dist) {
                row["t_agg"] = event.tAgg;
                row["world_size"] = dist->worldSize();
            }
            metrics.append(row);
            lastLoggedLoss = event.loss;
            result.lastLoss = event.loss;
            result.lastAcc = event.acc;
            interval = Interval{};
            emit(event);

            // badImages() is sorted by path: report the ones not reported yet.
            for (const data::BadImage& bad : loader.badImages()) {
                if (!badReported.insert(bad.path).second)
                    continue;
                const std::string line = "bad image skipped: " + bad.path + ": " + bad.problem;
                log.line(line);
                TrainingProgress badEvent;
                badEvent.kind = TrainingProgress::Kind::BadImage;
                badEvent.step = state.step;
                badEvent.message = line;
                emit(badEvent);
            }
        }
        if (validating && state.step % config.train.valEvery == 0)
            validate();
        if (config.train.checkpointEvery > 0 && state.step % config.train.checkpointEvery == 0 &&
            state.step < total)
            writeLast();
    }

    result.cancelled = (dist ? stopAgreed : m_cancel.load()) && state.step < total;
    if (validating && !result.cancelled && state.step % config.train.valEvery != 0)
        validate();
    if (lastCheckpointStep != state.step)
        writeLast();
    // Rank 0 serves the store: it stays until every rank has read what it needed.
    if (dist)
        dist->gatherAtRank0("exit", "");
    result.steps = state.step;
    result.bestMetric = state.bestMetric.value_or(0);
    result.badImages = static_cast<std::int64_t>(loader.badImages().size());
    result.seconds = secondsSince(started);
    if (result.badImages > 0)
        log.line(std::to_string(result.badImages) +
                 " bad image(s) were skipped and replaced (listed above)");
    log.line(std::string(result.cancelled ? "cancelled" : "finished") + " at step " +
             std::to_string(state.step) + " of " + std::to_string(total) + "; last checkpoint " +
             result.lastCheckpoint);
    TrainingProgress done;
    done.kind = TrainingProgress::Kind::Done;
    done.step = state.step;
    done.totalSteps = total;
    done.epoch = epoch;
    done.loss = result.lastLoss;
    done.acc = result.lastAcc;
    done.lr = lastLr;
    done.runDir = run.path;
    done.rank = dist ? dist->rank() : 0;
    done.worldSize = dist ? dist->worldSize() : 1;
    done.message = result.cancelled ? "cancelled" : "done";
    emit(done);
    return result;
}

} // namespace fb
