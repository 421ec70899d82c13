#pragma once
// Verification during training (issue 8's hook, filled with issue 9's LFW protocol): the current
// model's cosine scores on a subset of LFW-style pairs.txt (the first `perFold` matched and
// `perFold` mismatched pairs of every fold, so each validation stays a few seconds), scored by
// the 10-fold protocol (lfwTenFold). The full protocol is `facebench-cli eval --run RUN`.
#include "facebench/training_job.h"

namespace fb::train {

// `dataDir` holds lfw/pairs.txt and lfw/<Name>/<Name>_NNNN.jpg (the `data synth` layout).
// The hook reports "lfw_acc" (mean 10-fold accuracy on the subset). Torch-free.
VerificationHook lfwVerificationHook(const std::string& dataDir, int perFold = 30);

} // namespace fb::train
