#pragma once
// The LFW protocol's scores apart from its result files (core-internal, torch-free): one code
// path for what `eval` reports and what validation during training logs as lfw_acc.
#include "facebench/eval_protocols.h"
#include "facebench/protocol_files.h"
#include "facebench/score_file.h"
#include "facebench/verification_metrics.h"

#include <string>
#include <vector>

namespace fb::eval {

struct LfwScores {
    std::string pairsFile;
    LfwPairs lfw;
    std::vector<ScoredPair> pairs; // pairs.txt order, scored by cosine
    std::size_t images = 0;        // distinct images
    LfwFoldsResult folds;          // the 10-fold result (lfwTenFold)
};

// Reads DATA/lfw/pairs.txt, asks `features` once for the distinct images, scores every pair by
// cosine and runs the 10 folds. Throws InputError for a missing file or image.
LfwScores scoreLfw(const std::string& dataDir, const FeatureSource& features);

} // namespace fb::eval
