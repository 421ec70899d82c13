// Reading RUN/eval/*.json and *-scores.csv back (facebench/eval_results.h). The JSON layout is
// the one core/src/eval/protocol_common.cpp (verificationJson) and the protocol files write.
#include "facebench/eval_results.h"

#include "facebench/errors.h"
#include "facebench/run_directory.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace fb {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

double number(const Json& o, const char* key, double fallback = std::nan("")) {
    if (!o.is_object() || !o.contains(key) || !o[key].is_number())
        return fallback;
    return o[key].get<double>();
}

std::vector<FailurePair> readPairs(const Json& list) {
    std::vector<FailurePair> out;
    if (!list.is_array())
        return out;
    for (const Json& p : list)
        out.push_back(
            {number(p, "score"), p.value("a", std::string()), p.value("b", std::string())});
    return out;
}

// [low, high] as the protocols write intervals; false when absent or malformed.
bool readInterval(const Json& o, const char* key, ConfidenceInterval& out) {
    if (!o.is_object() || !o.contains(key) || !o[key].is_array() || o[key].size() != 2 ||
        !o[key][0].is_number() || !o[key][1].is_number())
        return false;
    out = {o[key][0].get<double>(), o[key][1].get<double>()};
    return true;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

VerificationBlock readBlock(const Json& o, const std::string& protocol, const std::string& subset,
                            const fs::path& evalDir, const std::string& scoresName) {
    VerificationBlock b;
    b.protocol = protocol;
    b.subset = subset;
    b.label = subset.empty() ? protocol : protocol + " " + subset;
    b.genuine = static_cast<std::int64_t>(number(o, "genuine", 0));
    b.impostor = static_cast<std::int64_t>(number(o, "impostor", 0));
    if (o.contains("tar_at_far") && o["tar_at_far"].is_array())
        for (const Json& r : o["tar_at_far"]) {
            TarAtFar t;
            t.far = number(r, "far");
            t.tar = number(r, "tar");
            t.achievedFar = number(r, "achieved_far");
            t.threshold = number(r, "threshold");
            t.resolvable = r.value("resolvable", true);
            b.tarAtFar.push_back(t);
            ConfidenceInterval ci{std::nan(""), std::nan("")};
            readInterval(r, "ci", ci);
            b.tarIntervals.push_back(ci);
        }
    b.eer = number(o, "eer");
    b.eerThreshold = number(o, "eer_threshold");
    b.auc = number(o, "auc");
    b.hasIntervals = o.contains("intervals") && o["intervals"].is_object() &&
                     readInterval(o, "eer_ci", b.eerInterval) &&
                     readInterval(o, "auc_ci", b.aucInterval);
    if (b.hasIntervals)
        b.intervalMethod = o["intervals"].value("method", std::string());
    if (o.contains("failures") && o["failures"].is_object()) {
        const Json& f = o["failures"];
        b.hasFailures = true;
        b.failures.far = number(f, "far", 1e-3);
        b.failures.threshold = number(f, "threshold");
        b.failures.falseAcceptCount = static_cast<std::int64_t>(number(f, "false_accept_count", 0));
        b.failures.falseRejectCount = static_cast<std::int64_t>(number(f, "false_reject_count", 0));
        if (f.contains("false_accepts"))
            b.failures.falseAccepts = readPairs(f["false_accepts"]);
        if (f.contains("false_rejects"))
            b.failures.falseRejects = readPairs(f["false_rejects"]);
    }
    const std::string scores = EvalFiles{evalDir.string()}.scores(scoresName);
    if (fs::is_regular_file(scores))
        b.scoresFile = scores;
    return b;
}

} // namespace

