// Evaluation timings, run by benchmarks/bench_eval.sh:
//   bench_eval write-scores FILE N   writes N random scores (score,label; 1 in 100 genuine,
//                                    scores on a 1e-6 grid, so heavy ties) as fast as it can
//   bench_eval lfw                   the LFW protocol on 6,000 pairs (10 folds x 300 + 300) with
//                                    features given: the protocol alone, not the model
#include "facebench/eval_protocols.h"
#include "facebench/protocol_files.h"
#include "facebench/verification_metrics.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int writeScores(const char* path, long long n) {
    std::FILE* out = std::fopen(path, "wb");
    if (!out)
        return 2;
    std::mt19937_64 rng(1);
    std::string buffer = "score,label\n";
    char line[64];
    for (long long i = 0; i < n; ++i) {
        const bool genuine = rng() % 100 == 0;
        const double u = static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
        const double score = genuine ? 0.3 + 0.7 * u : 0.9 * u;
        const int len = std::snprintf(line, sizeof line, "%.6f,%d\n", score, genuine ? 1 : 0);
        buffer.append(line, static_cast<std::size_t>(len));
        if (buffer.size() > (1 << 20)) {
            std::fwrite(buffer.data(), 1, buffer.size(), out);
            buffer.clear();
        }
    }
    std::fwrite(buffer.data(), 1, buffer.size(), out);
    return std::fclose(out) == 0 ? 0 : 1;
}

int lfw() {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() /
                          ("facebench-bench-lfw-" + std::to_string(std::random_device{}()));
    // LFW View 2 has 5,749 people; 600 names x 12 images here, every image an empty file (the
    // protocol only checks that it exists; the features are given).
    const int names = 600, images = 12;
    std::mt19937_64 rng(7);
    fb::LfwPairs pairs;
    pairs.folds = 10;
    pairs.pairsPerFold = 300;
    auto name = [](int k) { return "Person_" + std::to_string(k); };
    for (int f = 0; f < 10; ++f)
        for (int same = 1; same >= 0; --same)
            for (int p = 0; p < 300; ++p) {
                fb::LfwPair pair;
                const int a = static_cast<int>(rng() % names);
                const int b = same ? a : static_cast<int>((a + 1 + rng() % (names - 1)) % names);
                pair.name1 = name(a);
                pair.name2 = name(b);
                pair.index1 = 1 + static_cast<int>(rng() % images);
                pair.index2 =
                    same ? 1 + (pair.index1 % images) : 1 + static_cast<int>(rng() % images);
                pair.same = same;
                pair.fold = f;
                pairs.pairs.push_back(pair);
            }
    fs::create_directories(root / "lfw");
    std::ofstream(root / "lfw/pairs.txt") << fb::formatLfwPairs(pairs);
    for (int k = 0; k < names; ++k) {
        fs::create_directories(root / "lfw" / name(k));
        for (int i = 1; i <= images; ++i)
            std::ofstream(root / "lfw" / fb::lfwImagePath(name(k), i));
    }
    // 512-D features (ArcFace's embedding size): a per-person centre plus noise.
    const std::int64_t dim = 512;
    fb::ProtocolRequest request;
    request.dataDir = root.string();
    // Generated before timing, looked up by path while timing: "features given".
    std::unordered_map<std::string, std::vector<float>> given;
    std::normal_distribution<float> noise(0.f, 1.f);
    for (int k = 0; k < names; ++k) {
        std::vector<float> centre(static_cast<std::size_t>(dim));
        for (float& c : centre)
            c = noise(rng);
        for (int i = 1; i <= images; ++i) {
            std::vector<float> v = centre;
            for (float& x : v)
                x += 0.8f * noise(rng);
            given[(root / "lfw" / fb::lfwImagePath(name(k), i)).string()] = std::move(v);
        }
    }
    std::size_t featureImages = 0;
    request.features = [&](const std::vector<std::string>& paths) {
        featureImages = paths.size();
        fb::FeatureMatrix m;
        m.dim = dim;
        m.values.reserve(paths.size() * dim);
        for (const std::string& p : paths) {
            const std::vector<float>& v = given.at(p);
            m.values.insert(m.values.end(), v.begin(), v.end());
        }
        return m;
    };
    auto start = std::chrono::steady_clock::now();
    const fb::ProtocolResult result = fb::runProtocol("lfw", request);
    const double protocol = secondsSince(start);

    // The 10-fold threshold search alone, on 6,000 scores.
    fb::LfwFoldsRequest folds;
    std::uniform_real_distribution<double> u(-1, 1);
    for (const fb::LfwPair& p : pairs.pairs) {
        folds.scores.push_back(u(rng) + (p.same ? 0.5 : 0.0));
        folds.same.push_back(p.same);
        folds.fold.push_back(p.fold);
    }
    start = std::chrono::steady_clock::now();
    const fb::LfwFoldsResult r = fb::lfwTenFold(folds);
    const double tenFold = secondsSince(start);
    folds.rule = fb::ThresholdRule::DistanceBelowGrid;
    start = std::chrono::steady_clock::now();
    fb::lfwTenFold(folds);
    const double grid = secondsSince(start);
    fs::remove_all(root);
    std::printf("bench_eval lfw: protocol on %zu pairs, %zu images, %lld-D features given: %.3f s "
                "(reading pairs.txt, checking images, scores, folds, TAR@FAR, failures); 10-fold "
                "search alone: %.4f s (cosine), %.4f s (grid); %s\n",
                pairs.pairs.size(), featureImages, static_cast<long long>(dim), protocol, tenFold,
                grid, result.summary.c_str());
    std::printf("{\"pairs\": %zu, \"protocol_seconds\": %.4f, \"ten_fold_seconds\": %.5f, "
                "\"grid_seconds\": %.5f, \"random_scores_accuracy\": %.4f}\n",
                pairs.pairs.size(), protocol, tenFold, grid, r.mean);
    return protocol < 0.5 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "write-scores") == 0)
        return writeScores(argv[2], std::atoll(argv[3]));
    if (argc == 2 && std::strcmp(argv[1], "lfw") == 0)
        return lfw();
    std::fprintf(stderr, "usage: bench_eval write-scores FILE N | bench_eval lfw\n");
    return 2;
}
