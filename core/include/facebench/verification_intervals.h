#pragma once
// 95% intervals on every number FaceBench reports (accuracy, TAR@FAR, EER, AUC, rank-k, TPIR):
// a difference between two models that sits inside these intervals is not evidence of a
// difference. Two methods, each named in the output:
//
// - Fold numbers (LFW-style 10-fold accuracy): mean +- t * s / sqrt(k), with s the sample
//   standard deviation of the k fold values and t Student's t quantile with k - 1 degrees of
//   freedom (the folds are few, so the normal quantile would be too narrow: 2.262 vs 1.960 at
//   k = 10).
// - ROC numbers (TAR@FAR, EER, AUC): percentile bootstrap over SUBJECTS. Pairs of one subject
//   share images and appearance, so they are not independent and a bootstrap over pairs would
//   be too narrow. Each pair belongs to one subject: the subject of its FIRST image (a genuine
//   pair's two images share it; an impostor pair goes with its first side). A replicate draws
//   as many subjects as there are, uniformly with replacement, and takes every pair of each
//   drawn subject once per draw; the interval is the 2.5th and 97.5th percentiles of the
//   replicates (numpy's default linear interpolation). Replicate r draws from its own
//   mt19937_64 stream seeded from (seed, r), so results do not depend on the thread count.
//   A replicate with no genuine or no impostor pair has no ROC: it is counted as degenerate and
//   left out.
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct ScoredPair; // score_file.h

struct ConfidenceInterval {
    double low = 0;
    double high = 0;
};

// Student's t quantile: P(T <= x) = p for T with `degreesOfFreedom` (> 0) degrees of freedom,
// 0 < p < 1. Accurate to about 1e-12 (bisection on the regularised incomplete beta function).
double studentTQuantile(double p, double degreesOfFreedom);

// mean +- t_{(1 + level) / 2, k - 1} * s / sqrt(k) over k >= 2 fold values.
ConfidenceInterval foldInterval(const std::vector<double>& foldValues, double level = 0.95);
// "fold standard error, Student t with 9 degrees of freedom (t = 2.2622)"
std::string foldIntervalMethod(int folds, double level = 0.95);

// The q-quantile (0 <= q <= 1) of `values` by linear interpolation between order statistics
// (numpy.percentile's default, Hyndman and Fan's type 7). NaN for an empty list.
double percentile(std::vector<double> values, double q);

struct BootstrapOptions {
    int replicates = 1000; // 0: no bootstrap
    std::uint64_t seed = 0;
    double level = 0.95;
};

// Scored pairs with their subject (0 .. subjects - 1; the first image's subject, see above).
struct SubjectScores {
    std::vector<double> scores;
    std::vector<bool> same;
    std::vector<std::int32_t> subject;
};

// Maps subject names to 0-based indices in order of first appearance. Throws InputError if
// `names` and `scores` differ in length.
SubjectScores subjectScores(const std::vector<double>& scores, const std::vector<bool>& same,
                            const std::vector<std::string>& subjectNames);

// The draw counts of bootstrap replicate r over `units` units (each drawn units times, uniformly
// with replacement), from its own stream seeded from (seed, r).
std::vector<std::int32_t> bootstrapDraw(std::int32_t units, std::uint64_t seed, int r);

// One replicate's numbers, in the definitions of verification_metrics.h.
struct VerificationStatistics {
    bool defined = false;    // false when the replicate has no genuine or no impostor pair
    std::vector<double> tar; // one per FAR
    double eer = 0;
    double auc = 0;
};

// The weighted ROC sweep behind the bootstrap: the pairs sorted once, each replicate one linear
// pass with every pair counted `weight[subject]` times. O(n) per replicate.
class SubjectBootstrap {
public:
    // Throws InputError for mismatched lengths, a non-finite score or a negative subject.
    SubjectBootstrap(const SubjectScores& pairs, std::vector<double> fars);
    std::int32_t subjects() const { return m_subjects; }
    // weights[s]: how often subject s was drawn (size subjects()).
    VerificationStatistics replicate(const std::vector<std::int32_t>& weights) const;
    // The draw counts of replicate r (the same for any thread count).
    std::vector<std::int32_t> draw(std::uint64_t seed, int r) const;

private:
    std::vector<double> m_fars;
    std::int32_t m_subjects = 0;
    // Per pair in descending score order: subject << 2 | same << 1 | (last of its tie group).
    std::vector<std::int32_t> m_code;
    std::vector<std::int64_t> m_genuine, m_impostor; // per subject
};

struct VerificationIntervals {
    std::string method;
    BootstrapOptions options;
    std::int64_t subjects = 0;
    int degenerateReplicates = 0;        // left out (no genuine or no impostor pair drawn)
    std::vector<ConfidenceInterval> tar; // one per FAR
    ConfidenceInterval eer, auc;
};

// The percentile intervals over options.replicates replicates (two threads).
// `unit` names the resampled unit in the method text ("subjects", or "pairs" when the subjects
// are unknown and every pair is its own subject).
VerificationIntervals bootstrapVerification(const SubjectScores& pairs,
                                            const std::vector<double>& fars,
                                            const BootstrapOptions& options,
                                            const std::string& unit = "subjects");
// The same for scored pairs: over their subjects when every pair names one, else over pairs.
VerificationIntervals bootstrapScoredPairs(const std::vector<ScoredPair>& pairs,
                                           const std::vector<double>& fars,
                                           const BootstrapOptions& options);

} // namespace fb
