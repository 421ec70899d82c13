#include "heads/center_head.h"

#include "heads/cosine.h"

namespace fb {

CenterHead::CenterHead(std::int64_t embeddingDim, std::int64_t numClasses, double lambda,
                       double alpha)
    : fc(register_module("fc", torch::nn::Linear(embeddingDim, numClasses))),
      centers(register_buffer("centers", torch::zeros({numClasses, embeddingDim}))),
      m_lambda(lambda), m_alpha(alpha) {}

HeadOutput CenterHead::forward(const torch::Tensor& embeddings, const torch::Tensor& labels) {
    const torch::Tensor logits = fc->forward(embeddings);
    torch::Tensor loss = cosine::crossEntropy(logits, labels);
    if (embeddings.size(0) > 0) {
        // A copy of the centres in use: updateCenters() below changes the buffer in place.
        const torch::Tensor own = centers.index_select(0, labels).clone();
        const torch::Tensor squared = (embeddings - own).pow(2).sum(1);
        loss = loss + m_lambda / 2.0 * squared.mean();
    }
    if (is_training())
        updateCenters(embeddings.detach(), labels);
    return {loss, logits};
}

void CenterHead::updateCenters(const torch::Tensor& embeddings, const torch::Tensor& labels) {
    if (embeddings.size(0) == 0 || m_alpha == 0)
        return;
    torch::NoGradGuard noGrad;
    const torch::Tensor x = embeddings.to(centers.dtype());
    // sum_{i: y_i = j} (c_j - x_i) = n_j c_j - sum_{i: y_i = j} x_i
    const torch::Tensor counts =
        torch::zeros({centers.size(0)}, centers.options())
            .index_add_(0, labels, torch::ones_like(labels, centers.options()));
    const torch::Tensor sums = torch::zeros_like(centers).index_add_(0, labels, x);
    const torch::Tensor delta = (counts.unsqueeze(1) * centers - sums) / (1 + counts.unsqueeze(1));
    centers.sub_(m_alpha * delta);
}

} // namespace fb
