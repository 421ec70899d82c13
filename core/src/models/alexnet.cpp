// AlexNet in its two forms of Table 2 of the seed.
//
// alexnet-v1: the original network (Krizhevsky, Sutskever and Hinton 2012) as Caffe's
// models/bvlc_alexnet/train_val.prototxt builds it: 227x227 input, 96-256-384-384-256 filters,
// conv2/conv4/conv5 in two groups (the two-GPU split), local response normalisation after
// conv1 and conv2 (ReLU -> LRN -> pool, bvlc_alexnet's order; CaffeNet swaps LRN and pool).
// Layers carry the prototxt's names (conv1 ... fc8) since Caffe is where this model lives.
// At 10575 classes it has 100,193,999 parameters, Table 2's Caffe column says 100.17M.
//
// alexnet-v2: torchvision 0.14's torchvision/models/alexnet.py (from "One weird trick",
// Krizhevsky 2014): 64-192-384-256-256 filters, no groups, no LRN, names features.N and
// classifier.N.
#include "models/model_zoo.h"

namespace fb {

namespace {

class AlexNetV1Impl : public FaceModel {
public:
    explicit AlexNetV1Impl(const ModelOptions& options) {
        m_conv1 = register_module("conv1", torch::nn::Conv2d(convOptions(3, 96, 11, 4, 0)));
        m_conv2 =
            register_module("conv2", torch::nn::Conv2d(convOptions(96, 256, 5, 1, 2, true, 2)));
        m_conv3 = register_module("conv3", torch::nn::Conv2d(convOptions(256, 384, 3, 1, 1)));
        m_conv4 =
            register_module("conv4", torch::nn::Conv2d(convOptions(384, 384, 3, 1, 1, true, 2)));
        m_conv5 =
            register_module("conv5", torch::nn::Conv2d(convOptions(384, 256, 3, 1, 1, true, 2)));
        // Caffe LRN: local_size 5, alpha 1e-4, beta 0.75, k 1; both Caffe and torch divide
        // alpha by local_size.
        m_norm = register_module(
            "norm", torch::nn::LocalResponseNorm(
                        torch::nn::LocalResponseNormOptions(5).alpha(1e-4).beta(0.75).k(1.0)));
        m_fc6 = register_module("fc6", torch::nn::Linear(256 * 6 * 6, 4096));
        m_fc7 = register_module("fc7", torch::nn::Linear(4096, 4096));
        if (options.numClasses > 0)
            m_fc8 = register_module("fc8", torch::nn::Linear(4096, options.numClasses));
        // Table 12 has no AlexNet row; bvlc_alexnet draws gaussian 0.01 (conv, fc6/7 0.005)
        // but the seed's style switch is per framework, so the shared plans apply.
        applyStandardInit(*this, options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x = torch::max_pool2d(m_norm(torch::relu(m_conv1(images))), 3, 2);
        x = torch::max_pool2d(m_norm(torch::relu(m_conv2(x))), 3, 2);
        x = torch::relu(m_conv3(x));
        x = torch::relu(m_conv4(x));
        x = torch::max_pool2d(torch::relu(m_conv5(x)), 3, 2);
        // A 227x227 input gives 6x6 here; other sizes are pooled to it like torchvision does.
        x = torch::adaptive_avg_pool2d(x, {6, 6}).flatten(1);
        x = torch::dropout(torch::relu(m_fc6(x)), 0.5, is_training());
        ModelOutput out;
        out.embedding = torch::relu(m_fc7(x));
        if (m_fc8)
            out.logits = m_fc8(torch::dropout(out.embedding, 0.5, is_training()));
        return out;
    }

    std::int64_t embeddingDim() const override { return 4096; }

private:
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr}, m_conv4{nullptr},
        m_conv5{nullptr};
    torch::nn::LocalResponseNorm m_norm{nullptr};
    torch::nn::Linear m_fc6{nullptr}, m_fc7{nullptr}, m_fc8{nullptr};
};

class AlexNetV2Impl : public FaceModel {
public:
    explicit AlexNetV2Impl(const ModelOptions& options) {
        using namespace torch::nn;
        m_features =
            register_module("features", Sequential(Conv2d(convOptions(3, 64, 11, 4, 2)), ReLU(),
                                                   MaxPool2d(MaxPool2dOptions(3).stride(2)),
                                                   Conv2d(convOptions(64, 192, 5, 1, 2)), ReLU(),
                                                   MaxPool2d(MaxPool2dOptions(3).stride(2)),
                                                   Conv2d(convOptions(192, 384, 3, 1, 1)), ReLU(),
                                                   Conv2d(convOptions(384, 256, 3, 1, 1)), ReLU(),
                                                   Conv2d(convOptions(256, 256, 3, 1, 1)), ReLU(),
                                                   MaxPool2d(MaxPool2dOptions(3).stride(2))));
        // classifier: 0 Dropout, 1 Linear, 2 ReLU, 3 Dropout, 4 Linear, 5 ReLU, 6 Linear; only
        // the modules with parameters need registering for the state_dict names.
        auto classifier = registerGroup(*this, "classifier");
        m_fc1 = classifier->register_module("1", Linear(256 * 6 * 6, 4096));
        m_fc2 = classifier->register_module("4", Linear(4096, 4096));
        if (options.numClasses > 0)
            m_fc3 = classifier->register_module("6", Linear(4096, options.numClasses));
        // torchvision's AlexNet keeps PyTorch's nn defaults (no init loop).
        applyStandardInit(*this, options.init);
    }

    ModelOutput forward(const torch::Tensor& images) override {
        torch::Tensor x =
            torch::adaptive_avg_pool2d(m_features->forward(images), {6, 6}).flatten(1);
        x = torch::relu(m_fc1(torch::dropout(x, 0.5, is_training())));
        ModelOutput out;
        out.embedding = torch::relu(m_fc2(torch::dropout(x, 0.5, is_training())));
        if (m_fc3)
            out.logits = m_fc3(out.embedding);
        return out;
    }

    std::int64_t embeddingDim() const override { return 4096; }

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr}, m_fc3{nullptr};
};

} // namespace

std::shared_ptr<FaceModel> makeAlexNetV1(const ModelOptions& options) {
    return std::make_shared<AlexNetV1Impl>(options);
}

std::shared_ptr<FaceModel> makeAlexNetV2(const ModelOptions& options) {
    return std::make_shared<AlexNetV2Impl>(options);
}

} // namespace fb
