#pragma once
// The ROC sweep shared by the metrics core (verification_metrics.cpp) and the subject bootstrap
// (verification_intervals.cpp): core-internal, torch-free. One definition of the ROC points,
// EER interpolation and trapezoid AUC, so a bootstrap replicate with every weight 1 gives
// exactly the numbers summarizeVerification reports.
#include "facebench/verification_metrics.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace fb::eval {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Visits every ROC point in order of decreasing threshold: (threshold, fp, tp), starting with
// (+inf, 0, 0). Ties across and within the two sets are one point (sklearn's grouping).
template <typename Visit> void sweepRoc(const SortedScores& s, Visit&& visit) {
    const std::vector<double>& g = s.genuine;
    const std::vector<double>& n = s.impostor;
    std::size_t i = 0, j = 0;
    visit(kInfinity, std::int64_t{0}, std::int64_t{0});
    while (i < g.size() || j < n.size()) {
        const double v = i == g.size() ? n[j] : j == n.size() ? g[i] : std::max(g[i], n[j]);
        while (i < g.size() && g[i] == v)
            ++i;
        while (j < n.size() && n[j] == v)
            ++j;
        visit(v, static_cast<std::int64_t>(j), static_cast<std::int64_t>(i));
    }
}

// EER and AUC in one pass over the ROC points without materialising the ROC. Points may repeat
// (a bootstrap replicate's zero-weight pairs): a repeated point adds no area and cannot move
// the crossing.
struct EerAucAccumulator {
    double p, n; // genuine and impostor totals
    bool first = true;
    std::int64_t prevFp = 0, prevTp = 0;
    double prevThreshold = kInfinity;
    // AUC numerator in exact integers: sum of dfp * (tp_i + tp_{i+1}), at most 2 |N| |P|.
    std::int64_t area2 = 0;
    bool eerFound = false;
    double eer = 0, eerThreshold = 0;

    void operator()(double threshold, std::int64_t fp, std::int64_t tp) {
        if (!first) {
            area2 += (fp - prevFp) * (tp + prevTp);
            if (!eerFound) {
                const double d0 = prevFp / n + prevTp / p - 1.0;
                const double d1 = fp / n + tp / p - 1.0;
                if (d1 >= 0.0) {
                    // fpr + tpr - 1 is non-decreasing along the ROC, so the crossing is unique.
                    const double t = d1 == d0 ? 0.0 : -d0 / (d1 - d0);
                    const double f0 = prevFp / n, f1 = fp / n;
                    eer = f0 + t * (f1 - f0);
                    eerThreshold = t < 0.5 ? prevThreshold : threshold;
                    eerFound = true;
                }
            }
        }
        first = false;
        prevFp = fp;
        prevTp = tp;
        prevThreshold = threshold;
    }

    double auc() const { return static_cast<double>(area2) / (2.0 * p * n); }
};

} // namespace fb::eval
