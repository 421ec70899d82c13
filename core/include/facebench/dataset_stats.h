#pragma once
// What `data stats` and `data overlap` report about an indexed dataset: breadth
// (identities) and depth (images per identity) as the seed's Table 16 gives them, and the
// identities a training set shares with a test set, which the seed removed before training
// (Section 4.4). Torch-free.
#include "facebench/dataset_index.h"

#include <map>
#include <string>
#include <vector>

namespace fb {

struct DatasetStats {
    long long identities = 0;
    long long images = 0;
    // Images per identity. The median of an even count is the mean of the two middle values
    // (as numpy.median).
    double meanPerIdentity = 0.0;
    double medianPerIdentity = 0.0;
    long long minPerIdentity = 0;
    long long maxPerIdentity = 0;
};

DatasetStats computeDatasetStats(const DatasetIndex& index);

// The key two identity names are compared by: ASCII lower case, every run of spaces, tabs,
// '_', '-' and '.' made one space, trimmed. LFW's "George_W_Bush", VGGFace2's
// "George_W._Bush" and "george w bush" all give "george w bush".
std::string normalizeIdentityName(const std::string& name);

// Display names for identity ids, e.g. VGGFace2's identity_meta.csv ("Class_ID, Name, ...":
// n000001 -> 14th_Dalai_Lama). Reads the first two comma-separated fields of each line,
// quotes and spaces trimmed; a header line starting with "Class_ID" is skipped. Throws
// InputError naming file:line for a line with fewer than two fields.
std::map<std::string, std::string> readIdentityNames(const std::string& csvPath);

struct OverlapIdentity {
    std::string trainName; // as in the training index
    std::string testName;  // as in the test index
    std::string key;       // normalizeIdentityName of both (after the name maps)
    long long trainImages = 0;
    long long testImages = 0;
};

// Identities present in both sets, compared by normalizeIdentityName of their names, after
// mapping each name through the given map when it has an entry. In training-label order.
std::vector<OverlapIdentity>
findIdentityOverlap(const DatasetIndex& train, const DatasetIndex& test,
                    const std::map<std::string, std::string>& trainNames = {},
                    const std::map<std::string, std::string>& testNames = {});

struct TrainingListSummary {
    long long images = 0;
    long long identities = 0;
};

// Writes (atomically) a list file of the training images whose identity is not in
// `removeNames` (training names): "absolute/path label" lines, labels renumbered 0..n-1 in the
// index's order, loadable back by the list reader (whose names are then the parent folders).
// Throws InputError when the training set is RecordIO (its images are not files).
TrainingListSummary writeTrainingList(const DatasetIndex& train,
                                      const std::vector<std::string>& removeNames,
                                      const std::string& outPath);

} // namespace fb
