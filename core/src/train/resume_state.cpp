#include "train/resume_state.h"

#include "facebench/errors.h"

#include <map>

namespace fb::train {

namespace {

std::string paramKey(const torch::Tensor& parameter) {
    return c10::guts::to_string(parameter.unsafeGetTensorImpl()); // LibTorch's own SGD state key
}

std::vector<torch::Tensor> optimizerParameters(torch::optim::SGD& optimizer) {
    std::vector<torch::Tensor> all;
    for (auto& group : optimizer.param_groups())
        for (auto& parameter : group.params())
            all.push_back(parameter);
    return all;
}

} // namespace

StateDict captureResumeTensors(TrainModules& m) {
    StateDict tensors;
    for (const auto& item : m.head->named_parameters())
        tensors.emplace_back("head." + item.key(), item.value());
    for (const auto& item : m.head->named_buffers())
        tensors.emplace_back("head." + item.key(), item.value());
    auto& state = m.optimizer->state();
    const std::vector<torch::Tensor> parameters = optimizerParameters(*m.optimizer);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const auto found = state.find(paramKey(parameters[i]));
        if (found == state.end())
            continue; // no step taken for it yet
        const auto& sgd = static_cast<const torch::optim::SGDParamState&>(*found->second);
        if (sgd.momentum_buffer().defined())
            tensors.emplace_back("optim.momentum." + std::to_string(i), sgd.momentum_buffer());
    }
    tensors.emplace_back("rng.cpu", at::detail::getDefaultCPUGenerator().get_state());
    if (torch::cuda::is_available())
        for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i)
            tensors.emplace_back(
                "rng.cuda." + std::to_string(i),
                at::globalContext()
                    .defaultGenerator(c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(i)))
                    .get_state());
    return tensors;
}

void restoreResumeTensors(TrainModules& m, const StateDict& tensors, const std::string& source) {
    std::map<std::string, torch::Tensor> given(tensors.begin(), tensors.end());
    const auto fail = [&](const std::string& problem) {
        throw InputError(SourceLocation{source}, "--resume", problem);
    };
    torch::NoGradGuard noGrad;
    std::vector<std::pair<std::string, torch::Tensor>> own;
    for (const auto& item : m.head->named_parameters())
        own.emplace_back("head." + item.key(), item.value());
    for (const auto& item : m.head->named_buffers())
        own.emplace_back("head." + item.key(), item.value());
    for (auto& [name, tensor] : own) {
        const auto found = given.find(name);
        if (found == given.end())
            fail("the checkpoint has no " + name + " (another head type?)");
        if (found->second.sizes() != tensor.sizes())
            fail(name + " does not fit the head (another number of classes?)");
        tensor.copy_(found->second.to(tensor.options()));
    }
    auto& state = m.optimizer->state();
    const std::vector<torch::Tensor> parameters = optimizerParameters(*m.optimizer);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const auto found = given.find("optim.momentum." + std::to_string(i));
        if (found == given.end())
            continue;
        if (found->second.sizes() != parameters[i].sizes())
            fail("momentum buffer " + std::to_string(i) + " does not fit the parameters");
        auto sgd = std::make_unique<torch::optim::SGDParamState>();
        torch::Tensor buffer = torch::empty_like(parameters[i]);
        buffer.copy_(found->second);
        sgd->momentum_buffer(buffer);
        state[paramKey(parameters[i])] = std::move(sgd);
    }
    if (const auto found = given.find("rng.cpu"); found != given.end()) {
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        generator.set_state(found->second);
    }
    // CUDA RNG states apply only where those GPUs exist (a CUDA checkpoint resumes on the CPU).
    if (torch::cuda::is_available())
        for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i)
            if (const auto found = given.find("rng.cuda." + std::to_string(i));
                found != given.end()) {
                auto generator = at::globalContext().defaultGenerator(
                    c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(i)));
                std::lock_guard<std::mutex> lock(generator.mutex());
                generator.set_state(found->second);
            }
}

} // namespace fb::train
