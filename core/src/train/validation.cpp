#include "train/validation.h"

#include "eval/model_features.h"

#include <ATen/autocast_mode.h>

namespace fb::train {

namespace {

struct EvalModeGuard {
    explicit EvalModeGuard(TrainModules& m) : m(m) {
        m.model->eval();
        m.head->eval();
    }
    ~EvalModeGuard() {
        m.model->train();
        m.head->train();
    }
    TrainModules& m;
};

torch::Tensor toInput(const TrainModules& m, const torch::Tensor& images) {
    torch::Tensor x = images.to(m.device);
    return m.channelsLast ? x.contiguous(at::MemoryFormat::ChannelsLast) : x;
}

} // namespace

ValidationResult heldOutAccuracy(TrainModules& m, std::shared_ptr<const DatasetIndex> val,
                                 const ExperimentConfig& config) {
    ValidationResult result;
    if (!val || val->images.empty())
        return result;
    data::LoaderOptions options;
    options.batchSize = config.train.batchSize;
    options.workers = static_cast<int>(config.data.workers);
    options.seed = static_cast<std::uint64_t>(config.train.seed);
    options.shuffle = false;
    options.lastBatch = LastBatch::Keep;
    options.preprocess = data::preprocessSpecFor(config, /*train=*/false);
    data::BatchLoader loader(val, options);
    EvalModeGuard evalMode(m);
    torch::NoGradGuard noGrad;
    double lossSum = 0;
    std::int64_t correct = 0;
    for (std::int64_t b = 0, n = loader.batchesPerEpoch(); b < n; ++b) {
        const data::Batch batch = loader.next();
        const torch::Tensor labels = batch.labels.to(m.device);
        at::autocast::set_enabled(m.amp);
        torch::Tensor embedding = m.model->forward(toInput(m, batch.images)).embedding;
        at::autocast::set_enabled(false);
        const HeadOutput out = m.head->forward(embedding.to(torch::kFloat32), labels);
        const std::int64_t count = labels.size(0);
        lossSum += out.loss.item<double>() * count;
        correct += out.logits.argmax(1).eq(labels).sum().item<std::int64_t>();
        result.images += count;
    }
    if (m.amp)
        at::autocast::clear_cache();
    if (result.images > 0) {
        result.accuracy = static_cast<double>(correct) / result.images;
        result.loss = lossSum / result.images;
    }
    return result;
}

FeatureSource modelFeatures(TrainModules& m, const ExperimentConfig& config) {
    return eval::modelFeatureSource(m.model, config, m.device, {});
}

} // namespace fb::train
