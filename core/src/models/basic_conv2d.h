#pragma once
// torchvision's BasicConv2d (googlenet.py, inception.py): conv without bias, BatchNorm with
// eps 0.001, ReLU. Registered as "conv" and "bn" like the Python module.
#include "models/model_zoo.h"

namespace fb {

struct BasicConv2dImpl : torch::nn::Module {
    BasicConv2dImpl(std::int64_t in, std::int64_t out, torch::ExpandingArray<2> kernel,
                    torch::ExpandingArray<2> stride = 1, torch::ExpandingArray<2> padding = 0) {
        conv = register_module(
            "conv", torch::nn::Conv2d(convOptions(in, out, kernel, stride, padding, false)));
        bn = register_module("bn",
                             torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(out).eps(0.001)));
    }

    torch::Tensor forward(const torch::Tensor& x) { return torch::relu(bn(conv(x))); }

    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(BasicConv2d);

} // namespace fb
