#pragma once
// The angular-margin heads: SphereFace (eq. 3), CosFace (eq. 4), ArcFace (eq. 5) and the
// combined margin that generalises the last two. Each keeps one weight row per class ("weight",
// [classes, D]) and scores an embedding by the cosine of the angle theta between it and each row.
#include "heads/head.h"

namespace fb {

class AngularHead : public Head {
public:
    AngularHead(std::int64_t embeddingDim, std::int64_t numClasses);

    torch::Tensor weight; // [classes, D]
};

// A-Softmax (Liu et al., CVPR 2017). Weights normalised, feature norm kept; the target logit
//   ||x|| psi(theta),  psi(theta) = (-1)^k cos(m theta) - 2k  for theta in [k pi/m, (k+1) pi/m]
// blended with ||x|| cos(theta) by the original implementation's annealing
//   f = (lambda cos + psi) / (1 + lambda),  lambda = max(lambda_min, base (1 + gamma iter)^-power).
class SphereFaceHead : public AngularHead {
public:
    SphereFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, const HeadConfig& config);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;
    void setIteration(std::int64_t iteration) override { m_iteration = iteration; }
    double lambda() const;

private:
    int m_margin;
    HeadConfig m_config;
    std::int64_t m_iteration = 0;
};

// Large margin cosine loss (Wang et al., CVPR 2018): target logit s (cos theta - m).
class CosFaceHead : public AngularHead {
public:
    CosFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;

private:
    double m_s;
    double m_m;
};

// Additive angular margin (Deng et al., CVPR 2019): target logit s cos(theta + m). Where
// theta + m would pass pi (cos theta < cos(pi - m)) cos(theta + m) stops decreasing, so the
// target logit falls back to s (cos theta - m sin m), as InsightFace does.
class ArcFaceHead : public AngularHead {
public:
    ArcFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;

private:
    double m_s;
    double m_m;
};

// The combined margin of ArcFace's paper (Deng et al., CVPR 2019) and arcface_torch's
// CombinedMarginLoss: target logit s (cos(m1 theta + m2) - m3), so (1, m, 0) is ArcFace and
// (1, 0, m) CosFace; m1 > 1 adds SphereFace's multiplicative margin (without its piecewise psi
// and annealing). Where m1 theta + m2 would pass pi the angular part falls back to cos theta
// less a constant, as ArcFace's does.
class CombinedMarginHead : public AngularHead {
public:
    CombinedMarginHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m1,
                       double m2, double m3);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;

private:
    torch::Tensor angularTarget(const torch::Tensor& cos) const; // cos(m1 theta + m2)

    double m_s;
    double m_m1;
    double m_m2;
    double m_m3;
};

} // namespace fb
