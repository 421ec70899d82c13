#pragma once
// device.name (cpu | cuda | cuda:N) as a torch::Device, with the CUDA switches of the config.
#include "facebench/experiment_config.h"

#include <torch/torch.h>

namespace fb::train {

// Throws InputError naming device.name when CUDA is asked for but this LibTorch has no CUDA
// or no GPU, or when the index is past the last GPU.
torch::Device resolveDevice(const DeviceConfig& config);

// Thread count (device.threads; 0 keeps the runtime's one per core) and cuDNN benchmark mode.
void configureRuntime(const DeviceConfig& config, const torch::Device& device);

} // namespace fb::train
