// Intervals (facebench/verification_intervals.h): Student's t for fold numbers, the percentile
// bootstrap over subjects for ROC numbers. Torch-free.
#include "facebench/verification_intervals.h"

#include "eval/roc_sweep.h"
#include "facebench/errors.h"
#include "facebench/score_file.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>
#include <thread>
#include <unordered_map>

namespace fb {

namespace {

// Continued fraction of the incomplete beta function (modified Lentz's method).
double betaContinuedFraction(double a, double b, double x) {
    constexpr double kTiny = 1e-300;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    d = 1.0 / (std::abs(d) < kTiny ? kTiny : d);
    double h = d;
    for (int m = 1; m <= 500; ++m) {
        const double m2 = 2.0 * m;
        for (const double coefficient :
             {m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)),
              -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0))}) {
            d = 1.0 + coefficient * d;
            d = 1.0 / (std::abs(d) < kTiny ? kTiny : d);
            c = 1.0 + coefficient / c;
            if (std::abs(c) < kTiny)
                c = kTiny;
            h *= d * c;
        }
        if (std::abs(d * c - 1.0) < 1e-16)
            break;
    }
    return h;
}

// The regularised incomplete beta function I_x(a, b).
double incompleteBeta(double a, double b, double x) {
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                  a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double studentTCdf(double t, double v) {
    const double tail = 0.5 * incompleteBeta(v / 2.0, 0.5, v / (v + t * t));
    return t >= 0.0 ? 1.0 - tail : tail;
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Uniform in [0, n) without modulo bias (values below 2^64 mod n are redrawn).
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t n) {
    const std::uint64_t reject = (0 - n) % n;
    std::uint64_t x;
    do
        x = rng();
    while (x < reject);
    return x % n;
}

std::string levelPercent(double level) {
    char text[16];
    std::snprintf(text, sizeof text, "%g%%", 100.0 * level);
    return text;
}

} // namespace

double studentTQuantile(double p, double v) {
    if (!(p > 0.0 && p < 1.0) || !(v > 0.0))
        throw InputError("Student t quantile: p must lie in (0, 1) and the degrees of freedom "
                         "be positive");
    if (p < 0.5)
        return -studentTQuantile(1.0 - p, v);
    double low = 0.0, high = 1.0;
    while (studentTCdf(high, v) < p)
        high *= 2.0;
    for (int i = 0; i < 200 && high - low > 1e-15 * high; ++i) {
        const double mid = 0.5 * (low + high);
        (studentTCdf(mid, v) < p ? low : high) = mid;
    }
    return 0.5 * (low + high);
}

ConfidenceInterval foldInterval(const std::vector<double>& values, double level) {
    if (values.size() < 2)
        throw InputError("a fold interval needs at least 2 folds");
    const double k = static_cast<double>(values.size());
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / k;
    double squares = 0.0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    const double halfWidth = studentTQuantile(0.5 + level / 2.0, k - 1.0) *
                             std::sqrt(squares / (k - 1.0)) / std::sqrt(k);
    return {mean - halfWidth, mean + halfWidth};
}

std::string foldIntervalMethod(int folds, double level) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "%s interval: fold mean +- t * standard error, Student t with %d degrees of "
                  "freedom (t = %.4f)",
                  levelPercent(level).c_str(), folds - 1,
                  studentTQuantile(0.5 + level / 2.0, folds - 1.0));
    return text;
}

double percentile(std::vector<double> values, double q) {
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const double h = (static_cast<double>(values.size()) - 1.0) * q;
    const auto below = static_cast<std::size_t>(std::floor(h));
    if (below + 1 >= values.size())
        return values.back();
    return values[below] + (h - std::floor(h)) * (values[below + 1] - values[below]);
}

SubjectScores subjectScores(const std::vector<double>& scores, const std::vector<bool>& same,
                            const std::vector<std::string>& names) {
    if (scores.size() != same.size() || scores.size() != names.size())
        throw InputError("subject bootstrap: scores, labels and subjects differ in length");
    SubjectScores out{scores, same, {}};
    std::unordered_map<std::string, std::int32_t> index;
    out.subject.reserve(names.size());
    for (const std::string& name : names)
        out.subject.push_back(
            index.emplace(name, static_cast<std::int32_t>(index.size())).first->second);
    return out;
}

