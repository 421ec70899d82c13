// `facebench-cli models [--classes N] [--json]`: the model zoo, one row per network: parameters
// at N classes (Table 2 counts at CASIA-WebFace's 10575 by default), input size, channels,
// embedding size, and the Table 2 rows (bundled presets) that train it.
#include "verbs.h"

#include "facebench/errors.h"
#include "facebench/model_catalog.h"
#include "facebench/pretrained_weights.h"
#include "facebench/presets.h"

#include <cstdio>
#include <filesystem>
#include <memory>

namespace fb::cli {

namespace {

struct ModelsOptions {
    std::int64_t classes = 10575;
    bool pretrained = false;
};

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ",") + item;
    return text.empty() ? "-" : text;
}

// `models --pretrained`: the pretrained networks, their pre-processing and whether their
// FaceBench weights file is installed.
int listPretrained(const GlobalOptions& options) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    if (!options.json)
        std::printf("%-20s %-11s %-28s %s\n", "MODEL", "PREPROCESS", "PACKAGE", "WEIGHTS");
    for (const PretrainedWeights& weights : pretrainedCatalog()) {
        const std::string path = pretrainedWeightsPath(weights);
        const bool installed = std::filesystem::is_regular_file(path);
        if (options.json) {
            rows.push_back({{"model", weights.model},
                            {"preprocess", weights.preprocess},
                            {"package", weights.package},
                            {"file", weights.file},
                            {"weights", path},
                            {"installed", installed},
                            {"description", weights.description}});
            continue;
        }
        std::printf("%-20s %-11s %-28s %s\n", weights.model.c_str(), weights.preprocess.c_str(),
                    weights.package.c_str(), installed ? path.c_str() : "not installed");
    }
    if (options.json)
        printJson({{"pretrained", rows}});
    else
        std::fprintf(stderr,
                     "Install: %s (then facebench-cli weights import --pretrained MODEL).\n",
                     pretrainedSetupCommand().c_str());
    return kExitDone;
}

int listModels(const GlobalOptions& options, const ModelsOptions& opts) {
    if (opts.pretrained)
        return listPretrained(options);
    if (opts.classes < 0)
        throw InputError("--classes must be 0 (no classifier) or more, got " +
                         std::to_string(opts.classes));
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    if (!options.json)
        std::printf("%-20s %14s %14s %-9s %8s %9s  %s\n", "MODEL", "PARAMS", "WITH AUX", "INPUT",
                    "CHANNELS", "EMBEDDING", "PRESETS");
    for (const ModelInfo& info : modelCatalog()) {
        const std::int64_t params = modelParameterCount(info, opts.classes);
        const bool hasAux = info.auxParametersPerClass > 0 && opts.classes > 0;
        const std::int64_t withAux = modelParameterCount(info, opts.classes, true);
        const std::vector<std::string> presetRows = presetsUsingModel(info.name);
        if (options.json) {
            nlohmann::ordered_json row = {
                {"name", info.name},
                {"parameters", params},
                {"parameters_with_aux", hasAux ? nlohmann::ordered_json(withAux) : nullptr},
                {"input", {info.inputHeight, info.inputWidth}},
                {"channels", info.channels},
                {"embedding_dim", info.embeddingDim},
                {"presets", presetRows},
                {"description", info.description}};
            rows.push_back(row);
            continue;
        }
        const std::string input =
            std::to_string(info.inputHeight) + "x" + std::to_string(info.inputWidth);
        const std::string aux = hasAux ? std::to_string(withAux) : "-";
        std::printf("%-20s %14lld %14s %-9s %8d %9d  %s\n", info.name.c_str(),
                    static_cast<long long>(params), aux.c_str(), input.c_str(), info.channels,
                    info.embeddingDim, joined(presetRows).c_str());
    }
    if (options.json)
        printJson({{"classes", opts.classes}, {"models", rows}});
    else
        std::fprintf(stderr, "Parameters at %lld classes (--classes N; 0 = no classifier).\n",
                     static_cast<long long>(opts.classes));
    return kExitDone;
}

} // namespace

void addModelsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto opts = std::make_shared<ModelsOptions>();
    CLI::App* models = app.add_subcommand(
        "models", "List the model zoo: parameters, input size, channels, embedding, Table 2 rows");
    models->add_option(
        "--classes", opts->classes,
        "Classes of the classifier the count includes (default 10575, CASIA-WebFace)");
    models->add_flag("--pretrained", opts->pretrained,
                     "List the pretrained networks, their pre-processing and installed weights");
    models->callback([&options, &action, opts] {
        action = [&options, opts] { return listModels(options, *opts); };
    });
}

} // namespace fb::cli
