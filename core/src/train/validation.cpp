#include "train/validation.h"

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

EmbedFunction makeEmbedFunction(TrainModules& m, const ExperimentConfig& config) {
    const data::PreprocessSpec spec = data::preprocessSpecFor(config, /*train=*/false);
    const std::int64_t batchSize = config.eval.batchSize;
    return [&m, spec, batchSize](const std::vector<std::string>& paths) {
        torch::NoGradGuard noGrad;
        std::mt19937_64 unused(0);
        NpyArray out;
        std::int64_t dim = m.model->embeddingDim();
        out.shape = {static_cast<std::int64_t>(paths.size()), dim};
        out.values.reserve(paths.size() * dim);
        for (std::size_t begin = 0; begin < paths.size(); begin += batchSize) {
            std::vector<torch::Tensor> images;
            for (std::size_t i = begin; i < std::min(paths.size(), begin + batchSize); ++i) {
                IndexedImage image;
                image.path = paths[i];
                images.push_back(data::preprocess(
                    data::decodeImage(readImageBytes(image), paths[i], spec.channels), spec,
                    unused));
            }
            const torch::Tensor embedding = m.model->forward(toInput(m, torch::stack(images)))
                                                .embedding.to(torch::kFloat32)
                                                .cpu()
                                                .contiguous();
            out.values.insert(out.values.end(), embedding.data_ptr<float>(),
                              embedding.data_ptr<float>() + embedding.numel());
        }
        return out;
    };
}

} // namespace fb::train
