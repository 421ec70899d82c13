#pragma once
// One InsightFace .bin set scored by the bin protocol's own code (core-internal, torch-free):
// one code path for what `eval --bin` reports and what validation during training logs as
// val_bin/<set>_acc.
#include "facebench/eval_protocols.h"

#include <string>

namespace fb::eval {

// The set's name: the file name without .bin ("cfp_fp" for cfp_fp.bin).
std::string binSetName(const std::string& path);

// The mean 10-fold accuracy of the .bin set `file` on `mirrorSumFeatures` (each image's
// features summed with its mirror image's, as arcface_torch evaluates); writes nothing.
// Throws InputError for a missing or malformed file.
double binSetAccuracy(const std::string& file, const FeatureSource& mirrorSumFeatures);

} // namespace fb::eval
