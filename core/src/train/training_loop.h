#pragma once
// The steps of a run: a batch from the loader, one SGD step at the schedule's lr, then the
// interval log, validation and checkpoint when they are due. Pause and cancel come from any
// thread through the job's flags.
#include "data/batch_loader.h"
#include "train/checkpointer.h"
#include "train/periodic_validation.h"
#include "train/step_log.h"
#include "train/training_context.h"

#include <atomic>

namespace fb::train {

class TrainingLoop {
public:
    TrainingLoop(TrainingContext& context, data::BatchLoader& loader, TrainStep& step,
                 Checkpointer& checkpointer, PeriodicValidation& validation,
                 std::atomic_bool& cancel, const std::atomic_bool& pause);

    // Trains to the run's last step, to cancel() or, distributed, to a stop all ranks agreed
    // on after the same step. Returns whether it stopped before the last step.
    bool run();

private:
    bool stopRequested() const;
    bool skipsTooSmall(const data::Batch& batch);
    void trainOn(const data::Batch& batch, double tData);
    void afterStep();

    TrainingContext& m_context;
    data::BatchLoader& m_loader;
    TrainStep& m_step;
    Checkpointer& m_checkpointer;
    PeriodicValidation& m_validation;
    StepLog m_stepLog;
    std::atomic_bool& m_cancel;
    const std::atomic_bool& m_pause;
    const std::int64_t m_batchesPerEpoch;
    bool m_stopAgreed = false;    // distributed: all ranks stop after the same step
    bool m_skippedSingle = false; // a too-small last batch was said in train.log
};

} // namespace fb::train