EvalResult readEvalResult(const std::string& jsonPath) {
    Json doc;
    {
        std::ifstream in(jsonPath);
        if (!in)
            throw InputError(SourceLocation{jsonPath}, "", "cannot open the result file");
        try {
            doc = Json::parse(in);
        } catch (const std::exception& e) {
            throw InputError(SourceLocation{jsonPath}, "", std::string("not JSON: ") + e.what());
        }
    }
    if (!doc.is_object() || !doc.contains("protocol") || !doc["protocol"].is_string())
        throw InputError(SourceLocation{jsonPath}, "protocol",
                         "not an evaluation result (no \"protocol\" name)");
    EvalResult r;
    r.protocol = doc["protocol"].get<std::string>();
    r.file = jsonPath;
    const fs::path evalDir = fs::path(jsonPath).parent_path();
    if (r.protocol == "lfw" || r.protocol == "bin") { // bin: one .bin set a file, folds as LFW
        if (r.protocol == "bin")
            r.set = doc.value("set", std::string());
        r.hasFolds = doc.contains("fold_accuracies");
        r.accuracy = number(doc, "accuracy");
        r.accuracyStd = number(doc, "std");
        r.standardError = number(doc, "standard_error");
        r.hasAccuracyInterval = readInterval(doc, "accuracy_ci", r.accuracyInterval);
        if (r.hasAccuracyInterval && doc.contains("accuracy_interval") &&
            doc["accuracy_interval"].is_string())
            r.accuracyIntervalMethod = doc["accuracy_interval"].get<std::string>();
        for (const char* key : {"fold_accuracies", "thresholds"})
            if (doc.contains(key) && doc[key].is_array())
                for (const Json& v : doc[key])
                    (std::string(key) == "thresholds" ? r.foldThresholds : r.foldAccuracies)
                        .push_back(v.is_number() ? v.get<double>() : std::nan(""));
        if (doc.contains("verification"))
            r.blocks.push_back(
                r.protocol == "lfw"
                    ? readBlock(doc["verification"], "lfw", "", evalDir, "lfw")
                    : readBlock(doc["verification"], "bin", r.set, evalDir, "bin-" + r.set));
    } else if (r.protocol == "templates") {
        for (const char* study : {"pose", "age"}) {
            if (!doc.contains(study))
                continue;
            const Json& s = doc[study];
            SimilarityMatrix m;
            m.study = study;
            m.subjects = static_cast<std::int64_t>(number(s, "subjects", 0));
            if (s.contains("levels"))
                for (const Json& l : s["levels"])
                    m.levels.push_back(l.get<std::string>());
            if (!s.contains("matrix") || !s["matrix"].is_array())
                throw InputError(SourceLocation{jsonPath}, std::string(study) + ".matrix",
                                 "missing similarity matrix");
            for (const Json& row : s["matrix"]) {
                std::vector<double> values;
                for (const Json& v : row)
                    values.push_back(v.is_number() ? v.get<double>() : std::nan(""));
                if (values.size() != m.levels.size())
                    throw InputError(SourceLocation{jsonPath}, std::string(study) + ".matrix",
                                     "a row's length differs from the number of levels");
                m.values.push_back(values);
            }
            if (m.values.size() != m.levels.size())
                throw InputError(SourceLocation{jsonPath}, std::string(study) + ".matrix",
                                 "the number of rows differs from the number of levels");
            r.matrices.push_back(std::move(m));
        }
    } else if (r.protocol == "cross-quality") {
        for (const char* study : {"Low2High", "Middle2High"})
            if (doc.contains(study))
                r.blocks.push_back(readBlock(doc[study], r.protocol, study, evalDir,
                                             "cross-quality-" + lower(study)));
    } else if (r.protocol == "tracks") {
        if (doc.contains("tracks") && doc["tracks"].is_object())
            for (const char* track : {"easy", "moderate", "difficult"})
                if (doc["tracks"].contains(track))
                    r.blocks.push_back(readBlock(doc["tracks"][track], r.protocol, track, evalDir,
                                                 std::string("tracks-") + track));
    } else if (r.protocol == "ijb") { // the 1:1 block; 1:N numbers stay in the JSON
        if (doc.contains("verification"))
            r.blocks.push_back(readBlock(doc["verification"], "ijb", "1:1", evalDir, "ijb"));
    } else if (doc.contains("tar_at_far")) { // dfw, pairs and any whole-protocol result
        r.blocks.push_back(readBlock(doc, r.protocol, "", evalDir, r.protocol));
    }
    return r;
}

std::vector<EvalResult> readRunEvalResults(const std::string& runDir) {
    return RunDirectory(runDir).readEvalResults();
}

