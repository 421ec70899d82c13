#include "train/replica_check.h"

#include "facebench/errors.h"

#include <cstdlib>

namespace fb::train {

namespace {

// FACEBENCH_PERTURB_RANK=R (for test_distributed only) makes rank R's replica drift: its first
// parameter moves by 1e-6 before the comparison, so the comparison has a mismatch to catch.
// Unset, as in every real run, it does nothing.
void perturbForTest(const dist::DistContext& dist, TrainModules& modules) {
    const char* perturb = std::getenv("FACEBENCH_PERTURB_RANK");
    if (perturb && std::to_string(dist.rank()) == perturb && !modules.parameters.empty()) {
        torch::NoGradGuard noGrad;
        modules.parameters.front().add_(1e-6);
    }
}

} // namespace

std::string checkReplicas(dist::DistContext& dist, TrainModules& modules, std::int64_t step,
                          const std::string& tag, RunLog& log) {
    std::vector<torch::Tensor> buffers;
    for (const auto& buffer : modules.model->buffers())
        buffers.push_back(buffer);
    if (!buffers.empty())
        dist.broadcastFromRank0(buffers, "the buffer broadcast");
    perturbForTest(dist, modules);
    std::vector<torch::Tensor> replica = modules.parameters;
    replica.insert(replica.end(), buffers.begin(), buffers.end());
    const std::string digest = dist::tensorDigest(replica);
    const std::vector<std::string> all = dist.gatherAtRank0(tag, digest);
    for (std::size_t r = 1; r < all.size(); ++r)
        if (all[r] != all[0]) {
            const std::string message = "the parameters of rank " + std::to_string(r) +
                                        " differ from rank 0's at step " + std::to_string(step) +
                                        " (digest " + all[r] + " against " + all[0] + ")";
            log.line(message);
            throw JobError(message);
        }
    if (!all.empty())
        log.line("parameters identical on all " + std::to_string(all.size()) + " ranks at step " +
                 std::to_string(step) + " (digest " + all[0] + ")");
    return digest;
}

} // namespace fb::train
