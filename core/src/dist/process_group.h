#pragma once
// One rank's view of a distributed training job on LibTorch's c10d: rendezvous
// through a TCPStore (rank 0 serves it), a ProcessGroupGloo on the CPU or a ProcessGroupNCCL on
// CUDA (when LibTorch was built with it, USE_C10D_NCCL), and the few collectives the trainer
// needs. Every failure of a collective (a peer that died, or that did not answer within the
// timeout) becomes a JobError naming this rank, so a job never hangs silently.
#include "facebench/distributed.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace fb::dist {

class DistContext {
public:
    // Rendezvous and process group. Throws InputError naming "--master-port" (port in use) or
    // "--master-addr" (master unreachable within the timeout), JobError otherwise.
    DistContext(const DistributedOptions& options, const torch::Device& device);
    ~DistContext();
    DistContext(const DistContext&) = delete;
    DistContext& operator=(const DistContext&) = delete;

    int rank() const;
    int worldSize() const;
    bool isMain() const { return rank() == 0; }
    const char* backendName() const;

    // Sums `tensor` (small: the per-step statistics) over all ranks, in place.
    void allReduceSum(torch::Tensor& tensor, const std::string& what);
    // Averages the gradients of `parameters` over all ranks: gradients are packed into buckets
    // of about 25 MB (DDP's default bucket_cap_mb), every bucket's all-reduce is started, then
    // each is awaited and unpacked. A parameter without a gradient counts as zeros. Returns the
    // seconds spent (t_agg, seed eq. 7).
    double averageGradients(const std::vector<torch::Tensor>& parameters);
    // Copies rank 0's values into `tensors` on every rank (parameters and buffers at start).
    void broadcastFromRank0(const std::vector<torch::Tensor>& tensors, const std::string& what);

    // Small texts through the store: rank 0 publishes, the others read (waiting for the key).
    void publish(const std::string& key, const std::string& value);
    std::string read(const std::string& key);
    // Rank 0 signals `tag` done; the other ranks wait for it without the collective timeout
    // (rank 0 may validate for long), failing at once when rank 0 dies.
    void rank0Done(const std::string& tag);
    void waitForRank0(const std::string& tag);
    // Every rank's `text` for `tag`, in rank order, on rank 0; empty on the others.
    std::vector<std::string> gatherAtRank0(const std::string& tag, const std::string& text);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Digest of the exact bytes of `tensors` (FNV-1a 64, hex), to compare replicas across ranks.
std::string tensorDigest(const std::vector<torch::Tensor>& tensors);

} // namespace fb::dist
