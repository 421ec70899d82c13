#pragma once
// Verification during training on the LFW protocol of the evaluation code (eval/lfw_protocol.h):
// the same pairs, features and 10 folds as `facebench-cli eval`, so the lfw_acc logged for a
// step equals what `eval` reports for that step's checkpoint on the same data.
#include "facebench/training_job.h"

namespace fb::train {

// `dataDir` holds lfw/pairs.txt and lfw/<Name>/<Name>_NNNN.jpg (the `data synth` layout).
// The hook reports "lfw_acc" (mean 10-fold accuracy). Torch-free.
VerificationHook lfwVerificationHook(const std::string& dataDir);

} // namespace fb::train
