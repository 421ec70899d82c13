#include "train/lfw_validation.h"

#include "facebench/protocol_files.h"
#include "facebench/verification_metrics.h"

#include <cmath>
#include <map>

namespace fb::train {

VerificationHook lfwVerificationHook(const std::string& dataDir, int perFold) {
    VerificationHook hook;
    hook.name = "lfw";
    hook.run = [dataDir, perFold](const EmbedFunction& embed) {
        const LfwPairs lfw = readLfwPairs(dataDir + "/lfw/pairs.txt");
        std::vector<LfwPair> pairs;
        std::map<std::pair<int, bool>, int> taken; // (fold, same) -> pairs kept
        for (const LfwPair& pair : lfw.pairs)
            if (taken[{pair.fold, pair.same}]++ < perFold)
                pairs.push_back(pair);
        std::vector<std::string> paths;
        std::map<std::string, std::size_t> row;
        const auto rowOf = [&](const std::string& name, int index) {
            const std::string path = dataDir + "/lfw/" + lfwImagePath(name, index);
            const auto [it, added] = row.emplace(path, paths.size());
            if (added)
                paths.push_back(path);
            return it->second;
        };
        std::vector<std::pair<std::size_t, std::size_t>> rows;
        for (const LfwPair& pair : pairs)
            rows.emplace_back(rowOf(pair.name1, pair.index1), rowOf(pair.name2, pair.index2));
        const NpyArray features = embed(paths);
        const std::size_t dim = static_cast<std::size_t>(features.shape.at(1));
        const auto cosine = [&](std::size_t a, std::size_t b) {
            double dot = 0, na = 0, nb = 0;
            for (std::size_t k = 0; k < dim; ++k) {
                const double x = features.values[a * dim + k], y = features.values[b * dim + k];
                dot += x * y;
                na += x * x;
                nb += y * y;
            }
            return dot / std::max(1e-12, std::sqrt(na * nb));
        };
        LfwFoldsRequest request;
        request.folds = lfw.folds;
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            request.scores.push_back(cosine(rows[i].first, rows[i].second));
            request.same.push_back(pairs[i].same);
            request.fold.push_back(pairs[i].fold);
        }
        return std::map<std::string, double>{{"lfw_acc", lfwTenFold(request).mean}};
    };
    return hook;
}

} // namespace fb::train
