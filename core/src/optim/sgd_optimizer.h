#pragma once
// The optimiser of every Table 2 row: SGD with momentum and weight decay, with PyTorch's
// semantics (d = g + wd * p; v = momentum * v + d; p -= lr * v), LibTorch's own implementation.
#include "facebench/experiment_config.h"

#include <torch/torch.h>

#include <memory>

namespace fb {

// Parameters named as named_parameters() gives them (model and head together). With
// optim.no_decay_bn_bias, biases and BatchNorm / PReLU weights (every parameter of at most one
// dimension) go to a second group without weight decay, as is common for BatchNorm networks.
std::unique_ptr<torch::optim::SGD>
makeSgd(const torch::OrderedDict<std::string, torch::Tensor>& parameters, const OptimConfig& config,
        double learningRate);

// Sets the learning rate of every parameter group (called once per step by the trainer).
void setLearningRate(torch::optim::SGD& optimizer, double learningRate);

} // namespace fb
