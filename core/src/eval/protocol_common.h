#pragma once
// Shared by the protocol files (core-internal, torch-free): image path resolution with a
// missing-image error that lists them, one feature look-up per unique image, cosine scores,
// the verification block (TAR@FAR, EER, AUC, failure pairs) and atomic result writing.
#include "facebench/eval_protocols.h"
#include "facebench/score_file.h"
#include "facebench/verification_metrics.h"

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace fb::eval {

using Json = nlohmann::ordered_json;

// Resolves list paths against `roots`; collects the ones found nowhere, so one error can list
// them all (a silently dropped pair would shift LFW's folds).
class PathResolver {
public:
    PathResolver(std::vector<std::string> roots, std::string listFile);
    std::string resolve(const std::string& path);
    // Throws InputError naming the list file and the missing images (the first 20 of them).
    void throwIfMissing() const;

private:
    std::vector<std::string> m_roots;
    std::string m_listFile;
    std::vector<std::string> m_missing;
    std::unordered_map<std::string, std::string> m_cache;
};

// L2-normalised features of a set of images, each computed once.
class FeatureTable {
public:
    // Asks `source` once for the unique paths among `paths`; checks the matrix's shape and that
    // every value is finite.
    FeatureTable(const FeatureSource& source, const std::vector<std::string>& paths);
    const float* row(const std::string& path) const;
    std::int64_t dim() const { return m_dim; }
    std::size_t size() const { return m_index.size(); }
    double cosine(const std::string& a, const std::string& b) const;

private:
    std::int64_t m_dim = 0;
    std::vector<float> m_values;
    std::unordered_map<std::string, std::size_t> m_index;
};

double dot(const float* a, const float* b, std::int64_t dim);
// Normalises a vector in place (a zero vector stays zero).
void normalize(float* v, std::int64_t dim);

std::string joinPath(const std::string& folder, const std::string& name);
// The protocol's file under the data folder; InputError naming it when missing.
std::string requireFile(const std::string& dataDir, const std::string& relative,
                        const std::string& protocol);

// TAR at each FAR, EER, AUC, counts and the failure pairs at FAR = 0.1% (the top false accepts
// and false rejects, accept iff score > threshold): the block every 1:1 protocol reports. Each
// number carries its interval ("ci": [low, high]) from the subject bootstrap over the pairs'
// `subject`s (pairs without subjects: a bootstrap over pairs, named so), with the method in
// "intervals".
Json verificationJson(const std::vector<ScoredPair>& pairs, const ProtocolRequest& request,
                      const std::string& source);
// The "intervals" object and the [low, high] arrays of an interval.
Json intervalsJson(const VerificationIntervals& intervals);
Json intervalJson(const ConfidenceInterval& interval);
// The subject of an image listed as ".../identity/file.jpg": its folder's name (VGGFace2's and
// UMDFaces' layout); a path without a folder is its own subject.
std::string subjectOfImage(const std::string& listedPath);
// The failure lists for a given acceptance rule: false accepts (impostors accepted, highest
// score first) and false rejects (genuine rejected, lowest score first).
Json failurePairs(const std::vector<ScoredPair>& pairs, double threshold, bool acceptAtThreshold,
                  int count);

Json tarRow(const TarAtFar& t);
// "name: TAR@0.01 93.2% TAR@0.001 80.1%": one line of the CLI summary from a result block.
std::string tarSummary(const std::string& name, const Json& block);
Json numberOrNull(double v);

// Writes OUT/<name>.json and, when `scores` is non-empty, OUT/<scoresName>-scores.csv.
void writeResult(const ProtocolRequest& request, const std::string& name, const Json& document);
void writeScores(const ProtocolRequest& request, const std::string& scoresName,
                 const std::vector<ScoredPair>& pairs);

// The protocols, one file each.
ProtocolResult runLfwProtocol(const ProtocolRequest& request);
ProtocolResult runPairsProtocol(const ProtocolRequest& request);
ProtocolResult runTemplatesProtocol(const ProtocolRequest& request);
ProtocolResult runCrossQualityProtocol(const ProtocolRequest& request);
ProtocolResult runDfwProtocol(const ProtocolRequest& request);
ProtocolResult runTracksProtocol(const ProtocolRequest& request);
ProtocolResult runBinProtocol(const ProtocolRequest& request);
ProtocolResult runIjbProtocol(const ProtocolRequest& request);

} // namespace fb::eval
