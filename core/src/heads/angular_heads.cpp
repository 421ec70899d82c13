#include "heads/angular_heads.h"

#include "heads/cosine.h"

#include "facebench/errors.h"

#include <cmath>

namespace fb {

namespace {
constexpr double kPi = 3.14159265358979323846;

// cos(m theta) as a polynomial in cos(theta) (Chebyshev), as the original SphereFace code does:
// its gradient stays finite at cos = +-1, where the one through acos would not.
torch::Tensor cosMultipleAngle(const torch::Tensor& c, int m) {
    switch (m) {
    case 1:
        return c;
    case 2:
        return 2 * c.pow(2) - 1;
    case 3:
        return 4 * c.pow(3) - 3 * c;
    default:
        return 8 * c.pow(4) - 8 * c.pow(2) + 1;
    }
}
} // namespace

AngularHead::AngularHead(std::int64_t embeddingDim, std::int64_t numClasses) {
    weight = register_parameter("weight", torch::empty({numClasses, embeddingDim}));
    torch::nn::init::xavier_uniform_(weight);
}

SphereFaceHead::SphereFaceHead(std::int64_t embeddingDim, std::int64_t numClasses,
                               const HeadConfig& config)
    : AngularHead(embeddingDim, numClasses), m_margin(static_cast<int>(config.m)),
      m_config(config) {
    if (config.m != m_margin || m_margin < 1 || m_margin > 4)
        throw InputError(SourceLocation{}, "head.m",
                         "sphereface needs an integer margin m in 1..4 (eq. 3)");
}

double SphereFaceHead::lambda() const {
    const double annealed =
        m_config.sphereLambdaBase *
        std::pow(1.0 + m_config.sphereLambdaGamma * static_cast<double>(m_iteration),
                 -m_config.sphereLambdaPower);
    return std::max(m_config.sphereLambdaMin, annealed);
}

HeadOutput SphereFaceHead::forward(const torch::Tensor& embeddings, const torch::Tensor& labels) {
    const torch::Tensor cos = cosine::cosineMatrix(embeddings, weight);
    const torch::Tensor norm = cosine::rowNorm(embeddings);
    // k only selects the piece of psi: it carries no gradient.
    const torch::Tensor k =
        torch::floor(m_margin * torch::acos(cos.detach()) / kPi).clamp_max(m_margin - 1);
    const torch::Tensor sign = 1 - 2 * torch::remainder(k, 2); // (-1)^k
    const torch::Tensor psi = sign * cosMultipleAngle(cos, m_margin) - 2 * k;
    const double lam = lambda();
    const torch::Tensor target = (lam * cos + psi) / (1 + lam);
    const torch::Tensor mask = cosine::labelMask(labels, weight.size(0), cos.options());
    const torch::Tensor logits = norm * cos;
    const torch::Tensor marginLogits = norm * torch::where(mask, target, cos);
    return {cosine::crossEntropy(marginLogits, labels), logits};
}

CosFaceHead::CosFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m)
    : AngularHead(embeddingDim, numClasses), m_s(s), m_m(m) {}

HeadOutput CosFaceHead::forward(const torch::Tensor& embeddings, const torch::Tensor& labels) {
    const torch::Tensor cos = cosine::cosineMatrix(embeddings, weight);
    const torch::Tensor mask = cosine::labelMask(labels, weight.size(0), cos.options());
    const torch::Tensor marginLogits = m_s * torch::where(mask, cos - m_m, cos);
    return {cosine::crossEntropy(marginLogits, labels), m_s * cos};
}

ArcFaceHead::ArcFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m)
    : AngularHead(embeddingDim, numClasses), m_s(s), m_m(m) {}

HeadOutput ArcFaceHead::forward(const torch::Tensor& embeddings, const torch::Tensor& labels) {
    const torch::Tensor cos = cosine::cosineMatrix(embeddings, weight);
    // sin(theta) = sqrt(1 - cos^2); the floor keeps the gradient finite at cos = +-1.
    const torch::Tensor sin = (1 - cos.pow(2)).clamp_min(1e-12).sqrt();
    const torch::Tensor cosPlusMargin = cos * std::cos(m_m) - sin * std::sin(m_m);
    const double threshold = std::cos(kPi - m_m);
    const torch::Tensor target =
        torch::where(cos > threshold, cosPlusMargin, cos - m_m * std::sin(m_m));
    const torch::Tensor mask = cosine::labelMask(labels, weight.size(0), cos.options());
    const torch::Tensor marginLogits = m_s * torch::where(mask, target, cos);
    return {cosine::crossEntropy(marginLogits, labels), m_s * cos};
}

} // namespace fb
