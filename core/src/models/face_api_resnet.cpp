// face-api's FaceRecognitionNet: the ResNet-34-like metric network of dlib's face recogniser
// (dlib_face_recognition_resnet_model_v1), as @vladmandic/face-api 1.7.15 runs it in
// src/faceRecognitionNet/ (FaceRecognitionNet.ts, convLayer.ts, residualLayer.ts). 150x150 RGB
// input, 128-d descriptor.
//
// Every convolution has a bias and is followed by a per-channel affine "scale" layer (dlib's
// affine layers: its batch normalisations frozen), then ReLU except in a block's second
// convolution. The stem: 7x7 stride 2 VALID convolution with 32 filters, 3x3 stride 2 VALID max
// pooling. FaceApiResidual blocks: conv-ReLU-conv, add the input, ReLU. Down-sampling blocks: the
// first convolution 3x3 stride 2 VALID; the shortcut is a 2x2 stride 2 average pooling of the
// input, zero-padded in channels; when the convolution's map is one smaller than the pooled one, it
// gets a zero row at the bottom and a zero column at the right. Stages 32 x3, 64 down + 3,
// 128 down + 2, 256 down + 2, then one more 256 down-sampling block; the mean over the map and
// a bias-free fully connected layer 256 -> 128.
//
// Names are face-api's weight names with '/' as '.' (conv32_1.conv1.conv.filters is
// conv32_1.conv1.conv.weight, scale.weights is scale.weight, scale.biases is scale.bias), so
// weights/face_api_import.cpp maps the manifest one to one.
#include "models/model_zoo.h"

namespace fb {

namespace {

// y = x * weight + bias per channel (face-api's scaleLayer.ts).
struct ChannelScaleImpl : torch::nn::Module {
    explicit ChannelScaleImpl(std::int64_t channels) {
        weight = register_parameter("weight", torch::ones({channels}));
        bias = register_parameter("bias", torch::zeros({channels}));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return x * weight.view({1, -1, 1, 1}) + bias.view({1, -1, 1, 1});
    }
    torch::Tensor weight, bias;
};
TORCH_MODULE(ChannelScale);

// convLayer.ts: convolution with bias, scale, optional ReLU. Stride 1 pads SAME (1 for 3x3),
// stride 2 is VALID.
struct ScaledConvImpl : torch::nn::Module {
    ScaledConvImpl(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
                   bool relu)
        : m_relu(relu) {
        const std::int64_t padding = stride == 1 ? (kernel - 1) / 2 : 0;
        conv = register_module("conv",
                               torch::nn::Conv2d(convOptions(in, out, kernel, stride, padding)));
        scale = register_module("scale", ChannelScale(out));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = scale(conv(x));
        return m_relu ? torch::relu(out) : out;
    }
    torch::nn::Conv2d conv{nullptr};
    ChannelScale scale{nullptr};

private:
    bool m_relu;
};
TORCH_MODULE(ScaledConv);

// residualLayer.ts: residual (stride 1) and residualDown (stride 2).
struct FaceApiResidualImpl : torch::nn::Module {
    FaceApiResidualImpl(std::int64_t in, std::int64_t out, bool down) : m_down(down) {
        conv1 = register_module("conv1", ScaledConv(in, out, 3, down ? 2 : 1, true));
        conv2 = register_module("conv2", ScaledConv(out, out, 3, 1, false));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = conv2(conv1(x));
        if (!m_down)
            return torch::relu(out + x);
        torch::Tensor pooled = torch::avg_pool2d(x, 2, 2);
        // The VALID 3x3 stride-2 convolution of an even map is one smaller than the pooling.
        const std::int64_t padRows = pooled.size(2) - out.size(2);
        const std::int64_t padCols = pooled.size(3) - out.size(3);
        if (padRows != 0 || padCols != 0)
            out = torch::constant_pad_nd(out, {0, padCols, 0, padRows}, 0.0);
        const std::int64_t extraChannels = out.size(1) - pooled.size(1);
        if (extraChannels > 0)
            pooled = torch::constant_pad_nd(pooled, {0, 0, 0, 0, 0, extraChannels}, 0.0);
        return torch::relu(out + pooled);
    }
    ScaledConv conv1{nullptr}, conv2{nullptr};

private:
    bool m_down;
};
TORCH_MODULE(FaceApiResidual);

class FaceApiResNetImpl : public FaceModel {
public:
    explicit FaceApiResNetImpl(const ModelOptions& options) {
        m_stem = register_module("conv32_down", ScaledConv(3, 32, 7, 2, true));
        struct Block {
            const char* name;
            std::int64_t in, out;
            bool down;
        };
        const Block blocks[] = {
            {"conv32_1", 32, 32, false},      {"conv32_2", 32, 32, false},
            {"conv32_3", 32, 32, false},      {"conv64_down", 32, 64, true},
            {"conv64_1", 64, 64, false},      {"conv64_2", 64, 64, false},
            {"conv64_3", 64, 64, false},      {"conv128_down", 64, 128, true},
            {"conv128_1", 128, 128, false},   {"conv128_2", 128, 128, false},
            {"conv256_down", 128, 256, true}, {"conv256_1", 256, 256, false},
            {"conv256_2", 256, 256, false},   {"conv256_down_out", 256, 256, true},
        };
        for (const Block& block : blocks)
            m_blocks.push_back(
                register_module(block.name, FaceApiResidual(block.in, block.out, block.down)));
        m_fc = register_module(
            "fc", torch::nn::Linear(torch::nn::LinearOptions(256, kEmbedding).bias(false)));
        if (options.numClasses > 0)
            m_classifier =
                register_module("classifier", torch::nn::Linear(kEmbedding, options.numClasses));
        // The framework's standard fillers (PyTorch's nn defaults for the pytorch style).
        applyStandardInit(*this, options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x = torch::max_pool2d(m_stem(images), 3, 2);
        for (auto& block : m_blocks)
            x = block(x);
        ModelOutput out;
        out.embedding = m_fc(x.mean({2, 3}));
        if (m_classifier)
            out.logits = m_classifier(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return kEmbedding; }

private:
    static constexpr std::int64_t kEmbedding = 128;
    ScaledConv m_stem{nullptr};
    std::vector<FaceApiResidual> m_blocks;
    torch::nn::Linear m_fc{nullptr}, m_classifier{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeFaceApiResNet(const ModelOptions& options) {
    return std::make_shared<FaceApiResNetImpl>(options);
}

} // namespace fb
