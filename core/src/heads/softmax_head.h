#pragma once
#include "heads/head.h"

namespace fb {

// Eq. 1: a linear layer with bias, then softmax cross-entropy.
class SoftmaxHead : public Head {
public:
    SoftmaxHead(std::int64_t embeddingDim, std::int64_t numClasses);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;

    torch::nn::Linear fc{nullptr};
};

} // namespace fb
