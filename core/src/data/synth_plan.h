#pragma once
// The plan of a synthetic dataset: every image with its identity and factors, and every protocol
// file's content, decided before a pixel is drawn (so bad options fail before anything is
// written, and rendering can run in any order on any number of threads).
#include "facebench/protocol_files.h"
#include "facebench/synthetic_data.h"
#include "synth_model.h"

#include <string>
#include <vector>

namespace fb::synth {

struct PlannedImage {
    std::string path;        // relative to the dataset root: "test/n000201/0001.jpg"
    std::string split;       // "train" or "test"
    std::string identity;    // folder name
    std::string lookalikeOf; // the subject a look-alike impersonates, else empty
    int person = 0;          // index into Plan::people
    ImageFactors factors;
    std::uint64_t seed = 0; // noise and scene placement
};

struct LfwLink {
    std::string source; // relative to the dataset root (test/...)
    std::string target; // relative to the dataset root (lfw/Name/Name_0001.jpg)
    std::size_t image = 0;
};

struct Plan {
    std::vector<IdentityTraits> people;
    std::vector<PlannedImage> images;
    std::vector<std::string> trainIdentities, testIdentities;
    // Protocol files; image paths relative to DIR/test unless said otherwise.
    LfwPairs lfwPairs;
    std::vector<LfwLink> lfwLinks;
    std::vector<std::pair<std::string, int>> lfwNames; // lfw-names.txt
    std::vector<std::string> poseTemplates, ageTemplates;
    std::vector<std::string> qualityLow, qualityMiddle, qualityHigh;
    std::vector<std::string> dfwImages;
    std::vector<std::vector<int>> dfwMask;
    std::vector<ImagePair> umdTracks[3]; // easy, moderate, difficult
};

// Images of each test identity (see the schedule in synth_plan.cpp).
constexpr int kTestImagesPerIdentity = 41;
constexpr int kLookalikeImages = 2;
// LFW View 2: 10 folds of 300 matched and 300 mismatched pairs.
constexpr int kLfwFolds = 10;
constexpr int kLfwPairsPerFold = 300;
// VGGFace2 templates: five images each, two per level (seed Section 3.2).
constexpr int kTemplateSize = 5;
constexpr int kTemplatesPerLevel = 2;

Plan makePlan(const SynthOptions& options);

// "Aaron_Peirsol"-style LFW names, unique per index.
std::string lfwName(int index);

} // namespace fb::synth
