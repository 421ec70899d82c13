#pragma once
// The data a training run reads: the training set's index (generating the synthetic set first
// when data.synthetic asks for it), and the held-out set for validation, either data.val (a
// folder of the same identities, labels matched by identity name) or data.val_split of each
// training identity's images. Torch-free.
#include "facebench/dataset_index.h"
#include "facebench/experiment_config.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace fb::train {

struct TrainingData {
    std::shared_ptr<const DatasetIndex> train;
    std::shared_ptr<const DatasetIndex> val; // nullptr: no validation data
    std::int64_t numClasses = 0;             // train.num_classes, or the training identities
    std::vector<std::string> notes;          // for train.log: generated data, index problems, split
};

// Throws InputError naming data.train / data.val / train.num_classes at fault.
TrainingData prepareTrainingData(const ExperimentConfig& config,
                                 const std::function<void(const std::string&)>& status,
                                 const std::atomic_bool* cancel);

} // namespace fb::train