std::vector<ScoredPair> readScoredPairs(const std::string& csvPath) {
    std::ifstream in(csvPath, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{csvPath}, "", "cannot open the score file");
    std::vector<ScoredPair> out;
    std::string line;
    int lineNo = 0;
    // Splits one CSV line (fields may be quoted, quotes doubled).
    auto split = [](const std::string& text) {
        std::vector<std::string> fields(1);
        bool quoted = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (quoted) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                    fields.back() += '"', ++i;
                else if (c == '"')
                    quoted = false;
                else
                    fields.back() += c;
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.emplace_back();
            } else if (c != '\r') {
                fields.back() += c;
            }
        }
        return fields;
    };
    int scoreCol = -1, labelCol = -1, aCol = -1, bCol = -1, subjectCol = -1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line == "\r")
            continue;
        const std::vector<std::string> f = split(line);
        if (scoreCol < 0) {
            for (std::size_t i = 0; i < f.size(); ++i) {
                const int c = static_cast<int>(i);
                if (f[i] == "score")
                    scoreCol = c;
                else if (f[i] == "label")
                    labelCol = c;
                else if (f[i] == "a")
                    aCol = c;
                else if (f[i] == "b")
                    bCol = c;
                else if (f[i] == "subject")
                    subjectCol = c;
            }
            if (scoreCol < 0 || labelCol < 0)
                throw InputError(SourceLocation{csvPath, lineNo}, "score",
                                 "the header needs score and label columns");
            continue;
        }
        const auto need =
            static_cast<std::size_t>(std::max({scoreCol, labelCol, aCol, bCol, subjectCol}));
        if (f.size() <= need)
            throw InputError(SourceLocation{csvPath, lineNo}, "", "short line");
        ScoredPair p;
        const std::string& s = f[static_cast<std::size_t>(scoreCol)];
        const auto res = std::from_chars(s.data(), s.data() + s.size(), p.score);
        if (res.ec != std::errc() || !std::isfinite(p.score))
            throw InputError(SourceLocation{csvPath, lineNo}, "score", "not a finite number: " + s);
        const std::string& l = f[static_cast<std::size_t>(labelCol)];
        if (l != "0" && l != "1")
            throw InputError(SourceLocation{csvPath, lineNo}, "label", "must be 0 or 1: " + l);
        p.same = l == "1";
        if (aCol >= 0)
            p.a = f[static_cast<std::size_t>(aCol)];
        if (bCol >= 0)
            p.b = f[static_cast<std::size_t>(bCol)];
        if (subjectCol >= 0) {
            p.subject = f[static_cast<std::size_t>(subjectCol)];
            if (p.subject.empty())
                throw InputError(SourceLocation{csvPath, lineNo}, "subject",
                                 "empty subject (the subject column names each pair's subject)");
        }
        out.push_back(std::move(p));
    }
    return out;
}

FailureList failuresAtFar(const std::vector<ScoredPair>& pairs, double far, int limit) {
    ScoreSet set;
    for (const ScoredPair& p : pairs)
        (p.same ? set.genuine : set.impostor).push_back(p.score);
    FailureList out;
    out.far = far;
    if (set.genuine.empty() || set.impostor.empty())
        return out;
    const TarAtFar t = tarAtFar(sortScores(std::move(set)), far);
    out.threshold = t.threshold;
    std::vector<const ScoredPair*> fa, fr;
    for (const ScoredPair& p : pairs) {
        if (!p.same && p.score > t.threshold)
            fa.push_back(&p);
        else if (p.same && !(p.score > t.threshold))
            fr.push_back(&p);
    }
    out.falseAcceptCount = static_cast<std::int64_t>(fa.size());
    out.falseRejectCount = static_cast<std::int64_t>(fr.size());
    std::stable_sort(fa.begin(), fa.end(),
                     [](const ScoredPair* x, const ScoredPair* y) { return x->score > y->score; });
    std::stable_sort(fr.begin(), fr.end(),
                     [](const ScoredPair* x, const ScoredPair* y) { return x->score < y->score; });
    for (std::size_t i = 0; i < fa.size() && static_cast<int>(i) < limit; ++i)
        out.falseAccepts.push_back({fa[i]->score, fa[i]->a, fa[i]->b});
    for (std::size_t i = 0; i < fr.size() && static_cast<int>(i) < limit; ++i)
        out.falseRejects.push_back({fr[i]->score, fr[i]->a, fr[i]->b});
    return out;
}

} // namespace fb
