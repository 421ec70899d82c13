#pragma once
// Checkpoints: checkpoints/last.pt holds the model's weights in the FaceBench weights
// format (readModelWeights reads it: `eval --run`, `extract --weights`), and its companion
// checkpoints/last.state.pt the rest of what an exact resume needs (head, SGD momentum buffers,
// step, loader position, RNG states, grad scaler, best metric). Both are torch.load-able dicts
// and carry the step they were written at, which pairs them.
//
// A write killed at any point leaves a loadable, paired checkpoint: both files are written
// whole to temporary names first; then the old state is kept as prev.state.pt, the new state
// renamed in, the new weights renamed in (the commit point), and prev.state.pt removed. A
// reader takes last.pt's step and the state file (last or prev) with the same step.
#include "weights/model_weights.h"

#include <functional>
#include <optional>
#include <string>

namespace fb::train {

struct TrainState {
    std::int64_t step = 0; // optimiser steps done
    // Where the loader's next batch continues (data::LoaderPosition; kept here as plain numbers
    // so this header needs neither the loader nor OpenCV).
    struct LoaderPosition {
        std::int64_t epoch = 0;
        std::int64_t batchInEpoch = 0;
    } loader;
    std::optional<double> bestMetric;
    double gradScale = 0; // AMP grad scaler (0 when unused)
    std::int64_t gradGrowthTracker = 0;
    StateDict tensors; // "head.*", "optim.momentum.<i>", "rng.cpu", "rng.cuda.<i>"
};

struct Checkpoint {
    WeightsInfo info;
    StateDict model;
    TrainState state;
};

// Writes <dir>/last.pt and <dir>/last.state.pt as described above. Throws JobError when the
// disk refuses.
void writeCheckpoint(const std::string& dir, const WeightsInfo& info, const StateDict& model,
                     const TrainState& state);
// Reads the last checkpoint of <dir> (maps every tensor to the CPU). Throws InputError naming
// the file when it is missing, unreadable or has no state with the weights' step.
Checkpoint readCheckpoint(const std::string& dir);
// <dir>/best.pt: weights only (no resume state), with the step and the metric.
void writeBestWeights(const std::string& dir, const WeightsInfo& info, const StateDict& model,
                      std::int64_t step, double metric);

// Test hook: called after each stage of writeCheckpoint ("temporaries", "state-kept",
// "state-renamed", "weights-renamed", "done"); a hook that throws simulates a write killed there.
void setCheckpointStageHook(std::function<void(const std::string& stage, std::int64_t step)> hook);

} // namespace fb::train
