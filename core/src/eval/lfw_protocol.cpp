// The LFW protocol (Huang et al. 2007, View 2; seed Section 3.2, Table 3 "LFW (%)"): the 10
// folds of pairs.txt in file order, per fold the cosine threshold that maximises accuracy on
// the other nine (ties to the lowest), accuracy on the held-out fold; mean, standard error and
// the 10 thresholds. A pair naming a missing image is an error: dropping it would shift folds.
#include "eval/lfw_protocol.h"

#include "eval/protocol_common.h"

#include "facebench/protocol_files.h"

#include <algorithm>
#include <cstdio>

namespace fb::eval {

LfwScores scoreLfw(const std::string& dataDir, const FeatureSource& source) {
    LfwScores scored;
    scored.pairsFile = requireFile(dataDir, "lfw/pairs.txt", "lfw");
    scored.lfw = readLfwPairs(scored.pairsFile);
    PathResolver resolver({joinPath(dataDir, "lfw")}, scored.pairsFile);
    std::vector<ScoredPair>& pairs = scored.pairs;
    std::vector<std::string> images;
    for (const LfwPair& p : scored.lfw.pairs) {
        ScoredPair s;
        s.a = resolver.resolve(lfwImagePath(p.name1, p.index1));
        s.b = resolver.resolve(lfwImagePath(p.name2, p.index2));
        s.same = p.same;
        s.subject = p.name1; // the first image's subject (verification_intervals.h)
        images.push_back(s.a);
        images.push_back(s.b);
        pairs.push_back(std::move(s));
    }
    resolver.throwIfMissing();
    const FeatureTable features(source, images);
    scored.images = features.size();

    LfwFoldsRequest folds;
    folds.folds = scored.lfw.folds;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        pairs[i].score = features.cosine(pairs[i].a, pairs[i].b);
        folds.scores.push_back(pairs[i].score);
        folds.same.push_back(pairs[i].same);
        folds.fold.push_back(scored.lfw.pairs[i].fold);
    }
    scored.folds = lfwTenFold(folds);
    return scored;
}

ProtocolResult runLfwProtocol(const ProtocolRequest& request) {
    const LfwScores scored = scoreLfw(request.dataDir, request.features);
    const std::string& pairsFile = scored.pairsFile;
    const LfwPairs& lfw = scored.lfw;
    const std::vector<ScoredPair>& pairs = scored.pairs;
    const LfwFoldsResult& result = scored.folds;
    const ConfidenceInterval accuracyCi = foldInterval(result.accuracies);

    // Failures at each pair's own fold threshold ("same" iff cosine >= t): false accepts highest
    // score first, false rejects lowest first.
    std::vector<const ScoredPair*> fa, fr;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const double t = result.thresholds[static_cast<std::size_t>(lfw.pairs[i].fold)];
        if ((pairs[i].score >= t) != pairs[i].same)
            (pairs[i].same ? fr : fa).push_back(&pairs[i]);
    }
    std::sort(fa.begin(), fa.end(), [](auto* x, auto* y) { return x->score > y->score; });
    std::sort(fr.begin(), fr.end(), [](auto* x, auto* y) { return x->score < y->score; });
    auto list = [&request](const std::vector<const ScoredPair*>& v) {
        Json out = Json::array();
        for (std::size_t i = 0; i < v.size() && i < static_cast<std::size_t>(request.failures); ++i)
            out.push_back({{"score", v[i]->score}, {"a", v[i]->a}, {"b", v[i]->b}});
        return out;
    };
    const Json failures{{"rule", "per-fold threshold, same iff cosine >= threshold"},
                        {"false_accept_count", fa.size()},
                        {"false_reject_count", fr.size()},
                        {"false_accepts", list(fa)},
                        {"false_rejects", list(fr)}};

    Json doc{{"protocol", "lfw"},
             {"pairs_file", pairsFile},
             {"pairs", pairs.size()},
             {"images", scored.images},
             {"folds", lfw.folds},
             {"rule",
              "cosine of L2-normalised features; per fold the threshold (a distinct training "
              "score) maximising accuracy on the other folds, ties to the lowest; same iff cosine "
              ">= it"},
             {"accuracy", result.mean},
             {"std", result.std},
             {"standard_error", result.standardError},
             {"accuracy_ci", intervalJson(accuracyCi)},
             {"accuracy_interval", foldIntervalMethod(lfw.folds)},
             {"fold_accuracies", result.accuracies},
             {"thresholds", result.thresholds},
             {"verification", verificationJson(pairs, request, pairsFile)},
             {"failures", failures}};
    writeResult(request, "lfw", doc);
    writeScores(request, "lfw", pairs);
    char line[200];
    std::snprintf(line, sizeof line,
                  "lfw: accuracy %.2f%% +- %.2f (standard error; 95%% interval %.2f-%.2f, Student "
                  "t over folds), %zu pairs",
                  100 * result.mean, 100 * result.standardError, 100 * accuracyCi.low,
                  100 * accuracyCi.high, pairs.size());
    return {"lfw", doc.dump(2), line};
}

} // namespace fb::eval
