#include "heads/adaptive_margin_heads.h"

#include "heads/cosine.h"

namespace fb {

namespace {
// Each row's cosine with its own class: [N, 1].
torch::Tensor targetCosines(const torch::Tensor& cos, const torch::Tensor& labels) {
    return cos.gather(1, labels.view({-1, 1}));
}
} // namespace

CurricularFaceHead::CurricularFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s,
                                       double m, double momentum)
    : AngularHead(embeddingDim, numClasses), t(register_buffer("t", torch::zeros({1}))), m_s(s),
      m_m(m), m_momentum(momentum) {}

HeadOutput CurricularFaceHead::forward(const torch::Tensor& embeddings,
                                       const torch::Tensor& labels) {
    const torch::Tensor cos = cosine::cosineMatrix(embeddings, weight);
    const torch::Tensor positive = targetCosines(cos, labels);
    const torch::Tensor target = cosine::additiveAngularTarget(positive, m_m);
    // As the authors' code: t moves before this batch's negatives are modulated. An empty
    // batch has no mean to move it by.
    if (is_training() && positive.size(0) > 0) {
        torch::NoGradGuard noGrad;
        t.mul_(1 - m_momentum).add_(m_momentum * positive.mean().to(t.dtype()));
    }
    // Which negatives count as hard is a selection, not a function to differentiate. The
    // authors' code compares with cos(theta_y + m) before ArcFace's fallback; the two differ
    // only where theta_y + m passes pi.
    const torch::Tensor hard = cos.detach() > target.detach();
    const torch::Tensor negatives = torch::where(hard, cos * (t + cos), cos);
    const torch::Tensor mask = cosine::labelMask(labels, weight.size(0), cos.options());
    const torch::Tensor marginLogits = m_s * torch::where(mask, target, negatives);
    return {cosine::crossEntropy(marginLogits, labels), m_s * cos};
}

namespace {
// The authors' guard: cosines stay this far from +-1 (acos's slope is infinite there) and the
// shifted angle this far inside [0, pi]; the standard deviation is offset by it too.
constexpr double kAdaEps = 1e-3;
} // namespace

AdaFaceHead::AdaFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m,
                         double h, double tAlpha)
    : AngularHead(embeddingDim, numClasses),
      batchMean(register_buffer("batch_mean", torch::full({1}, 20.0))),
      batchStd(register_buffer("batch_std", torch::full({1}, 100.0))), m_s(s), m_m(m), m_h(h),
      m_tAlpha(tAlpha) {}

void AdaFaceHead::updateStatistics(const torch::Tensor& norms) {
    torch::NoGradGuard noGrad;
    const std::int64_t n = norms.size(0);
    // One sample has a mean but no spread (the unbiased standard deviation divides by n - 1).
    if (n >= 1)
        batchMean.mul_(1 - m_tAlpha).add_(m_tAlpha * norms.mean().to(batchMean.dtype()));
    if (n >= 2)
        batchStd.mul_(1 - m_tAlpha).add_(m_tAlpha * norms.std().to(batchStd.dtype()));
}

HeadOutput AdaFaceHead::forward(const torch::Tensor& embeddings, const torch::Tensor& labels) {
    const torch::Tensor cos =
        cosine::cosineMatrix(embeddings, weight).clamp(-1 + kAdaEps, 1 - kAdaEps);
    // The norm as the authors bound it (0.001 to 100), and with no gradient: it sets the margin,
    // it is not trained through it.
    const torch::Tensor norms = cosine::rowNorm(embeddings.detach()).clamp(0.001, 100);
    if (is_training())
        updateStatistics(norms);
    const torch::Tensor scaler =
        ((norms - batchMean) / (batchStd + kAdaEps) * m_h).clamp(-1, 1).to(cos.dtype());
    const torch::Tensor gAngle = -m_m * scaler; // [N, 1]
    const torch::Tensor gAdd = m_m * scaler + m_m;
    const torch::Tensor theta = torch::acos(targetCosines(cos, labels));
    const torch::Tensor target =
        torch::cos((theta + gAngle).clamp(kAdaEps, cosine::kPi - kAdaEps)) - gAdd;
    const torch::Tensor mask = cosine::labelMask(labels, weight.size(0), cos.options());
    const torch::Tensor marginLogits = m_s * torch::where(mask, target, cos);
    return {cosine::crossEntropy(marginLogits, labels), m_s * cos};
}

} // namespace fb
