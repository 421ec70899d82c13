#include "models/model_init.h"

#include <cmath>

namespace fb {

namespace {

std::pair<double, double> fans(const torch::Tensor& weight) {
    const double receptive = weight.dim() > 2 ? static_cast<double>(weight[0][0].numel()) : 1.0;
    return {weight.size(1) * receptive, weight.size(0) * receptive};
}

void fill(const FillerSpec& spec, torch::Tensor& weight, torch::Tensor* bias) {
    torch::NoGradGuard noGrad;
    const auto [fanIn, fanOut] = fans(weight);
    switch (spec.kind) {
    case Filler::Keep:
        break;
    case Filler::KaimingNormalFanOut:
    case Filler::KaimingNormalFanIn:
    case Filler::XavierNormalAvg:
    case Filler::Normal:
        weight.normal_(0.0, fillerStd(spec, weight));
        break;
    case Filler::TruncNormal:
        // torchvision truncates at +-2 absolute; with std 0.1 or less that is 20 sigma, so
        // clamping the (never reached) tail is the same distribution.
        weight.normal_(0.0, spec.std).clamp_(-2.0, 2.0);
        break;
    case Filler::CaffeXavier: {
        const double bound = std::sqrt(3.0 / fanIn);
        weight.uniform_(-bound, bound);
        break;
    }
    case Filler::GlorotUniform: {
        const double bound = std::sqrt(6.0 / (fanIn + fanOut));
        weight.uniform_(-bound, bound);
        break;
    }
    }
    if (bias && bias->defined() && spec.zeroBias)
        bias->zero_();
}

} // namespace

double fillerStd(const FillerSpec& spec, const torch::Tensor& weight) {
    const auto [fanIn, fanOut] = fans(weight);
    switch (spec.kind) {
    case Filler::KaimingNormalFanOut:
        return std::sqrt(2.0 / fanOut);
    case Filler::KaimingNormalFanIn:
        return std::sqrt(2.0 / fanIn);
    case Filler::XavierNormalAvg:
        return std::sqrt(2.0 / (fanIn + fanOut));
    case Filler::Normal:
    case Filler::TruncNormal:
        return spec.std;
    case Filler::CaffeXavier:
        return std::sqrt(3.0 / fanIn) / std::sqrt(3.0); // U(-b, b) has std b / sqrt 3
    case Filler::GlorotUniform:
        return std::sqrt(6.0 / (fanIn + fanOut)) / std::sqrt(3.0);
    case Filler::Keep:
        return std::sqrt(1.0 / fanIn) / std::sqrt(3.0); // kaiming_uniform(a = sqrt 5)
    }
    return 0.0;
}

InitPlan caffeDefaultPlan() {
    InitPlan plan;
    plan.conv = {Filler::CaffeXavier, 0.0, true};
    plan.linear = {Filler::CaffeXavier, 0.0, true};
    return plan;
}

InitPlan tensorflowPlan() {
    InitPlan plan;
    plan.conv = {Filler::GlorotUniform, 0.0, true};
    plan.linear = {Filler::GlorotUniform, 0.0, true};
    return plan;
}

void applyInit(torch::nn::Module& root, const InitPlan& plan) {
    bool firstConvSeen = false;
    for (const auto& item : root.named_modules("", /*include_self=*/false)) {
        torch::nn::Module& module = *item.value();
        const auto exception = plan.overrides.find(item.key());
        if (auto* conv = dynamic_cast<torch::nn::Conv2dImpl*>(&module)) {
            FillerSpec spec = plan.conv;
            if (!firstConvSeen && plan.firstConvDiffers)
                spec = plan.firstConv;
            firstConvSeen = true;
            if (exception != plan.overrides.end())
                spec = exception->second;
            fill(spec, conv->weight, &conv->bias);
        } else if (auto* linear = dynamic_cast<torch::nn::LinearImpl*>(&module)) {
            const FillerSpec& spec =
                exception != plan.overrides.end() ? exception->second : plan.linear;
            fill(spec, linear->weight, &linear->bias);
        } else if (auto* bn2 = dynamic_cast<torch::nn::BatchNorm2dImpl*>(&module)) {
            torch::NoGradGuard noGrad;
            if (bn2->weight.defined()) {
                bn2->weight.fill_(1.0);
                bn2->bias.zero_();
            }
        } else if (auto* bn1 = dynamic_cast<torch::nn::BatchNorm1dImpl*>(&module)) {
            torch::NoGradGuard noGrad;
            if (bn1->weight.defined()) {
                bn1->weight.fill_(1.0);
                bn1->bias.zero_();
            }
        }
    }
}

InitPlan standardPlan(InitStyle style, const InitPlan& pytorch) {
    switch (style) {
    case InitStyle::Caffe:
        return caffeDefaultPlan();
    case InitStyle::TensorFlow:
        return tensorflowPlan();
    case InitStyle::PyTorch:
        break;
    }
    return pytorch;
}

void applyStandardInit(torch::nn::Module& root, InitStyle style) {
    if (style != InitStyle::PyTorch)
        applyInit(root, standardPlan(style, {}));
}

} // namespace fb
