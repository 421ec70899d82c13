// LFW's 10-fold accuracy (Huang et al. 2007, View 2; seed Section 3.2 and Table 3): per fold,
// the threshold chosen on the other nine folds, accuracy measured on the held-out one.
// O(n log n) per fold: one sort of the training scores, then a sweep over the candidates.
#include "facebench/errors.h"
#include "facebench/verification_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace fb {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Pair {
    double score;
    bool same;
};

// Best threshold on `train` for "same iff score >= t": candidates are the distinct scores and
// +inf; on equal accuracy the lowest threshold wins (sweep from high to low, keep on >=).
double bestSimilarityThreshold(std::vector<Pair>& train) {
    std::sort(train.begin(), train.end(),
              [](const Pair& a, const Pair& b) { return a.score > b.score; });
    const std::int64_t negatives =
        std::count_if(train.begin(), train.end(), [](const Pair& p) { return !p.same; });
    std::int64_t correct = negatives; // t = +inf: every pair "different"
    std::int64_t best = correct;
    double bestThreshold = kInf;
    for (std::size_t i = 0; i < train.size();) {
        const double v = train[i].score;
        for (; i < train.size() && train[i].score == v; ++i)
            correct += train[i].same ? 1 : -1;
        if (correct >= best) {
            best = correct;
            bestThreshold = v;
        }
    }
    return bestThreshold;
}

// Best grid threshold for "same iff d < t" (InsightFace's calculate_roc on squared distances):
// lowest t_i with the maximum accuracy, as numpy's argmax picks the first maximum.
double bestDistanceThreshold(std::vector<Pair>& train, double step, int count) {
    std::sort(train.begin(), train.end(),
              [](const Pair& a, const Pair& b) { return a.score < b.score; });
    const std::int64_t negatives =
        std::count_if(train.begin(), train.end(), [](const Pair& p) { return !p.same; });
    std::int64_t correct = negatives; // nothing below t yet
    std::size_t below = 0;
    std::int64_t best = -1;
    double bestThreshold = 0.0;
    for (int k = 0; k < count; ++k) {
        const double t = static_cast<double>(k) * step; // numpy arange: start + k * step
        for (; below < train.size() && train[below].score < t; ++below)
            correct += train[below].same ? 1 : -1;
        if (correct > best) {
            best = correct;
            bestThreshold = t;
        }
    }
    return bestThreshold;
}

} // namespace

LfwFoldsResult lfwTenFold(const LfwFoldsRequest& request) {
    const std::size_t n = request.scores.size();
    if (request.same.size() != n || request.fold.size() != n)
        throw InputError("LFW folds: scores, labels and folds differ in length");
    if (request.folds < 2)
        throw InputError(SourceLocation{}, "folds", "LFW needs at least 2 folds");
    std::vector<std::vector<Pair>> byFold(static_cast<std::size_t>(request.folds));
    for (std::size_t i = 0; i < n; ++i) {
        if (request.fold[i] < 0 || request.fold[i] >= request.folds)
            throw InputError("LFW folds: pair " + std::to_string(i + 1) + " has fold " +
                             std::to_string(request.fold[i]) + " outside 0.." +
                             std::to_string(request.folds - 1));
        if (!std::isfinite(request.scores[i]))
            throw InputError("LFW folds: pair " + std::to_string(i + 1) +
                             " has a score that is not finite");
        byFold[static_cast<std::size_t>(request.fold[i])].push_back(
            {request.scores[i], request.same[i]});
    }
    for (int f = 0; f < request.folds; ++f)
        if (byFold[static_cast<std::size_t>(f)].empty())
            throw InputError("LFW folds: fold " + std::to_string(f + 1) + " has no pairs");

    LfwFoldsResult result;
    std::vector<Pair> train;
    train.reserve(n);
    for (int f = 0; f < request.folds; ++f) {
        train.clear();
        for (int g = 0; g < request.folds; ++g)
            if (g != f)
                train.insert(train.end(), byFold[static_cast<std::size_t>(g)].begin(),
                             byFold[static_cast<std::size_t>(g)].end());
        const bool similarity = request.rule == ThresholdRule::SimilarityAtLeast;
        const double t = similarity
                             ? bestSimilarityThreshold(train)
                             : bestDistanceThreshold(train, request.gridStep, request.gridCount);
        const std::vector<Pair>& test = byFold[static_cast<std::size_t>(f)];
        std::int64_t correct = 0;
        for (const Pair& p : test)
            correct += ((similarity ? p.score >= t : p.score < t) == p.same) ? 1 : 0;
        result.thresholds.push_back(t);
        result.accuracies.push_back(static_cast<double>(correct) /
                                    static_cast<double>(test.size()));
    }
    const double k = static_cast<double>(request.folds);
    result.mean = std::accumulate(result.accuracies.begin(), result.accuracies.end(), 0.0) / k;
    double squares = 0.0;
    for (double a : result.accuracies)
        squares += (a - result.mean) * (a - result.mean);
    result.std = std::sqrt(squares / k);
    result.standardError = std::sqrt(squares / (k - 1.0)) / std::sqrt(k);
    return result;
}

} // namespace fb
