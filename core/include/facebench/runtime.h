#pragma once
// The compute runtime as the user sees it: LibTorch version, CPU threads, CUDA devices.
// Plain data only, so the GUI and the CLI can include it without LibTorch headers.
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct CudaDeviceInfo {
    int index = 0;
    std::string name;              // e.g. "NVIDIA H200"
    std::uint64_t totalMemory = 0; // bytes
};

struct RuntimeInfo {
    std::string torchVersion; // e.g. "1.13.1"
    int cpuCores = 1;         // hardware threads the OS reports
    int intraOpThreads = 1;   // threads LibTorch uses inside one operator
    bool cudaAvailable = false;
    std::vector<CudaDeviceInfo> cudaDevices;
};

// Sets LibTorch's intra-op thread count. threads <= 0 means one per hardware thread: Debian's
// LibTorch starts with 1, which leaves half of a 2-core machine idle (README, "Development").
// Call once at program start, before any parallel work.
void initRuntime(int threads = 0);

RuntimeInfo runtimeInfo();

// One line for a status bar or log: "CPU, 2 threads · LibTorch 1.13.1" or with CUDA devices.
std::string runtimeSummary(const RuntimeInfo& info);

} // namespace fb
