// SphereFace backbones (Liu et al. 2017, "SphereFace: deep hypersphere embedding for face
// recognition", Table 2 of that paper): four stages, each a stride-2 3x3 convolution then
// residual units of two 3x3 convolutions, PReLU after every convolution, no BatchNorm, on
// 112x96 crops; fc5 (7x6x512 -> 512) is the feature. Units per stage: 20 layers [1, 2, 4, 1],
// 36 layers [2, 4, 8, 2], 64 layers [3, 8, 16, 3]. Names follow the authors' PyTorch port
// (clcarwin/sphereface_pytorch, net_sphere.py: conv1_1, relu1_1, ..., fc5, fc6); fc6 is a
// bias-free linear layer as the A-Softmax weight is (the margin itself is a head).
//
// Parameters at 10575 classes: sphereface-20 28,085,056, -36 38,193,216, -64 53,614,912.
// Table 2's Caffe column says 68.45M for SphereFace: none of the published depths gives it
// (the closest, 64 layers, is 22% lower), so no test holds these to it.
#include "models/model_zoo.h"

namespace fb {

namespace {

class SphereFaceImpl : public FaceModel {
public:
    SphereFaceImpl(const ModelOptions& options, int depth) {
        std::vector<int> units = {1, 2, 4, 1};
        if (depth == 36)
            units = {2, 4, 8, 2};
        else if (depth == 64)
            units = {3, 8, 16, 3};
        const std::int64_t width[4] = {64, 128, 256, 512};
        std::int64_t in = 3;
        for (int stage = 0; stage < 4; ++stage) {
            const std::string s = std::to_string(stage + 1);
            addConv(s + "_1", in, width[stage], 2);
            for (int i = 0; i < 2 * units[stage]; ++i)
                addConv(s + "_" + std::to_string(i + 2), width[stage], width[stage], 1);
            m_units.push_back(units[stage]);
            in = width[stage];
        }
        m_fc5 = register_module("fc5", torch::nn::Linear(512 * 7 * 6, 512));
        if (options.numClasses > 0)
            m_fc6 = register_module(
                "fc6",
                torch::nn::Linear(torch::nn::LinearOptions(512, options.numClasses).bias(false)));
        // The authors' prototxt: xavier for the stride-2 convolutions and fc5, gaussian 0.01
        // for residual ones; "caffe" uses the shared xavier plan, "pytorch" nn defaults.
        applyStandardInit(*this, options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        std::size_t next = 0;
        auto conv = [&](const torch::Tensor& x) {
            const std::size_t i = next++;
            return m_prelus[i](m_convs[i](x));
        };
        torch::Tensor x = images;
        for (int units : m_units) {
            x = conv(x);
            for (int unit = 0; unit < units; ++unit)
                x = x + conv(conv(x));
        }
        ModelOutput out;
        out.embedding = m_fc5(x.flatten(1));
        if (m_fc6)
            out.logits = m_fc6(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return 512; }

private:
    void addConv(const std::string& suffix, std::int64_t in, std::int64_t out,
                 std::int64_t stride) {
        m_convs.push_back(register_module("conv" + suffix,
                                          torch::nn::Conv2d(convOptions(in, out, 3, stride, 1))));
        m_prelus.push_back(register_module(
            "relu" + suffix, torch::nn::PReLU(torch::nn::PReLUOptions().num_parameters(out))));
    }

    std::vector<torch::nn::Conv2d> m_convs;
    std::vector<torch::nn::PReLU> m_prelus;
    std::vector<int> m_units;
    torch::nn::Linear m_fc5{nullptr}, m_fc6{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeSphereFace(const ModelOptions& options, int depth) {
    return std::make_shared<SphereFaceImpl>(options, depth);
}

} // namespace fb