SubjectBootstrap::SubjectBootstrap(const SubjectScores& pairs, std::vector<double> fars)
    : m_fars(std::move(fars)) {
    const std::size_t n = pairs.scores.size();
    if (pairs.same.size() != n || pairs.subject.size() != n)
        throw InputError("subject bootstrap: scores, labels and subjects differ in length");
    if (n >= (std::size_t{1} << 31))
        throw InputError("subject bootstrap: more than 2^31 pairs");
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(pairs.scores[i]))
            throw InputError("subject bootstrap: pair " + std::to_string(i + 1) +
                             " has a score that is not finite");
        if (pairs.subject[i] < 0)
            throw InputError("subject bootstrap: pair " + std::to_string(i + 1) +
                             " has a negative subject index");
        m_subjects = std::max(m_subjects, pairs.subject[i] + 1);
    }
    if (m_subjects >= (1 << 29))
        throw InputError("subject bootstrap: more than 2^29 subjects");
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return pairs.scores[a] > pairs.scores[b]; });
    m_code.resize(n);
    m_genuine.assign(static_cast<std::size_t>(m_subjects), 0);
    m_impostor.assign(static_cast<std::size_t>(m_subjects), 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t p = order[i];
        const bool groupEnds = i + 1 == n || pairs.scores[order[i + 1]] != pairs.scores[p];
        m_code[i] = (pairs.subject[p] << 2) | (pairs.same[p] ? 2 : 0) | (groupEnds ? 1 : 0);
        ++(pairs.same[p] ? m_genuine : m_impostor)[static_cast<std::size_t>(pairs.subject[p])];
    }
}

VerificationStatistics SubjectBootstrap::replicate(const std::vector<std::int32_t>& weights) const {
    VerificationStatistics s;
    if (weights.size() != static_cast<std::size_t>(m_subjects))
        throw InputError("subject bootstrap: one weight per subject expected");
    std::int64_t p = 0, n = 0;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        p += weights[k] * m_genuine[k];
        n += weights[k] * m_impostor[k];
    }
    if (p == 0 || n == 0)
        return s;
    // TAR at f = max tp over the ROC points with fp <= k = floor(f |N| + 1e-9): the envelope
    // definition of verification_metrics.h on the weighted counts. The FARs are visited in
    // order of their limits; a FAR's TAR is the tp of the last point before fp passes its limit.
    std::vector<std::int64_t> limit, tarTp(m_fars.size(), 0);
    for (double far : m_fars)
        limit.push_back(static_cast<std::int64_t>(std::floor(far * static_cast<double>(n) + 1e-9)));
    std::vector<std::size_t> byLimit(m_fars.size());
    std::iota(byLimit.begin(), byLimit.end(), std::size_t{0});
    std::sort(byLimit.begin(), byLimit.end(),
              [&](std::size_t a, std::size_t b) { return limit[a] < limit[b]; });
    std::size_t next = 0; // the first FAR (by limit) whose point is not yet passed
    eval::EerAucAccumulator acc{static_cast<double>(p), static_cast<double>(n)};
    acc(eval::kInfinity, 0, 0);
    std::int64_t fp = 0, tp = 0, prevFp = 0, prevTp = 0;
    const std::int32_t* code = m_code.data();
    const std::int32_t* const end = code + m_code.size();
    for (; code != end; ++code) {
        // Branch-free counting: a third of the pairs weigh 0, at random, which would defeat
        // the branch predictor; a repeated point adds no area and passes no limit.
        const std::int64_t w = weights[static_cast<std::size_t>(*code >> 2)];
        const std::int64_t genuine = -static_cast<std::int64_t>((*code >> 1) & 1);
        tp += w & genuine;
        fp += w & ~genuine;
        if (!(*code & 1)) // a point only where a tie group ends
            continue;
        while (next < byLimit.size() && fp > limit[byLimit[next]])
            tarTp[byLimit[next++]] = prevTp;
        if (!acc.eerFound)
            acc(0.0, fp, tp);
        else
            acc.area2 += (fp - prevFp) * (tp + prevTp);
        acc.prevFp = prevFp = fp;
        acc.prevTp = prevTp = tp;
    }
    while (next < byLimit.size())
        tarTp[byLimit[next++]] = tp;
    s.defined = true;
    for (std::int64_t t : tarTp)
        s.tar.push_back(static_cast<double>(t) / static_cast<double>(p));
    s.eer = acc.eer;
    s.auc = acc.auc();
    return s;
}

