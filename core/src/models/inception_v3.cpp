// Inception-v3 (Szegedy et al. 2016, "Rethinking the Inception architecture"), laid out as
// torchvision 0.14's torchvision/models/inception.py with its names (Conv2d_1a_3x3.conv,
// Mixed_5b.branch1x1.conv, AuxLogits.conv0, fc). 299x299 input.
//
// Choices: transform_input is not implemented, i.e. torchvision's
// inception_v3(transform_input=False), its default without pretrained weights. The auxiliary
// head exists when ModelOptions::auxLogits and numClasses > 0 and yields logits in training
// mode only. Parameters at 10575 classes: 43,453,743 without, 54,143,614 with the head.
#include "models/basic_conv2d.h"

namespace fb {

namespace {

using Pad = torch::ExpandingArray<2>;

torch::Tensor avgPool3(const torch::Tensor& x) {
    return torch::avg_pool2d(x, 3, 1, 1); // count_include_pad=True, as torchvision's F.avg_pool2d
}

struct InceptionAImpl : torch::nn::Module {
    InceptionAImpl(std::int64_t in, std::int64_t poolFeatures) {
        branch1x1 = register_module("branch1x1", BasicConv2d(in, 64, 1));
        branch5x5_1 = register_module("branch5x5_1", BasicConv2d(in, 48, 1));
        branch5x5_2 = register_module("branch5x5_2", BasicConv2d(48, 64, 5, 1, 2));
        branch3x3dbl_1 = register_module("branch3x3dbl_1", BasicConv2d(in, 64, 1));
        branch3x3dbl_2 = register_module("branch3x3dbl_2", BasicConv2d(64, 96, 3, 1, 1));
        branch3x3dbl_3 = register_module("branch3x3dbl_3", BasicConv2d(96, 96, 3, 1, 1));
        branch_pool = register_module("branch_pool", BasicConv2d(in, poolFeatures, 1));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return torch::cat({branch1x1(x), branch5x5_2(branch5x5_1(x)),
                           branch3x3dbl_3(branch3x3dbl_2(branch3x3dbl_1(x))),
                           branch_pool(avgPool3(x))},
                          1);
    }
    BasicConv2d branch1x1{nullptr}, branch5x5_1{nullptr}, branch5x5_2{nullptr},
        branch3x3dbl_1{nullptr}, branch3x3dbl_2{nullptr}, branch3x3dbl_3{nullptr},
        branch_pool{nullptr};
};
TORCH_MODULE(InceptionA);

struct InceptionBImpl : torch::nn::Module {
    explicit InceptionBImpl(std::int64_t in) {
        branch3x3 = register_module("branch3x3", BasicConv2d(in, 384, 3, 2));
        branch3x3dbl_1 = register_module("branch3x3dbl_1", BasicConv2d(in, 64, 1));
        branch3x3dbl_2 = register_module("branch3x3dbl_2", BasicConv2d(64, 96, 3, 1, 1));
        branch3x3dbl_3 = register_module("branch3x3dbl_3", BasicConv2d(96, 96, 3, 2));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return torch::cat({branch3x3(x), branch3x3dbl_3(branch3x3dbl_2(branch3x3dbl_1(x))),
                           torch::max_pool2d(x, 3, 2)},
                          1);
    }
    BasicConv2d branch3x3{nullptr}, branch3x3dbl_1{nullptr}, branch3x3dbl_2{nullptr},
        branch3x3dbl_3{nullptr};
};
TORCH_MODULE(InceptionB);

struct InceptionCImpl : torch::nn::Module {
    InceptionCImpl(std::int64_t in, std::int64_t c7) {
        branch1x1 = register_module("branch1x1", BasicConv2d(in, 192, 1));
        branch7x7_1 = register_module("branch7x7_1", BasicConv2d(in, c7, 1));
        branch7x7_2 =
            register_module("branch7x7_2", BasicConv2d(c7, c7, Pad({1, 7}), 1, Pad({0, 3})));
        branch7x7_3 =
            register_module("branch7x7_3", BasicConv2d(c7, 192, Pad({7, 1}), 1, Pad({3, 0})));
        branch7x7dbl_1 = register_module("branch7x7dbl_1", BasicConv2d(in, c7, 1));
        branch7x7dbl_2 =
            register_module("branch7x7dbl_2", BasicConv2d(c7, c7, Pad({7, 1}), 1, Pad({3, 0})));
        branch7x7dbl_3 =
            register_module("branch7x7dbl_3", BasicConv2d(c7, c7, Pad({1, 7}), 1, Pad({0, 3})));
        branch7x7dbl_4 =
            register_module("branch7x7dbl_4", BasicConv2d(c7, c7, Pad({7, 1}), 1, Pad({3, 0})));
        branch7x7dbl_5 =
            register_module("branch7x7dbl_5", BasicConv2d(c7, 192, Pad({1, 7}), 1, Pad({0, 3})));
        branch_pool = register_module("branch_pool", BasicConv2d(in, 192, 1));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor b7 = branch7x7_3(branch7x7_2(branch7x7_1(x)));
        torch::Tensor dbl = branch7x7dbl_3(branch7x7dbl_2(branch7x7dbl_1(x)));
        dbl = branch7x7dbl_5(branch7x7dbl_4(dbl));
        return torch::cat({branch1x1(x), b7, dbl, branch_pool(avgPool3(x))}, 1);
    }
    BasicConv2d branch1x1{nullptr}, branch7x7_1{nullptr}, branch7x7_2{nullptr},
        branch7x7_3{nullptr}, branch7x7dbl_1{nullptr}, branch7x7dbl_2{nullptr},
        branch7x7dbl_3{nullptr}, branch7x7dbl_4{nullptr}, branch7x7dbl_5{nullptr},
        branch_pool{nullptr};
};
TORCH_MODULE(InceptionC);

struct InceptionDImpl : torch::nn::Module {
    explicit InceptionDImpl(std::int64_t in) {
        branch3x3_1 = register_module("branch3x3_1", BasicConv2d(in, 192, 1));
        branch3x3_2 = register_module("branch3x3_2", BasicConv2d(192, 320, 3, 2));
        branch7x7x3_1 = register_module("branch7x7x3_1", BasicConv2d(in, 192, 1));
        branch7x7x3_2 =
            register_module("branch7x7x3_2", BasicConv2d(192, 192, Pad({1, 7}), 1, Pad({0, 3})));
        branch7x7x3_3 =
            register_module("branch7x7x3_3", BasicConv2d(192, 192, Pad({7, 1}), 1, Pad({3, 0})));
        branch7x7x3_4 = register_module("branch7x7x3_4", BasicConv2d(192, 192, 3, 2));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor b7 = branch7x7x3_4(branch7x7x3_3(branch7x7x3_2(branch7x7x3_1(x))));
        return torch::cat({branch3x3_2(branch3x3_1(x)), b7, torch::max_pool2d(x, 3, 2)}, 1);
    }
    BasicConv2d branch3x3_1{nullptr}, branch3x3_2{nullptr}, branch7x7x3_1{nullptr},
        branch7x7x3_2{nullptr}, branch7x7x3_3{nullptr}, branch7x7x3_4{nullptr};
};
TORCH_MODULE(InceptionD);

struct InceptionEImpl : torch::nn::Module {
    explicit InceptionEImpl(std::int64_t in) {
        branch1x1 = register_module("branch1x1", BasicConv2d(in, 320, 1));
        branch3x3_1 = register_module("branch3x3_1", BasicConv2d(in, 384, 1));
        branch3x3_2a =
            register_module("branch3x3_2a", BasicConv2d(384, 384, Pad({1, 3}), 1, Pad({0, 1})));
        branch3x3_2b =
            register_module("branch3x3_2b", BasicConv2d(384, 384, Pad({3, 1}), 1, Pad({1, 0})));
        branch3x3dbl_1 = register_module("branch3x3dbl_1", BasicConv2d(in, 448, 1));
        branch3x3dbl_2 = register_module("branch3x3dbl_2", BasicConv2d(448, 384, 3, 1, 1));
        branch3x3dbl_3a =
            register_module("branch3x3dbl_3a", BasicConv2d(384, 384, Pad({1, 3}), 1, Pad({0, 1})));
        branch3x3dbl_3b =
            register_module("branch3x3dbl_3b", BasicConv2d(384, 384, Pad({3, 1}), 1, Pad({1, 0})));
        branch_pool = register_module("branch_pool", BasicConv2d(in, 192, 1));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        const torch::Tensor b3 = branch3x3_1(x);
        const torch::Tensor dbl = branch3x3dbl_2(branch3x3dbl_1(x));
        return torch::cat({branch1x1(x), torch::cat({branch3x3_2a(b3), branch3x3_2b(b3)}, 1),
                           torch::cat({branch3x3dbl_3a(dbl), branch3x3dbl_3b(dbl)}, 1),
                           branch_pool(avgPool3(x))},
                          1);
    }
    BasicConv2d branch1x1{nullptr}, branch3x3_1{nullptr}, branch3x3_2a{nullptr},
        branch3x3_2b{nullptr}, branch3x3dbl_1{nullptr}, branch3x3dbl_2{nullptr},
        branch3x3dbl_3a{nullptr}, branch3x3dbl_3b{nullptr}, branch_pool{nullptr};
};
TORCH_MODULE(InceptionE);

struct InceptionAuxImpl : torch::nn::Module {
    InceptionAuxImpl(std::int64_t in, std::int64_t numClasses) {
        conv0 = register_module("conv0", BasicConv2d(in, 128, 1));
        conv1 = register_module("conv1", BasicConv2d(128, 768, 5));
        fc = register_module("fc", torch::nn::Linear(768, numClasses));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor y = conv1(conv0(torch::avg_pool2d(x, 5, 3)));
        return fc(torch::adaptive_avg_pool2d(y, {1, 1}).flatten(1));
    }
    BasicConv2d conv0{nullptr}, conv1{nullptr};
    torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(InceptionAux);

class InceptionV3Impl : public FaceModel {
public:
    explicit InceptionV3Impl(const ModelOptions& options) {
        m_1a = register_module("Conv2d_1a_3x3", BasicConv2d(3, 32, 3, 2));
        m_2a = register_module("Conv2d_2a_3x3", BasicConv2d(32, 32, 3));
        m_2b = register_module("Conv2d_2b_3x3", BasicConv2d(32, 64, 3, 1, 1));
        m_3b = register_module("Conv2d_3b_1x1", BasicConv2d(64, 80, 1));
        m_4a = register_module("Conv2d_4a_3x3", BasicConv2d(80, 192, 3));
        m_5b = register_module("Mixed_5b", InceptionA(192, 32));
        m_5c = register_module("Mixed_5c", InceptionA(256, 64));
        m_5d = register_module("Mixed_5d", InceptionA(288, 64));
        m_6a = register_module("Mixed_6a", InceptionB(288));
        m_6b = register_module("Mixed_6b", InceptionC(768, 128));
        m_6c = register_module("Mixed_6c", InceptionC(768, 160));
        m_6d = register_module("Mixed_6d", InceptionC(768, 160));
        m_6e = register_module("Mixed_6e", InceptionC(768, 192));
        if (options.auxLogits && options.numClasses > 0)
            m_aux = register_module("AuxLogits", InceptionAux(768, options.numClasses));
        m_7a = register_module("Mixed_7a", InceptionD(768));
        m_7b = register_module("Mixed_7b", InceptionE(1280));
        m_7c = register_module("Mixed_7c", InceptionE(2048));
        if (options.numClasses > 0)
            m_fc = register_module("fc", torch::nn::Linear(2048, options.numClasses));

        InitPlan plan;
        switch (options.init) {
        case InitStyle::PyTorch:
            // torchvision (init_weights=True): trunc_normal_(std = m.stddev or 0.1, a=-2, b=2)
            // for conv and linear weights; AuxLogits.conv1 has stddev 0.01, AuxLogits.fc 0.001.
            plan.conv = {Filler::TruncNormal, 0.1, false};
            plan.linear = {Filler::TruncNormal, 0.1, false};
            plan.overrides["AuxLogits.conv1.conv"] = {Filler::TruncNormal, 0.01, false};
            plan.overrides["AuxLogits.fc"] = {Filler::TruncNormal, 0.001, false};
            break;
        case InitStyle::Caffe:
            // Table 12, Inception-v3 (Caffe): N(0, sqrt(2/(fan_in + fan_out))) for both.
            plan.conv = {Filler::XavierNormalAvg, 0.0, true};
            plan.linear = {Filler::XavierNormalAvg, 0.0, true};
            break;
        case InitStyle::TensorFlow:
            plan = tensorflowPlan();
            break;
        }
        applyInit(*this, plan);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        ModelOutput out;
        torch::Tensor x = m_2b(m_2a(m_1a(images)));
        x = torch::max_pool2d(x, 3, 2);
        x = torch::max_pool2d(m_4a(m_3b(x)), 3, 2);
        x = m_6a(m_5d(m_5c(m_5b(x))));
        x = m_6e(m_6d(m_6c(m_6b(x))));
        if (m_aux && is_training())
            out.auxLogits.push_back(m_aux(x));
        x = m_7c(m_7b(m_7a(x)));
        out.embedding = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
        if (m_fc)
            out.logits = m_fc(torch::dropout(out.embedding, 0.5, is_training()));
        return out;
    }

    std::int64_t embeddingDim() const override { return 2048; }

private:
    BasicConv2d m_1a{nullptr}, m_2a{nullptr}, m_2b{nullptr}, m_3b{nullptr}, m_4a{nullptr};
    InceptionA m_5b{nullptr}, m_5c{nullptr}, m_5d{nullptr};
    InceptionB m_6a{nullptr};
    InceptionC m_6b{nullptr}, m_6c{nullptr}, m_6d{nullptr}, m_6e{nullptr};
    InceptionAux m_aux{nullptr};
    InceptionD m_7a{nullptr};
    InceptionE m_7b{nullptr}, m_7c{nullptr};
    torch::nn::Linear m_fc{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeInceptionV3(const ModelOptions& options) {
    return std::make_shared<InceptionV3Impl>(options);
}

} // namespace fb
