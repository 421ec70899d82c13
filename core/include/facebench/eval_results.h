#pragma once
// Reading evaluation results back (docs/ARCHITECTURE.md, "The run directory"):
// RUN/eval/<protocol>.json as the protocols write them (core/src/eval/protocol_common.cpp,
// lfw_protocol.cpp, ...) and their <name>-scores.csv files. Torch-free and Qt-free: the GUI's
// evaluation, failure and comparison panels and `facebench-cli report --figures` read results the
// same way.
#include "facebench/score_file.h"
#include "facebench/verification_intervals.h"
#include "facebench/verification_metrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct FailurePair {
    double score = 0;
    std::string a, b; // image paths as the protocol wrote them
};

// The false accepts (highest impostor scores first) and false rejects (lowest genuine scores
// first) at one threshold: accept iff score > threshold.
struct FailureList {
    double far = 0; // the FAR whose TAR@FAR threshold this is (1e-3 in the JSON)
    double threshold = 0;
    std::int64_t falseAcceptCount = 0;
    std::int64_t falseRejectCount = 0;
    std::vector<FailurePair> falseAccepts;
    std::vector<FailurePair> falseRejects;
};

// One verification set: a whole protocol (dfw, pairs), LFW's "verification" block, one
// cross-quality study (Low2High, Middle2High) or one UMDFaces track (easy, moderate, difficult).
struct VerificationBlock {
    std::string protocol;   // "cross-quality"
    std::string subset;     // "Low2High"; "" for a whole protocol
    std::string label;      // "cross-quality Low2High", "lfw", "tracks easy"
    std::string scoresFile; // absolute or relative to the working folder; "" if not on disk
    std::int64_t genuine = 0, impostor = 0;
    std::vector<TarAtFar> tarAtFar; // threshold is NaN where the JSON has null
    double eer = 0, eerThreshold = 0, auc = 0;
    // 95% intervals (verification_intervals.h) when the JSON has them: one per TAR@FAR row,
    // EER and AUC, with the method as the JSON names it ("intervals"."method").
    bool hasIntervals = false;
    std::vector<ConfidenceInterval> tarIntervals;
    ConfidenceInterval eerInterval, aucInterval;
    std::string intervalMethod;
    bool hasFailures = false;
    FailureList failures;
};

// VGGFace2-style template study (seed Table 3): M[a][b] = mean cosine between level templates.
struct SimilarityMatrix {
    std::string study;               // "pose" | "age"
    std::vector<std::string> levels; // "front", "three-quarter", "profile"
    std::vector<std::vector<double>> values;
    std::int64_t subjects = 0;
};

struct EvalResult {
    std::string protocol; // lfw | pairs | templates | cross-quality | dfw | tracks | bin
    std::string file;     // the .json it came from
    std::string set;      // bin: the InsightFace .bin set's name ("lfw", "cfp_fp")
    std::vector<VerificationBlock> blocks;
    // lfw and bin (10-fold protocol, seed Section 3.2; thresholds are distances for bin)
    bool hasFolds = false;
    double accuracy = 0, accuracyStd = 0, standardError = 0;
    bool hasAccuracyInterval = false; // fold interval (Student t), method in accuracyIntervalMethod
    ConfidenceInterval accuracyInterval;
    std::string accuracyIntervalMethod;
    std::vector<double> foldAccuracies, foldThresholds;
    // templates only
    std::vector<SimilarityMatrix> matrices;
};

// Throws InputError naming the file (and the key) when it is not such a document.
EvalResult readEvalResult(const std::string& jsonPath);
// Every eval/*.json of a run, sorted by protocol name; a run without eval/ gives an empty list.
// Throws InputError for a malformed file.
std::vector<EvalResult> readRunEvalResults(const std::string& runDir);

// score,label,a,b[,subject] with the pair paths (score_file.h's format; a, b and subject
// optional). Throws InputError naming file:line.
std::vector<ScoredPair> readScoredPairs(const std::string& csvPath);

// The failures at target FAR `far` recomputed from all scored pairs with the TAR@FAR threshold
// (verification_metrics.h): false accepts = impostors with score > tau, highest first; false
// rejects = genuine pairs with score <= tau, lowest first; at most `limit` of each (ties keep
// file order). Matches the JSON's list when far = 1e-3.
FailureList failuresAtFar(const std::vector<ScoredPair>& pairs, double far, int limit);

} // namespace fb
