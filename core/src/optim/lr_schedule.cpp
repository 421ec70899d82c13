#include "facebench/lr_schedule.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cmath>

namespace fb {

std::int64_t totalIterations(const TrainConfig& train, std::int64_t iterationsPerEpoch) {
    return train.iterations > 0 ? train.iterations : train.epochs * iterationsPerEpoch;
}

double learningRate(const ScheduleConfig& schedule, std::int64_t iteration,
                    std::int64_t iterationsPerEpoch, std::int64_t total) {
    const double base = schedule.baseLr;
    double lr = base;
    if (schedule.form == "step") {
        if (iterationsPerEpoch < 1)
            throw InputError("the step schedule needs at least one iteration per epoch");
        const std::int64_t period = schedule.everyEpochs * iterationsPerEpoch;
        lr = base * std::pow(schedule.gamma, static_cast<double>(iteration / period));
    } else if (schedule.form == "multistep") {
        const auto passed =
            std::upper_bound(schedule.milestones.begin(), schedule.milestones.end(), iteration) -
            schedule.milestones.begin();
        lr = base * std::pow(schedule.gamma, static_cast<double>(passed));
    } else if (schedule.form == "poly") {
        if (total < 1)
            throw InputError("the poly schedule needs the run's length");
        const double remaining = std::max(0.0, 1.0 - static_cast<double>(iteration) / total);
        lr = base * std::pow(remaining, schedule.power);
    } else if (schedule.form != "constant") {
        throw InputError(SourceLocation{}, "schedule.form",
                         "unknown schedule '" + schedule.form + "'");
    }
    if (iteration < schedule.warmupIterations)
        lr *= static_cast<double>(iteration + 1) / static_cast<double>(schedule.warmupIterations);
    return lr;
}

} // namespace fb
