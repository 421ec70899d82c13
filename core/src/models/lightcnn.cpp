// LightCNN (Wu, He, Sun and Tan 2018, "A light CNN for deep face representation with noisy
// labels"), as the authors' PyTorch code builds it (github.com/AlfredXiangWu/LightCNN,
// light_cnn.py: network_9layers and network_29layers) with its names (conv1.filter,
// block1.0.conv1.filter, group1.conv_a.filter, fc.filter, fc2). Input: 128x128 grayscale.
//
// Max-Feature-Map (MFM): a layer with 2n outputs split in two halves, element-wise maximum.
// The embedding is the 256-d output of the fc MFM (the authors' "fc" feature, before the
// dropout in front of fc2).
//
// Parameter counts at 10575 classes: lightcnn-29 15,291,055; lightcnn-9 8,198,639. Table 2's
// Caffe column gives 8.19M for "LightCNN-29": that is LightCNN-9's count, which the catalog
// records.
#include "models/model_zoo.h"

namespace fb {

namespace {

struct MfmImpl : torch::nn::Module {
    // Convolution MFM.
    MfmImpl(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
            std::int64_t padding)
        : m_out(out) {
        conv = register_module(
            "filter", torch::nn::Conv2d(convOptions(in, 2 * out, kernel, stride, padding)));
    }
    // Fully connected MFM (the authors' type=0).
    MfmImpl(std::int64_t in, std::int64_t out) : m_out(out) {
        linear = register_module("filter", torch::nn::Linear(in, 2 * out));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        const torch::Tensor y = conv ? conv(x) : linear(x);
        const auto halves = torch::split(y, m_out, 1);
        return torch::max(halves[0], halves[1]);
    }
    std::int64_t m_out;
    torch::nn::Conv2d conv{nullptr};
    torch::nn::Linear linear{nullptr};
};
TORCH_MODULE(Mfm);

// A 1x1 MFM followed by a kxk MFM (the authors' "group").
struct GroupImpl : torch::nn::Module {
    GroupImpl(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
              std::int64_t padding) {
        conv_a = register_module("conv_a", Mfm(in, in, 1, 1, 0));
        conv = register_module("conv", Mfm(in, out, kernel, stride, padding));
    }
    torch::Tensor forward(const torch::Tensor& x) { return conv(conv_a(x)); }
    Mfm conv_a{nullptr}, conv{nullptr};
};
TORCH_MODULE(Group);

// Two 3x3 MFMs with an identity shortcut (the authors' "resblock"; no activation after the sum).
struct ResBlockImpl : torch::nn::Module {
    explicit ResBlockImpl(std::int64_t channels) {
        conv1 = register_module("conv1", Mfm(channels, channels, 3, 1, 1));
        conv2 = register_module("conv2", Mfm(channels, channels, 3, 1, 1));
    }
    torch::Tensor forward(const torch::Tensor& x) { return conv2(conv1(x)) + x; }
    Mfm conv1{nullptr}, conv2{nullptr};
};
TORCH_MODULE(ResBlock);

class LightCnnImpl : public FaceModel {
public:
    // depth 29: residual blocks [1, 2, 3, 4] (network_29layers); depth 9: none (network_9layers).
    LightCnnImpl(const ModelOptions& options, int depth) {
        const int blocks[4] = {depth == 29 ? 1 : 0, depth == 29 ? 2 : 0, depth == 29 ? 3 : 0,
                               depth == 29 ? 4 : 0};
        const std::int64_t in[4] = {48, 96, 192, 128};
        const std::int64_t out[4] = {96, 192, 128, 128};
        m_conv1 = register_module("conv1", Mfm(1, 48, 5, 1, 2));
        for (int stage = 0; stage < 4; ++stage) {
            const std::string index = std::to_string(stage + 1);
            if (blocks[stage] > 0) {
                torch::nn::Sequential block;
                for (int i = 0; i < blocks[stage]; ++i)
                    block->push_back(ResBlock(in[stage]));
                m_blocks[stage] = register_module("block" + index, block);
            }
            m_groups[stage] =
                register_module("group" + index, Group(in[stage], out[stage], 3, 1, 1));
        }
        // 128x128 input, four 2x2 pools: 8x8x128 into the fc MFM.
        m_fc = register_module("fc", Mfm(8 * 8 * 128, 256));
        if (options.numClasses > 0)
            m_fc2 = register_module("fc2", torch::nn::Linear(256, options.numClasses));
        // The authors' code keeps PyTorch's defaults; Caffe/TensorFlow use the shared plans.
        applyStandardInit(*this, options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        auto pool = [](const torch::Tensor& x) { return torch::max_pool2d(x, 2, 2, 0, 1, true); };
        torch::Tensor x = pool(m_conv1(images));
        for (int stage = 0; stage < 4; ++stage) {
            if (m_blocks[stage])
                x = m_blocks[stage]->forward(x);
            x = m_groups[stage](x);
            if (stage != 2) // network_9layers/29layers: no pool between group3 and group4
                x = pool(x);
        }
        ModelOutput out;
        out.embedding = m_fc(x.flatten(1));
        if (m_fc2)
            out.logits = m_fc2(torch::dropout(out.embedding, 0.5, is_training()));
        return out;
    }

    std::int64_t embeddingDim() const override { return 256; }

private:
    Mfm m_conv1{nullptr}, m_fc{nullptr};
    torch::nn::Sequential m_blocks[4] = {
        torch::nn::Sequential{nullptr}, torch::nn::Sequential{nullptr},
        torch::nn::Sequential{nullptr}, torch::nn::Sequential{nullptr}};
    Group m_groups[4] = {Group{nullptr}, Group{nullptr}, Group{nullptr}, Group{nullptr}};
    torch::nn::Linear m_fc2{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeLightCnn(const ModelOptions& options, int depth) {
    return std::make_shared<LightCnnImpl>(options, depth);
}

} // namespace fb
