#include "heads/softmax_head.h"

#include "heads/cosine.h"

namespace fb {

SoftmaxHead::SoftmaxHead(std::int64_t embeddingDim, std::int64_t numClasses)
    : fc(register_module("fc", torch::nn::Linear(embeddingDim, numClasses))) {}

HeadOutput SoftmaxHead::forward(const torch::Tensor& embeddings, const torch::Tensor& labels) {
    torch::Tensor logits = fc->forward(embeddings);
    return {cosine::crossEntropy(logits, labels), logits};
}

} // namespace fb
