#pragma once
// Progress of the steps: every train.log_every steps (and at the last) the interval's averages
// go to metrics.jsonl as a "train" row and to the progress callback as a Step event, and the
// bad images the loader replaced since are listed in train.log, once each.
#include "data/batch_loader.h"
#include "train/train_step.h"
#include "train/training_context.h"

#include <set>
#include <string>

namespace fb::train {

// The sums of one log interval.
struct LogInterval {
    std::int64_t steps = 0, images = 0, correct = 0;
    double lossSum = 0, dataSeconds = 0, computeSeconds = 0, aggSeconds = 0;

    void add(const StepResult& r, std::int64_t batchImages, double tData, double tCompute);
    double loss() const { return steps ? lossSum / steps : 0; }
    double acc() const { return images ? static_cast<double>(correct) / images : 0; }
    double imgPerSec() const;
};

class StepLog {
public:
    explicit StepLog(TrainingContext& context) : m_context(context) {}

    // One step done: `tData` seconds waiting for the batch, `tCompute` in the step.
    void add(const StepResult& r, std::int64_t batchImages, double tData, double tCompute);
    bool due() const;
    // The row and the event of the interval, then the new bad images; starts a new interval.
    // Returns the interval's mean loss.
    double write(const std::vector<data::BadImage>& badImages);

private:
    void reportBadImages(const std::vector<data::BadImage>& badImages);

    TrainingContext& m_context;
    LogInterval m_interval;
    double m_secondsPerStep = 0; // moving average, for the ETA
    std::set<std::string> m_badReported;
};

} // namespace fb::train
