// VGG-16 (Simonyan and Zisserman 2015, configuration "D"), with and without batch
// normalisation, laid out as torchvision 0.14's torchvision/models/vgg.py: features.N (conv,
// [bn,] relu per layer, max-pool per "M"), a 7x7 adaptive average pool, classifier.0/3/6.
#include "models/model_zoo.h"

namespace fb {

namespace {

class VggImpl : public FaceModel {
public:
    VggImpl(const ModelOptions& options, bool batchNorm) {
        using namespace torch::nn;
        static const int kConfigD[] = {64, 64,  -1,  128, 128, -1,  256, 256, 256,
                                       -1, 512, 512, 512, -1,  512, 512, 512, -1};
        Sequential features;
        std::int64_t in = 3;
        for (int width : kConfigD) {
            if (width < 0) {
                features->push_back(MaxPool2d(MaxPool2dOptions(2).stride(2)));
                continue;
            }
            features->push_back(Conv2d(convOptions(in, width, 3, 1, 1)));
            if (batchNorm)
                features->push_back(BatchNorm2d(width));
            features->push_back(ReLU());
            in = width;
        }
        m_features = register_module("features", features);
        // classifier: 0 Linear, 1 ReLU, 2 Dropout, 3 Linear, 4 ReLU, 5 Dropout, 6 Linear.
        auto classifier = registerGroup(*this, "classifier");
        m_fc1 = classifier->register_module("0", Linear(512 * 7 * 7, 4096));
        m_fc2 = classifier->register_module("3", Linear(4096, 4096));
        if (options.numClasses > 0)
            m_fc3 = classifier->register_module("6", Linear(4096, options.numClasses));

        // torchvision: kaiming_normal_(fan_out, relu) + zero bias for convs, BatchNorm 1/0,
        // normal(0, 0.01) + zero bias for the fc layers. Caffe: Table 12, VGG-16 (Caffe), xavier
        // sqrt(3/fan_in).
        InitPlan pytorch;
        pytorch.conv = {Filler::KaimingNormalFanOut, 0.0, true};
        pytorch.linear = {Filler::Normal, 0.01, true};
        applyInit(*this, standardPlan(options.init, pytorch));
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x =
            torch::adaptive_avg_pool2d(m_features->forward(images), {7, 7}).flatten(1);
        x = torch::dropout(torch::relu(m_fc1(x)), 0.5, is_training());
        ModelOutput out;
        out.embedding = torch::relu(m_fc2(x));
        if (m_fc3)
            out.logits = m_fc3(torch::dropout(out.embedding, 0.5, is_training()));
        return out;
    }

    std::int64_t embeddingDim() const override { return 4096; }

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr}, m_fc3{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeVgg16(const ModelOptions& options, bool batchNorm) {
    return std::make_shared<VggImpl>(options, batchNorm);
}

} // namespace fb
