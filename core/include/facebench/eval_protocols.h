#pragma once
// The test protocols of the seed (Section 3.2; result layouts of Tables 3-6 and 14-15), on
// features from any source: a model (facebench/evaluation.h) or given features (tests,
// benchmarks). Every protocol scores pairs by the cosine of L2-normalised features (higher =
// more similar) and reports through the one metrics core (facebench/verification_metrics.h).
//
// Each protocol asks its feature source once for the de-duplicated list of images it needs, so
// every image's feature is computed once per protocol run. Results go to OUT/<protocol>.json
// and OUT/<protocol>-scores.csv (score,label,a,b), written atomically.
#include "facebench/verification_intervals.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fb {

// Features of `paths` (absolute or as resolved by the protocol), row i for paths[i], `dim`
// floats each. They need not be normalised: the protocols L2-normalise them.
struct FeatureMatrix {
    std::int64_t dim = 0;
    std::vector<float> values; // paths.size() x dim, row-major
};
using FeatureSource = std::function<FeatureMatrix(const std::vector<std::string>& paths)>;

struct ProtocolRequest {
    std::string dataDir; // the protocol data folder (`data synth` layout, README)
    std::string outDir;  // RUN/eval; "" writes nothing
    std::vector<double> fars{1e-2, 1e-3, 1e-4};
    std::string pairsFile; // the `pairs` protocol's list ("image1<TAB>image2<TAB>label")
    std::vector<std::string> binFiles; // the `bin` protocol's InsightFace .bin sets
    int failures = 10;                 // false accepts and false rejects kept in the JSON
    // The `templates` protocol's matrix: "probe-gallery" or "symmetric" (EvalConfig).
    std::string templateMatrix = "probe-gallery";
    // The subject bootstrap behind every ROC number's interval (verification_intervals.h);
    // replicates = 0 leaves the intervals out.
    BootstrapOptions bootstrap;
    FeatureSource features;
    // The `bin` and `ijb` protocols' features: each image's summed with its mirror image's, as
    // arcface_torch evaluates .bin sets and IJB-B/C; empty = `features`.
    FeatureSource mirrorSumFeatures;
};

struct ProtocolResult {
    std::string protocol;
    std::string json;    // the document written to <protocol>.json
    std::string summary; // one human line
};

// lfw | pairs | templates | cross-quality | dfw | tracks | bin | ijb
const std::vector<std::string>& protocolNames();
// Throws InputError naming an unknown protocol (with the list), missing files or images.
ProtocolResult runProtocol(const std::string& name, const ProtocolRequest& request);

// Where a protocol's list paths live, relative to the data folder: LFW's under lfw/ (LFW's own
// Name/Name_0001.jpg layout), the others under test/ (VGGFace2-style identity/file paths) or
// the data folder itself; `pairs` lists also relative to the list's folder.
std::string resolveImagePath(const std::string& path, const std::vector<std::string>& roots);

} // namespace fb
