#pragma once
// The training job: model + head + SGD + lr schedule + loader, run for the length the
// config gives, writing the run directory of docs/ARCHITECTURE.md. Torch-free, so the GUI's
// training panel and the CLI's `train` verb wrap the same object: run() on a worker thread,
// cancel(), pause() and resume() from any thread, progress through a callback.
#include "facebench/distributed.h"
#include "facebench/eval_protocols.h" // FeatureSource
#include "facebench/experiment_config.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fb {

// One progress event. Events are batched: one Step event per train.log_every steps (the
// averages over those steps), plus one event at start, after each checkpoint, after each
// validation, for each newly reported bad image, and at the end.
struct TrainingProgress {
    enum class Kind { Start, Step, Checkpoint, Validation, BadImage, Done };
    Kind kind = Kind::Step;
    std::int64_t step = 0;       // optimiser steps done so far
    std::int64_t totalSteps = 0; // the run's length in steps
    std::int64_t epoch = 0;      // 0-based epoch of the last batch
    double loss = 0;             // mean training loss over the interval
    double acc = 0;              // mean training accuracy (logits without margin) over the interval
    double lr = 0;               // learning rate of the last step
    double imgPerSec = 0;        // images / (t_data + t_compute) over the interval
    double tData = 0;            // mean seconds per step waiting for the loader (seed eq. 7)
    double tCompute = 0;         // mean seconds per step in forward, backward and update
    double tAgg = 0;             // distributed: mean seconds per step in the gradient all-reduce
                                 // (t_agg, seed eq. 7; not part of tCompute)
    int rank = 0;                // distributed: the rank that sent the event (0 writes the run)
    int worldSize = 1;
    double etaSeconds = 0;                 // estimated time to the end of the run
    std::map<std::string, double> metrics; // Validation: "val_acc", "val_loss", hook metrics
    std::string runDir;
    std::string
        message; // Start: the run directory; Checkpoint: the file; BadImage: path and problem
};

// A verification hook for periodic validation (e.g. a protocol of the evaluation code):
// `features` gives the current model's features of image files exactly as `eval` computes them
// (eval pre-processing, eval.flip, eval.batch_size); the hook returns named metrics
// ("lfw_acc": 0.93), logged into metrics.jsonl.
struct VerificationHook {
    std::string name;
    std::function<std::map<std::string, double>(const FeatureSource& features)> run;
};

struct TrainingOptions {
    // Continue the run in this directory from checkpoints/last.pt (+ last.state.pt); the config
    // is then the run's config.yaml (with the overrides already applied by the caller).
    std::string resumeDir;
    // Start the run in this exact folder (created with its checkpoints/ and config.yaml)
    // instead of output.dir/<name>-<time>: a study's cell, DIR/cells/<id>/ (facebench/study.h).
    std::string runDir;
    std::vector<VerificationHook> verification; // run at every validation, after accuracy
    // Data-parallel training: this process is one rank of a job of worldSize
    // processes (see facebench/distributed.h; `facebench-cli train --nproc N` fills it in each
    // worker). train.batch_size is the global batch, split over the ranks; rank 0 writes the run
    // directory; the others write nothing. worldSize 1 (the default) is a plain run.
    DistributedOptions distributed;
};

struct TrainingResult {
    std::string runDir;
    std::int64_t steps = 0; // steps done when the job ended
    std::int64_t totalSteps = 0;
    double lastLoss = 0; // mean loss of the last log interval
    double lastAcc = 0;
    double bestMetric = 0;     // best validation accuracy (or -loss without validation)
    bool cancelled = false;    // ended by cancel(); a checkpoint was written
    int worldSize = 1;         // distributed: processes in the job
    std::string replicaDigest; // distributed: digest of the final parameters, equal on all ranks
    std::int64_t badImages = 0;
    double seconds = 0;
    std::string lastCheckpoint; // checkpoints/last.pt
};

class TrainingJob {
public:
    using ProgressCallback = std::function<void(const TrainingProgress&)>;

    TrainingJob(ExperimentConfig config, TrainingOptions options = {});
    ~TrainingJob();

    // Runs to the end, to cancel() or to an error. Throws InputError for a bad config, data
    // folder or device (nothing written), JobError for failures while running, e.g. a NaN or
    // Inf loss (the message names the step and lr; the last good checkpoint stays).
    TrainingResult run(const ProgressCallback& progress = {});

    // Safe from any thread and from a signal handler (a lock-free flag): the job stops after
    // the current step, writes a checkpoint and returns with result.cancelled.
    void cancel() { m_cancel.store(true); }
    void pause() { m_pause.store(true); }
    void resume() { m_pause.store(false); }
    bool cancelled() const { return m_cancel.load(); }

private:
    ExperimentConfig m_config;
    TrainingOptions m_options;
    std::atomic_bool m_cancel{false};
    std::atomic_bool m_pause{false};
};

// The config the bundled quick start uses (examples/quickstart.yaml, compiled in).
std::string quickstartConfigText();

// Resolves the config of a run directory (RUN/config.yaml) with overrides, for --resume.
ExperimentConfig loadRunConfig(const std::string& runDir,
                               const std::vector<std::string>& overrides = {});

} // namespace fb
