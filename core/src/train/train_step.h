#pragma once
// One optimiser step of FaceBench training: forward through the model to the
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

namespace fb::dist {
class DistContext;
}

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

// Puts model and head in training mode; with freezeBn (train.freeze_bn) BatchNorm layers stay
// in eval mode (running statistics used, not updated).
void setTrainingMode(TrainModules& modules, bool freezeBn);

struct StepResult {
    double loss = 0;
    std::int64_t correct = 0; // training accuracy: argmax of the margin-free logits
    bool finite = true;       // false: the loss was NaN/Inf and nothing was updated
    bool stepped = true;      // false: AMP skipped the update (non-finite gradients)
    double aggSeconds = 0;    // distributed: time in the gradient all-reduce (t_agg, seed eq. 7)
    bool stopAgreed = false;  // distributed: some rank asked to stop after this step
};

// Distributed data parallelism: this rank's shard of a global batch.
struct StepShard {
    std::int64_t globalSize = 0; // images in the global batch; 0 = the local batch is all of it
    bool stopRequested = false;  // this rank wants to stop (cancel): agreed on by all ranks
};

class TrainStep {
public:
    explicit TrainStep(TrainModules& modules) : m_m(modules), m_scaler(modules.amp) {}

    // images N x C x H x W float32 (any device), labels N int64. `iteration` is the 0-based
    // global step (the lr schedule and sphereface's annealing follow it).
    // With a DistContext (setDistributed), `images` are this rank's shard of a global batch
    // of shard.globalSize images: the ranks' per-step statistics are summed (so loss, accuracy
    // and the NaN decision are the global batch's, equal on every rank), rank 0's buffers
    // (BatchNorm running statistics) are broadcast before the forward pass as DDP does, each
    // rank back-propagates its mean loss weighted by its share (n_r * W / N), and the gradients
    // are averaged by bucketed all-reduce: the update is the single-process update of the global
    // batch's mean loss, whatever the shard sizes.
    StepResult run(const torch::Tensor& images, const torch::Tensor& labels, double lr,
                   std::int64_t iteration, const StepShard& shard = {});

    void setDistributed(dist::DistContext* dist) { m_dist = dist; }
    GradScaler& scaler() { return m_scaler; }

private:
    TrainModules& m_m;
    GradScaler m_scaler;
    dist::DistContext* m_dist = nullptr;
};

} // namespace fb::train
