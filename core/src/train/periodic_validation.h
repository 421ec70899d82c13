#pragma once
// Validation every train.val_every steps: held-out accuracy through the head (validation.h),
// the verification hooks (the LFW protocol of the evaluation code when the config's eval
// section names it) and the InsightFace .bin sets of val.bin (val_bin/<set>_acc, as `eval
// --bin`); a "val" row in metrics.jsonl and best.pt at the best metric (the first measured).
#include "facebench/dataset_index.h"
#include "train/train_step.h"
#include "train/training_context.h"

#include <memory>
#include <vector>

namespace fb::train {

class PeriodicValidation {
public:
    // `given`: the caller's hooks; the LFW protocol is added when eval.protocols names lfw and
    // eval.data holds lfw/pairs.txt.
    PeriodicValidation(TrainingContext& context, TrainModules& modules,
                       std::shared_ptr<const DatasetIndex> val,
                       std::vector<VerificationHook> given);

    // Validation is on: train.val_every > 0 and held-out images, a hook or a .bin set to run.
    bool enabled() const { return m_enabled; }
    bool due() const;
    // Rank 0 validates (its replica is everyone's); the others wait for it.
    void run();

private:
    void heldOut(nlohmann::ordered_json& row, TrainingProgress& event,
                 std::optional<double>& metric);
    void verification(nlohmann::ordered_json& row, TrainingProgress& event,
                      std::optional<double>& metric);
    void binSets(nlohmann::ordered_json& row, TrainingProgress& event,
                 std::optional<double>& metric);

    TrainingContext& m_context;
    TrainModules& m_modules;
    std::shared_ptr<const DatasetIndex> m_val;
    std::vector<VerificationHook> m_hooks;
    bool m_enabled = false;
};

} // namespace fb::train
