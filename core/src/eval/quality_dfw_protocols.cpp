// IJB-A cross-quality matching (seed Section 3.2, Table 3 "IJB-A (%)": Low2High, Middle2High at
// FAR 1%, 0.1%, 0.01%) and DFW (Kushwaha et al. 2018; Table 15 "DFW (%)" at 1% and 0.1%).
//
// Cross-quality: every probe of one quality against every image of the high-quality gallery;
// genuine = same identity (never an image against itself), impostor = different identity.
// DFW: the mask's upper triangle over the image list, 1 genuine, 2 impostor, anything else
// ignored.
#include "eval/protocol_common.h"

#include "facebench/protocol_files.h"

namespace fb::eval {

ProtocolResult runCrossQualityProtocol(const ProtocolRequest& request) {
    const std::vector<std::string> roots{joinPath(request.dataDir, "test"), request.dataDir};
    struct List {
        std::string file;
        std::vector<std::string> listed;   // as in the file (identity = first component)
        std::vector<std::string> resolved; // on disk
    };
    auto load = [&](const std::string& quality) {
        List list;
        list.file = requireFile(request.dataDir, "quality/" + quality + ".txt", "cross-quality");
        list.listed = readImageList(list.file);
        PathResolver resolver(roots, list.file);
        for (const std::string& p : list.listed)
            list.resolved.push_back(resolver.resolve(p));
        resolver.throwIfMissing();
        return list;
    };
    const List low = load("low"), middle = load("middle"), high = load("high");
    std::vector<std::string> images = low.resolved;
    images.insert(images.end(), middle.resolved.begin(), middle.resolved.end());
    images.insert(images.end(), high.resolved.begin(), high.resolved.end());
    const FeatureTable features(request.features, images);

    std::vector<std::string> galleryIds;
    for (const std::string& p : high.listed)
        galleryIds.push_back(identityOfPath(p));
    Json doc{{"protocol", "cross-quality"}, {"images", features.size()}, {"gallery", high.file}};
    std::string summary = "cross-quality:";
    for (const auto& [name, probes] :
         {std::pair<std::string, const List*>{"Low2High", &low}, {"Middle2High", &middle}}) {
        std::vector<ScoredPair> pairs;
        pairs.reserve(probes->listed.size() * high.listed.size());
        for (std::size_t i = 0; i < probes->listed.size(); ++i) {
            const std::string probeId = identityOfPath(probes->listed[i]);
            const float* probe = features.row(probes->resolved[i]);
            for (std::size_t j = 0; j < high.listed.size(); ++j) {
                if (probes->resolved[i] == high.resolved[j])
                    continue; // never an image against itself
                pairs.push_back({dot(probe, features.row(high.resolved[j]), features.dim()),
                                 probeId == galleryIds[j], probes->resolved[i], high.resolved[j],
                                 probeId});
            }
        }
        Json block{{"probes", probes->file}, {"probe_images", probes->listed.size()}};
        block.update(verificationJson(pairs, request, probes->file));
        summary += " " + tarSummary(name, block);
        doc[name] = block;
        writeScores(request,
                    "cross-quality-" + std::string(name == "Low2High" ? "low2high" : "middle2high"),
                    pairs);
    }
    writeResult(request, "cross-quality", doc);
    return {"cross-quality", doc.dump(2), summary};
}

ProtocolResult runDfwProtocol(const ProtocolRequest& request) {
    const std::string listFile = requireFile(request.dataDir, "dfw/test_image_list.txt", "dfw");
    const std::string maskFile = requireFile(request.dataDir, "dfw/mask_matrix_test.txt", "dfw");
    const std::vector<std::string> listed = readImageList(listFile);
    const std::vector<std::vector<int>> mask =
        readDfwMask(maskFile, static_cast<int>(listed.size()));
    PathResolver resolver({joinPath(request.dataDir, "test"), request.dataDir}, listFile);
    std::vector<std::string> images;
    for (const std::string& p : listed)
        images.push_back(resolver.resolve(p));
    resolver.throwIfMissing();
    const FeatureTable features(request.features, images);
    std::vector<ScoredPair> pairs;
    for (std::size_t i = 0; i < images.size(); ++i)
        for (std::size_t j = i + 1; j < images.size(); ++j) {
            const int m = mask[i][j];
            if (m == kDfwGenuine || m == kDfwImpostor)
                pairs.push_back({features.cosine(images[i], images[j]), m == kDfwGenuine, images[i],
                                 images[j], identityOfPath(listed[i])});
        }
    Json doc{{"protocol", "dfw"},
             {"image_list", listFile},
             {"mask", maskFile},
             {"images", features.size()}};
    doc.update(verificationJson(pairs, request, maskFile));
    writeResult(request, "dfw", doc);
    writeScores(request, "dfw", pairs);
    return {"dfw", doc.dump(2), tarSummary("dfw", doc)};
}

} // namespace fb::eval
