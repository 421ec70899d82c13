// The ijb protocol: IJB-B / IJB-C template verification (1:1) and identification (1:N) from a
// data folder in IJB's own layout (facebench/ijb_protocol.h):
//   ijb/meta/{ijbc,ijbb}_face_tid_mid.txt, _template_pair_label.txt, [_name_5pts_score.txt],
//   [_1N_gallery_G1.csv, _1N_gallery_G2.csv, _1N_probe_mixed.csv]; images in ijb/loose_crop/
//   (IJB's own layout) or, for `data synth`'s files, test/.
// Features are the model's with the mirror image's summed (arcface_torch's eval_ijbc.py with
// flip test), scaled by the face score when the score file exists.
#include "eval/protocol_common.h"

#include "facebench/errors.h"
#include "facebench/ijb_protocol.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unordered_map>

namespace fb::eval {

namespace {

namespace fs = std::filesystem;

// IJB-C's 1:1 table reports TAR at these FARs.
const std::vector<double> kIjbFars{1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1};
const std::vector<double> kIjbFpirs{1e-3, 1e-2, 1e-1};
// Above this many pairs the bootstrap keeps at most kLargeReplicates replicates (each is a pass
// over every pair) and the scores file is not written (IJB-C's would take 600 MB).
constexpr std::size_t kLargePairs = 2000000;
constexpr int kLargeReplicates = 200;

Json identificationJson(const IjbIdentification& id) {
    Json cmc = Json::array();
    for (std::size_t k = 0; k < id.ranks.size(); ++k)
        cmc.push_back({{"rank", id.ranks[k]}, {"rate", id.cmc[k]}});
    Json ranks = Json::array(); // ranks 1, 5 and 10, with intervals when bootstrapped
    for (std::size_t k = 0; k < id.intervalRanks.size(); ++k) {
        const int rank = id.intervalRanks[k];
        Json row{{"rank", rank}, {"rate", id.cmc[std::size_t(rank - 1)]}};
        if (k < id.cmcIntervals.size())
            row["ci"] = intervalJson(id.cmcIntervals[k]);
        ranks.push_back(row);
    }
    Json open = Json::array();
    for (std::size_t j = 0; j < id.fpirs.size(); ++j) {
        Json row{{"fpir", id.fpirs[j]},
                 {"tpir", id.tpir[j]},
                 {"threshold", numberOrNull(id.tpirThresholds[j])},
                 {"resolvable", bool(id.tpirResolvable[j])}};
        if (j < id.tpirIntervals.size())
            row["ci"] = intervalJson(id.tpirIntervals[j]);
        open.push_back(row);
    }
    Json out{{"gallery_file", id.gallery},
             {"gallery_templates", id.galleryTemplates},
             {"gallery_subjects", id.gallerySubjects},
             {"mated_probes", id.matedProbes},
             {"non_mated_probes", id.nonMatedProbes},
             {"rank_k", ranks},
             {"cmc", cmc},
             {"tpir_at_fpir", open}};
    if (!id.intervalMethod.empty())
        out["intervals"] = {{"method", id.intervalMethod}, {"kind", "percentile bootstrap"}};
    return out;
}

} // namespace

ProtocolResult runIjbProtocol(const ProtocolRequest& request) {
    const std::string meta = joinPath(request.dataDir, "ijb/meta");
    const std::string prefix =
        fs::is_regular_file(joinPath(meta, "ijbc_face_tid_mid.txt")) ? "ijbc" : "ijbb";
    auto metaFile = [&](const std::string& suffix) { return joinPath(meta, prefix + suffix); };
    const std::string faceList =
        requireFile(request.dataDir, "ijb/meta/" + prefix + "_face_tid_mid.txt", "ijb");
    const std::string pairList =
        requireFile(request.dataDir, "ijb/meta/" + prefix + "_template_pair_label.txt", "ijb");
    const IjbImages images = readIjbFaceList(faceList);
    const IjbPairs pairs = readIjbTemplatePairs(pairList);
    const std::vector<float> faceScores =
        fs::is_regular_file(metaFile("_name_5pts_score.txt"))
            ? readIjbFaceScores(metaFile("_name_5pts_score.txt"), images.names)
            : std::vector<float>{};

    PathResolver resolver(
        {joinPath(request.dataDir, "ijb/loose_crop"), joinPath(request.dataDir, "test")}, faceList);
    std::vector<std::string> paths;
    for (const std::string& name : images.names)
        paths.push_back(resolver.resolve(name));
    resolver.throwIfMissing();
    const FeatureSource& source =
        request.mirrorSumFeatures ? request.mirrorSumFeatures : request.features;
    if (!source)
        throw InputError("no feature source: give a model (--run or --model)");
    const FeatureMatrix m = source(paths);
    if (m.dim <= 0 || m.values.size() != paths.size() * std::size_t(m.dim))
        throw JobError("the feature source returned features of the wrong shape");
    for (float v : m.values)
        if (!std::isfinite(v))
            throw JobError("the model produced a feature that is not finite (NaN or infinity)");
    const IjbTemplates templates = poolIjbTemplates(images, m.values.data(), m.dim, faceScores);
    const std::vector<double> scores = scoreIjbPairs(templates, pairs, pairList);

    // 1:N lists, and through them each template's subject (for the 1:1 bootstrap).
    const std::string probeFile = metaFile("_1N_probe_mixed.csv");
    std::vector<std::pair<std::string, IjbTemplateSubjects>> galleries;
    IjbTemplateSubjects probes;
    std::unordered_map<std::int32_t, std::int32_t> subjectOf;
    if (fs::is_regular_file(probeFile)) {
        probes = readIjbTemplateSubjects(probeFile);
        for (const char* g : {"_1N_gallery_G1.csv", "_1N_gallery_G2.csv"})
            if (fs::is_regular_file(metaFile(g)))
                galleries.emplace_back(metaFile(g), readIjbTemplateSubjects(metaFile(g)));
        for (const IjbTemplateSubjects* list : {&probes})
            for (std::size_t i = 0; i < list->templateId.size(); ++i)
                subjectOf.emplace(list->templateId[i], list->subjectId[i]);
        for (const auto& [file, g] : galleries)
            for (std::size_t i = 0; i < g.templateId.size(); ++i)
                subjectOf.emplace(g.templateId[i], g.subjectId[i]);
    }

    // 1:1 block.
    ScoreSet set;
    SubjectScores units;
    bool bySubject = true;
    std::unordered_map<std::int32_t, std::int32_t> unitOf;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        (pairs.same[i] ? set.genuine : set.impostor).push_back(scores[i]);
        const auto s = subjectOf.find(pairs.template1[i]);
        bySubject = bySubject && s != subjectOf.end();
    }
    const VerificationSummary summary = summarizeVerification(set, kIjbFars, pairList);
    Json rows = Json::array();
    for (const TarAtFar& t : summary.tarAtFar)
        rows.push_back(tarRow(t));
    Json verification{{"pairs_file", pairList},
                      {"genuine", summary.genuineCount},
                      {"impostor", summary.impostorCount},
                      {"tar_at_far", rows},
                      {"eer", summary.eer},
                      {"eer_threshold", numberOrNull(summary.eerThreshold)},
                      {"auc", summary.auc}};
    BootstrapOptions options = request.bootstrap;
    if (scores.size() > kLargePairs)
        options.replicates = std::min(options.replicates, kLargeReplicates);
    if (options.replicates > 0) {
        units.scores = scores;
        units.same = pairs.same;
        units.subject.reserve(scores.size());
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const std::int32_t key = bySubject ? subjectOf.at(pairs.template1[i]) : std::int32_t(i);
            units.subject.push_back(
                bySubject ? unitOf.emplace(key, std::int32_t(unitOf.size())).first->second : key);
        }
        const VerificationIntervals ci =
            bootstrapVerification(units, kIjbFars, options, bySubject ? "subjects" : "pairs");
        for (std::size_t f = 0; f < kIjbFars.size(); ++f)
            verification["tar_at_far"][f]["ci"] = intervalJson(ci.tar[f]);
        verification["eer_ci"] = intervalJson(ci.eer);
        verification["auc_ci"] = intervalJson(ci.auc);
        verification["intervals"] = intervalsJson(ci);
    }

    Json doc{{"protocol", "ijb"},
             {"dataset", prefix == "ijbc" ? "IJB-C" : "IJB-B"},
             {"face_list", faceList},
             {"images", images.names.size()},
             {"templates", templates.ids.size()},
             {"face_scores", !faceScores.empty()},
             {"rule",
              "image features summed with the mirror image's (times the face score when given); "
              "template = sum over its media of the media's mean image feature, L2-normalised; "
              "1:1 score = cosine of the two templates"},
             {"verification", verification}};
    std::string summaryLine = tarSummary("ijb 1:1", verification);
    if (!galleries.empty()) {
        Json identification = Json::object();
        for (const auto& [file, gallery] : galleries) {
            const IjbIdentification id =
                identifyIjb(templates, gallery, probes, kIjbFpirs, request.bootstrap, file);
            const std::string name = file.find("G1") != std::string::npos ? "G1" : "G2";
            identification[name] = identificationJson(id);
            char cell[96];
            std::snprintf(cell, sizeof cell, "; 1:N %s rank-1 %.1f%%", name.c_str(),
                          100 * id.cmc[0]);
            summaryLine += cell;
        }
        doc["identification"] = identification;
        doc["probe_file"] = probeFile;
    }
    writeResult(request, "ijb", doc);
    if (scores.size() <= kLargePairs) {
        std::vector<ScoredPair> scored;
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const auto s = subjectOf.find(pairs.template1[i]);
            scored.push_back({scores[i], pairs.same[i], std::to_string(pairs.template1[i]),
                              std::to_string(pairs.template2[i]),
                              bySubject ? std::to_string(s->second) : ""});
        }
        writeScores(request, "ijb", scored);
    }
    return {"ijb", doc.dump(2), summaryLine};
}

} // namespace fb::eval
