#include "train/grad_scaler.h"

namespace fb::train {

bool GradScaler::unscale(const std::vector<torch::Tensor>& parameters) {
    if (!m_enabled)
        return true;
    torch::NoGradGuard noGrad;
    torch::Tensor bad;
    const double inverse = 1.0 / m_scale;
    for (const torch::Tensor& parameter : parameters) {
        torch::Tensor grad = parameter.grad();
        if (!grad.defined())
            continue;
        grad.mul_(inverse);
        // One flag on the device, read once: no host sync per parameter.
        const torch::Tensor here = torch::logical_not(torch::isfinite(grad).all());
        bad = bad.defined() ? torch::logical_or(bad, here) : here;
    }
    return !bad.defined() || !bad.item<bool>();
}

void GradScaler::update(bool finite) {
    if (!m_enabled)
        return;
    if (!finite) {
        m_scale *= kBackoff;
        m_growthTracker = 0;
    } else if (++m_growthTracker >= kGrowthInterval) {
        m_scale *= kGrowth;
        m_growthTracker = 0;
    }
}

void GradScaler::restore(double scale, std::int64_t growthTracker) {
    if (scale > 0)
        m_scale = scale;
    m_growthTracker = growthTracker;
}

} // namespace fb::train
