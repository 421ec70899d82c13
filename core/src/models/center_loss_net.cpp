// The face network trained with the center loss (Wen, Zhang, Li and Qiao 2016, "A
// discriminative feature learning approach for deep face recognition"), as the authors'
// caffe-face repository builds it (face_example/face_train_test.prototxt): 112x96 input,
// unpadded 3x3 convolutions between stages (conv1a 32, conv1b 64, conv2 128, conv3 256,
// conv4 512, each followed by a 2x2 max-pool), residual units of two padded 3x3 convolutions
// (1, 2, 5 and 3 units at 64, 128, 256 and 512 channels), PReLU after every convolution,
// fc5 (5x4x512 -> 512) the feature, fc6 the classifier. Names follow the prototxt.
// At 10575 classes: 32,968,047 parameters; Table 2's Caffe column says 32.95M.
#include "models/model_zoo.h"

namespace fb {

namespace {

class CenterLossNetImpl : public FaceModel {
public:
    explicit CenterLossNetImpl(const ModelOptions& options) {
        addConv("conv1a", 3, 32, 0);
        addConv("conv1b", 32, 64, 0);
        const int units[4] = {1, 2, 5, 3};
        const std::int64_t width[4] = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; ++stage) {
            const std::string s = std::to_string(stage + 2);
            for (int unit = 0; unit < units[stage]; ++unit) {
                addConv("conv" + s + "_" + std::to_string(2 * unit + 1), width[stage], width[stage],
                        1);
                addConv("conv" + s + "_" + std::to_string(2 * unit + 2), width[stage], width[stage],
                        1);
            }
            m_plan.push_back({units[stage], width[stage]});
            if (stage < 3)
                addConv("conv" + s, width[stage], width[stage + 1], 0);
        }
        m_fc5 = register_module("fc5", torch::nn::Linear(512 * 5 * 4, 512));
        if (options.numClasses > 0)
            m_fc6 = register_module("fc6", torch::nn::Linear(512, options.numClasses));
        // caffe-face: xavier for the stage convolutions and fc layers, gaussian 0.01 for the
        // residual ones, bias 0. "caffe" uses the shared xavier plan; "pytorch" nn defaults.
        applyStandardInit(*this, options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        std::size_t next = 0;
        auto conv = [&](const torch::Tensor& x) {
            const std::size_t i = next++;
            return m_prelus[i](m_convs[i](x));
        };
        auto pool = [](const torch::Tensor& x) { return torch::max_pool2d(x, 2, 2); };
        torch::Tensor x = pool(conv(conv(images)));
        for (std::size_t stage = 0; stage < m_plan.size(); ++stage) {
            for (int unit = 0; unit < m_plan[stage].first; ++unit)
                x = x + conv(conv(x));
            if (stage + 1 < m_plan.size())
                x = pool(conv(x));
        }
        ModelOutput out;
        out.embedding = m_fc5(x.flatten(1));
        if (m_fc6)
            out.logits = m_fc6(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return 512; }

private:
    void addConv(const std::string& name, std::int64_t in, std::int64_t out, std::int64_t padding) {
        m_convs.push_back(
            register_module(name, torch::nn::Conv2d(convOptions(in, out, 3, 1, padding))));
        // Caffe's PReLU layers are named after the relu: relu1a for conv1a, relu2_1 for conv2_1.
        m_prelus.push_back(
            register_module("relu" + name.substr(4),
                            torch::nn::PReLU(torch::nn::PReLUOptions().num_parameters(out))));
    }

    std::vector<torch::nn::Conv2d> m_convs;
    std::vector<torch::nn::PReLU> m_prelus;
    std::vector<std::pair<int, std::int64_t>> m_plan; // residual units and width per stage
    torch::nn::Linear m_fc5{nullptr}, m_fc6{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeCenterLossNet(const ModelOptions& options) {
    return std::make_shared<CenterLossNetImpl>(options);
}

} // namespace fb
