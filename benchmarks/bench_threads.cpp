// Intra-op thread scaling of LibTorch on this machine: why fb::initRuntime() sets one thread per
// core (Debian's LibTorch 1.13 starts with one). Prints the starting thread count, then the
// median time of a 1024x1024 matmul and of a 3x3 convolution (batch 16, 64 channels, 56x56, the
// shape of ResNet-50's first stage) at 1..N threads.
//
//   build/bin/bench_threads [repeats]
#include "facebench/runtime.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <thread>
#include <vector>

namespace {
double medianSeconds(int repeats, const std::function<void()>& work) {
    work(); // warm-up
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}
} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 9;
    std::printf("LibTorch starts with %d intra-op thread(s); the machine has %u hardware threads\n",
                torch::get_num_threads(), std::thread::hardware_concurrency());
    torch::manual_seed(0);
    const torch::Tensor a = torch::randn({1024, 1024}), b = torch::randn({1024, 1024});
    const torch::Tensor x = torch::randn({16, 64, 56, 56}), w = torch::randn({64, 64, 3, 3});
    torch::NoGradGuard noGrad;
    double matmulOne = 0, convOne = 0;
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int threads = 1; threads <= cores; ++threads) {
        fb::initRuntime(threads);
        const double matmul = medianSeconds(repeats, [&] { a.mm(b); });
        const double conv = medianSeconds(repeats, [&] { torch::conv2d(x, w, {}, 1, 1); });
        if (threads == 1) {
            matmulOne = matmul;
            convOne = conv;
        }
        std::printf("threads %d: matmul 1024 %.1f ms (x%.2f)   conv3x3 %.1f ms (x%.2f)\n", threads,
                    matmul * 1e3, matmulOne / matmul, conv * 1e3, convOne / conv);
    }
    return 0;
}
