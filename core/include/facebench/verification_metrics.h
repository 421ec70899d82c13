#pragma once
// The one ROC / TAR@FAR / EER / AUC / LFW-accuracy implementation that every verification
// protocol reports through (seed Section 3.2, Tables 3-6 and 14-15).
// Small definition differences change reported numbers, so each definition is stated here and
// tested against independent references (tests/test_metrics.cpp: sklearn's roc_curve and auc).
//
// Scores are similarities: higher = more similar (cosine of L2-normalised embeddings).
// Everything is O(n log n) in the number of scores: one sort per set, then linear sweeps.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace fb {

// Genuine (label 1, same identity) and impostor (label 0) scores of one protocol.
struct ScoreSet {
    std::vector<double> genuine;
    std::vector<double> impostor;
};

// The ROC with every point, as sklearn.metrics.roc_curve(drop_intermediate=False): a pair is
// accepted iff score >= threshold; tied scores form one point; the first point is (0, 0) at
// threshold +inf (sklearn >= 1.3 writes +inf there, older versions max + 1); thresholds
// decrease, fpr and tpr increase to (1, 1).
struct RocCurve {
    std::vector<double> thresholds;
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<std::int64_t> falsePositives; // counts behind fpr and tpr, exact
    std::vector<std::int64_t> truePositives;
};

// TAR at one target FAR f, the upper envelope of the ROC:
//   k = floor(f * |N| + 1e-9); if k >= |N|, TAR = 1 (every pair accepted);
//   else tau = the (k+1)-th largest impostor score (duplicates counted), a pair is accepted iff
//   score > tau, TAR = #{genuine > tau} / |P|, achieved FAR = #{impostor > tau} / |N| <= f.
// This is max{tpr : fpr <= f} over the ROC points. `resolvable` is false when |N| < 1/f: the
// impostor set is too small to measure that FAR (the achieved FAR is then 0).
struct TarAtFar {
    double far = 0; // the target f
    double tar = 0;
    double achievedFar = 0;
    double threshold = 0; // tau (accept iff score > tau); -inf when k >= |N|
    bool resolvable = true;
    std::int64_t acceptedGenuine = 0;
    std::int64_t acceptedImpostor = 0;
};

struct VerificationSummary {
    std::int64_t genuineCount = 0;
    std::int64_t impostorCount = 0;
    std::vector<TarAtFar> tarAtFar;
    double eer = 0;
    double eerThreshold = 0; // the ROC threshold nearest to the crossing (accept iff score >= it)
    double auc = 0;
};

// Validates a score set: both sets non-empty and every score finite. Throws InputError naming
// `source` otherwise.
void checkScoreSet(const ScoreSet& scores, const std::string& source);

// Sorted copies (descending) are what every metric below works on; sort once, reuse.
struct SortedScores {
    std::vector<double> genuine;  // descending
    std::vector<double> impostor; // descending
};
SortedScores sortScores(const ScoreSet& scores);
SortedScores sortScores(ScoreSet&& scores);

RocCurve rocCurve(const SortedScores& scores);
TarAtFar tarAtFar(const SortedScores& scores, double far);
// Equal error rate: the crossing of FRR = 1 - tpr and FAR = fpr on the ROC polyline, by linear
// interpolation on the segment where fpr + tpr - 1 changes sign.
double equalErrorRate(const RocCurve& roc, double* thresholdNearest = nullptr);
// Area under the ROC by the trapezoid rule over every point (sklearn.metrics.auc).
double areaUnderCurve(const RocCurve& roc);

// Everything `verify-scores` reports. Throws InputError (via checkScoreSet) on bad sets.
VerificationSummary summarizeVerification(ScoreSet scores, const std::vector<double>& fars,
                                          const std::string& source = "scores");

// ---- LFW 10-fold protocol (Huang et al. 2007; seed Section 3.2, Table 3) ----------------------
// Per fold, the threshold that maximises accuracy over the other folds (ties to the lowest
// threshold), applied to the held-out fold.
enum class ThresholdRule {
    // Similarities (cosine): "same" iff score >= t; the candidates are the distinct training
    // scores plus +inf (accept nothing), which reaches the exact maximum of training accuracy.
    SimilarityAtLeast,
    // Distances (InsightFace's and facenet's LFW code on squared L2 distances): "same" iff
    // d < t, t from the grid t_i = i * gridStep, i = 0 .. gridCount-1, computed as numpy's
    // arange(0, 4, 0.01) does (i * step in double, so t_70 = 0.7000000000000001).
    DistanceBelowGrid,
};

struct LfwFoldsRequest {
    std::vector<double> scores; // similarity or distance, per ThresholdRule
    std::vector<bool> same;
    std::vector<int> fold; // 0-based fold of each pair
    int folds = 10;
    ThresholdRule rule = ThresholdRule::SimilarityAtLeast;
    double gridStep = 0.01;
    int gridCount = 400;
};

struct LfwFoldsResult {
    std::vector<double> thresholds; // per fold
    std::vector<double> accuracies; // per fold, on the held-out fold
    double mean = 0;
    double std = 0;           // population standard deviation (InsightFace's "+-")
    double standardError = 0; // sample standard deviation / sqrt(folds)
};

// Throws InputError when a fold is empty or sizes differ.
LfwFoldsResult lfwTenFold(const LfwFoldsRequest& request);

} // namespace fb
