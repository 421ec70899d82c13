#pragma once
// Learning-rate schedules of Table 2 of the seed, as plain functions of the iteration, so the
// trainer, the CLI and the GUI's schedule plot compute the same numbers.
#include "facebench/experiment_config.h"

#include <cstdint>

namespace fb {

// The length of a run in iterations: train.iterations, or train.epochs * iterationsPerEpoch.
std::int64_t totalIterations(const TrainConfig& train, std::int64_t iterationsPerEpoch);

// lr at `iteration` (0-based) of a run of `total` iterations with `iterationsPerEpoch` (the
// seed's ipe = images / batch size, as the loader yields them):
//   step:      base * gamma ^ floor(iter / (every_epochs * ipe))   (Inception-v3: 0.045, 0.94, 2)
//   multistep: base * gamma ^ (number of milestones <= iter)
//   poly:      base * (1 - iter / total) ^ power                    (GoogLeNet: power 0.5)
//   constant:  base
// With warmup_iterations W > 0 the first W iterations scale that by (iter + 1) / W.
// Throws InputError when iterationsPerEpoch < 1 (step) or total < 1 (poly).
double learningRate(const ScheduleConfig& schedule, std::int64_t iteration,
                    std::int64_t iterationsPerEpoch, std::int64_t total);

} // namespace fb
