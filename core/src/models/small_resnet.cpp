// Small residual networks for CPU demos and tests (FaceBench's own, not from the seed): a
// 3x3 stride-2 stem and four stages of one torchvision-style BasicBlock each (16, 32, 64, 128
// channels, stride 1, 2, 2, 2), then the face-network output layer of IR-50 (flatten, fc,
// BatchNorm1d) to a 128-d embedding. Names follow torchvision's ResNet (conv1, bn1,
// layer1.0.conv1, layer2.0.downsample.0). 996,048 parameters at 112x96, 570,064 at 64x64 (no
// classifier).
#include "models/model_zoo.h"

namespace fb {

namespace {

struct BasicBlockImpl : torch::nn::Module {
    BasicBlockImpl(std::int64_t inplanes, std::int64_t planes, std::int64_t stride) {
        conv1 = register_module(
            "conv1", torch::nn::Conv2d(convOptions(inplanes, planes, 3, stride, 1, false)));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(planes));
        conv2 = register_module("conv2",
                                torch::nn::Conv2d(convOptions(planes, planes, 3, 1, 1, false)));
        bn2 = register_module("bn2", torch::nn::BatchNorm2d(planes));
        if (stride != 1 || inplanes != planes)
            downsample = register_module(
                "downsample", torch::nn::Sequential(torch::nn::Conv2d(convOptions(
                                                        inplanes, planes, 1, stride, 0, false)),
                                                    torch::nn::BatchNorm2d(planes)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = bn2(conv2(torch::relu(bn1(conv1(x)))));
        return torch::relu(out + (downsample ? downsample->forward(x) : x));
    }
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

class SmallResNetImpl : public FaceModel {
public:
    SmallResNetImpl(const ModelOptions& options, std::int64_t height, std::int64_t width) {
        m_conv1 = register_module("conv1", torch::nn::Conv2d(convOptions(3, 16, 3, 2, 1, false)));
        m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(16));
        const std::int64_t planes[] = {16, 32, 64, 128};
        std::int64_t inplanes = 16;
        for (int stage = 0; stage < 4; ++stage) {
            m_layers.push_back(register_module(
                "layer" + std::to_string(stage + 1),
                torch::nn::Sequential(BasicBlock(inplanes, planes[stage], stage == 0 ? 1 : 2))));
            inplanes = planes[stage];
        }
        // Total stride 16 (stem 2, stages 2, 2, 2), rounding up like the convolutions do.
        const std::int64_t cells = ((height + 15) / 16) * ((width + 15) / 16);
        m_fc = register_module("fc", torch::nn::Linear(128 * cells, kEmbedding));
        m_features = register_module("features", torch::nn::BatchNorm1d(kEmbedding));
        if (options.numClasses > 0)
            m_classifier =
                register_module("classifier", torch::nn::Linear(kEmbedding, options.numClasses));

        InitPlan pytorch;
        pytorch.conv = {Filler::KaimingNormalFanOut, 0.0, false}; // as torchvision's ResNet
        applyInit(*this, standardPlan(options.init, pytorch));
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x = torch::relu(m_bn1(m_conv1(images)));
        for (auto& layer : m_layers)
            x = layer->forward(x);
        ModelOutput out;
        out.embedding = m_features(m_fc(x.flatten(1)));
        if (m_classifier)
            out.logits = m_classifier(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return kEmbedding; }

private:
    static constexpr std::int64_t kEmbedding = 128;
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr};
    std::vector<torch::nn::Sequential> m_layers;
    torch::nn::Linear m_fc{nullptr}, m_classifier{nullptr};
    torch::nn::BatchNorm1d m_features{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeSmallResNet(const ModelOptions& options, int height, int width) {
    return std::make_shared<SmallResNetImpl>(options, height, width);
}

} // namespace fb
