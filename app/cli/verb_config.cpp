// `facebench-cli config check FILE [--set KEY=VALUE]... [--out FILE]`: resolves a config (preset,
// file, overrides), reports the first error with file:line:column and key, prints the result.
#include "verbs.h"

#include "facebench/atomic_file.h"
#include "facebench/experiment_config.h"

#include <iostream>

namespace fb::cli {

namespace {
struct ConfigCheckOptions {
    std::string file;
    std::vector<std::string> overrides;
    std::string out;
};
} // namespace

void addConfigVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    CLI::App* config = app.add_subcommand("config", "Experiment configs");
    config->require_subcommand(1);
    CLI::App* check = config->add_subcommand(
        "check", "Resolve a config (preset, file, --set) and print it with every key written out");
    auto opts = std::make_shared<ConfigCheckOptions>();
    check->add_option("FILE", opts->file, "Experiment config (YAML)")->required();
    check->add_option("--set", opts->overrides, "Override a key, e.g. --set train.batch_size=32")
        ->allow_extra_args(false);
    check->add_option("--out", opts->out, "Also write the resolved config (YAML) to this file");
    check->callback([&options, &action, opts] {
        action = [&options, opts] {
            const ExperimentConfig config = loadExperimentConfig(opts->file, opts->overrides);
            if (!opts->out.empty())
                writeFileAtomically(opts->out, toYaml(config));
            if (options.json)
                printJson({{"file", opts->file},
                           {"config", nlohmann::ordered_json::parse(toJson(config))}});
            else
                std::cout << toYaml(config);
            std::cerr << opts->file << ": valid\n";
            return kExitDone;
        };
    });
}

} // namespace fb::cli
