// TrainingJob::run: a training run put together from the pieces of this folder: data
// (training_data), model + head + SGD (train_step), the steps (training_loop) with their
// progress log (step_log), validation (periodic_validation) and checkpoints (checkpointer,
// checkpoint, resume_state), and the run directory's logs (run_log, metrics_log).
#include "facebench/training_job.h"

#include "facebench/errors.h"
#include "facebench/lr_schedule.h"
#include "facebench/run_directory.h"
#include "train/checkpointer.h"
#include "train/device.h"
#include "train/periodic_validation.h"
#include "train/resume_state.h"
#include "train/training_context.h"
#include "train/training_data.h"
#include "train/training_loop.h"

#include <chrono>
#include <filesystem>

namespace fb {

using namespace train;

namespace {

// config.device, or with --nproc the local rank's GPU (one per local rank, as torchrun's
// LOCAL_RANK). Throws InputError when the rank has no GPU.
torch::Device trainingDevice(const ExperimentConfig& config, const DistributedOptions& options) {
    torch::Device device = resolveDevice(config.device);
    if (!options.enabled() || !device.is_cuda())
        return device;
    const int gpus = static_cast<int>(torch::cuda::device_count());
    if (options.localRank >= gpus)
        throw InputError(SourceLocation{}, "--nproc",
                         "local rank " + std::to_string(options.localRank) +
                             " has no GPU: this node has " + std::to_string(gpus) +
                             " (one process per GPU)");
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(options.localRank));
}

// The run to continue and its last checkpoint, which must be of the config's model.
Checkpoint openResumedRun(TrainingContext& context, const std::string& resumeDir) {
    context.run = RunDirectory::openForResume(resumeDir);
    Checkpoint checkpoint = readCheckpoint(context.run.checkpointDir());
    const std::string& model = context.config.model.name;
    if (checkpoint.info.model != model)
        throw InputError(SourceLocation{context.run.checkpoints().last()}, "model.name",
                         "the checkpoint is of '" + checkpoint.info.model +
                             "', the config names '" + model + "'");
    return checkpoint;
}

// A run started in a folder the caller chose (a study's cell) rather than a stamped new one.
RunDirectory startRunIn(const std::string& folder, const ExperimentConfig& config) {
    const RunDirectory run(folder);
    std::error_code error;
    std::filesystem::create_directories(run.checkpointDir(), error);
    if (error)
        throw InputError(SourceLocation{folder}, "",
                         "cannot create the run folder: " + error.message());
    run.writeConfig(config);
    return run;
}

// Rank 0 first: it may generate the synthetic set or write the index cache the others read.
TrainingData loadTrainingData(TrainingContext& context, const std::atomic_bool* cancel) {
    if (context.dist && !context.mainRank)
        context.dist->waitForRank0("data");
    const TrainingData data = prepareTrainingData(
        context.config,
        [&](const std::string& text) {
            TrainingProgress event;
            event.kind = TrainingProgress::Kind::Start;
            event.message = text;
            context.emit(event);
        },
        cancel);
    if (context.dist && context.mainRank)
        context.dist->rank0Done("data");
    return data;
}

// After buildModules: restoring the RNG state last leaves it where the first run had it.
void restoreCheckpoint(TrainingContext& context, TrainModules& modules, TrainStep& step,
                       Checkpoint& checkpoint) {
    const CheckpointFiles files = context.run.checkpoints();
    loadModelState(*modules.model, checkpoint.model, files.last());
    restoreResumeTensors(modules, checkpoint.state.tensors, files.lastState());
    context.state = checkpoint.state;
    context.state.tensors.clear();
    step.scaler().restore(context.state.gradScale, context.state.gradGrowthTracker);
}

// Every rank starts from rank 0's replica (equal anyway: same seed, same checkpoint) and
// learns the run directory rank 0 made.
void shareStartAcrossRanks(TrainingContext& context, TrainModules& modules) {
    if (!context.dist)
        return;
    std::vector<torch::Tensor> replica = modules.parameters;
    for (const auto& buffer : modules.model->buffers())
        replica.push_back(buffer);
    context.dist->broadcastFromRank0(replica, "the parameter broadcast");
    if (context.mainRank)
        context.dist->publish("run_dir", context.run.path);
    else
        context.run.path = context.dist->read("run_dir");
}

// train.log and metrics.jsonl (rank 0 writes them), and the lines that open train.log.
void openLogs(TrainingContext& context, const TrainingData& data, bool resuming,
              const torch::Device& device, const DistributedOptions& distOptions) {
    const ExperimentConfig& config = context.config;
    const bool main = context.mainRank;
    context.log = std::make_unique<RunLog>(main ? context.run.logFile() : std::string());
    context.metrics = std::make_unique<MetricsLog>(
        main ? context.run.metricsFile() : std::string(),
        main && config.output.tensorboard ? context.run.tensorBoardDir() : std::string());
    RunLog& log = *context.log;
    if (context.dist)
        log.line("distributed: " + std::to_string(context.worldSize()) + " processes (" +
                 context.dist->backendName() + ", rendezvous " + distOptions.masterAddr + ":" +
                 std::to_string(distOptions.masterPort) + "), global batch " +
                 std::to_string(config.train.batchSize) +
                 (config.train.freezeBn ? ", BatchNorm frozen"
                                        : ", BatchNorm statistics per rank, buffers from rank 0"));
    if (resuming) {
        context.metrics->truncateAfter(context.state.step);
        if (main)
            context.run.writeConfig(config); // with the --set overrides of the resume
        log.line("resumed at step " + std::to_string(context.state.step) + " on " +
                 config.device.name);
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
}

// Shuffled, with the style's last-batch policy and training pre-processing, this rank's
// shard, continuing where the checkpoint left off. Throws InputError when no batch is left.
std::unique_ptr<data::BatchLoader> trainingLoader(const TrainingContext& context,
                                                  const TrainingData& data) {
    const ExperimentConfig& config = context.config;
    data::LoaderOptions options;
    options.batchSize = config.train.batchSize;
    options.workers = static_cast<int>(config.data.workers);
    options.seed = static_cast<std::uint64_t>(config.train.seed);
    options.shuffle = true;
    options.lastBatch = config.style.lastBatch;
    options.preprocess = data::preprocessSpecFor(config, /*train=*/true);
    options.rank = context.rank();
    options.worldSize = context.worldSize();
    const TrainState::LoaderPosition& at = context.state.loader;
    auto loader = std::make_unique<data::BatchLoader>(
        data.train, options, data::LoaderPosition{at.epoch, at.batchInEpoch});
    if (loader->batchesPerEpoch() < 1)
        throw InputError(SourceLocation{}, "train.batch_size",
                         "batch size " + std::to_string(config.train.batchSize) +
                             " is larger than the " + std::to_string(data.train->images.size()) +
                             " training images and the last-batch policy drops the short batch");
    return loader;
}

// The last validation and checkpoint, the end line of train.log and the Done event.
void finishRun(TrainingContext& context, const data::BatchLoader& loader,
               PeriodicValidation& validation, Checkpointer& checkpointer) {
    TrainingResult& result = context.result;
    const std::int64_t step = context.state.step;
    if (validation.enabled() && !result.cancelled && step % context.config.train.valEvery != 0)
        validation.run();
    if (!checkpointer.current())
        checkpointer.writeLast();
    // Rank 0 serves the store: it stays until every rank has read what it needed.
    if (context.dist)
        context.dist->gatherAtRank0("exit", "");
    result.steps = step;
    result.bestMetric = context.state.bestMetric.value_or(0);
    result.badImages = static_cast<std::int64_t>(loader.badImages().size());
    if (result.badImages > 0)
        context.log->line(std::to_string(result.badImages) +
                          " bad image(s) were skipped and replaced (listed above)");
    context.log->line(std::string(result.cancelled ? "cancelled" : "finished") + " at step " +
                      std::to_string(step) + " of " + std::to_string(context.totalSteps) +
                      "; last checkpoint " + result.lastCheckpoint);
    TrainingProgress done = context.event(TrainingProgress::Kind::Done);
    done.loss = result.lastLoss;
    done.acc = result.lastAcc;
    done.lr = context.lastLr;
    done.message = result.cancelled ? "cancelled" : "done";
    context.emit(done);
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
    const auto started = std::chrono::steady_clock::now();
    const ExperimentConfig& config = m_config;
    validateExperimentConfig(config);
    const bool resuming = !m_options.resumeDir.empty();
    TrainingContext context(config, progress);

    // Everything that can fail on bad input does so before the run directory exists.
    const DistributedOptions& distOptions = m_options.distributed;
    const torch::Device device = trainingDevice(config, distOptions);
    configureRuntime(config.device, device);
    if (distOptions.enabled())
        context.dist = std::make_unique<dist::DistContext>(distOptions, device);
    context.mainRank = !context.dist || context.dist->isMain();
    Checkpoint checkpoint;
    if (resuming)
        checkpoint = openResumedRun(context, m_options.resumeDir);
    const TrainingData data = loadTrainingData(context, &m_cancel);

    torch::manual_seed(static_cast<std::uint64_t>(config.train.seed));
    TrainModules modules = buildModules(config, data.numClasses, device);
    setTrainingMode(modules, config.train.freezeBn);
    TrainStep step(modules);
    step.setDistributed(context.dist.get());
    if (resuming)
        restoreCheckpoint(context, modules, step, checkpoint);
    else if (context.mainRank)
        context.run = m_options.runDir.empty() ? RunDirectory::create(config)
                                               : startRunIn(m_options.runDir, config);
    shareStartAcrossRanks(context, modules);
    openLogs(context, data, resuming, device, distOptions);
    const std::unique_ptr<data::BatchLoader> loader = trainingLoader(context, data);

    context.totalSteps = totalIterations(config.train, loader->batchesPerEpoch());
    context.epoch = context.state.loader.epoch;
    TrainingResult& result = context.result;
    result.runDir = context.run.path;
    result.totalSteps = context.totalSteps;
    result.worldSize = context.worldSize();
    result.lastCheckpoint = context.run.checkpoints().last();
    PeriodicValidation validation(context, modules, data.val, m_options.verification);
    Checkpointer checkpointer(context, modules, step, /*bestByLoss=*/!validation.enabled(),
                              resuming ? context.state.step : -1);
    TrainingProgress start = context.event(TrainingProgress::Kind::Start);
    start.message = context.run.path;
    context.emit(start);

    result.cancelled =
        TrainingLoop(context, *loader, step, checkpointer, validation, m_cancel, m_pause).run();
    finishRun(context, *loader, validation, checkpointer);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace fb
