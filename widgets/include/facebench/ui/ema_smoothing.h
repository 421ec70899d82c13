#pragma once
// The smoothing of TensorBoard's scalar charts: an exponential moving average with the
// start-up bias removed, so the first smoothed point equals the first raw one instead of being
// pulled toward zero (TensorBoard, vz_line_chart: last = last*w + (1-w)*y; the point is
// last / (1 - w^n) after n finite values). Non-finite values pass through unsmoothed and do not
// disturb the average.
#include <vector>

namespace fb::ui {

// weight in [0, 1): 0 returns the input; values outside are clamped to [0, 0.999].
std::vector<double> debiasedEma(const std::vector<double>& values, double weight);

} // namespace fb::ui
