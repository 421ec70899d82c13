#pragma once
// Numerically safe building blocks shared by the angular heads (eq. 3-5 and the margin heads
// that followed them): no NaN or Inf for any finite input, zero vectors included.
#include <torch/torch.h>

#include <cmath>

namespace fb::cosine {

constexpr double kPi = 3.14159265358979323846;

// Row-wise L2 norm [N, 1]. ATen's norm accumulates float in double (no overflow of x^2 for huge
// x) and its gradient at a zero vector is 0, where sqrt(sum x^2) would give 0/0.
inline torch::Tensor rowNorm(const torch::Tensor& x) {
    return x.norm(2, {1}, /*keepdim=*/true);
}

// Rows scaled to unit length; a zero row stays zero (its cosine with anything is 0).
inline torch::Tensor normalizeRows(const torch::Tensor& x) {
    return x / rowNorm(x).clamp_min(1e-12);
}

// cos(theta) between every embedding and every class weight: [N, classes], clamped to [-1, 1]
// because rounding can push |cos| just past 1, where acos and sqrt(1 - cos^2) are undefined.
inline torch::Tensor cosineMatrix(const torch::Tensor& embeddings, const torch::Tensor& weight) {
    return torch::mm(normalizeRows(embeddings), normalizeRows(weight).t()).clamp(-1.0, 1.0);
}

// The additive angular margin's target cos(theta + m) (ArcFace, eq. 5), taken as
// cos theta cos m - sin theta sin m: no acos, whose slope is infinite at cos = +-1. Where theta + m
// would pass pi (cos theta <= cos(pi - m)) cos(theta + m) turns back up, so the target falls back
// to cos theta - m sin m, as InsightFace and arcface_torch (to December 2022) do.
inline torch::Tensor additiveAngularTarget(const torch::Tensor& cos, double m) {
    // sin(theta) = sqrt(1 - cos^2); the floor keeps the gradient finite at cos = +-1.
    const torch::Tensor sin = (1 - cos.pow(2)).clamp_min(1e-12).sqrt();
    const torch::Tensor cosPlusMargin = cos * std::cos(m) - sin * std::sin(m);
    return torch::where(cos > std::cos(kPi - m), cosPlusMargin, cos - m * std::sin(m));
}

// A [N, classes] boolean mask of each row's label.
inline torch::Tensor labelMask(const torch::Tensor& labels, std::int64_t classes,
                               const torch::TensorOptions& like) {
    return torch::one_hot(labels, classes).to(like.dtype(torch::kBool));
}

// Cross-entropy, defined as 0 on an empty batch (the mean over no samples would be NaN).
inline torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& labels) {
    if (logits.size(0) == 0)
        return logits.sum();
    return torch::nn::functional::cross_entropy(logits, labels);
}

} // namespace fb::cosine
