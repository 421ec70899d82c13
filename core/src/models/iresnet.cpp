// The IResNet family, the ArcFace backbones (Deng et al. 2019, "ArcFace", Section 3 and the
// "improved residual" unit BN-Conv-BN-PReLU-Conv-BN), as insightface's PyTorch code builds them
// (recognition/arcface_torch/backbones/iresnet.py: units per stage [2, 2, 2, 2] for iresnet18,
// [3, 4, 6, 3] for 34, [3, 4, 14, 3] for 50, [3, 13, 30, 3] for 100; stride 2 in the first
// unit of each stage, a BN-Dropout-FC-BN "E" output layer) with its names (conv1, bn1, prelu,
// layer1.0.bn1, bn2, fc, features), so arcface_torch's state_dicts import as they are.
// 112x112 input, 512-d embedding.
// The classifier for the softmax row is "classifier" (insightface keeps it in the loss).
#include "models/model_zoo.h"

namespace fb {

namespace {

struct IBasicBlockImpl : torch::nn::Module {
    IBasicBlockImpl(std::int64_t inplanes, std::int64_t planes, std::int64_t stride) {
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(inplanes));
        conv1 = register_module("conv1",
                                torch::nn::Conv2d(convOptions(inplanes, planes, 3, 1, 1, false)));
        bn2 = register_module("bn2", torch::nn::BatchNorm2d(planes));
        prelu = register_module("prelu",
                                torch::nn::PReLU(torch::nn::PReLUOptions().num_parameters(planes)));
        conv2 = register_module(
            "conv2", torch::nn::Conv2d(convOptions(planes, planes, 3, stride, 1, false)));
        bn3 = register_module("bn3", torch::nn::BatchNorm2d(planes));
        if (stride != 1 || inplanes != planes)
            downsample = register_module(
                "downsample", torch::nn::Sequential(torch::nn::Conv2d(convOptions(
                                                        inplanes, planes, 1, stride, 0, false)),
                                                    torch::nn::BatchNorm2d(planes)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = bn3(conv2(prelu(bn2(conv1(bn1(x))))));
        return out + (downsample ? downsample->forward(x) : x);
    }
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr}, bn3{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::PReLU prelu{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(IBasicBlock);

class IResNetImpl : public FaceModel {
public:
    IResNetImpl(const std::vector<int>& layers, const ModelOptions& options) {
        m_conv1 = register_module("conv1", torch::nn::Conv2d(convOptions(3, 64, 3, 1, 1, false)));
        m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
        m_prelu = register_module("prelu",
                                  torch::nn::PReLU(torch::nn::PReLUOptions().num_parameters(64)));
        const std::int64_t planes[] = {64, 128, 256, 512};
        std::int64_t inplanes = 64;
        for (int stage = 0; stage < 4; ++stage) {
            torch::nn::Sequential layer;
            for (int block = 0; block < layers[stage]; ++block) {
                layer->push_back(IBasicBlock(inplanes, planes[stage], block == 0 ? 2 : 1));
                inplanes = planes[stage];
            }
            m_layers.push_back(register_module("layer" + std::to_string(stage + 1), layer));
        }
        m_bn2 = register_module("bn2", torch::nn::BatchNorm2d(512));
        m_fc = register_module("fc", torch::nn::Linear(512 * 7 * 7, kEmbedding));
        m_features = register_module("features", torch::nn::BatchNorm1d(kEmbedding));
        if (options.numClasses > 0)
            m_classifier =
                register_module("classifier", torch::nn::Linear(kEmbedding, options.numClasses));

        // insightface: normal_(0, 0.1) for convolutions, BatchNorm 1/0, nn defaults else.
        InitPlan pytorch;
        pytorch.conv = {Filler::Normal, 0.1, false};
        applyInit(*this, standardPlan(options.init, pytorch));
        // insightface freezes the scale of the last BatchNorm at 1 (features.weight
        // requires_grad = False): the embedding is only shifted, never rescaled, by it.
        m_features->weight.set_requires_grad(false);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x = m_prelu(m_bn1(m_conv1(images)));
        for (auto& layer : m_layers)
            x = layer->forward(x);
        x = m_bn2(x).flatten(1);
        ModelOutput out;
        // insightface's dropout here defaults to p = 0.
        out.embedding = m_features(m_fc(x));
        if (m_classifier)
            out.logits = m_classifier(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return kEmbedding; }

private:
    static constexpr std::int64_t kEmbedding = 512;
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr};
    torch::nn::PReLU m_prelu{nullptr};
    std::vector<torch::nn::Sequential> m_layers;
    torch::nn::Linear m_fc{nullptr}, m_classifier{nullptr};
    torch::nn::BatchNorm1d m_features{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeIResNet(const ModelOptions& options, int depth) {
    // arcface_torch's iresnet18 / 34 / 50 / 100.
    static const std::map<int, std::vector<int>> unitsPerStage = {
        {18, {2, 2, 2, 2}}, {34, {3, 4, 6, 3}}, {50, {3, 4, 14, 3}}, {100, {3, 13, 30, 3}}};
    const auto found = unitsPerStage.find(depth);
    if (found == unitsPerStage.end())
        throw std::invalid_argument("IResNet depth must be 18, 34, 50 or 100");
    return std::make_shared<IResNetImpl>(found->second, options);
}

} // namespace fb
