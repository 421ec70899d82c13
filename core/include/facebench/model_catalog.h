#pragma once
// The names of the networks FaceBench knows (seed, Section 2.2 and Table 2), with the input
// size each expects. The model-zoo issue attaches the LibTorch implementations to these names.
#include <string>
#include <vector>

namespace fb {

struct ModelInfo {
    std::string name;        // the name used in configs and on the CLI
    int inputHeight = 0;     // pixels, as Table 2's "input size"
    int inputWidth = 0;
    std::string description; // architecture and source
};

const std::vector<ModelInfo>& modelCatalog();
std::vector<std::string> modelNames();
// nullptr when no model has that name.
const ModelInfo* findModel(const std::string& name);

} // namespace fb
