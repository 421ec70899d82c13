#pragma once
// Weight initialisation styles of Table 12 of the seed: each framework fills convolution and
// fully connected weights its own way, and the seed blames part of the accuracy differences on
// it. A model describes its filler per style as an InitPlan; applyInit walks the module tree.
#include "facebench/framework_style.h" // InitStyle

#include <torch/torch.h>

#include <map>
#include <string>

namespace fb {

// fan_in = input channels (per group) x kernel area, fan_out = output channels x kernel area
// (Table 12's definitions; PyTorch's _calculate_fan_in_and_fan_out).
enum class Filler {
    Keep,                // leave what the module's constructor drew (PyTorch's nn defaults:
                         // kaiming_uniform(a = sqrt 5) = U(+-sqrt(1/fan_in)))
    KaimingNormalFanOut, // N(0, sqrt(2/fan_out)): torchvision ResNet/VGG convs, Caffe MSRA on
                         // fan_out
    KaimingNormalFanIn,  // N(0, sqrt(2/fan_in)): torchvision DenseNet, Caffe "msra" filler
    CaffeXavier,         // U(+-sqrt(3/fan_in)): Caffe's "xavier" filler (variance_norm FAN_IN)
    XavierNormalAvg,     // N(0, sqrt(2/(fan_in+fan_out))): Table 12, Inception-v3 (Caffe)
    GlorotUniform,       // U(+-sqrt(6/(fan_in+fan_out))): TensorFlow/Keras glorot_uniform
    Normal,              // N(0, std)
    TruncNormal,         // N(0, std) truncated to [-2, 2] (torchvision trunc_normal_(a=-2, b=2))
};

struct FillerSpec {
    Filler kind = Filler::Keep;
    double std = 0.0;      // Normal, TruncNormal
    bool zeroBias = false; // else the bias keeps its constructor value
};

struct InitPlan {
    FillerSpec conv;
    FillerSpec linear;
    // The first convolution met in registration order (the input layer), when it differs:
    // Table 12, ResNet-50 (Caffe) draws W_input from N(0, sqrt(2/fan_out)).
    bool firstConvDiffers = false;
    FillerSpec firstConv;
    // Per-module exceptions by the module's dotted name (torchvision's Inception-v3 gives
    // AuxLogits.conv1 std 0.01 and AuxLogits.fc std 0.001).
    std::map<std::string, FillerSpec> overrides;
};

// The standard plans per style; a model starts from one and adjusts it.
// Caffe default: "xavier" for conv and fc, bias 0 (the VGG-16 / DenseNet-121 rows of Table 12).
// TensorFlow: Glorot uniform for conv and fc, bias 0 (every TensorFlow row of Table 12).
InitPlan caffeDefaultPlan();
InitPlan tensorflowPlan();

// The plan for `style`: the standard Caffe or TensorFlow plan, or the model's own `pytorch` plan.
InitPlan standardPlan(InitStyle style, const InitPlan& pytorch);

// applyInit(root, standardPlan(style, {})): pytorch keeps the module's own defaults. For models
// whose Table 12 row needs nothing more specific.
void applyStandardInit(torch::nn::Module& root, InitStyle style);

// Fills every Conv1d/2d and Linear of `root` per the plan; BatchNorm weight 1, bias 0; PReLU
// keeps 0.25. Uses torch's global generator (seed it with torch::manual_seed).
void applyInit(torch::nn::Module& root, const InitPlan& plan);

// The standard deviation a filler draws with, for a weight of this shape (tests use it).
double fillerStd(const FillerSpec& spec, const torch::Tensor& weight);

} // namespace fb
