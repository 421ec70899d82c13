#pragma once
#include "heads/head.h"

namespace fb {

// Eq. 2, center loss (Wen et al., ECCV 2016): softmax cross-entropy plus
// lambda / 2 * ||x_i - c_{y_i}||^2 averaged over the batch, as caffe-face's CenterLossLayer
// divides by the batch size. The centres are a buffer, not a parameter: SGD and its weight
// decay never touch them. In training mode each forward moves them as the paper's eq. 4:
//   c_j -= alpha * sum_{i: y_i = j} (c_j - x_i) / (1 + n_j)
class CenterHead : public Head {
public:
    CenterHead(std::int64_t embeddingDim, std::int64_t numClasses, double lambda, double alpha);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;

    torch::nn::Linear fc{nullptr};
    torch::Tensor centers; // [classes, D], start at 0 as in caffe-face

private:
    void updateCenters(const torch::Tensor& embeddings, const torch::Tensor& labels);

    double m_lambda;
    double m_alpha;
};

} // namespace fb
