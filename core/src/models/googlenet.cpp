// GoogLeNet / Inception-v1 (Szegedy et al. 2015), laid out as torchvision 0.14's
// torchvision/models/googlenet.py, names included (conv1.conv, inception3a.branch2.0.conv,
// aux1.conv.conv, aux1.fc1, fc). Like torchvision, and unlike the paper, each convolution is
// followed by BatchNorm and the "5x5" branch uses a 3x3 kernel (a known deviation of
// torchvision's layout from the paper, kept there and here for weight compatibility).
//
// Choices: transform_input is not implemented, i.e. this is torchvision's
// googlenet(transform_input=False), its default without pretrained weights (FaceBench's
// pre-processing normalises the input, seed Table 11). The auxiliary heads exist when
// ModelOptions::auxLogits and numClasses > 0, and only produce logits in training mode.
// Parameters at 10575 classes: 16,439,279 without, 42,448,013 with the auxiliary heads.
#include "models/basic_conv2d.h"

namespace fb {

namespace {

struct InceptionImpl : torch::nn::Module {
    InceptionImpl(std::int64_t in, std::int64_t ch1x1, std::int64_t ch3x3red, std::int64_t ch3x3,
                  std::int64_t ch5x5red, std::int64_t ch5x5, std::int64_t poolProj) {
        branch1 = register_module("branch1", BasicConv2d(in, ch1x1, 1));
        branch2 = register_module("branch2",
                                  torch::nn::Sequential(BasicConv2d(in, ch3x3red, 1),
                                                        BasicConv2d(ch3x3red, ch3x3, 3, 1, 1)));
        branch3 = register_module("branch3",
                                  torch::nn::Sequential(BasicConv2d(in, ch5x5red, 1),
                                                        BasicConv2d(ch5x5red, ch5x5, 3, 1, 1)));
        // branch4.0 is the (parameter-free) max-pool; the projection is branch4.1.
        auto branch4 = registerGroup(*this, "branch4");
        poolProj1 = branch4->register_module("1", BasicConv2d(in, poolProj, 1));
    }

    torch::Tensor forward(const torch::Tensor& x) {
        const torch::Tensor pooled = torch::max_pool2d(x, 3, 1, 1, 1, /*ceil_mode=*/true);
        return torch::cat({branch1(x), branch2->forward(x), branch3->forward(x), poolProj1(pooled)},
                          1);
    }

    BasicConv2d branch1{nullptr}, poolProj1{nullptr};
    torch::nn::Sequential branch2{nullptr}, branch3{nullptr};
};
TORCH_MODULE(Inception);

struct InceptionAuxImpl : torch::nn::Module {
    InceptionAuxImpl(std::int64_t in, std::int64_t numClasses) {
        conv = register_module("conv", BasicConv2d(in, 128, 1));
        fc1 = register_module("fc1", torch::nn::Linear(2048, 1024));
        fc2 = register_module("fc2", torch::nn::Linear(1024, numClasses));
    }

    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor y = conv(torch::adaptive_avg_pool2d(x, {4, 4})).flatten(1);
        y = torch::dropout(torch::relu(fc1(y)), 0.7, is_training());
        return fc2(y);
    }

    BasicConv2d conv{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(InceptionAux);

class GoogLeNetImpl : public FaceModel {
public:
    explicit GoogLeNetImpl(const ModelOptions& options) {
        m_conv1 = register_module("conv1", BasicConv2d(3, 64, 7, 2, 3));
        m_conv2 = register_module("conv2", BasicConv2d(64, 64, 1));
        m_conv3 = register_module("conv3", BasicConv2d(64, 192, 3, 1, 1));
        m_3a = register_module("inception3a", Inception(192, 64, 96, 128, 16, 32, 32));
        m_3b = register_module("inception3b", Inception(256, 128, 128, 192, 32, 96, 64));
        m_4a = register_module("inception4a", Inception(480, 192, 96, 208, 16, 48, 64));
        m_4b = register_module("inception4b", Inception(512, 160, 112, 224, 24, 64, 64));
        m_4c = register_module("inception4c", Inception(512, 128, 128, 256, 24, 64, 64));
        m_4d = register_module("inception4d", Inception(512, 112, 144, 288, 32, 64, 64));
        m_4e = register_module("inception4e", Inception(528, 256, 160, 320, 32, 128, 128));
        m_5a = register_module("inception5a", Inception(832, 256, 160, 320, 32, 128, 128));
        m_5b = register_module("inception5b", Inception(832, 384, 192, 384, 48, 128, 128));
        if (options.auxLogits && options.numClasses > 0) {
            m_aux1 = register_module("aux1", InceptionAux(512, options.numClasses));
            m_aux2 = register_module("aux2", InceptionAux(528, options.numClasses));
        }
        if (options.numClasses > 0)
            m_fc = register_module("fc", torch::nn::Linear(1024, options.numClasses));

        // torchvision (init_weights=True): trunc_normal_(std=0.01, a=-2, b=2) for conv and
        // linear weights, BatchNorm 1/0; linear biases keep nn.Linear's default.
        // Caffe: bvlc_googlenet's prototxt, xavier convolutions and classifiers, constant bias.
        InitPlan pytorch;
        pytorch.conv = {Filler::TruncNormal, 0.01, false};
        pytorch.linear = {Filler::TruncNormal, 0.01, false};
        applyInit(*this, standardPlan(options.init, pytorch));
    }

    ModelOutput forward(const torch::Tensor& images) override {
        auto pool = [](const torch::Tensor& x, int kernel) {
            return torch::max_pool2d(x, kernel, 2, 0, 1, /*ceil_mode=*/true);
        };
        const bool aux = m_aux1 && is_training();
        ModelOutput out;
        torch::Tensor x = pool(m_conv1(images), 3);
        x = pool(m_conv3(m_conv2(x)), 3);
        x = pool(m_3b(m_3a(x)), 3);
        x = m_4a(x);
        if (aux)
            out.auxLogits.push_back(m_aux1(x));
        x = m_4d(m_4c(m_4b(x)));
        if (aux)
            out.auxLogits.push_back(m_aux2(x));
        x = pool(m_4e(x), 2);
        x = m_5b(m_5a(x));
        out.embedding = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
        if (m_fc)
            out.logits = m_fc(torch::dropout(out.embedding, 0.2, is_training()));
        return out;
    }

    std::int64_t embeddingDim() const override { return 1024; }

private:
    BasicConv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr};
    Inception m_3a{nullptr}, m_3b{nullptr}, m_4a{nullptr}, m_4b{nullptr}, m_4c{nullptr},
        m_4d{nullptr}, m_4e{nullptr}, m_5a{nullptr}, m_5b{nullptr};
    InceptionAux m_aux1{nullptr}, m_aux2{nullptr};
    torch::nn::Linear m_fc{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeGoogLeNet(const ModelOptions& options) {
    return std::make_shared<GoogLeNetImpl>(options);
}

} // namespace fb
