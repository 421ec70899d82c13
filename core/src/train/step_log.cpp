#include "train/step_log.h"

namespace fb::train {

void LogInterval::add(const StepResult& r, std::int64_t batchImages, double tData,
                      double tCompute) {
    ++steps;
    aggSeconds += r.aggSeconds;
    images += batchImages;
    correct += r.correct;
    lossSum += r.loss;
    dataSeconds += tData;
    computeSeconds += tCompute - r.aggSeconds;
}

double LogInterval::imgPerSec() const {
    const double seconds = dataSeconds + computeSeconds + aggSeconds;
    return seconds > 0 ? images / seconds : 0;
}

void StepLog::add(const StepResult& r, std::int64_t batchImages, double tData, double tCompute) {
    m_interval.add(r, batchImages, tData, tCompute);
    const double stepSeconds = tData + tCompute;
    m_secondsPerStep =
        m_secondsPerStep == 0 ? stepSeconds : 0.9 * m_secondsPerStep + 0.1 * stepSeconds;
}

bool StepLog::due() const {
    const std::int64_t step = m_context.state.step;
    return step % m_context.config.train.logEvery == 0 || step == m_context.totalSteps;
}

double StepLog::write(const std::vector<data::BadImage>& badImages) {
    TrainingContext& c = m_context;
    const LogInterval& i = m_interval;
    TrainingProgress event = c.event(TrainingProgress::Kind::Step);
    event.loss = i.loss();
    event.acc = i.acc();
    event.lr = c.lastLr;
    event.imgPerSec = i.imgPerSec();
    event.tData = i.dataSeconds / i.steps;
    event.tCompute = i.computeSeconds / i.steps;
    event.tAgg = i.aggSeconds / i.steps;
    event.etaSeconds = m_secondsPerStep * static_cast<double>(c.totalSteps - c.state.step);
    nlohmann::ordered_json row{
        {"type", "train"},          {"step", c.state.step},  {"epoch", c.epoch},
        {"loss", event.loss},       {"acc", event.acc},      {"lr", event.lr},
        {"img_s", event.imgPerSec}, {"t_data", event.tData}, {"t_compute", event.tCompute}};
    if (c.dist) {
        row["t_agg"] = event.tAgg;
        row["world_size"] = c.dist->worldSize();
    }
    c.metrics->append(row);
    c.result.lastLoss = event.loss;
    c.result.lastAcc = event.acc;
    m_interval = LogInterval{};
    c.emit(event);
    reportBadImages(badImages);
    return event.loss;
}

// badImages is sorted by path: the ones not reported yet.
void StepLog::reportBadImages(const std::vector<data::BadImage>& badImages) {
    for (const data::BadImage& bad : badImages) {
        if (!m_badReported.insert(bad.path).second)
            continue;
        const std::string line = "bad image skipped: " + bad.path + ": " + bad.problem;
        m_context.log->line(line);
        TrainingProgress event;
        event.kind = TrainingProgress::Kind::BadImage;
        event.step = m_context.state.step;
        event.message = line;
        m_context.emit(event);
    }
}

} // namespace fb::train
