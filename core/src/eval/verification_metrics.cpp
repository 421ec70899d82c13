// ROC, TAR@FAR, EER, AUC: definitions in facebench/verification_metrics.h
// The seed reports TAR@FAR (Tables 4-6, 14-15) and LFW accuracy (Table 3).
// No torch here: this file compiles in seconds and the CLI's verify-scores needs nothing else.
#include "facebench/verification_metrics.h"

#include "eval/roc_sweep.h"
#include "facebench/errors.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <thread>

namespace fb {

namespace {

constexpr double kInf = eval::kInfinity;

// Descending sort of finite doubles by LSD radix sort on their bit patterns (11-bit digits,
// passes whose digit is the same for every key skipped): O(n), about 5x faster than std::sort
// on 10 million scores, which keeps verify-scores inside its 3 s target
// (benchmarks/bench_eval.sh).
void sortDescending(std::vector<double>& values) {
    const std::size_t n = values.size();
    if (n < 4096) {
        std::sort(values.begin(), values.end(), std::greater<double>());
        return;
    }
    // Order-preserving map to unsigned: flip all bits of negatives, the sign bit of the rest;
    // then complement, so ascending keys are descending values. -0.0 and 0.0 stay distinct keys
    // but compare equal as doubles; ordering them -0.0 after 0.0 is harmless for every sweep.
    std::vector<std::uint64_t> keys(n), buffer(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t bits;
        std::memcpy(&bits, &values[i], sizeof bits);
        bits = (bits >> 63) ? ~bits : bits | (std::uint64_t{1} << 63);
        keys[i] = ~bits;
    }
    constexpr int kBits = 11;
    constexpr std::size_t kBuckets = std::size_t{1} << kBits;
    std::vector<std::size_t> count(kBuckets);
    for (int shift = 0; shift < 64; shift += kBits) {
        std::fill(count.begin(), count.end(), 0);
        for (std::uint64_t k : keys)
            ++count[(k >> shift) & (kBuckets - 1)];
        if (count[(keys[0] >> shift) & (kBuckets - 1)] == n)
            continue; // every key has this digit
        std::size_t total = 0;
        for (std::size_t& c : count) {
            const std::size_t here = c;
            c = total;
            total += here;
        }
        for (std::uint64_t k : keys)
            buffer[count[(k >> shift) & (kBuckets - 1)]++] = k;
        keys.swap(buffer);
    }
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t bits = ~keys[i];
        bits = (bits >> 63) ? bits & ~(std::uint64_t{1} << 63) : ~bits;
        std::memcpy(&values[i], &bits, sizeof bits);
    }
}

double interpolateEer(double f0, double t0, double f1, double t1) {
    const double d0 = f0 + t0 - 1.0, d1 = f1 + t1 - 1.0;
    const double t = d1 == d0 ? 0.0 : -d0 / (d1 - d0);
    return f0 + t * (f1 - f0);
}

} // namespace

void checkScoreSet(const ScoreSet& scores, const std::string& source) {
    if (scores.genuine.empty())
        throw InputError(SourceLocation{source}, "",
                         "no genuine pairs (label 1): TAR is undefined");
    if (scores.impostor.empty())
        throw InputError(SourceLocation{source}, "",
                         "no impostor pairs (label 0): FAR is undefined");
    for (const std::vector<double>* set : {&scores.genuine, &scores.impostor})
        for (double v : *set)
            if (!std::isfinite(v))
                throw InputError(SourceLocation{source}, "score",
                                 "a score is not finite (NaN or infinity)");
}

SortedScores sortScores(ScoreSet&& scores) {
    SortedScores sorted{std::move(scores.genuine), std::move(scores.impostor)};
    // Two threads for big sets: halves sorted side by side, then one linear merge.
    std::vector<double>& big =
        sorted.impostor.size() >= sorted.genuine.size() ? sorted.impostor : sorted.genuine;
    std::vector<double>& small = &big == &sorted.impostor ? sorted.genuine : sorted.impostor;
    if (big.size() < (1u << 20) || std::thread::hardware_concurrency() < 2) {
        sortDescending(small);
        sortDescending(big);
        return sorted;
    }
    const std::size_t half = big.size() / 2;
    std::vector<double> upper(big.begin() + static_cast<std::ptrdiff_t>(half), big.end());
    big.resize(half);
    std::thread worker([&upper] { sortDescending(upper); });
    sortDescending(big);
    sortDescending(small);
    worker.join();
    std::vector<double> merged(big.size() + upper.size());
    std::merge(big.begin(), big.end(), upper.begin(), upper.end(), merged.begin(),
               std::greater<double>());
    big.swap(merged);
    return sorted;
}

