#pragma once
// Memory figures of a benchmark configuration.
// CPU: the resident set size of this process, from /proc/self/status. A configuration's peak is
// the highest VmRSS seen during its first warm-up step (a sampler thread every millisecond, and
// VmHWM after resetting it through /proc/self/clear_refs where the kernel allows) minus VmRSS
// before its modules were built: model, optimiser state and activations, not the libraries.
// Freed heap memory is handed back to the OS (malloc_trim) between configurations so the next
// baseline and growth are its own. The --memory-cap-mb check compares that growth with the cap
// after the first warm-up step: the step does run once (a crash-proof estimate of LibTorch's
// allocations before running does not exist), so a cap is a soft limit, not an OS limit.
// CUDA: the caching allocator's peak allocated bytes (CUDA builds only).
#include <atomic>
#include <thread>

namespace fb::bench {

double residentMb();       // VmRSS, MiB; 0 when unreadable
double peakResidentMb();   // VmHWM, MiB; 0 when unreadable
bool resetPeakResident();  // false when /proc/self/clear_refs cannot be written
void releaseFreedMemory(); // malloc_trim(0) with glibc

// Samples VmRSS every millisecond on its own thread while alive; peakMb() = highest seen.
class ResidentSampler {
public:
    ResidentSampler();
    ~ResidentSampler();
    double peakMb() const { return m_peak.load(); }

private:
    std::atomic<double> m_peak{0};
    std::atomic_bool m_stop{false};
    std::thread m_thread;
};

// CUDA allocator statistics; no-ops returning 0 without a CUDA build.
void resetCudaPeak(int device);
double cudaPeakMb(int device);
void emptyCudaCache();

} // namespace fb::bench
