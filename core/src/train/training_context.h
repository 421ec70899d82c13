#pragma once
// What the units of one training run share (TrainingJob::run wires them together): the
// config, the process group, the run directory and its logs, the resumable state, the result
// taking shape and the progress callback. Core-internal (torch through the process group).
#include "dist/process_group.h"
#include "facebench/run_directory.h"
#include "facebench/training_job.h"
#include "train/checkpoint.h"
#include "train/metrics_log.h"
#include "train/run_log.h"

#include <memory>

namespace fb::train {

struct TrainingContext {
    TrainingContext(const ExperimentConfig& runConfig, TrainingJob::ProgressCallback callback)
        : config(runConfig), weights{runConfig.model.name, 0, false},
          progress(std::move(callback)) {}

    const ExperimentConfig& config;
    const WeightsInfo weights; // what checkpoints and best.pt say they hold
    TrainingJob::ProgressCallback progress;
    std::unique_ptr<dist::DistContext> dist; // null: a single process
    bool mainRank = true;                    // rank 0 (or the only process) writes the run
    RunDirectory run;
    std::unique_ptr<RunLog> log;         // train.log (writes nothing on the other ranks)
    std::unique_ptr<MetricsLog> metrics; // metrics.jsonl and its TensorBoard events
    TrainState state;                    // what a checkpoint saves: step, loader, best, scaler
    std::int64_t totalSteps = 0;
    std::int64_t epoch = 0; // 0-based epoch of the last batch
    double lastLr = 0;      // of the last step
    TrainingResult result;

    int rank() const { return dist ? dist->rank() : 0; }
    int worldSize() const { return dist ? dist->worldSize() : 1; }

    // An event stamped with where the run is now.
    TrainingProgress event(TrainingProgress::Kind kind) const {
        TrainingProgress e;
        e.kind = kind;
        e.step = state.step;
        e.totalSteps = totalSteps;
        e.epoch = epoch;
        e.runDir = run.path;
        e.rank = rank();
        e.worldSize = worldSize();
        return e;
    }
    void emit(const TrainingProgress& e) const {
        if (progress)
            progress(e);
    }
};

} // namespace fb::train
