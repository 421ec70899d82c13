// Shared protocol machinery (protocol_common.h): torch-free, so protocols run on given features.
#include "eval/protocol_common.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/run_directory.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace fb::eval {

namespace fs = std::filesystem;

std::string joinPath(const std::string& folder, const std::string& name) {
    if (folder.empty() || fs::path(name).is_absolute())
        return name;
    return (fs::path(folder) / name).string();
}

std::string requireFile(const std::string& dataDir, const std::string& relative,
                        const std::string& protocol) {
    const std::string path = joinPath(dataDir, relative);
    if (!fs::is_regular_file(path))
        throw InputError(
            SourceLocation{path}, "",
            "the " + protocol +
                " protocol needs this file (see `facebench-cli data synth` for the layout)");
    return path;
}

PathResolver::PathResolver(std::vector<std::string> roots, std::string listFile)
    : m_roots(std::move(roots)), m_listFile(std::move(listFile)) {}

std::string PathResolver::resolve(const std::string& path) {
    const auto cached = m_cache.find(path);
    if (cached != m_cache.end())
        return cached->second;
    std::string found;
    if (fs::path(path).is_absolute()) {
        if (fs::is_regular_file(path))
            found = path;
    } else {
        for (const std::string& root : m_roots) {
            const std::string candidate = joinPath(root, path);
            if (fs::is_regular_file(candidate)) {
                found = candidate;
                break;
            }
        }
    }
    if (found.empty()) {
        m_missing.push_back(path);
        found = joinPath(m_roots.empty() ? "" : m_roots.front(), path);
    }
    m_cache.emplace(path, found);
    return found;
}

void PathResolver::throwIfMissing() const {
    if (m_missing.empty())
        return;
    std::string list;
    for (std::size_t i = 0; i < m_missing.size() && i < 20; ++i)
        list += "\n  " + m_missing[i];
    if (m_missing.size() > 20)
        list += "\n  ... and " + std::to_string(m_missing.size() - 20) + " more";
    std::string roots;
    for (const std::string& r : m_roots)
        roots += (roots.empty() ? "" : ", ") + r;
    throw InputError(SourceLocation{m_listFile}, "",
                     std::to_string(m_missing.size()) +
                         " image(s) named here do not exist (looked in " + roots +
                         "); pairs are never dropped silently:" + list);
}

double dot(const float* a, const float* b, std::int64_t dim) {
    double sum = 0.0;
    for (std::int64_t i = 0; i < dim; ++i)
        sum += static_cast<double>(a[i]) * static_cast<double>(b[i]);
    return sum;
}

void normalize(float* v, std::int64_t dim) {
    const double norm = std::sqrt(dot(v, v, dim));
    if (norm > 0.0)
        for (std::int64_t i = 0; i < dim; ++i)
            v[i] = static_cast<float>(v[i] / norm);
}

FeatureTable::FeatureTable(const FeatureSource& source, const std::vector<std::string>& paths) {
    std::vector<std::string> unique;
    for (const std::string& p : paths)
        if (m_index.emplace(p, unique.size()).second)
            unique.push_back(p);
    if (!source)
        throw InputError("no feature source: give a model (--run or --model) or features");
    FeatureMatrix m = source(unique);
    if (m.dim <= 0 || m.values.size() != unique.size() * static_cast<std::size_t>(m.dim))
        throw JobError("the feature source returned " + std::to_string(m.values.size()) +
                       " values for " + std::to_string(unique.size()) + " images of dimension " +
                       std::to_string(m.dim));
    for (float v : m.values)
        if (!std::isfinite(v))
            throw JobError("the model produced a feature that is not finite (NaN or infinity)");
    m_dim = m.dim;
    m_values = std::move(m.values);
    for (std::size_t r = 0; r < unique.size(); ++r)
        normalize(m_values.data() + r * static_cast<std::size_t>(m_dim), m_dim);
}

const float* FeatureTable::row(const std::string& path) const {
    return m_values.data() + m_index.at(path) * static_cast<std::size_t>(m_dim);
}

double FeatureTable::cosine(const std::string& a, const std::string& b) const {
    return dot(row(a), row(b), m_dim);
}

