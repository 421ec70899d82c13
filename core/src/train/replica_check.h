#pragma once
// Distributed training: every rank's replica must be bit-identical (same averaged gradients,
// same update). Checked at each checkpoint through the store; a mismatch stops the job.
#include "dist/process_group.h"
#include "train/run_log.h"
#include "train/train_step.h"

#include <string>

namespace fb::train {

// Broadcasts rank 0's buffers (BatchNorm running statistics: each rank's forward pass updated
// its own), then compares the digests of all replicas at rank 0. Returns this rank's digest;
// throws JobError naming the rank that differs, logged in train.log.
std::string checkReplicas(dist::DistContext& dist, TrainModules& modules, std::int64_t step,
                          const std::string& tag, RunLog& log);

} // namespace fb::train
