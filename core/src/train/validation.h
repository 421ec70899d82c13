#pragma once
// Periodic validation (issue 8): held-out classification accuracy through the head (its
// margin-free logits) on images of the training identities, and the embedding function that
// verification hooks (LFW-style pairs, the evaluation code) call with image paths.
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

// Embeddings of image files with the eval pre-processing (the caller sets eval mode).
EmbedFunction makeEmbedFunction(TrainModules& modules, const ExperimentConfig& config);

} // namespace fb::train
