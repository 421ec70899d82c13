// IJB-C at full scale from given features (facebench/ijb_protocol.h): 469,375 images of 3,531
// subjects in 23,124 templates (media of up to 3 frames), 512-d float features, 15,658,489
// template pairs (19,557 genuine), the 1:N gallery G1 (one template for each of half the
// subjects) against 19,593 probe templates. Meta files are written to a scratch folder first
// (not timed); then each step is timed: reading the meta files, pooling, the 1:1 cosines, the
// ROC summary (TAR at 1e-6 .. 1e-1, EER, AUC), the subject bootstrap and 1:N identification.
//   bench_ijb [SCRATCH_DIR] [BOOTSTRAP_REPLICATES=200]
#include "facebench/ijb_protocol.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

constexpr int kSubjects = 3531;
constexpr int kTemplates = 23124;
constexpr long long kImages = 469375;
constexpr long long kPairs = 15658489;
constexpr long long kGenuine = 19557;
constexpr int kDim = 512;

} // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "bench_ijb";
    const int replicates = argc > 2 ? std::atoi(argv[2]) : 200;
    fs::create_directories(dir);
    std::mt19937_64 rng(7);

    // Templates: subject of each; images: template, media.
    std::vector<int> subjectOfTemplate(kTemplates);
    for (int t = 0; t < kTemplates; ++t)
        subjectOfTemplate[std::size_t(t)] = t < kSubjects ? t : int(rng() % kSubjects);
    {
        std::string faces;
        int media = 0;
        for (long long i = 0; i < kImages; ++i) {
            const int t = int(i * kTemplates / kImages);
            if (i % 3 == 0 || int((i - 1) * kTemplates / kImages) != t)
                ++media;
            faces += std::to_string(i) + ".jpg " + std::to_string(t + 1) + " " +
                     std::to_string(media) + "\n";
        }
        std::FILE* f = std::fopen((dir / "ijbc_face_tid_mid.txt").c_str(), "wb");
        std::fwrite(faces.data(), 1, faces.size(), f);
        std::fclose(f);
        std::vector<std::vector<int>> bySubject(kSubjects);
        for (int t = 0; t < kTemplates; ++t)
            bySubject[std::size_t(subjectOfTemplate[std::size_t(t)])].push_back(t);
        std::string pairs;
        pairs.reserve(std::size_t(kPairs) * 14);
        for (long long p = 0; p < kPairs; ++p) {
            const int t1 = int(p * kTemplates / kPairs); // grouped by the first template
            int t2;
            const auto& mates = bySubject[std::size_t(subjectOfTemplate[std::size_t(t1)])];
            const bool genuine = p % (kPairs / kGenuine) == 0 && mates.size() > 1;
            do
                t2 = genuine ? mates[rng() % mates.size()] : int(rng() % kTemplates);
            while (t2 == t1 || (!genuine && subjectOfTemplate[std::size_t(t2)] ==
                                                subjectOfTemplate[std::size_t(t1)]));
            pairs +=
                std::to_string(t1 + 1) + " " + std::to_string(t2 + 1) + (genuine ? " 1\n" : " 0\n");
        }
        f = std::fopen((dir / "ijbc_template_pair_label.txt").c_str(), "wb");
        std::fwrite(pairs.data(), 1, pairs.size(), f);
        std::fclose(f);
    }
    // Features: a subject direction plus noise.
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> centers(std::size_t(kSubjects) * kDim);
    for (float& v : centers)
        v = normal(rng);
    std::vector<float> features(std::size_t(kImages) * kDim);
    for (long long i = 0; i < kImages; ++i) {
        const int s = subjectOfTemplate[std::size_t(i * kTemplates / kImages)];
        for (int d = 0; d < kDim; ++d)
            features[std::size_t(i) * kDim + std::size_t(d)] =
                centers[std::size_t(s) * kDim + std::size_t(d)] + 6.0f * normal(rng);
    }
    std::printf("IJB-C scale: %lld images, %d templates, %lld pairs, %d-d features\n", kImages,
                kTemplates, kPairs, kDim);

    const auto total = std::chrono::steady_clock::now();
    auto start = std::chrono::steady_clock::now();
    const fb::IjbImages images = fb::readIjbFaceList((dir / "ijbc_face_tid_mid.txt").string());
    const fb::IjbPairs pairs =
        fb::readIjbTemplatePairs((dir / "ijbc_template_pair_label.txt").string());
    std::printf("read meta files      %6.2f s\n", secondsSince(start));
    start = std::chrono::steady_clock::now();
    const fb::IjbTemplates templates = fb::poolIjbTemplates(images, features.data(), kDim);
    std::printf("pool templates       %6.2f s\n", secondsSince(start));
    start = std::chrono::steady_clock::now();
    const std::vector<double> scores = fb::scoreIjbPairs(templates, pairs, "pairs");
    std::printf("1:1 cosines          %6.2f s\n", secondsSince(start));
    start = std::chrono::steady_clock::now();
    fb::ScoreSet set;
    for (std::size_t i = 0; i < scores.size(); ++i)
        (pairs.same[i] ? set.genuine : set.impostor).push_back(scores[i]);
    const std::vector<double> fars{1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1};
    const fb::VerificationSummary summary = fb::summarizeVerification(std::move(set), fars);
    std::printf("ROC summary          %6.2f s  (TAR@1e-4 %.4f, EER %.4f, AUC %.4f)\n",
                secondsSince(start), summary.tarAtFar[2].tar, summary.eer, summary.auc);
    const double withoutIntervals = secondsSince(total);
    std::printf("total without intervals and 1:N: %.2f s\n", withoutIntervals);

    start = std::chrono::steady_clock::now();
    fb::SubjectScores units{scores, pairs.same, {}};
    for (std::int32_t t : pairs.template1)
        units.subject.push_back(subjectOfTemplate[std::size_t(t - 1)]);
    fb::BootstrapOptions options;
    options.replicates = replicates;
    if (replicates > 0) {
        const fb::VerificationIntervals ci = fb::bootstrapVerification(units, fars, options);
        std::printf("subject bootstrap    %6.2f s  (%d replicates; TAR@1e-4 [%.4f, %.4f])\n",
                    secondsSince(start), replicates, ci.tar[2].low, ci.tar[2].high);
    }

    start = std::chrono::steady_clock::now();
    fb::IjbTemplateSubjects gallery, probes;
    std::vector<bool> inGallery(kSubjects, false);
    for (int t = 0; t < kSubjects; t += 2) { // G1: the first template of every other subject
        gallery.templateId.push_back(t + 1);
        gallery.subjectId.push_back(subjectOfTemplate[std::size_t(t)]);
    }
    for (int t = kSubjects; t < kSubjects + 19593 && t < kTemplates; ++t) {
        probes.templateId.push_back(t + 1);
        probes.subjectId.push_back(subjectOfTemplate[std::size_t(t)]);
    }
    options.replicates = replicates > 0 ? 100 : 0;
    const fb::IjbIdentification id =
        fb::identifyIjb(templates, gallery, probes, {1e-3, 1e-2, 1e-1}, options, "G1");
    std::printf("1:N G1 (%lld x %lld)  %6.2f s  (rank-1 %.4f, TPIR@1e-2 %.4f)\n",
                (long long)probes.templateId.size(), (long long)gallery.templateId.size(),
                secondsSince(start), id.cmc[0], id.tpir[1]);
    std::printf("total                %6.2f s\n", secondsSince(total));
    return 0;
}
