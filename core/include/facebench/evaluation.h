#pragma once
// `facebench-cli eval`: a trained model (a run directory, or a model name and weights file)
// through the test protocols of the seed (Section 3.2) on a protocol data folder. Features are
// the model's embedding (the paper's penultimate layer), batched, with optional horizontal-flip
// fusion (eval.flip: none | sum, InsightFace's sum then L2-normalise | concat, facenet's
// concatenation), pre-processed with the config's eval transform (seed Table 11).
#include "facebench/eval_protocols.h"

#include <functional>
#include <string>
#include <vector>

namespace fb {

struct EvalRequest {
    std::string runDir;                 // holds config.yaml and checkpoints/{best,last}.pt
    std::string model;                  // instead of runDir: a model name ...
    std::string weights;                // ... and a weights file ("" = random init)
    std::string outDir;                 // "" = RUN/eval (required without runDir)
    std::vector<std::string> protocols; // empty = the config's eval.protocols
    std::string dataDir;                // "" = the config's eval.data
    std::string pairsFile;              // the `pairs` protocol's list
    std::vector<std::string> binFiles;  // the `bin` protocol's InsightFace .bin sets
    std::vector<std::string> overrides; // "a.b=value" applied to the config (--set)
    BootstrapOptions bootstrap;         // the intervals' subject bootstrap (0 replicates: none)
};

struct EvalOutcome {
    std::string outDir;
    std::string model;
    std::string weights;
    std::string dataDir;
    std::vector<ProtocolResult> results;
};

// Throws InputError for a missing run directory, config, checkpoint, data folder or protocol
// file, an unknown protocol, or weights of another model. `log` receives progress lines.
EvalOutcome evaluate(const EvalRequest& request,
                     const std::function<void(const std::string&)>& log = {});

} // namespace fb
