#include "train/train_step.h"

#include "dist/process_group.h"

#include "facebench/errors.h"
#include "optim/sgd_optimizer.h"
#include "weights/model_weights.h"

#include <ATen/autocast_mode.h>

#include <set>

namespace fb::train {

namespace {

// Loads model.weights into the backbone. A file with a classifier (weights imported with
// --classes) starts the backbone only: the head owns the classifier here.
void loadStartWeights(FaceModel& model, const std::string& path) {
    WeightsInfo info;
    StateDict state;
    try {
        state = readModelWeights(path, info);
    } catch (const InputError& error) {
        throw InputError(SourceLocation{path}, "model.weights", error.problem());
    }
    std::set<std::string> own;
    for (const auto& item : modelState(model))
        own.insert(item.first);
    if (info.numClasses > 0) {
        StateDict backbone;
        for (auto& item : state)
            if (own.count(item.first))
                backbone.push_back(item);
        state = std::move(backbone);
    }
    try {
        loadModelState(model, state, path);
    } catch (const InputError& error) {
        throw InputError(SourceLocation{path}, "model.weights", error.problem());
    }
}

} // namespace

TrainModules buildModules(const ExperimentConfig& config, std::int64_t numClasses,
                          const torch::Device& device) {
    if (config.model.auxLogits)
        throw InputError(SourceLocation{}, "model.aux_logits",
                         "the trainer trains the embedding through the head; auxiliary "
                         "classifiers are not supported in training (set it to false)");
    TrainModules m;
    ModelOptions options;
    options.numClasses = 0; // the head is the classifier (seed eq. 1-5)
    options.init = config.style.init;
    m.model = createModel(config.model.name, options);
    if (!config.model.weights.empty())
        loadStartWeights(*m.model, config.model.weights);
    m.head = createHead(config.head, m.model->embeddingDim(), numClasses);
    m.device = device;
    m.channelsLast = config.style.memoryFormat == MemoryFormat::ChannelsLast;
    m.amp = config.device.amp && device.is_cuda();
    m.model->to(device);
    m.head->to(device);
    if (m.channelsLast) {
        torch::NoGradGuard noGrad;
        for (auto& parameter : m.model->parameters())
            if (parameter.dim() == 4)
                parameter.set_data(parameter.contiguous(at::MemoryFormat::ChannelsLast));
    }
    torch::OrderedDict<std::string, torch::Tensor> named;
    for (const auto& item : m.model->named_parameters())
        named.insert("model." + item.key(), item.value());
    for (const auto& item : m.head->named_parameters())
        named.insert("head." + item.key(), item.value());
    for (const auto& item : named)
        if (item.value().requires_grad())
            m.parameters.push_back(item.value());
    m.optimizer = makeSgd(named, config.optim, config.schedule.baseLr);
    m.model->train();
    m.head->train();
    return m;
}

void setTrainingMode(TrainModules& modules, bool freezeBn) {
    modules.model->train();
    modules.head->train();
    if (!freezeBn)
        return;
    for (const auto& module : modules.model->modules(/*include_self=*/false))
        if (module->name().find("BatchNorm") != std::string::npos)
            module->eval();
}

StepResult TrainStep::run(const torch::Tensor& images, const torch::Tensor& labels, double lr,
                          std::int64_t iteration, const StepShard& shard) {
    const bool distributed = m_dist && m_dist->worldSize() > 1;
    if (distributed) {
        std::vector<torch::Tensor> buffers;
        for (const torch::Tensor& buffer : m_m.model->buffers())
            buffers.push_back(buffer);
        for (const torch::Tensor& buffer : m_m.head->buffers())
            buffers.push_back(buffer);
        if (!buffers.empty())
            m_dist->broadcastFromRank0(buffers, "the buffer broadcast");
    }
    torch::Tensor x = images.to(m_m.device, /*non_blocking=*/true);
    if (m_m.channelsLast)
        x = x.contiguous(at::MemoryFormat::ChannelsLast);
    const torch::Tensor y = labels.to(m_m.device, /*non_blocking=*/true);
    setLearningRate(*m_m.optimizer, lr);
    m_m.head->setIteration(iteration);
    m_m.optimizer->zero_grad();

    // Autocast covers the backbone only; the head's margins and cosines stay in float32.
    at::autocast::set_enabled(m_m.amp);
    torch::Tensor embedding = m_m.model->forward(x).embedding;
    at::autocast::set_enabled(false);
    if (m_m.amp)
        embedding = embedding.to(torch::kFloat32);
    const HeadOutput out = m_m.head->forward(embedding, y);

    // One host sync per step for the loss (the NaN check needs it) and the accuracy.
    const torch::Tensor correct = out.logits.detach().argmax(1).eq(y).sum();
    StepResult result;
    torch::Tensor loss = out.loss;
    if (!distributed) {
        const torch::Tensor stats =
            torch::stack({out.loss.detach().to(torch::kFloat64), correct.to(torch::kFloat64)})
                .cpu();
        result.loss = stats[0].item<double>();
        result.correct = static_cast<std::int64_t>(stats[1].item<double>());
    } else {
        // Sums over ranks of (loss * n_r, correct, stop): the global batch's mean loss.
        const auto local = static_cast<double>(y.size(0));
        const auto global =
            static_cast<double>(shard.globalSize > 0 ? shard.globalSize : y.size(0));
        torch::Tensor stats = torch::stack(
            {out.loss.detach().to(torch::kFloat64) * local, correct.to(torch::kFloat64),
             torch::full({}, shard.stopRequested ? 1.0 : 0.0,
                         torch::TensorOptions().dtype(torch::kFloat64).device(y.device()))});
        m_dist->allReduceSum(stats, "the loss all-reduce");
        stats = stats.cpu();
        result.loss = stats[0].item<double>() / global;
        result.correct = static_cast<std::int64_t>(std::llround(stats[1].item<double>()));
        result.stopAgreed = stats[2].item<double>() > 0;
        loss = out.loss * (local * m_dist->worldSize() / global);
    }
    if (!std::isfinite(result.loss)) {
        result.finite = false;
        result.stepped = false;
        return result;
    }
    m_scaler.scale(loss).backward();
    if (distributed)
        result.aggSeconds = m_dist->averageGradients(m_m.parameters);
    result.stepped = m_scaler.unscale(m_m.parameters);
    if (result.stepped)
        m_m.optimizer->step();
    m_scaler.update(result.stepped);
    if (m_m.amp)
        at::autocast::clear_cache();
    return result;
}

} // namespace fb::train
