#include "train/device.h"

#include "facebench/errors.h"

namespace fb::train {

torch::Device resolveDevice(const DeviceConfig& config) {
    const std::string& name = config.name;
    if (name == "cpu")
        return torch::kCPU;
    if (name.rfind("cuda", 0) != 0)
        throw InputError(SourceLocation{}, "device.name",
                         "unknown device '" + name + "' (cpu, cuda or cuda:N)");
    if (!torch::cuda::is_available())
        throw InputError(SourceLocation{}, "device.name",
                         "'" + name +
                             "' asked for, but no CUDA GPU is available to this LibTorch "
                             "(a CPU build, or no driver/GPU); use device: cpu");
    int index = 0;
    if (name.size() > 5)
        index = std::stoi(name.substr(5));
    const int count = static_cast<int>(torch::cuda::device_count());
    if (index >= count)
        throw InputError(SourceLocation{}, "device.name",
                         "'" + name + "': there are only " + std::to_string(count) +
                             " CUDA device(s)");
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}

void configureRuntime(const DeviceConfig& config, const torch::Device& device) {
    if (config.threads > 0)
        torch::set_num_threads(static_cast<int>(config.threads));
    if (device.is_cuda())
        at::globalContext().setBenchmarkCuDNN(config.cudnnBenchmark);
}

} // namespace fb::train
