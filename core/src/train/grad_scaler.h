#pragma once
// Loss scaling for mixed precision on CUDA (as torch.cuda.amp.GradScaler with its defaults):
// the loss is multiplied by `scale` before backward so small float16 gradients do not flush
// to zero; gradients are divided by it before the step; a step whose gradients hold Inf/NaN is
// skipped and the scale halved; after 2000 good steps in a row the scale doubles.
#include <torch/torch.h>

#include <vector>

namespace fb::train {

class GradScaler {
public:
    explicit GradScaler(bool enabled, double initScale = 65536.0)
        : m_enabled(enabled), m_scale(initScale) {}

    bool enabled() const { return m_enabled; }
    torch::Tensor scale(const torch::Tensor& loss) const {
        return m_enabled ? loss * m_scale : loss;
    }
    // Divides the gradients by the scale; returns false when one of them is not finite (the
    // caller skips optimizer.step()). Always true when disabled.
    bool unscale(const std::vector<torch::Tensor>& parameters);
    // Adjusts the scale after a step (found = the result of unscale()).
    void update(bool finite);

    double currentScale() const { return m_scale; }
    std::int64_t growthTracker() const { return m_growthTracker; }
    void restore(double scale, std::int64_t growthTracker);

private:
    bool m_enabled;
    double m_scale;
    std::int64_t m_growthTracker = 0;
    static constexpr double kGrowth = 2.0, kBackoff = 0.5;
    static constexpr std::int64_t kGrowthInterval = 2000;
};

} // namespace fb::train