SortedScores sortScores(const ScoreSet& scores) {
    return sortScores(ScoreSet(scores));
}

RocCurve rocCurve(const SortedScores& scores) {
    RocCurve roc;
    const double p = static_cast<double>(scores.genuine.size());
    const double n = static_cast<double>(scores.impostor.size());
    eval::sweepRoc(scores, [&](double threshold, std::int64_t fp, std::int64_t tp) {
        roc.thresholds.push_back(threshold);
        roc.falsePositives.push_back(fp);
        roc.truePositives.push_back(tp);
        roc.fpr.push_back(n > 0 ? fp / n : 0.0);
        roc.tpr.push_back(p > 0 ? tp / p : 0.0);
    });
    return roc;
}

TarAtFar tarAtFar(const SortedScores& scores, double far) {
    const std::vector<double>& g = scores.genuine;
    const std::vector<double>& n = scores.impostor;
    TarAtFar r;
    r.far = far;
    const double nn = static_cast<double>(n.size());
    r.resolvable = far * nn >= 1.0 - 1e-9;
    // The 1e-9 keeps f * |N| that should be an integer (1e-3 * 3000) from rounding down.
    const auto k = static_cast<std::int64_t>(std::floor(far * nn + 1e-9));
    if (k >= static_cast<std::int64_t>(n.size())) {
        r.threshold = -kInf;
        r.acceptedGenuine = static_cast<std::int64_t>(g.size());
        r.acceptedImpostor = static_cast<std::int64_t>(n.size());
    } else {
        const double tau = n[static_cast<std::size_t>(k)];
        r.threshold = tau;
        // Descending arrays: the count of values > tau is the index of the first value <= tau.
        auto countAbove = [tau](const std::vector<double>& v) {
            return static_cast<std::int64_t>(
                std::lower_bound(v.begin(), v.end(), tau, std::greater<double>()) - v.begin());
        };
        r.acceptedGenuine = countAbove(g);
        r.acceptedImpostor = countAbove(n);
    }
    r.tar =
        g.empty() ? 0.0 : static_cast<double>(r.acceptedGenuine) / static_cast<double>(g.size());
    r.achievedFar = n.empty() ? 0.0 : static_cast<double>(r.acceptedImpostor) / nn;
    return r;
}

double equalErrorRate(const RocCurve& roc, double* thresholdNearest) {
    for (std::size_t i = 1; i < roc.fpr.size(); ++i) {
        if (roc.fpr[i] + roc.tpr[i] - 1.0 >= 0.0) {
            const double eer =
                interpolateEer(roc.fpr[i - 1], roc.tpr[i - 1], roc.fpr[i], roc.tpr[i]);
            if (thresholdNearest) {
                const double d0 = roc.fpr[i - 1] + roc.tpr[i - 1] - 1.0;
                const double d1 = roc.fpr[i] + roc.tpr[i] - 1.0;
                *thresholdNearest = (d1 == d0 || -d0 / (d1 - d0) >= 0.5) ? roc.thresholds[i]
                                                                         : roc.thresholds[i - 1];
            }
            return eer;
        }
    }
    return 0.0;
}

double areaUnderCurve(const RocCurve& roc) {
    double area = 0.0;
    for (std::size_t i = 1; i < roc.fpr.size(); ++i)
        area += (roc.fpr[i] - roc.fpr[i - 1]) * (roc.tpr[i] + roc.tpr[i - 1]) / 2.0;
    return area;
}

VerificationSummary summarizeVerification(ScoreSet scores, const std::vector<double>& fars,
                                          const std::string& source) {
    checkScoreSet(scores, source);
    const SortedScores sorted = sortScores(std::move(scores));
    VerificationSummary summary;
    summary.genuineCount = static_cast<std::int64_t>(sorted.genuine.size());
    summary.impostorCount = static_cast<std::int64_t>(sorted.impostor.size());
    for (double far : fars)
        summary.tarAtFar.push_back(tarAtFar(sorted, far));
    eval::EerAucAccumulator acc{static_cast<double>(summary.genuineCount),
                                static_cast<double>(summary.impostorCount)};
    eval::sweepRoc(sorted, acc);
    summary.eer = acc.eer;
    summary.eerThreshold = acc.eerThreshold;
    summary.auc = acc.auc();
    return summary;
}

} // namespace fb