std::vector<std::int32_t> bootstrapDraw(std::int32_t units, std::uint64_t seed, int r) {
    std::mt19937_64 rng(splitmix64(seed ^ splitmix64(static_cast<std::uint64_t>(r))));
    std::vector<std::int32_t> weights(static_cast<std::size_t>(units), 0);
    for (std::int32_t k = 0; k < units; ++k)
        ++weights[uniformBelow(rng, static_cast<std::uint64_t>(units))];
    return weights;
}

std::vector<std::int32_t> SubjectBootstrap::draw(std::uint64_t seed, int r) const {
    return bootstrapDraw(m_subjects, seed, r);
}

VerificationIntervals bootstrapVerification(const SubjectScores& pairs,
                                            const std::vector<double>& fars,
                                            const BootstrapOptions& options,
                                            const std::string& unit) {
    if (options.replicates < 1)
        throw InputError(SourceLocation{}, "--bootstrap", "at least 1 bootstrap replicate");
    if (!(options.level > 0.0 && options.level < 1.0))
        throw InputError(SourceLocation{}, "level", "the interval level must lie in (0, 1)");
    const SubjectBootstrap bootstrap(pairs, fars);
    std::vector<VerificationStatistics> replicates(static_cast<std::size_t>(options.replicates));
    auto work = [&](int first, int step) {
        for (int r = first; r < options.replicates; r += step)
            replicates[static_cast<std::size_t>(r)] =
                bootstrap.replicate(bootstrap.draw(options.seed, r));
    };
    const int threads = pairs.scores.size() >= 4096 && std::thread::hardware_concurrency() >= 2 &&
                                options.replicates > 1
                            ? 2
                            : 1;
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t, threads);
    work(0, threads);
    for (std::thread& t : pool)
        t.join();

    VerificationIntervals out;
    out.options = options;
    out.subjects = bootstrap.subjects();
    const double lowQ = (1.0 - options.level) / 2.0, highQ = 1.0 - lowQ;
    auto interval = [&](auto&& value) {
        std::vector<double> values;
        for (const VerificationStatistics& s : replicates)
            if (s.defined)
                values.push_back(value(s));
        return ConfidenceInterval{percentile(values, lowQ), percentile(values, highQ)};
    };
    for (const VerificationStatistics& s : replicates)
        out.degenerateReplicates += s.defined ? 0 : 1;
    for (std::size_t f = 0; f < fars.size(); ++f)
        out.tar.push_back(interval([f](const VerificationStatistics& s) { return s.tar[f]; }));
    out.eer = interval([](const VerificationStatistics& s) { return s.eer; });
    out.auc = interval([](const VerificationStatistics& s) { return s.auc; });
    const char* note = unit == "subjects"
                           ? "each pair belongs to its first image's subject"
                           : "no subject information: pairs treated as independent, which "
                             "understates the width when pairs share subjects";
    char text[480];
    std::snprintf(text, sizeof text,
                  "%s interval: percentile bootstrap over %s (%lld %s resampled with replacement; "
                  "%s), %d replicates, seed %llu",
                  levelPercent(options.level).c_str(), unit.c_str(),
                  static_cast<long long>(out.subjects), unit.c_str(), note, options.replicates,
                  static_cast<unsigned long long>(options.seed));
    out.method = text;
    return out;
}

VerificationIntervals bootstrapScoredPairs(const std::vector<ScoredPair>& pairs,
                                           const std::vector<double>& fars,
                                           const BootstrapOptions& options) {
    const bool bySubject = std::all_of(pairs.begin(), pairs.end(),
                                       [](const ScoredPair& p) { return !p.subject.empty(); });
    std::vector<double> scores;
    std::vector<bool> same;
    std::vector<std::string> units;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        scores.push_back(pairs[i].score);
        same.push_back(pairs[i].same);
        units.push_back(bySubject ? pairs[i].subject : std::to_string(i));
    }
    return bootstrapVerification(subjectScores(scores, same, units), fars, options,
                                 bySubject ? "subjects" : "pairs");
}

} // namespace fb
