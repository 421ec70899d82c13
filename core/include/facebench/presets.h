#pragma once
// The bundled presets: one YAML file per Table 2 row in resources/presets/, compiled in.
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct PresetInfo {
    std::string name;        // "resnet50"
    std::string origin;      // "resources/presets/resnet50.yaml"
    std::string description; // the file's first comment line
    std::string text;        // the YAML itself
};

const std::vector<PresetInfo>& presets();
// Throws InputError (with a "did you mean") when no preset has that name.
const PresetInfo& findPreset(const std::string& name);
// The bundled presets (Table 2 rows) whose model.name is `modelName`, sorted.
std::vector<std::string> presetsUsingModel(const std::string& modelName);

} // namespace fb
