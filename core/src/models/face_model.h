#pragma once
// The interface every network of the model zoo implements (core-internal: it exposes torch).
// Submodules and parameters are registered under torchvision's names wherever torchvision has
// the model, so named_parameters() + named_buffers() are a torchvision state_dict's keys.
#include "facebench/framework_style.h" // InitStyle

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace fb {

struct ModelOutput {
    torch::Tensor embedding; // [N, D]: the penultimate-layer feature (the paper's face feature)
    torch::Tensor logits;    // [N, classes], undefined when no classifier is attached
    std::vector<torch::Tensor>
        auxLogits; // GoogLeNet / Inception-v3 auxiliary heads, in training mode only
};

struct ModelOptions {
    std::int64_t numClasses = 0;         // 0: no classifier, the model ends at the embedding
    bool auxLogits = false;              // GoogLeNet / Inception-v3 auxiliary classifiers
    InitStyle init = InitStyle::PyTorch; // Table 12 of the seed
};

class FaceModel : public torch::nn::Module {
public:
    virtual ModelOutput forward(const torch::Tensor& images) = 0;
    virtual std::int64_t embeddingDim() const = 0;
};

// Throws InputError for an unknown name (with a "did you mean").
std::shared_ptr<FaceModel> createModel(const std::string& name, const ModelOptions& options);

} // namespace fb
