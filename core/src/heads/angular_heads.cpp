#include "heads/angular_heads.h"

#include "heads/cosine.h"

#include "facebench/errors.h"

#include <cmath>

namespace fb {

namespace {
using cosine::kPi;

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
    const torch::Tensor target = cosine::additiveAngularTarget(cos, m_m);
    const torch::Tensor mask = cosine::labelMask(labels, weight.size(0), cos.options());
    const torch::Tensor marginLogits = m_s * torch::where(mask, target, cos);
    return {cosine::crossEntropy(marginLogits, labels), m_s * cos};
}

CombinedMarginHead::CombinedMarginHead(std::int64_t embeddingDim, std::int64_t numClasses, double s,
                                       double m1, double m2, double m3)
    : AngularHead(embeddingDim, numClasses), m_s(s), m_m1(m1), m_m2(m2), m_m3(m3) {
    if (!(m1 > 0))
        throw InputError(SourceLocation{}, "head.m1",
                         "the combined margin needs m1 > 0 (cos(m1 theta + m2) - m3)");
    if (!(m2 >= 0 && m2 < kPi))
        throw InputError(SourceLocation{}, "head.m2",
                         "the combined margin needs m2 in [0, pi) (cos(m1 theta + m2) - m3)");
}

torch::Tensor CombinedMarginHead::angularTarget(const torch::Tensor& cos) const {
    if (m_m1 == 1)
        return cosine::additiveAngularTarget(cos, m_m2);
    // acos's slope is infinite at +-1: stopping short of it keeps the gradient finite.
    const torch::Tensor theta = torch::acos(cos.clamp(-1 + 1e-6, 1 - 1e-6));
    const torch::Tensor angular = torch::cos(m_m1 * theta + m_m2);
    // m1 theta + m2 reaches pi at theta = limit; an m1 below 1 can put that past pi, and then
    // nothing turns back.
    const double limit = (kPi - m_m2) / m_m1;
    if (limit >= kPi)
        return angular;
    // Past the limit the target falls back as ArcFace's does: cos theta less the angular
    // margin's first-order size at the limit, (m1 limit + m2 - limit) sin(limit) =
    // (pi - limit) sin(limit), which for m1 = 1 is ArcFace's m sin m.
    return torch::where(cos > std::cos(limit), angular, cos - (kPi - limit) * std::sin(limit));
}

HeadOutput CombinedMarginHead::forward(const torch::Tensor& embeddings,
                                       const torch::Tensor& labels) {
    const torch::Tensor cos = cosine::cosineMatrix(embeddings, weight);
    const torch::Tensor mask = cosine::labelMask(labels, weight.size(0), cos.options());
    const torch::Tensor target = angularTarget(cos) - m_m3;
    const torch::Tensor marginLogits = m_s * torch::where(mask, target, cos);
    return {cosine::crossEntropy(marginLogits, labels), m_s * cos};
}

} // namespace fb
