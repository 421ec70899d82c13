#include "util/real_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace fb {

std::string realToText(double value) {
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[32];
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value); // 1000, not 1e+03
        return buffer;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value)
            break;
    }
    return buffer;
}

} // namespace fb