Json numberOrNull(double v) {
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

std::string tarSummary(const std::string& name, const Json& block) {
    std::string line = name + ":";
    char cell[64];
    for (const Json& row : block["tar_at_far"]) {
        std::snprintf(cell, sizeof cell, " TAR@%g %.1f%%", row["far"].get<double>(),
                      100 * row["tar"].get<double>());
        line += cell;
        if (row.contains("ci") && row["ci"][0].is_number()) {
            std::snprintf(cell, sizeof cell, " [%.1f, %.1f]", 100 * row["ci"][0].get<double>(),
                          100 * row["ci"][1].get<double>());
            line += cell;
        }
    }
    return line;
}

Json tarRow(const TarAtFar& t) {
    return Json{{"far", t.far},
                {"tar", t.tar},
                {"achieved_far", t.achievedFar},
                {"threshold", numberOrNull(t.threshold)},
                {"resolvable", t.resolvable}};
}

Json failurePairs(const std::vector<ScoredPair>& pairs, double threshold, bool acceptAtThreshold,
                  int count) {
    std::vector<const ScoredPair*> accepts, rejects;
    for (const ScoredPair& p : pairs) {
        const bool accepted = acceptAtThreshold ? p.score >= threshold : p.score > threshold;
        if (accepted && !p.same)
            accepts.push_back(&p);
        else if (!accepted && p.same)
            rejects.push_back(&p);
    }
    auto top = [count](std::vector<const ScoredPair*>& v, bool highestFirst) {
        const std::size_t n = std::min(v.size(), static_cast<std::size_t>(std::max(count, 0)));
        std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(),
                          [highestFirst](const ScoredPair* x, const ScoredPair* y) {
                              return highestFirst ? x->score > y->score : x->score < y->score;
                          });
        Json list = Json::array();
        for (std::size_t i = 0; i < n; ++i)
            list.push_back({{"score", v[i]->score}, {"a", v[i]->a}, {"b", v[i]->b}});
        return list;
    };
    return Json{{"threshold", numberOrNull(threshold)},
                {"accept", acceptAtThreshold ? "score >= threshold" : "score > threshold"},
                {"false_accept_count", accepts.size()},
                {"false_reject_count", rejects.size()},
                {"false_accepts", top(accepts, true)},
                {"false_rejects", top(rejects, false)}};
}

std::string subjectOfImage(const std::string& listedPath) {
    const fs::path folder = fs::path(listedPath).parent_path().filename();
    return folder.empty() ? listedPath : folder.string();
}

Json intervalJson(const ConfidenceInterval& interval) {
    return Json::array({numberOrNull(interval.low), numberOrNull(interval.high)});
}

Json intervalsJson(const VerificationIntervals& v) {
    return Json{{"method", v.method},
                {"level", v.options.level},
                {"kind", "percentile bootstrap"},
                {"replicates", v.options.replicates},
                {"seed", v.options.seed},
                {"units", v.subjects},
                {"degenerate_replicates", v.degenerateReplicates}};
}

Json verificationJson(const std::vector<ScoredPair>& pairs, const ProtocolRequest& request,
                      const std::string& source) {
    const std::vector<double>& fars = request.fars;
    ScoreSet set;
    for (const ScoredPair& p : pairs)
        (p.same ? set.genuine : set.impostor).push_back(p.score);
    checkScoreSet(set, source);
    const SortedScores sorted = sortScores(std::move(set));
    Json rows = Json::array();
    for (double far : fars)
        rows.push_back(tarRow(tarAtFar(sorted, far)));
    const RocCurve roc = rocCurve(sorted);
    double eerThreshold = 0.0;
    const double eer = equalErrorRate(roc, &eerThreshold);
    // Failures at FAR = 0.1%, on the same envelope threshold as TAR@FAR.
    const TarAtFar atFailure = tarAtFar(sorted, 1e-3);
    Json failure = failurePairs(pairs, atFailure.threshold, false, request.failures);
    failure["far"] = 1e-3;
    Json block{{"genuine", sorted.genuine.size()},
               {"impostor", sorted.impostor.size()},
               {"tar_at_far", rows},
               {"eer", eer},
               {"eer_threshold", numberOrNull(eerThreshold)},
               {"auc", areaUnderCurve(roc)}};
    if (request.bootstrap.replicates > 0) {
        const VerificationIntervals ci = bootstrapScoredPairs(pairs, fars, request.bootstrap);
        for (std::size_t f = 0; f < fars.size(); ++f)
            block["tar_at_far"][f]["ci"] = intervalJson(ci.tar[f]);
        block["eer_ci"] = intervalJson(ci.eer);
        block["auc_ci"] = intervalJson(ci.auc);
        block["intervals"] = intervalsJson(ci);
    }
    block["failures"] = failure;
    return block;
}

void writeResult(const ProtocolRequest& request, const std::string& name, const Json& document) {
    if (request.outDir.empty())
        return;
    fs::create_directories(request.outDir);
    writeFileAtomically(EvalFiles{request.outDir}.result(name), document.dump(2) + "\n");
}

void writeScores(const ProtocolRequest& request, const std::string& scoresName,
                 const std::vector<ScoredPair>& pairs) {
    if (request.outDir.empty())
        return;
    fs::create_directories(request.outDir);
    writeFileAtomically(EvalFiles{request.outDir}.scores(scoresName), formatScoreCsv(pairs));
}

} // namespace fb::eval
