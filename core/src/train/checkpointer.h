#pragma once
// When and how a run writes checkpoints/last.pt (+ last.state.pt) and, without validation,
// best.pt; and the stop on a non-finite loss or weight, which keeps the last good checkpoint.
#include "train/train_step.h"
#include "train/training_context.h"

#include <cmath>
#include <string>

namespace fb::train {

class Checkpointer {
public:
    // `bestByLoss`: nothing validates, so best.pt follows the lowest logged training loss.
    // `lastStep`: the step of the checkpoint the run resumes from, -1 for a new run.
    Checkpointer(TrainingContext& context, TrainModules& modules, TrainStep& step, bool bestByLoss,
                 std::int64_t lastStep);

    // The checkpoint of the current step. Distributed: the replicas are compared first, rank 0
    // writes and the others wait for it. Stops the run (stopNonFinite) rather than write
    // non-finite weights: the loss only shows them one step later.
    void writeLast();
    // Whether the last checkpoint is of the current step.
    bool current() const { return m_lastStep == m_context.state.step; }
    // The loss of the last log interval, for best.pt without validation.
    void noteLoggedLoss(double loss) { m_lastLoggedLoss = loss; }

    // A NaN or Inf stops the run: a "nan" row in metrics.jsonl, a line in train.log, and
    // JobError naming the step, the lr and the checkpoint that stays.
    [[noreturn]] void stopNonFinite(std::int64_t failedStep, const std::string& value,
                                    const std::string& what) const;

private:
    void updateBestByLoss();

    TrainingContext& m_context;
    TrainModules& m_modules;
    TrainStep& m_step;
    const bool m_bestByLoss;
    std::int64_t m_lastStep; // step of the last checkpoint, -1 before the first
    double m_lastLoggedLoss = NAN;
};

} // namespace fb::train
