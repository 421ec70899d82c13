// The generic 1:1 protocol (pairs) and UMDFaces' easy / moderate / difficult tracks
// (seed Section 3.2, Table 15 "UMDFaces (%)"): lists of "image1<TAB>image2<TAB>label" scored by
// cosine, TAR at each FAR (1%, 0.1%, 0.01% in the seed), EER, AUC and failure pairs.
#include "eval/protocol_common.h"

#include "facebench/errors.h"
#include "facebench/protocol_files.h"

#include <filesystem>

namespace fb::eval {

namespace {

std::vector<std::string> imageRoots(const ProtocolRequest& request) {
    return {joinPath(request.dataDir, "test"),
            request.dataDir.empty() ? std::string(".") : request.dataDir};
}

std::vector<ScoredPair> resolvePairs(const std::vector<ImagePair>& list, PathResolver& resolver,
                                     std::vector<std::string>& images) {
    std::vector<ScoredPair> pairs;
    for (const ImagePair& p : list) {
        ScoredPair s;
        s.a = resolver.resolve(p.image1);
        s.b = resolver.resolve(p.image2);
        s.same = p.same;
        s.subject = subjectOfImage(p.image1);
        images.push_back(s.a);
        images.push_back(s.b);
        pairs.push_back(std::move(s));
    }
    return pairs;
}

} // namespace

ProtocolResult runPairsProtocol(const ProtocolRequest& request) {
    if (request.pairsFile.empty())
        throw InputError(SourceLocation{}, "--pairs",
                         "the pairs protocol needs a pair list (image1<TAB>image2<TAB>label)");
    const std::vector<ImagePair> list = readPairList(request.pairsFile);
    const std::string listFolder = std::filesystem::path(request.pairsFile).parent_path().string();
    std::vector<std::string> roots = imageRoots(request);
    roots.insert(roots.begin(), listFolder.empty() ? "." : listFolder);
    PathResolver resolver(roots, request.pairsFile);
    std::vector<std::string> images;
    std::vector<ScoredPair> pairs = resolvePairs(list, resolver, images);
    resolver.throwIfMissing();
    const FeatureTable features(request.features, images);
    for (ScoredPair& p : pairs)
        p.score = features.cosine(p.a, p.b);
    Json doc{{"protocol", "pairs"},
             {"pairs_file", request.pairsFile},
             {"pairs", pairs.size()},
             {"images", features.size()}};
    doc.update(verificationJson(pairs, request, request.pairsFile));
    writeResult(request, "pairs", doc);
    writeScores(request, "pairs", pairs);
    return {"pairs", doc.dump(2), tarSummary("pairs", doc)};
}

ProtocolResult runTracksProtocol(const ProtocolRequest& request) {
    const std::vector<std::string> tracks{"easy", "moderate", "difficult"};
    std::vector<std::vector<ScoredPair>> pairs;
    std::vector<std::string> files, images;
    for (const std::string& track : tracks) {
        files.push_back(requireFile(request.dataDir, "umdfaces/" + track + ".txt", "tracks"));
        PathResolver resolver(imageRoots(request), files.back());
        pairs.push_back(resolvePairs(readPairList(files.back()), resolver, images));
        resolver.throwIfMissing();
    }
    const FeatureTable features(request.features, images);
    Json results = Json::object();
    std::string summary = "tracks:";
    for (std::size_t t = 0; t < tracks.size(); ++t) {
        for (ScoredPair& p : pairs[t])
            p.score = features.cosine(p.a, p.b);
        Json block{{"pairs_file", files[t]}, {"pairs", pairs[t].size()}};
        block.update(verificationJson(pairs[t], request, files[t]));
        summary += " " + tarSummary(tracks[t], block);
        results[tracks[t]] = block;
        writeScores(request, "tracks-" + tracks[t], pairs[t]);
    }
    Json doc{{"protocol", "tracks"}, {"images", features.size()}, {"tracks", results}};
    writeResult(request, "tracks", doc);
    return {"tracks", doc.dump(2), summary};
}

} // namespace fb::eval
