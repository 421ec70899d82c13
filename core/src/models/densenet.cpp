// DenseNet-121 (Huang et al. 2017), laid out as torchvision 0.14's
// torchvision/models/densenet.py: growth 32, bottleneck 4 x growth, blocks (6, 12, 24, 16),
// 64 initial features, compression 0.5, and its names (features.conv0,
// features.denseblock1.denselayer1.norm1, features.transition1.conv, features.norm5,
// classifier). Memory-efficient checkpointing (torchvision's memory_efficient) is not used;
// it changes memory, not results.
#include "models/model_zoo.h"

namespace fb {

namespace {

struct DenseLayerImpl : torch::nn::Module {
    DenseLayerImpl(std::int64_t in, std::int64_t growth, std::int64_t bnSize) {
        norm1 = register_module("norm1", torch::nn::BatchNorm2d(in));
        conv1 = register_module(
            "conv1", torch::nn::Conv2d(convOptions(in, bnSize * growth, 1, 1, 0, false)));
        norm2 = register_module("norm2", torch::nn::BatchNorm2d(bnSize * growth));
        conv2 = register_module(
            "conv2", torch::nn::Conv2d(convOptions(bnSize * growth, growth, 3, 1, 1, false)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return conv2(torch::relu(norm2(conv1(torch::relu(norm1(x))))));
    }
    torch::nn::BatchNorm2d norm1{nullptr}, norm2{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
};
TORCH_MODULE(DenseLayer);

// Each layer sees the concatenation of the block input and every earlier layer's output.
struct DenseBlockImpl : torch::nn::Module {
    DenseBlockImpl(int layers, std::int64_t in, std::int64_t growth, std::int64_t bnSize) {
        for (int i = 0; i < layers; ++i)
            m_layers.push_back(register_module("denselayer" + std::to_string(i + 1),
                                               DenseLayer(in + i * growth, growth, bnSize)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        std::vector<torch::Tensor> features{x};
        for (auto& layer : m_layers)
            features.push_back(layer(torch::cat(features, 1)));
        return torch::cat(features, 1);
    }
    std::vector<DenseLayer> m_layers;
};
TORCH_MODULE(DenseBlock);

struct TransitionImpl : torch::nn::Module {
    TransitionImpl(std::int64_t in, std::int64_t out) {
        norm = register_module("norm", torch::nn::BatchNorm2d(in));
        conv = register_module("conv", torch::nn::Conv2d(convOptions(in, out, 1, 1, 0, false)));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return torch::avg_pool2d(conv(torch::relu(norm(x))), 2, 2);
    }
    torch::nn::BatchNorm2d norm{nullptr};
    torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(Transition);

class DenseNetImpl : public FaceModel {
public:
    DenseNetImpl(const ModelOptions& options, std::int64_t growth, const std::vector<int>& blocks,
                 std::int64_t initFeatures, std::int64_t bnSize = 4) {
        using namespace torch::nn;
        m_features = register_module("features", Sequential());
        m_features->push_back("conv0", Conv2d(convOptions(3, initFeatures, 7, 2, 3, false)));
        m_features->push_back("norm0", BatchNorm2d(initFeatures));
        m_features->push_back("relu0", ReLU());
        m_features->push_back("pool0", MaxPool2d(MaxPool2dOptions(3).stride(2).padding(1)));
        std::int64_t channels = initFeatures;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const std::string index = std::to_string(i + 1);
            m_features->push_back("denseblock" + index,
                                  DenseBlock(blocks[i], channels, growth, bnSize));
            channels += blocks[i] * growth;
            if (i + 1 != blocks.size()) {
                m_features->push_back("transition" + index, Transition(channels, channels / 2));
                channels /= 2;
            }
        }
        m_features->push_back("norm5", BatchNorm2d(channels));
        m_channels = channels;
        if (options.numClasses > 0)
            m_classifier = register_module("classifier", Linear(channels, options.numClasses));

        // torchvision: kaiming_normal_ (fan_in) for convs, BatchNorm 1/0, classifier bias 0
        // with nn.Linear's default weight (Table 12, DenseNet-121 PyTorch). Caffe: Table 12,
        // DenseNet-121 (Caffe), sqrt(3/fan_in).
        InitPlan pytorch;
        pytorch.conv = {Filler::KaimingNormalFanIn, 0.0, false};
        pytorch.linear = {Filler::Keep, 0.0, true};
        applyInit(*this, standardPlan(options.init, pytorch));
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x = torch::relu(m_features->forward(images));
        ModelOutput out;
        out.embedding = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
        if (m_classifier)
            out.logits = m_classifier(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return m_channels; }

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Linear m_classifier{nullptr};
    std::int64_t m_channels = 0;
};

} // namespace

std::shared_ptr<FaceModel> makeDenseNet121(const ModelOptions& options) {
    return std::make_shared<DenseNetImpl>(options, 32, std::vector<int>{6, 12, 24, 16}, 64);
}

} // namespace fb
