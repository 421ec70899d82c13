#pragma once
// Loss heads (seed, eq. 1-5): modules that take a batch of embeddings and identity labels and
// return the training loss and the logits that training accuracy is read from.
#include "facebench/experiment_config.h"

#include <torch/torch.h>

#include <memory>

namespace fb {

struct HeadOutput {
    torch::Tensor loss; // scalar
    // [N, classes] scores without any margin (for margin heads: s cos theta, or ||x|| cos theta
    // for sphereface), so accuracy measures the feature, not the margin.
    torch::Tensor logits;
};

class Head : public torch::nn::Module {
public:
    // embeddings [N, D] (any N >= 0), labels [N] int64 in [0, classes).
    virtual HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) = 0;
    // The global training step, for heads whose loss anneals (sphereface's lambda).
    virtual void setIteration(std::int64_t /*iteration*/) {}
};

// Builds the head `config.type` names. Throws InputError for an unknown type or bad sizes.
std::shared_ptr<Head> createHead(const HeadConfig& config, std::int64_t embeddingDim,
                                 std::int64_t numClasses);

} // namespace fb
