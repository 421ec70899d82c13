#pragma once
// InsightFace-format .bin verification sets of the synthetic data (`data synth` writes them
// under bin/): lfw.bin with LFW's pairs, cfp_fp.bin (CFP-FP-like: frontal against profile) and
// agedb_30.bin (AgeDB-30-like: young against mature), each a pickle of (list of encoded image
// bytes, list of is-same bools) as InsightFace's pickle.dump((bins, issame_list)) writes.
#include "synth_plan.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fb::synth {

// The pickle (protocol 3) of (images, flags): images[k] is the k-th image's encoded bytes, 2 a
// pair; an image listed again is written once and referenced through the pickle's memo, as
// pickle.dump does for one bytes object listed twice (Python reads it back as that object).
// `key[k]` names the image: equal keys are one image.
std::string formatVerificationBin(const std::vector<std::string>& key,
                                  const std::vector<const std::string*>& bytes,
                                  const std::vector<bool>& same);

struct BinSetSizes {
    long long lfwPairs = 0, cfpFpPairs = 0, agedbPairs = 0;
};

// Writes root/bin/{lfw,cfp_fp,agedb_30}.bin from the images already rendered under root.
// Pairs are drawn in 10 subject-disjoint folds (same pairs, then as many different pairs), up
// to CFP-FP's 350 and AgeDB-30's 300 of each a fold, fewer when the test identities are few.
BinSetSizes writeSynthBinSets(const Plan& plan, const std::filesystem::path& root,
                              std::uint64_t seed);

} // namespace fb::synth
