// `eval`: a run directory's (or a named model's) checkpoint through the protocols
// (facebench/evaluation.h). Results go to RUN/eval/ (docs/ARCHITECTURE.md, "The run directory").
#include "facebench/evaluation.h"

#include "eval/model_features.h"
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/run_directory.h"
#include "facebench/tensorboard.h"
#include "weights/model_weights.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <unordered_map>

namespace fb {

namespace fs = std::filesystem;

namespace {

// Each image's feature is computed once per eval run, whichever protocols ask for it.
FeatureSource memoized(FeatureSource inner) {
    auto cache = std::make_shared<std::unordered_map<std::string, std::vector<float>>>();
    auto dim = std::make_shared<std::int64_t>(0);
    return [inner, cache, dim](const std::vector<std::string>& paths) {
        std::vector<std::string> todo;
        for (const std::string& p : paths)
            if (!cache->count(p))
                todo.push_back(p);
        if (!todo.empty()) {
            const FeatureMatrix m = inner(todo);
            *dim = m.dim;
            for (std::size_t i = 0; i < todo.size(); ++i)
                (*cache)[todo[i]].assign(m.values.begin() + static_cast<std::ptrdiff_t>(i * m.dim),
                                         m.values.begin() +
                                             static_cast<std::ptrdiff_t>((i + 1) * m.dim));
        }
        FeatureMatrix out;
        out.dim = *dim > 0 ? *dim : 1;
        for (const std::string& p : paths) {
            const std::vector<float>& v = cache->at(p);
            out.values.insert(out.values.end(), v.begin(), v.end());
        }
        return out;
    };
}

} // namespace

EvalOutcome evaluate(const EvalRequest& request,
                     const std::function<void(const std::string&)>& log) {
    EvalOutcome outcome;
    ExperimentConfig config;
    if (!request.runDir.empty()) {
        const RunDirectory run = RunDirectory::open(request.runDir, "--run");
        config = run.readConfig(request.overrides);
        outcome.weights = request.weights.empty() ? run.bestOrLastCheckpoint() : request.weights;
        if (outcome.weights.empty()) {
            const CheckpointFiles checkpoints = run.checkpoints();
            throw InputError(SourceLocation{checkpoints.dir}, "--run",
                             "no checkpoint: expected " + checkpoints.best() + " or " +
                                 checkpoints.last());
        }
        outcome.outDir = request.outDir.empty() ? run.evalDir() : request.outDir;
    } else {
        if (request.model.empty())
            throw InputError(SourceLocation{}, "--run",
                             "give --run RUN_DIR, or --model NAME (with --weights) and --out DIR");
        if (request.outDir.empty())
            throw InputError(SourceLocation{}, "--out",
                             "with --model, name the results folder with --out DIR");
        // A config with only the model named resolves the model's input size and style.
        config = eval::modelOnlyConfig(request.model, request.overrides);
        outcome.weights = request.weights;
        outcome.outDir = request.outDir;
    }
    outcome.dataDir = request.dataDir.empty() ? config.eval.data : request.dataDir;
    // --bin alone asks for the bin protocol; .bin sets carry their own images, so the bin
    // protocol alone needs no data folder.
    const std::vector<std::string> protocols = !request.protocols.empty() ? request.protocols
                                               : !request.binFiles.empty()
                                                   ? std::vector<std::string>{"bin"}
                                                   : config.eval.protocols;
    const auto isBin = [](const std::string& p) { return p == "bin"; };
    if (!request.binFiles.empty() && std::none_of(protocols.begin(), protocols.end(), isBin))
        throw InputError(SourceLocation{}, "--bin",
                         ".bin files given but the bin protocol is not among --protocol");
    const bool binOnly =
        !protocols.empty() && std::all_of(protocols.begin(), protocols.end(), isBin);
    if (outcome.dataDir.empty() && !binOnly)
        throw InputError(SourceLocation{}, "--data",
                         "no protocol data folder: give --data DIR or set eval.data");
    if (!outcome.dataDir.empty() && !fs::is_directory(outcome.dataDir))
        throw InputError(SourceLocation{outcome.dataDir}, "--data", "no such data folder");
    for (const std::string& p : protocols) // unknown names fail before any model work
        if (std::find(protocolNames().begin(), protocolNames().end(), p) == protocolNames().end())
            runProtocol(p, ProtocolRequest{});

    WeightsInfo info;
    StateDict state;
    if (!outcome.weights.empty())
        state = readModelWeights(outcome.weights, info);
    outcome.model = config.model.name;
    if (!info.model.empty() && info.model != outcome.model)
        throw InputError(SourceLocation{outcome.weights}, "",
                         "these weights are for " + info.model + ", not " + outcome.model);
    ModelOptions options;
    options.numClasses = info.numClasses;
    options.auxLogits = info.auxLogits;
    const std::shared_ptr<FaceModel> model = createModel(outcome.model, options);
    if (!outcome.weights.empty())
        loadModelState(*model, state, outcome.weights);
    if (log)
        log("eval: " + outcome.model +
            (outcome.weights.empty() ? " (random init)" : " from " + outcome.weights) + " on " +
            outcome.dataDir);

    ProtocolRequest pr;
    pr.dataDir = outcome.dataDir;
    pr.outDir = outcome.outDir;
    pr.fars = config.eval.far;
    pr.pairsFile = request.pairsFile;
    pr.bootstrap = request.bootstrap;
    pr.binFiles = request.binFiles;
    pr.templateMatrix = config.eval.templateMatrix;
    pr.features = memoized(eval::modelFeatureSource(model, config, log));
    if (std::find(protocols.begin(), protocols.end(), "bin") != protocols.end() ||
        std::find(protocols.begin(), protocols.end(), "ijb") != protocols.end()) {
        ExperimentConfig mirrored = config; // arcface_torch's .bin and IJB evaluation sum flips
        mirrored.eval.flip = "sum";
        pr.mirrorSumFeatures = eval::modelFeatureSource(model, mirrored, log);
    }
    for (const std::string& p : protocols) {
        outcome.results.push_back(runProtocol(p, pr));
        if (log)
            log(outcome.results.back().summary);
    }
    // The run's TensorBoard folder gets the headline numbers when the results went to RUN/eval.
    if (!request.runDir.empty() && request.outDir.empty() && config.output.tensorboard) {
        try {
            const std::string events = writeEvalEventFile(request.runDir);
            if (log && !events.empty())
                log("TensorBoard: " + events);
        } catch (const std::exception& error) {
            // The results are written; a stale eval/*.json of another tool costs only the events.
            if (log)
                log(std::string("TensorBoard events not written: ") + error.what());
        }
    }
    return outcome;
}

} // namespace fb
