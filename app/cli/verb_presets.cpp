// `facebench-cli presets`: the bundled Table 2 presets, resolved, one row each.
#include "verbs.h"

#include "facebench/experiment_config.h"
#include "facebench/presets.h"

#include <cstdio>
#include <iostream>

namespace fb::cli {

namespace {

std::string sizeText(const std::vector<std::int64_t>& size) {
    return std::to_string(size[0]) + "x" + std::to_string(size[1]);
}

std::string lengthText(const TrainConfig& train) {
    return train.iterations > 0 ? std::to_string(train.iterations) + " it"
                                : std::to_string(train.epochs) + " ep";
}

// Columns as wide as the longest bundled names ("combined-margin", "curricularface").
int listPresets(const GlobalOptions& options) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    if (!options.json)
        std::printf("%-15s %-16s %-14s %6s %-9s %-9s %-10s %-9s %-10s\n", "PRESET", "MODEL", "HEAD",
                    "BATCH", "IMAGE", "INPUT", "LR", "LENGTH", "STYLE");
    for (const PresetInfo& preset : presets()) {
        const ExperimentConfig c = parseExperimentConfig("preset: " + preset.name, "presets");
        if (options.json) {
            rows.push_back({{"name", preset.name},
                            {"description", preset.description},
                            {"origin", preset.origin},
                            {"config", nlohmann::ordered_json::parse(toJson(c))}});
            continue;
        }
        std::printf("%-15s %-16s %-14s %6lld %-9s %-9s %-10s %-9s %-10s\n", preset.name.c_str(),
                    c.model.name.c_str(), c.head.type.c_str(),
                    static_cast<long long>(c.train.batchSize), sizeText(c.data.imageSize).c_str(),
                    sizeText(c.data.inputSize).c_str(), c.schedule.form.c_str(),
                    lengthText(c.train).c_str(), styleName(c.style.framework));
    }
    if (options.json)
        printJson({{"presets", rows}});
    return kExitDone;
}

} // namespace

void addPresetsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    CLI::App* presetsVerb = app.add_subcommand(
        "presets", "List the bundled presets (one per row of Table 2 of the study)");
    presetsVerb->callback(
        [&options, &action] { action = [&options] { return listPresets(options); }; });
}

} // namespace fb::cli
