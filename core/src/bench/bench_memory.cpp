#include "bench/bench_memory.h"

#include <chrono>
#include <fstream>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#ifdef FACEBENCH_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

namespace fb::bench {

namespace {

// A "Key:   1234 kB" line of /proc/self/status, in MiB.
double statusMb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(key) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::stod(line.substr(prefix.size())) / 1024.0;
    return 0;
}

} // namespace

double residentMb() {
    return statusMb("VmRSS");
}
double peakResidentMb() {
    return statusMb("VmHWM");
}

bool resetPeakResident() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5"; // Linux >= 4.0: reset VmHWM to the current RSS
    out.flush();
    return static_cast<bool>(out);
}

void releaseFreedMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

ResidentSampler::ResidentSampler() {
    m_peak.store(residentMb());
    m_thread = std::thread([this] {
        while (!m_stop.load()) {
            const double now = residentMb();
            if (now > m_peak.load())
                m_peak.store(now);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
}

ResidentSampler::~ResidentSampler() {
    m_stop.store(true);
    m_thread.join();
}

void resetCudaPeak(int device) {
#ifdef FACEBENCH_WITH_CUDA
    c10::cuda::CUDACachingAllocator::resetPeakStats(device);
#else
    (void)device;
#endif
}

double cudaPeakMb(int device) {
#ifdef FACEBENCH_WITH_CUDA
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
    return static_cast<double>(stats
                                   .allocated_bytes[static_cast<std::size_t>(
                                       c10::cuda::CUDACachingAllocator::StatType::AGGREGATE)]
                                   .peak) /
           (1024.0 * 1024.0);
#else
    (void)device;
    return 0;
#endif
}

void emptyCudaCache() {
#ifdef FACEBENCH_WITH_CUDA
    c10::cuda::CUDACachingAllocator::emptyCache();
#endif
}

} // namespace fb::bench
