// createModel(): catalog names -> LibTorch implementations.
#include "facebench/errors.h"
#include "facebench/model_catalog.h"
#include "models/model_zoo.h"
#include "util/did_you_mean.h"

#include <functional>

namespace fb {

std::int64_t parameterCount(const torch::nn::Module& module) {
    std::int64_t count = 0;
    for (const torch::Tensor& parameter : module.parameters())
        count += parameter.numel();
    return count;
}

std::shared_ptr<FaceModel> createModel(const std::string& name, const ModelOptions& options) {
    using Factory = std::function<std::shared_ptr<FaceModel>(const ModelOptions&)>;
    static const std::map<std::string, Factory> factories = {
        {"alexnet-v1", makeAlexNetV1},
        {"alexnet-v2", makeAlexNetV2},
        {"vgg16", [](const ModelOptions& o) { return makeVgg16(o, false); }},
        {"vgg16-bn", [](const ModelOptions& o) { return makeVgg16(o, true); }},
        {"googlenet", makeGoogLeNet},
        {"inception-v3", makeInceptionV3},
        {"resnet50", makeResNet50},
        {"densenet121", makeDenseNet121},
        {"lightcnn-9", [](const ModelOptions& o) { return makeLightCnn(o, 9); }},
        {"lightcnn-29", [](const ModelOptions& o) { return makeLightCnn(o, 29); }},
        {"center-loss-net", makeCenterLossNet},
        {"sphereface-20", [](const ModelOptions& o) { return makeSphereFace(o, 20); }},
        {"sphereface-36", [](const ModelOptions& o) { return makeSphereFace(o, 36); }},
        {"sphereface-64", [](const ModelOptions& o) { return makeSphereFace(o, 64); }},
        {"iresnet18", [](const ModelOptions& o) { return makeIResNet(o, 18); }},
        {"iresnet34", [](const ModelOptions& o) { return makeIResNet(o, 34); }},
        {"iresnet50", [](const ModelOptions& o) { return makeIResNet(o, 50); }},
        {"iresnet100", [](const ModelOptions& o) { return makeIResNet(o, 100); }},
        {"mobilefacenet",
         [](const ModelOptions& o) {
             return makeMobileFaceNet(o, {128, false});
         }},
        {"mobilefacenet-tf192",
         [](const ModelOptions& o) {
             return makeMobileFaceNet(o, {192, true});
         }},
        {"face-api-resnet", makeFaceApiResNet},
        {"small-resnet-112x96", [](const ModelOptions& o) { return makeSmallResNet(o, 112, 96); }},
        {"small-resnet-64", [](const ModelOptions& o) { return makeSmallResNet(o, 64, 64); }},
    };
    if (options.numClasses < 0)
        throw InputError("number of classes must be >= 0, got " +
                         std::to_string(options.numClasses));
    const auto found = factories.find(name);
    if (found == factories.end() || !findModel(name))
        throw InputError("unknown model '" + name + "'" + didYouMean(name, modelNames()) +
                         " (facebench-cli models lists them)");
    return found->second(options);
}

} // namespace fb
