// InsightFace's .bin verification sets (lfw.bin, cfp_fp.bin, agedb_30.bin; facebench/
// verification_bin.h), evaluated as arcface_torch's eval/verification.py does: features of each
// image summed with those of its mirror image, then L2-normalised; squared L2 distance between
// the pair's features; 10 folds as sklearn's KFold(n_splits=10, shuffle=False) cuts the pairs in
// file order (the first n % 10 folds one pair longer); per fold the threshold of
// numpy.arange(0, 4, 0.01) that maximises accuracy on the other nine (the first maximum, as
// numpy.argmax), "same" iff distance < threshold; accuracy on the held-out fold; mean and
// population standard deviation (the "+-" arcface_torch prints). On unit features the squared
// distance is 2 - 2 cos, computed from the cosine written to the scores file, so a reference
// reading that file reproduces every fold exactly.
#include "eval/bin_protocol.h"
#include "eval/protocol_common.h"

#include "facebench/errors.h"
#include "facebench/verification_bin.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <unordered_map>

namespace fb::eval {

namespace {

namespace fs = std::filesystem;

constexpr int kBinFolds = 10;

std::string imageExtension(const std::vector<unsigned char>& bytes) {
    if (bytes.size() >= 3 && bytes[0] == 0xff && bytes[1] == 0xd8 && bytes[2] == 0xff)
        return ".jpg";
    if (bytes.size() >= 4 && bytes[0] == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' &&
        bytes[3] == 'G')
        return ".png";
    if (bytes.size() >= 2 && bytes[0] == 'B' && bytes[1] == 'M')
        return ".bmp";
    return ".img";
}

void writeImage(const fs::path& path, const std::vector<unsigned char>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    out.close();
    if (!out)
        throw JobError("cannot write " + path.string());
}

// The images of a .bin as files in a scratch folder, for the path-based feature source;
// removed when the set is done. An image the pickle lists again (one memoised bytes object, one
// shared buffer in VerificationBin) is one file, so its features are computed once.
struct ScratchImages {
    fs::path folder;
    std::vector<std::string> paths; // per listed image
    ScratchImages(const VerificationBin& bin, const std::string& name) {
        std::random_device random;
        folder =
            fs::temp_directory_path() / ("facebench-bin-" + name + "-" + std::to_string(random()) +
                                         "-" + std::to_string(random()));
        fs::create_directories(folder);
        std::unordered_map<const std::vector<unsigned char>*, std::string> written;
        for (std::size_t i = 0; i < bin.images.size(); ++i) {
            const std::vector<unsigned char>* bytes = bin.images[i].get();
            auto it = written.find(bytes);
            if (it == written.end()) {
                char file[32];
                std::snprintf(file, sizeof file, "%06zu", i);
                it = written.emplace(bytes, (folder / (file + imageExtension(*bytes))).string())
                         .first;
                writeImage(it->second, *bytes);
            }
            paths.push_back(it->second);
        }
    }
    ~ScratchImages() {
        std::error_code ec;
        fs::remove_all(folder, ec);
    }
};

// Fold of each pair under KFold(n_splits=10, shuffle=False).
std::vector<int> kFoldOf(std::size_t pairs) {
    std::vector<int> fold;
    const std::size_t base = pairs / kBinFolds, longer = pairs % kBinFolds;
    for (int f = 0; f < kBinFolds; ++f)
        fold.insert(fold.end(), base + (std::size_t(f) < longer ? 1 : 0), f);
    return fold;
}

struct SetResult {
    Json document;
    std::string summary;
};

SetResult evaluateSet(const ProtocolRequest& request, const std::string& file,
                      const std::string& name) {
    const VerificationBin bin = readVerificationBin(file);
    const std::size_t n = bin.sameFlags.size();
    if (n < kBinFolds)
        throw InputError(SourceLocation{file}, "",
                         std::to_string(n) + " pairs; the 10-fold protocol needs at least 10");
    const ScratchImages scratch(bin, name);
    const FeatureTable features(
        request.mirrorSumFeatures ? request.mirrorSumFeatures : request.features, scratch.paths);

    std::vector<ScoredPair> pairs(n);
    LfwFoldsRequest folds;
    folds.rule = ThresholdRule::DistanceBelowGrid; // arcface_torch: np.arange(0, 4, 0.01)
    folds.fold = kFoldOf(n);
    for (std::size_t i = 0; i < n; ++i) {
        ScoredPair& p = pairs[i];
        p.score = features.cosine(scratch.paths[2 * i], scratch.paths[2 * i + 1]);
        p.same = bin.sameFlags[i];
        p.a = file + "#" + std::to_string(2 * i); // the image's index in the .bin's list
        p.b = file + "#" + std::to_string(2 * i + 1);
        folds.scores.push_back(2.0 - 2.0 * p.score);
        folds.same.push_back(p.same);
    }
    const LfwFoldsResult result = lfwTenFold(folds);
    const ConfidenceInterval accuracyCi = foldInterval(result.accuracies);
    double meanThreshold = 0.0;
    for (double t : result.thresholds)
        meanThreshold += t / kBinFolds;

    // Failures at each pair's fold threshold, highest-cosine false accepts and lowest-cosine
    // false rejects first; their images are kept beside the results for the failure viewer.
    std::vector<std::size_t> fa, fr;
    for (std::size_t i = 0; i < n; ++i) {
        const bool accepted =
            folds.scores[i] < result.thresholds[static_cast<std::size_t>(folds.fold[i])];
        if (accepted != pairs[i].same)
            (pairs[i].same ? fr : fa).push_back(i);
    }
    std::stable_sort(fa.begin(), fa.end(),
                     [&](std::size_t x, std::size_t y) { return pairs[x].score > pairs[y].score; });
    std::stable_sort(fr.begin(), fr.end(),
                     [&](std::size_t x, std::size_t y) { return pairs[x].score < pairs[y].score; });
    const fs::path imageFolder =
        request.outDir.empty() ? fs::path() : fs::path(request.outDir) / ("bin-" + name);
    auto kept = [&](std::size_t image) {
        if (imageFolder.empty())
            return image % 2 ? pairs[image / 2].b : pairs[image / 2].a;
        fs::create_directories(imageFolder);
        const fs::path target = imageFolder / fs::path(scratch.paths[image]).filename();
        writeImage(target, *bin.images[image]);
        return target.string();
    };
    auto list = [&](const std::vector<std::size_t>& v) {
        Json out = Json::array();
        for (std::size_t k = 0; k < v.size() && k < static_cast<std::size_t>(request.failures); ++k)
            out.push_back({{"score", pairs[v[k]].score},
                           {"distance", folds.scores[v[k]]},
                           {"a", kept(2 * v[k])},
                           {"b", kept(2 * v[k] + 1)}});
        return out;
    };
    const Json failures{{"rule", "per-fold threshold, same iff squared distance < threshold"},
                        {"false_accept_count", fa.size()},
                        {"false_reject_count", fr.size()},
                        {"false_accepts", list(fa)},
                        {"false_rejects", list(fr)}};

    Json doc{{"protocol", "bin"},
             {"set", name},
             {"bin_file", file},
             {"pairs", n},
             {"images", features.size()},
             {"folds", kBinFolds},
             {"rule",
              "arcface_torch's verification: features of the image and its mirror summed, "
              "L2-normalised; squared L2 distance (2 - 2 cos); 10 contiguous folds (KFold, no "
              "shuffle); per fold the threshold of arange(0, 4, 0.01) maximising accuracy on the "
              "other folds (first maximum); same iff distance < threshold"},
             {"accuracy", result.mean},
             {"std", result.std},
             {"standard_error", result.standardError},
             {"accuracy_ci", intervalJson(accuracyCi)},
             {"accuracy_interval", foldIntervalMethod(kBinFolds)},
             {"fold_accuracies", result.accuracies},
             {"thresholds", result.thresholds},
             {"best_threshold", meanThreshold},
             {"verification", verificationJson(pairs, request, file)},
             {"failures", failures}};
    writeResult(request, "bin-" + name, doc);
    writeScores(request, "bin-" + name, pairs);
    char line[200];
    std::snprintf(line, sizeof line,
                  "%s: accuracy %.2f%% +- %.2f (std; 95%% interval %.2f-%.2f, Student t over "
                  "folds), %zu pairs",
                  name.c_str(), 100 * result.mean, 100 * result.std, 100 * accuracyCi.low,
                  100 * accuracyCi.high, n);
    return {doc, line};
}

} // namespace

ProtocolResult runBinProtocol(const ProtocolRequest& request) {
    if (request.binFiles.empty())
        throw InputError(SourceLocation{}, "--bin",
                         "the bin protocol needs one or more InsightFace .bin files (--bin "
                         "lfw.bin --bin cfp_fp.bin ...)");
    std::set<std::string> names;
    for (const std::string& file : request.binFiles) {
        if (!fs::is_regular_file(file))
            throw InputError(SourceLocation{file}, "--bin", "no such .bin file");
        if (!names.insert(binSetName(file)).second)
            throw InputError(SourceLocation{file}, "--bin",
                             "two sets named '" + binSetName(file) +
                                 "': their results would share eval/bin-" + binSetName(file) +
                                 ".json");
    }
    Json sets = Json::object();
    std::string summary = "bin:";
    for (const std::string& file : request.binFiles) {
        const SetResult set = evaluateSet(request, file, binSetName(file));
        sets[binSetName(file)] = set.document;
        summary += " " + set.summary + ";";
    }
    summary.pop_back();
    const Json doc{{"protocol", "bin"}, {"sets", sets}};
    return {"bin", doc.dump(2), summary};
}

std::string binSetName(const std::string& path) {
    return fs::path(path).stem().string();
}

double binSetAccuracy(const std::string& file, const FeatureSource& mirrorSumFeatures) {
    ProtocolRequest request; // no outDir: nothing written
    request.features = mirrorSumFeatures;
    request.bootstrap.replicates = 0; // the accuracy needs no intervals
    request.failures = 0;
    return evaluateSet(request, file, binSetName(file)).document["accuracy"].get<double>();
}

} // namespace fb::eval
