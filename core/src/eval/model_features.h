#pragma once
// A FeatureSource over a model (core-internal: torch): the one embedding path of `eval`, of
// validation during training and of `extract`. Images are decoded and pre-processed with the
// eval transform of the config (data/preprocess.h), run in batches of eval.batch_size under
// NoGradGuard in eval mode; flip fusion per eval.flip (facebench/evaluation.h).
#include "data/preprocess.h"
#include "facebench/eval_protocols.h"
#include "facebench/experiment_config.h"
#include "models/face_model.h"

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace fb::eval {

// The model on config.device.name (the CPU when CUDA is missing).
FeatureSource modelFeatureSource(std::shared_ptr<FaceModel> model, const ExperimentConfig& config,
                                 const std::function<void(const std::string&)>& log);

// The model where it is, on `device` (training validates on the training device).
FeatureSource modelFeatureSource(std::shared_ptr<FaceModel> model, const ExperimentConfig& config,
                                 const torch::Device& device,
                                 const std::function<void(const std::string&)>& log);

// The config that names `model` alone, with `overrides` ("a.b=value"): the model's own input
// size and pre-processing style, as `eval --model` and `extract` use them.
ExperimentConfig modelOnlyConfig(const std::string& model,
                                 const std::vector<std::string>& overrides);

// paths[begin, end) decoded and pre-processed by `spec` (eval: deterministic), stacked
// N x C x H x W on the CPU. Throws InputError naming an image that cannot be read.
torch::Tensor preprocessedBatch(const std::vector<std::string>& paths, std::size_t begin,
                                std::size_t end, const data::PreprocessSpec& spec);

} // namespace fb::eval
