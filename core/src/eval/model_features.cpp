// Model embeddings for the protocols (model_features.h).
#include "eval/model_features.h"

#include "facebench/errors.h"

#include <fstream>
#include <iterator>

namespace fb::eval {

namespace {

std::vector<unsigned char> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the image");
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>());
}

torch::Device pickDevice(const std::string& name) {
    if (name.rfind("cuda", 0) == 0 && torch::cuda::is_available())
        return torch::Device(name);
    return torch::Device(torch::kCPU);
}

} // namespace

ExperimentConfig modelOnlyConfig(const std::string& model,
                                 const std::vector<std::string>& overrides) {
    return parseExperimentConfig("model:\n  name: " + model + "\n", "--model", overrides);
}

torch::Tensor preprocessedBatch(const std::vector<std::string>& paths, std::size_t begin,
                                std::size_t end, const data::PreprocessSpec& spec) {
    std::mt19937_64 rng(0); // the eval transform is deterministic; the rng is unused
    std::vector<torch::Tensor> images;
    for (std::size_t i = begin; i < end; ++i)
        images.push_back(data::preprocess(
            data::decodeImage(readBytes(paths[i]), paths[i], spec.channels), spec, rng));
    return torch::stack(images);
}

FeatureSource modelFeatureSource(std::shared_ptr<FaceModel> model, const ExperimentConfig& config,
                                 const std::function<void(const std::string&)>& log) {
    return modelFeatureSource(std::move(model), config, pickDevice(config.device.name), log);
}

FeatureSource modelFeatureSource(std::shared_ptr<FaceModel> model, const ExperimentConfig& config,
                                 const torch::Device& device,
                                 const std::function<void(const std::string&)>& log) {
    const data::PreprocessSpec spec = data::preprocessSpecFor(config, /*train=*/false);
    const std::int64_t batchSize = std::max<std::int64_t>(1, config.eval.batchSize);
    const std::string flip = config.eval.flip;
    model->to(device);
    model->eval();
    return [model, spec, batchSize, flip, device, log](const std::vector<std::string>& paths) {
        if (paths.empty())
            return FeatureMatrix{1, {}};
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> outputs;
        for (std::size_t start = 0; start < paths.size();
             start += static_cast<std::size_t>(batchSize)) {
            const std::size_t stop =
                std::min(paths.size(), start + static_cast<std::size_t>(batchSize));
            const torch::Tensor batch = preprocessedBatch(paths, start, stop, spec).to(device);
            torch::Tensor embedding = model->forward(batch).embedding.to(torch::kFloat32);
            if (flip != "none") {
                // Horizontal flip of N x C x H x W is a flip of the W axis.
                const torch::Tensor flipped =
                    model->forward(torch::flip(batch, {3})).embedding.to(torch::kFloat32);
                if (flip == "sum") // InsightFace: sum, then L2-normalise (the protocols normalise)
                    embedding = embedding + flipped;
                else // facenet: concatenate; each half normalised so both weigh the same
                    embedding = torch::cat(
                        {torch::nn::functional::normalize(
                             embedding, torch::nn::functional::NormalizeFuncOptions().dim(1)),
                         torch::nn::functional::normalize(
                             flipped, torch::nn::functional::NormalizeFuncOptions().dim(1))},
                        1);
            }
            outputs.push_back(embedding.cpu());
            if (log && (stop == paths.size() || (start / batchSize) % 20 == 0))
                log("features: " + std::to_string(stop) + "/" + std::to_string(paths.size()) +
                    " images");
        }
        const torch::Tensor all = torch::cat(outputs).contiguous();
        FeatureMatrix m;
        m.dim = all.size(1);
        m.values.assign(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
        return m;
    };
}

} // namespace fb::eval
