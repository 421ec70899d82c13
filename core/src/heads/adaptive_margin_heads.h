#pragma once
// Angular-margin heads that adapt to the training batch through moving averages kept as buffers
// (not parameters: SGD and weight decay never touch them, and checkpoints save them with the
// head): CurricularFace and AdaFace. The averages move in training mode only.
#include "heads/angular_heads.h"

namespace fb {

// CurricularFace (Huang et al., CVPR 2020): ArcFace's target s cos(theta_y + m) (with its
// fallback past pi), and each hard negative (cos theta_j above that target) becomes
// s cos theta_j (t + cos theta_j), t the moving average of the batch's target cosines
// with momentum `momentum` (0.01 in the paper). Early in training t ~ 0 turns hard
// negatives down; as t grows towards 1 they weigh more than plain ArcFace's.
class CurricularFaceHead : public AngularHead {
public:
    CurricularFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m,
                       double momentum);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;

    torch::Tensor t; // [1], starts at 0 as in the authors' code

private:
    double m_s;
    double m_m;
    double m_momentum;
};

// AdaFace (Kim et al., CVPR 2022): the margin follows image quality, read from the feature
// norm. With the norm's batch mean and standard deviation averaged at rate t_alpha,
//   z = clip(h (||x|| - mean) / (std + eps), -1, 1),  g_angle = -m z,  g_add = m z + m,
// the target logit is s (cos(clip(theta_y + g_angle, eps, pi - eps)) - g_add): for
// z = -1 (a low norm, a poor image) ArcFace's margin, z = 0 CosFace's, z = 1 a margin that
// presses hardest on the good images. The norm carries no gradient through the margin.
class AdaFaceHead : public AngularHead {
public:
    AdaFaceHead(std::int64_t embeddingDim, std::int64_t numClasses, double s, double m, double h,
                double tAlpha);
    HeadOutput forward(const torch::Tensor& embeddings, const torch::Tensor& labels) override;

    // The norm statistics, [1] each; the authors' start values 20 and 100 make early margins
    // close to CosFace's (z ~ 0) until the averages have learnt the real norms.
    torch::Tensor batchMean;
    torch::Tensor batchStd;

private:
    void updateStatistics(const torch::Tensor& norms);

    double m_s;
    double m_m;
    double m_h;
    double m_tAlpha;
};

} // namespace fb
