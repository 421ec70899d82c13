#include "bench/device_table.h"

#include <torch/torch.h>

#include <fstream>
#include <thread>

#ifdef FACEBENCH_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#endif

namespace fb::bench {

namespace {

std::string cpuModelName() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            std::string name = colon == std::string::npos ? "" : line.substr(colon + 1);
            const auto first = name.find_first_not_of(" \t");
            return first == std::string::npos ? "" : name.substr(first);
        }
    return "unknown";
}

} // namespace

DeviceTable readDeviceTable() {
    DeviceTable table;
    table.cpuModel = cpuModelName();
    table.cpuCores = static_cast<int>(std::thread::hardware_concurrency());
    table.threads = torch::get_num_threads();
#ifdef FACEBENCH_WITH_CUDA
    // at::cuda::getDeviceProperties exists in CUDA builds of LibTorch only.
    if (torch::cuda::is_available()) {
        const int count = static_cast<int>(torch::cuda::device_count());
        for (int i = 0; i < count; ++i) {
            const cudaDeviceProp* prop = at::cuda::getDeviceProperties(i);
            GpuInfo gpu;
            gpu.index = i;
            gpu.name = prop->name;
            gpu.multiprocessors = prop->multiProcessorCount;
            gpu.memoryGb = static_cast<double>(prop->totalGlobalMem) / (1024.0 * 1024.0 * 1024.0);
            gpu.computeCapability = std::to_string(prop->major) + "." + std::to_string(prop->minor);
            table.gpus.push_back(gpu);
        }
    }
#endif
    return table;
}

} // namespace fb::bench
