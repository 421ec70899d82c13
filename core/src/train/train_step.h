#pragma once
// One optimiser step of FaceBench training (issue 8): forward through the model to the
// embedding, the head's loss (the head owns the classifier, so the model is built with
// numClasses = 0), backward and SGD. Shared by the training job and benchmarks/bench_train.cpp,
// so the benchmark times exactly the step the trainer runs.
#include "facebench/experiment_config.h"
#include "heads/head.h"
#include "models/face_model.h"
#include "train/grad_scaler.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace fb::train {

struct TrainModules {
    std::shared_ptr<FaceModel> model;
    std::shared_ptr<Head> head;
    std::unique_ptr<torch::optim::SGD> optimizer;
    std::vector<torch::Tensor> parameters; // model then head, in the optimiser's order
    torch::Device device = torch::kCPU;
    bool channelsLast = false; // style.memory_format (TensorFlow's NHWC)
    bool amp = false;          // autocast + grad scaling, CUDA only
};

// Builds model (random init by style.init, or model.weights), head and SGD on `device`.
// Throws InputError naming the key at fault.
TrainModules buildModules(const ExperimentConfig& config, std::int64_t numClasses,
                          const torch::Device& device);

struct StepResult {
    double loss = 0;
    std::int64_t correct = 0; // training accuracy: argmax of the margin-free logits
    bool finite = true;       // false: the loss was NaN/Inf and nothing was updated
    bool stepped = true;      // false: AMP skipped the update (non-finite gradients)
};

class TrainStep {
public:
    explicit TrainStep(TrainModules& modules) : m_m(modules), m_scaler(modules.amp) {}

    // images N x C x H x W float32 (any device), labels N int64. `iteration` is the 0-based
    // global step (the lr schedule and sphereface's annealing follow it).
    StepResult run(const torch::Tensor& images, const torch::Tensor& labels, double lr,
                   std::int64_t iteration);

    GradScaler& scaler() { return m_scaler; }

private:
    TrainModules& m_m;
    GradScaler m_scaler;
};

} // namespace fb::train
