#pragma once
// Periodic validation: held-out classification accuracy through the head (its
// margin-free logits) on images of the training identities, and the feature source that
// verification hooks (the evaluation's protocols) read: the evaluation's own (model_features.h).
#include "data/batch_loader.h"
#include "facebench/training_job.h"
#include "train/train_step.h"

namespace fb::train {

struct ValidationResult {
    double accuracy = 0;
    double loss = 0;
    std::int64_t images = 0;
};

// Runs in eval mode and puts the modules back in training mode; touches no RNG the training
// uses, so validating does not change the losses of the steps after it.
ValidationResult heldOutAccuracy(TrainModules& modules, std::shared_ptr<const DatasetIndex> val,
                                 const ExperimentConfig& config);

// The model's features of image files as `eval` computes them (eval/model_features.h), on the
// training device; puts the model in eval mode (setTrainingMode undoes it).
FeatureSource modelFeatures(TrainModules& modules, const ExperimentConfig& config);

} // namespace fb::train
