#include "train/periodic_validation.h"

#include "eval/bin_protocol.h"
#include "train/lfw_validation.h"
#include "train/validation.h"

#include <algorithm>
#include <filesystem>

namespace fb::train {

PeriodicValidation::PeriodicValidation(TrainingContext& context, TrainModules& modules,
                                       std::shared_ptr<const DatasetIndex> val,
                                       std::vector<VerificationHook> given)
    : m_context(context), m_modules(modules), m_val(std::move(val)), m_hooks(std::move(given)) {
    const ExperimentConfig& config = context.config;
    const bool wantsLfw = std::find(config.eval.protocols.begin(), config.eval.protocols.end(),
                                    "lfw") != config.eval.protocols.end();
    if (config.train.valEvery > 0 && wantsLfw && !config.eval.data.empty() &&
        std::filesystem::is_regular_file(config.eval.data + "/lfw/pairs.txt"))
        m_hooks.push_back(lfwVerificationHook(config.eval.data));
    m_enabled = config.train.valEvery > 0 && (m_val || !m_hooks.empty() || !config.val.bin.empty());
}

bool PeriodicValidation::due() const {
    return m_enabled && m_context.state.step % m_context.config.train.valEvery == 0;
}

void PeriodicValidation::run() {
    TrainingContext& c = m_context;
    const std::string tag = "validation/" + std::to_string(c.state.step);
    if (!c.mainRank) {
        c.dist->waitForRank0(tag);
        return;
    }
    TrainingProgress event = c.event(TrainingProgress::Kind::Validation);
    nlohmann::ordered_json row{{"type", "val"}, {"step", c.state.step}, {"epoch", c.epoch}};
    std::optional<double> metric; // the first one measured decides best.pt
    heldOut(row, event, metric);
    verification(row, event, metric);
    binSets(row, event, metric);
    setTrainingMode(m_modules, c.config.train.freezeBn);
    c.metrics->append(row);
    if (metric && (!c.state.bestMetric || *metric > *c.state.bestMetric)) {
        c.state.bestMetric = *metric;
        writeBestWeights(c.run.checkpointDir(), c.weights, modelState(*m_modules.model),
                         c.state.step, *metric);
    }
    if (c.dist)
        c.dist->rank0Done(tag);
    c.emit(event);
}

void PeriodicValidation::heldOut(nlohmann::ordered_json& row, TrainingProgress& event,
                                 std::optional<double>& metric) {
    if (!m_val)
        return;
    const ValidationResult held = heldOutAccuracy(m_modules, m_val, m_context.config);
    row["val_acc"] = held.accuracy;
    row["val_loss"] = held.loss;
    row["val_images"] = held.images;
    event.metrics["val_acc"] = held.accuracy;
    event.metrics["val_loss"] = held.loss;
    metric = held.accuracy;
}

// The hooks see the model's features as `eval` computes them; a failing hook is logged and
// the others still run.
void PeriodicValidation::verification(nlohmann::ordered_json& row, TrainingProgress& event,
                                      std::optional<double>& metric) {
    if (m_hooks.empty())
        return;
    const FeatureSource features = modelFeatures(m_modules, m_context.config);
    for (const VerificationHook& hook : m_hooks) {
        try {
            for (const auto& [name, value] : hook.run(features)) {
                row[name] = value;
                event.metrics[name] = value;
                if (!metric)
                    metric = value;
            }
        } catch (const std::exception& error) {
            m_context.log->line("validation '" + hook.name + "' failed: " + error.what());
        }
    }
}

// val.bin: each InsightFace .bin set scored by the bin protocol's own function on the features
// `eval --bin` uses (mirror images summed), so val_bin/<set>_acc logged at a step is what
// `eval --bin` reports for that step's checkpoint. A failing set is logged; the others still run.
void PeriodicValidation::binSets(nlohmann::ordered_json& row, TrainingProgress& event,
                                 std::optional<double>& metric) {
    const ExperimentConfig& config = m_context.config;
    if (config.val.bin.empty())
        return;
    ExperimentConfig mirrored = config;
    mirrored.eval.flip = "sum"; // as evaluate() for the bin protocol
    const FeatureSource features = modelFeatures(m_modules, mirrored);
    for (const std::string& file : config.val.bin) {
        const std::string name = "val_bin/" + eval::binSetName(file) + "_acc";
        try {
            const double accuracy = eval::binSetAccuracy(file, features);
            row[name] = accuracy;
            event.metrics[name] = accuracy;
            if (!metric)
                metric = accuracy;
        } catch (const std::exception& error) {
            m_context.log->line("validation on '" + file + "' failed: " + error.what());
        }
    }
}

} // namespace fb::train
