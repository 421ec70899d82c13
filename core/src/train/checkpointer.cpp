#include "train/checkpointer.h"

#include "facebench/errors.h"
#include "train/replica_check.h"
#include "train/resume_state.h"

#include <sstream>

namespace fb::train {

namespace {

bool allFinite(const StateDict& state) {
    for (const auto& item : state)
        if (item.second.is_floating_point() && !torch::isfinite(item.second).all().item<bool>())
            return false;
    return true;
}

StateDict headParameters(TrainModules& modules) {
    StateDict state;
    for (const auto& item : modules.head->named_parameters())
        state.emplace_back(item.key(), item.value());
    return state;
}

std::string numberText(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

} // namespace

Checkpointer::Checkpointer(TrainingContext& context, TrainModules& modules, TrainStep& step,
                           bool bestByLoss, std::int64_t lastStep)
    : m_context(context), m_modules(modules), m_step(step), m_bestByLoss(bestByLoss),
      m_lastStep(lastStep) {}

void Checkpointer::writeLast() {
    TrainingContext& c = m_context;
    if (!allFinite(modelState(*m_modules.model)) || !allFinite(headParameters(m_modules)))
        stopNonFinite(c.state.step, "NaN or Inf", "weights");
    const std::string tag = "checkpoint/" + std::to_string(c.state.step);
    if (c.dist)
        c.result.replicaDigest = checkReplicas(*c.dist, m_modules, c.state.step, tag, *c.log);
    if (!c.mainRank) {
        m_lastStep = c.state.step;
        c.dist->waitForRank0(tag); // rank 0 writes; a collective would time out meanwhile
        return;
    }
    c.state.gradScale = m_step.scaler().enabled() ? m_step.scaler().currentScale() : 0;
    c.state.gradGrowthTracker = m_step.scaler().growthTracker();
    updateBestByLoss();
    TrainState saved = c.state;
    saved.tensors = captureResumeTensors(m_modules);
    writeCheckpoint(c.run.checkpointDir(), c.weights, modelState(*m_modules.model), saved);
    m_lastStep = c.state.step;
    if (c.dist)
        c.dist->rank0Done(tag);
    TrainingProgress event = c.event(TrainingProgress::Kind::Checkpoint);
    event.message = c.result.lastCheckpoint;
    c.emit(event);
}

// Best without validation: the lowest logged training loss at checkpoint time.
void Checkpointer::updateBestByLoss() {
    TrainState& state = m_context.state;
    if (!m_bestByLoss || !std::isfinite(m_lastLoggedLoss) ||
        (state.bestMetric && -m_lastLoggedLoss <= *state.bestMetric))
        return;
    state.bestMetric = -m_lastLoggedLoss;
    writeBestWeights(m_context.run.checkpointDir(), m_context.weights, modelState(*m_modules.model),
                     state.step, *state.bestMetric);
}

void Checkpointer::stopNonFinite(std::int64_t failedStep, const std::string& value,
                                 const std::string& what) const {
    const TrainingContext& c = m_context;
    c.metrics->append({{"type", "nan"},
                       {"step", failedStep},
                       {"epoch", c.epoch},
                       {what, value},
                       {"lr", c.lastLr}});
    const std::string kept = m_lastStep >= 0
                                 ? "the last good checkpoint (step " + std::to_string(m_lastStep) +
                                       ") is " + c.result.lastCheckpoint
                                 : "no checkpoint had been written yet";
    const std::string message =
        "the " + what + " became " + value + " at step " + std::to_string(failedStep) + " (lr " +
        numberText(c.lastLr) + "); training stopped, " + kept +
        ". Lower schedule.base_lr or add warm-up (schedule.warmup_iterations).";
    c.log->line(message);
    throw JobError(message);
}

} // namespace fb::train
