#include "train/checkpoint.h"

#include "facebench/errors.h"
#include "facebench/run_directory.h"

#include <cstdio>
#include <filesystem>

namespace fb::train {

namespace fs = std::filesystem;

namespace {

// model_weights.cpp's format tag: readModelWeights accepts the file and ignores the extra keys.
constexpr const char* kWeightsFormat = "facebench-weights";
constexpr const char* kStateFormat = "facebench-train-state";

std::function<void(const std::string&, std::int64_t)>& stageHook() {
    static std::function<void(const std::string&, std::int64_t)> hook;
    return hook;
}

void stage(const std::string& name, std::int64_t step) {
    if (stageHook())
        stageHook()(name, step);
}

// Doubles as text that reads back to the same bits.
std::string exactText(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

WeightsFile weightsFile(const WeightsInfo& info, const StateDict& model, std::int64_t step) {
    return {model,
            {{"format", kWeightsFormat},
             {"model", info.model},
             {"num_classes", std::to_string(info.numClasses)},
             {"aux_logits", info.auxLogits ? "true" : "false"},
             {"step", std::to_string(step)}}};
}

WeightsFile stateFile(const TrainState& state) {
    WeightsFile file{state.tensors,
                     {{"format", kStateFormat},
                      {"step", std::to_string(state.step)},
                      {"loader_epoch", std::to_string(state.loader.epoch)},
                      {"loader_batch", std::to_string(state.loader.batchInEpoch)},
                      {"grad_scale", exactText(state.gradScale)},
                      {"grad_growth_tracker", std::to_string(state.gradGrowthTracker)}}};
    if (state.bestMetric)
        file.metadata["best_metric"] = exactText(*state.bestMetric);
    return file;
}

void renameOrThrow(const fs::path& from, const fs::path& to) {
    if (std::rename(from.c_str(), to.c_str()) != 0)
        throw JobError("cannot rename " + from.string() + " to " + to.string());
}

std::int64_t stepOf(const WeightsFile& file, const std::string& path) {
    const auto found = file.metadata.find("step");
    if (found == file.metadata.end())
        throw InputError(SourceLocation{path}, "", "not a FaceBench training checkpoint (no step)");
    return std::stoll(found->second);
}

TrainState parseState(const WeightsFile& file, const std::string& path) {
    if (file.metadata.count("format") == 0 || file.metadata.at("format") != kStateFormat)
        throw InputError(SourceLocation{path}, "", "not a FaceBench training state file");
    const auto& m = file.metadata;
    TrainState state;
    try {
        state.step = std::stoll(m.at("step"));
        state.loader.epoch = std::stoll(m.at("loader_epoch"));
        state.loader.batchInEpoch = std::stoll(m.at("loader_batch"));
        state.gradScale = std::stod(m.at("grad_scale"));
        state.gradGrowthTracker = std::stoll(m.at("grad_growth_tracker"));
        if (m.count("best_metric"))
            state.bestMetric = std::stod(m.at("best_metric"));
    } catch (const std::exception&) {
        throw InputError(SourceLocation{path}, "", "the training state is incomplete");
    }
    state.tensors = file.state;
    return state;
}

} // namespace

void setCheckpointStageHook(std::function<void(const std::string&, std::int64_t)> hook) {
    stageHook() = std::move(hook);
}

void writeCheckpoint(const std::string& dir, const WeightsInfo& info, const StateDict& model,
                     const TrainState& state) {
    const CheckpointFiles files{dir};
    const fs::path weights = files.last(), stateName = files.lastState();
    const fs::path weightsTemp = files.last() + ".tmp", stateTemp = files.lastState() + ".tmp";
    const fs::path kept = files.previousState();
    try {
        writeWeightsFile(stateTemp.string(), stateFile(state));
        writeWeightsFile(weightsTemp.string(), weightsFile(info, model, state.step));
    } catch (const InputError& error) {
        throw JobError(std::string("cannot write the checkpoint: ") + error.what());
    }
    stage("temporaries", state.step);
    if (fs::exists(stateName))
        renameOrThrow(stateName, kept);
    stage("state-kept", state.step);
    renameOrThrow(stateTemp, stateName);
    stage("state-renamed", state.step);
    renameOrThrow(weightsTemp, weights); // the commit point
    stage("weights-renamed", state.step);
    std::error_code ignored;
    fs::remove(kept, ignored);
    stage("done", state.step);
}

Checkpoint readCheckpoint(const std::string& dir) {
    const CheckpointFiles files{dir};
    const std::string weightsPath = files.last();
    WeightsFile weights = readWeightsFile(weightsPath);
    const std::int64_t step = stepOf(weights, weightsPath);
    Checkpoint checkpoint;
    checkpoint.info.model = weights.metadata["model"];
    checkpoint.info.numClasses = std::stoll(weights.metadata["num_classes"]);
    checkpoint.info.auxLogits = weights.metadata["aux_logits"] == "true";
    checkpoint.model = std::move(weights.state);
    for (const std::string& path : {files.lastState(), files.previousState()}) {
        if (!fs::exists(path))
            continue;
        WeightsFile file;
        try {
            file = readWeightsFile(path);
        } catch (const InputError&) {
            continue; // a damaged companion: try the other one
        }
        if (stepOf(file, path) != step)
            continue;
        checkpoint.state = parseState(file, path);
        return checkpoint;
    }
    throw InputError(SourceLocation{weightsPath}, "--resume",
                     "no training state with the weights' step " + std::to_string(step) +
                         " beside it (" + fs::path(files.lastState()).filename().string() + " or " +
                         fs::path(files.previousState()).filename().string() + ")");
}

void writeBestWeights(const std::string& dir, const WeightsInfo& info, const StateDict& model,
                      std::int64_t step, double metric) {
    WeightsFile file = weightsFile(info, model, step);
    file.metadata["metric"] = exactText(metric);
    try {
        writeWeightsFile(CheckpointFiles{dir}.best(), file);
    } catch (const InputError& error) {
        throw JobError(std::string("cannot write the best weights: ") + error.what());
    }
}

} // namespace fb::train
