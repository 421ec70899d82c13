#include "facebench/presets.h"

#include "config/embedded_presets.h"
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "util/did_you_mean.h"

#include <algorithm>

namespace fb {

namespace {
// The first "# ..." line of a preset file describes it.
std::string firstComment(const std::string& text) {
    if (text.rfind("# ", 0) != 0)
        return {};
    return text.substr(2, text.find('\n') - 2);
}
} // namespace

const std::vector<PresetInfo>& presets() {
    static const std::vector<PresetInfo> all = [] {
        std::vector<PresetInfo> list;
        for (const detail::EmbeddedPreset& preset : detail::embeddedPresets())
            list.push_back({preset.name, preset.origin, firstComment(preset.text), preset.text});
        std::sort(list.begin(), list.end(),
                  [](const PresetInfo& a, const PresetInfo& b) { return a.name < b.name; });
        return list;
    }();
    return all;
}

const PresetInfo& findPreset(const std::string& name) {
    std::vector<std::string> names;
    for (const PresetInfo& preset : presets()) {
        if (preset.name == name)
            return preset;
        names.push_back(preset.name);
    }
    throw InputError("unknown preset '" + name + "'" + didYouMean(name, names) +
                     " (facebench-cli presets lists them)");
}

std::vector<std::string> presetsUsingModel(const std::string& modelName) {
    std::vector<std::string> rows;
    for (const PresetInfo& preset : presets()) {
        const ExperimentConfig config =
            parseExperimentConfig("preset: " + preset.name, preset.origin);
        if (config.model.name == modelName)
            rows.push_back(preset.name);
    }
    return rows;
}

} // namespace fb
