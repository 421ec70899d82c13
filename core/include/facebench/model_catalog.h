#pragma once
// The networks FaceBench knows (seed, Section 2.2 and Table 2): input size, channels,
// embedding size and parameter counts, without LibTorch, so `facebench-cli models` and the GUI
// can list them without building one. The implementations live in core/src/models/ and
// tests/test_models*.cpp check these figures against the constructed networks.
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct ModelInfo {
    std::string name;    // the name used in configs and on the CLI
    int inputHeight = 0; // pixels, as Table 2's "input size"
    int inputWidth = 0;
    std::string description; // architecture and source
    int channels = 3;        // input channels (LightCNN takes grayscale)
    int embeddingDim = 0;    // size of the embedding (penultimate-layer feature)
    // Parameters without classifier (numClasses = 0) and without auxiliary heads.
    std::int64_t backboneParameters = 0;
    // Parameters the classifier adds per class (weights, plus one bias when it has biases).
    std::int64_t parametersPerClass = 0;
    // Auxiliary classifiers (GoogLeNet, Inception-v3): fixed part and per class; 0 = none.
    std::int64_t auxParameters = 0;
    std::int64_t auxParametersPerClass = 0;
};

const std::vector<ModelInfo>& modelCatalog();
std::vector<std::string> modelNames();
// nullptr when no model has that name.
const ModelInfo* findModel(const std::string& name);

// Parameters of the model built with `numClasses` classes (0 = no classifier) and, where the
// model has them, auxiliary heads (which need a classifier). Equal to the count of the
// constructed LibTorch module (torchvision's sum(p.numel())).
std::int64_t modelParameterCount(const ModelInfo& info, std::int64_t numClasses,
                                 bool auxLogits = false);

} // namespace fb
