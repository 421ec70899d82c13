#include <facebench/ui/ema_smoothing.h>

#include <algorithm>
#include <cmath>

namespace fb::ui {

std::vector<double> debiasedEma(const std::vector<double>& values, double weight) {
    weight = std::clamp(weight, 0.0, 0.999);
    std::vector<double> out;
    out.reserve(values.size());
    double last = 0;
    int count = 0;
    for (double y : values) {
        if (!std::isfinite(y)) {
            out.push_back(y);
            continue;
        }
        last = last * weight + (1.0 - weight) * y;
        ++count;
        const double debias = 1.0 - std::pow(weight, count);
        out.push_back(debias > 0 ? last / debias : y);
    }
    return out;
}

} // namespace fb::ui
