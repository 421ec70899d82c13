#pragma once
// The tensors an exact resume needs beyond the model's weights: the head's parameters and
// buffers (center loss centres), SGD's momentum buffers and the RNG states, named for the
// checkpoint's state file ("head.*", "optim.momentum.<i>", "rng.cpu", "rng.cuda.<i>").
#include "train/train_step.h"
#include "weights/state_dict_file.h"

namespace fb::train {

StateDict captureResumeTensors(TrainModules& modules);
// Throws InputError naming `source` when the tensors do not fit (another head or class count).
void restoreResumeTensors(TrainModules& modules, const StateDict& tensors,
                          const std::string& source);

} // namespace fb::train
