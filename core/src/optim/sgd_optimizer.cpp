#include "optim/sgd_optimizer.h"

#include "facebench/errors.h"

namespace fb {

std::unique_ptr<torch::optim::SGD>
makeSgd(const torch::OrderedDict<std::string, torch::Tensor>& parameters, const OptimConfig& config,
        double learningRate) {
    if (config.type != "sgd")
        throw InputError(SourceLocation{}, "optim.type", "unknown optimiser '" + config.type + "'");
    std::vector<torch::Tensor> decayed, undecayed;
    for (const auto& item : parameters) {
        if (!item.value().requires_grad())
            continue;
        const bool exempt = config.noDecayBnBias && item.value().dim() <= 1;
        (exempt ? undecayed : decayed).push_back(item.value());
    }
    const auto options = [&](double weightDecay) {
        return torch::optim::SGDOptions(learningRate)
            .momentum(config.momentum)
            .weight_decay(weightDecay);
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decayed,
                        std::make_unique<torch::optim::SGDOptions>(options(config.weightDecay)));
    if (!undecayed.empty())
        groups.emplace_back(undecayed, std::make_unique<torch::optim::SGDOptions>(options(0.0)));
    return std::make_unique<torch::optim::SGD>(groups, options(config.weightDecay));
}

void setLearningRate(torch::optim::SGD& optimizer, double learningRate) {
    for (torch::optim::OptimizerParamGroup& group : optimizer.param_groups())
        static_cast<torch::optim::SGDOptions&>(group.options()).lr(learningRate);
}

} // namespace fb
