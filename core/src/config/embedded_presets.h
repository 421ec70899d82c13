#pragma once
#include <string>
#include <vector>

namespace fb::detail {

// A preset compiled into the binary from resources/presets/ (cmake/EmbedPresets.cmake).
struct EmbeddedPreset {
    const char* name;   // file stem: "resnet50"
    const char* origin; // "resources/presets/resnet50.yaml", for error messages
    const char* text;   // the YAML
};

const std::vector<EmbeddedPreset>& embeddedPresets();

} // namespace fb::detail
