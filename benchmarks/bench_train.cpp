// Training-step throughput of FaceBench: the trainer's own step (train/train_step.h:
// forward to the embedding, softmax head, loss and accuracy read back, backward, SGD with
// momentum and weight decay) on synthetic in-memory input, so the loader is not measured.
// benchmarks/bench_train.sh runs it beside the same loop in Python PyTorch
// (bench_train_torch.py) with the same model, batch and threads.
//
//   build/bin/bench_train MODEL HxW BATCH THREADS ITERS [WARMUP]   -> one JSON line
#include "facebench/experiment_config.h"
#include "train/train_step.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr, "usage: bench_train MODEL HxW BATCH THREADS ITERS [WARMUP]\n");
        return 2;
    }
    const std::string model = argv[1];
    int height = 0, width = 0;
    if (std::sscanf(argv[2], "%dx%d", &height, &width) != 2)
        return 2;
    const std::int64_t batch = std::atoll(argv[3]);
    const int threads = std::atoi(argv[4]);
    const int iterations = std::atoi(argv[5]);
    const int warmup = argc > 6 ? std::atoi(argv[6]) : 3;
    const std::int64_t classes = 100;
    torch::set_num_threads(threads);
    torch::manual_seed(0);

    fb::ExperimentConfig config;
    config.model.name = model;
    config.head.type = "softmax";
    // PyTorch's style: torchvision's init, as the Python side, contiguous memory.
    config.style = fb::frameworkStyle(fb::Framework::PyTorch);
    config.schedule.baseLr = 0.01;
    fb::train::TrainModules modules = fb::train::buildModules(config, classes, torch::kCPU);
    fb::train::TrainStep step(modules);
    const torch::Tensor images = torch::randn({batch, 3, height, width});
    const torch::Tensor labels = torch::randint(0, classes, {batch}, torch::kLong);

    for (int i = 0; i < warmup; ++i)
        step.run(images, labels, 0.01, i);
    std::vector<double> times;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        step.run(images, labels, 0.01, warmup + i);
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    std::printf(
        "{\"impl\": \"facebench\", \"model\": \"%s\", \"input\": \"%dx%d\", \"batch\": %lld, "
        "\"threads\": %d, \"median_step_s\": %.5f, \"img_s\": %.2f}\n",
        model.c_str(), height, width, (long long)batch, threads, median, batch / median);
    return 0;
}
