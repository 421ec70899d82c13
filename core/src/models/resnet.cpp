// ResNet-50 (He et al. 2016, "Deep residual learning"), laid out as torchvision 0.14's
// torchvision/models/resnet.py: the "v1.5" bottleneck that strides in its 3x3 convolution, and
// the same module names (conv1, bn1, layer1.0.conv1, layer1.0.downsample.0, fc), so a
// torchvision state_dict maps onto named_parameters() + named_buffers() one to one.
#include "models/model_zoo.h"

namespace fb {

namespace {

struct BottleneckImpl : torch::nn::Module {
    static constexpr std::int64_t kExpansion = 4;

    BottleneckImpl(std::int64_t inplanes, std::int64_t planes, std::int64_t stride) {
        const std::int64_t width = planes;
        conv1 = register_module("conv1",
                                torch::nn::Conv2d(convOptions(inplanes, width, 1, 1, 0, false)));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(width));
        conv2 = register_module("conv2",
                                torch::nn::Conv2d(convOptions(width, width, 3, stride, 1, false)));
        bn2 = register_module("bn2", torch::nn::BatchNorm2d(width));
        conv3 = register_module(
            "conv3", torch::nn::Conv2d(convOptions(width, planes * kExpansion, 1, 1, 0, false)));
        bn3 = register_module("bn3", torch::nn::BatchNorm2d(planes * kExpansion));
        if (stride != 1 || inplanes != planes * kExpansion) {
            downsample = register_module(
                "downsample",
                torch::nn::Sequential(torch::nn::Conv2d(convOptions(inplanes, planes * kExpansion,
                                                                    1, stride, 0, false)),
                                      torch::nn::BatchNorm2d(planes * kExpansion)));
        }
    }

    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = torch::relu(bn1(conv1(x)));
        out = torch::relu(bn2(conv2(out)));
        out = bn3(conv3(out));
        const torch::Tensor identity = downsample ? downsample->forward(x) : x;
        return torch::relu(out + identity);
    }

    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr}, bn3{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(Bottleneck);

class ResNetImpl : public FaceModel {
public:
    ResNetImpl(const std::vector<int>& layers, const ModelOptions& options) {
        m_conv1 = register_module("conv1", torch::nn::Conv2d(convOptions(3, 64, 7, 2, 3, false)));
        m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
        const std::int64_t planes[] = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; ++stage) {
            torch::nn::Sequential layer;
            for (int block = 0; block < layers[stage]; ++block) {
                const std::int64_t stride = (block == 0 && stage > 0) ? 2 : 1;
                layer->push_back(Bottleneck(m_inplanes, planes[stage], stride));
                m_inplanes = planes[stage] * BottleneckImpl::kExpansion;
            }
            m_layers.push_back(register_module("layer" + std::to_string(stage + 1), layer));
        }
        if (options.numClasses > 0)
            m_fc = register_module("fc", torch::nn::Linear(m_inplanes, options.numClasses));
        initialise(options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x = torch::relu(m_bn1(m_conv1(images)));
        x = torch::max_pool2d(x, 3, 2, 1);
        for (auto& layer : m_layers)
            x = layer->forward(x);
        ModelOutput out;
        out.embedding = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
        if (m_fc)
            out.logits = m_fc(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return m_inplanes; }

private:
    void initialise(InitStyle style) {
        InitPlan plan;
        switch (style) {
        case InitStyle::PyTorch:
            // torchvision: kaiming_normal_(mode="fan_out", nonlinearity="relu") for convs,
            // BatchNorm 1/0, the fc keeps nn.Linear's default (Table 12, ResNet-50 PyTorch).
            plan.conv = {Filler::KaimingNormalFanOut, 0.0, false};
            break;
        case InitStyle::Caffe:
            // Table 12, ResNet-50 (Caffe): msra on fan_out for the input layer, msra (fan_in)
            // elsewhere, gaussian std 0.01 for the fc.
            plan.conv = {Filler::KaimingNormalFanIn, 0.0, true};
            plan.firstConvDiffers = true;
            plan.firstConv = {Filler::KaimingNormalFanOut, 0.0, true};
            plan.linear = {Filler::Normal, 0.01, true};
            break;
        case InitStyle::TensorFlow:
            plan = tensorflowPlan();
            break;
        }
        applyInit(*this, plan);
    }

    std::int64_t m_inplanes = 64;
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr};
    std::vector<torch::nn::Sequential> m_layers;
    torch::nn::Linear m_fc{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeResNet50(const ModelOptions& options) {
    return std::make_shared<ResNetImpl>(std::vector<int>{3, 4, 6, 3}, options);
}

} // namespace fb
