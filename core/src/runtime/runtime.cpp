#include "facebench/runtime.h"

#include <opencv2/core/utils/logger.hpp>

#include <thread>

#ifdef FACEBENCH_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#endif

namespace fb {

void initRuntime(int threads) {
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Debian's LibTorch 1.13 starts with one intra-op thread; measured on the 2-core reference
    // machine, two threads run a 1024x1024 matmul 1.6x and a 3x3 convolution 1.6x faster.
    torch::set_num_threads(threads);
    // FaceBench reports unreadable images itself, naming the file; OpenCV's own warnings on
    // stderr would only repeat it in a less helpful form.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
}

RuntimeInfo runtimeInfo() {
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.cpuCores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    info.intraOpThreads = torch::get_num_threads();
    info.cudaAvailable = torch::cuda::is_available();
#ifdef FACEBENCH_WITH_CUDA
    if (info.cudaAvailable) {
        const int count = static_cast<int>(torch::cuda::device_count());
        for (int i = 0; i < count; ++i) {
            const cudaDeviceProp* prop = at::cuda::getDeviceProperties(i);
            info.cudaDevices.push_back(
                {i, prop->name, static_cast<std::uint64_t>(prop->totalGlobalMem)});
        }
    }
#else
    if (info.cudaAvailable) {
        // A LibTorch with CUDA but a build without its headers: names are not available.
        const int count = static_cast<int>(torch::cuda::device_count());
        for (int i = 0; i < count; ++i)
            info.cudaDevices.push_back({i, "CUDA device " + std::to_string(i), 0});
    }
#endif
    return info;
}

std::string runtimeSummary(const RuntimeInfo& info) {
    std::string device;
    if (info.cudaDevices.empty()) {
        device = "CPU, " + std::to_string(info.intraOpThreads) + " of " +
                 std::to_string(info.cpuCores) + " threads";
    } else {
        for (const CudaDeviceInfo& gpu : info.cudaDevices) {
            if (!device.empty())
                device += ", ";
            device += "cuda:" + std::to_string(gpu.index) + " " + gpu.name;
        }
    }
    return device + " \xC2\xB7 LibTorch " + info.torchVersion;
}

} // namespace fb
