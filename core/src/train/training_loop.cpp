#include "train/training_loop.h"

#include "facebench/lr_schedule.h"

#include <chrono>
#include <cmath>
#include <thread>

namespace fb::train {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

TrainingLoop::TrainingLoop(TrainingContext& context, data::BatchLoader& loader, TrainStep& step,
                           Checkpointer& checkpointer, PeriodicValidation& validation,
                           std::atomic_bool& cancel, const std::atomic_bool& pause)
    : m_context(context), m_loader(loader), m_step(step), m_checkpointer(checkpointer),
      m_validation(validation), m_stepLog(context), m_cancel(cancel), m_pause(pause),
      m_batchesPerEpoch(loader.batchesPerEpoch()) {}

bool TrainingLoop::run() {
    while (m_context.state.step < m_context.totalSteps) {
        // Pausing one rank would stall the others into their timeout: distributed runs do not
        // pause, and stop together (the stop request travels with the step's statistics).
        while (!m_context.dist && m_pause.load() && !m_cancel.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (stopRequested())
            break;
        const Clock::time_point t0 = Clock::now();
        const data::Batch batch = m_loader.next();
        const double tData = secondsSince(t0);
        if (skipsTooSmall(batch))
            continue;
        trainOn(batch, tData);
        afterStep();
    }
    return stopRequested() && m_context.state.step < m_context.totalSteps;
}

bool TrainingLoop::stopRequested() const {
    return m_context.dist ? m_stopAgreed : m_cancel.load();
}

// A last batch of one image (last_batch keep) cannot train BatchNorm layers (one value per
// channel): it is skipped, not a step, and said once in train.log. Distributed: every rank's
// shard needs two, and all ranks decide alike from the global size.
bool TrainingLoop::skipsTooSmall(const data::Batch& batch) {
    if (batch.globalSize / m_context.worldSize() >= 2)
        return false;
    if (!m_skippedSingle)
        m_context.log->line("skipped a batch of " + std::to_string(batch.globalSize) +
                            " image(s) at the end of epoch " +
                            std::to_string(batch.position.epoch) +
                            " (BatchNorm needs two or more per process; set style.last_batch: "
                            "drop or wrap to avoid it)");
    m_skippedSingle = true;
    return true;
}

void TrainingLoop::trainOn(const data::Batch& batch, double tData) {
    TrainingContext& c = m_context;
    const Clock::time_point t1 = Clock::now();
    c.lastLr = learningRate(c.config.schedule, c.state.step, m_batchesPerEpoch, c.totalSteps);
    const StepResult r = m_step.run(batch.images, batch.labels, c.lastLr, c.state.step,
                                    StepShard{batch.globalSize, m_cancel.load()});
    m_stopAgreed = r.stopAgreed;
    if (m_stopAgreed)
        m_cancel.store(true);
    const double tCompute = secondsSince(t1);
    c.epoch = batch.position.epoch;
    if (!r.finite)
        m_checkpointer.stopNonFinite(c.state.step + 1, std::isnan(r.loss) ? "NaN" : "Inf", "loss");
    ++c.state.step;
    c.state.loader = {m_loader.position().epoch, m_loader.position().batchInEpoch};
    m_stepLog.add(r, batch.globalSize, tData, tCompute);
}

// The interval log, validation and checkpoint, when due; the run's last checkpoint is
// written after the loop.
void TrainingLoop::afterStep() {
    const TrainingContext& c = m_context;
    if (m_stepLog.due())
        m_checkpointer.noteLoggedLoss(m_stepLog.write(m_loader.badImages()));
    if (m_validation.due())
        m_validation.run();
    const std::int64_t every = c.config.train.checkpointEvery;
    if (every > 0 && c.state.step % every == 0 && c.state.step < c.totalSteps)
        m_checkpointer.writeLast();
}

} // namespace fb::train
