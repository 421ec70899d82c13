#pragma once
// The training loader: N decode/augment worker threads fill a bounded prefetch queue
// of ready batches. Which images a batch holds and how each is augmented depend only on the
// seed, the epoch and the position in the epoch, never on thread timing, so a run is
// reproducible and resumes exactly from a LoaderPosition.
#include "data/preprocess.h"
#include "facebench/dataset_index.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fb::data {

struct LoaderOptions {
    std::int64_t batchSize = 64;
    int workers = 0;         // decode/augment threads, 0 = one per core
    int prefetchBatches = 4; // bounded queue of ready batches
    std::uint64_t seed = 0;
    bool shuffle = true;                   // reshuffled every epoch from (seed, epoch)
    LastBatch lastBatch = LastBatch::Keep; // style.last_batch (facebench/framework_style.h)
    bool classBalanced = false;            // sample identities uniformly, then an image of each
    PreprocessSpec preprocess;
    // Distributed data parallelism: this process is `rank` of `worldSize` and gets
    // its shard of every global batch (see below). worldSize 1 is the whole batch.
    int rank = 0;
    int worldSize = 1;
};

// Semantics (N images in the index, B the batch size, order(p) the image order of pass p over
// the data: a permutation of 0..N-1 shuffled from (seed, p), the identity without shuffle, or
// with classBalanced N draws of an identity uniformly, then one of its images uniformly, all
// from (seed, p)). The loader reads the endless stream order(0) ++ order(1) ++ ...; stream
// position s is image order(s / N)[s % N], augmented by an mt19937_64 seeded from
// (seed, s / N, s % N), so a sample's pixels depend on nothing else.
//   Keep: batchesPerEpoch = ceil(N / B); batch k of epoch e is stream [eN + kB, eN + min(kB + B,
//   N)):
//         the last batch of an epoch is short when B does not divide N.
//   Drop: batchesPerEpoch = floor(N / B) (the constructor refuses N < B); batch k of epoch e is
//         stream [eN + kB, eN + kB + B); the N mod B images left at the end of a pass are skipped.
//   Wrap: batchesPerEpoch = ceil(N / B); batch g = e * batchesPerEpoch + k is stream
//         [gB, gB + B), as Caffe's data layer: a short tail is filled from the start of the next
//         pass's order and the following batch continues from there. Every batch is full, and an
//         "epoch" of the position is batchesPerEpoch batches, (ceil(N / B) B - N) images longer
//         than a pass, so from epoch 1 on, the position's epoch lags behind the pass the images
//         come from.
// Sharding (DistributedSampler's indices[rank::world_size], applied to each global batch): the
// batches above are global batches; with worldSize W, rank r gets stream positions begin + r,
// begin + r + W, ... of the global batch [begin, end), so the ranks' shards are disjoint, their
// union is the global batch, and the last-batch policy applies to the global batch. A sample's
// pixels depend only on its stream position, so a shard holds exactly the images and
// augmentations the single-process batch holds, and positions (global batch numbers) do not
// depend on W: a checkpoint resumes with any number of processes.
// In every policy a position is the global batch number g = epoch * batchesPerEpoch() +
// batchInEpoch, and a loader started at a position gives exactly the batches an uninterrupted
// loader gives from there.
struct LoaderPosition {
    std::int64_t epoch = 0;
    std::int64_t batchInEpoch = 0; // batches already handed out in `epoch`
};

struct Batch {
    torch::Tensor images;              // N x C x H x W float32
    torch::Tensor labels;              // N int64
    std::vector<std::int64_t> indices; // into DatasetIndex::images
    LoaderPosition position;           // of this batch
    std::int64_t globalSize = 0;       // images in the global batch (all ranks' shards)
    double waitSeconds = 0.0;          // time next() blocked for it (t_data, seed eq. 7)
};

// An image that failed to read or decode: it is skipped (replaced deterministically), counted and
// reported, never a crash and never a silent shrink. The replacement is the next good image in
// the index's order (wrapping around; usually the same identity, as the index is sorted by
// identity), augmented with the bad sample's random numbers. When no image decodes, next()
// throws JobError.
struct BadImage {
    std::string path;
    std::string problem;
};

class BatchLoader {
public:
    // Throws InputError for an empty index, a batch size below 1, Drop with fewer images than
    // one batch, a rank outside [0, worldSize), a pre-processing spec checkPreprocessSpec refuses,
    // or a negative start position.
    BatchLoader(std::shared_ptr<const DatasetIndex> index, LoaderOptions options,
                LoaderPosition start = {});
    ~BatchLoader(); // stops and joins the workers
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    // The next batch; epochs follow one another without end. Rethrows, in order, what a worker
    // failed with (JobError when every image is bad), and again on every later call.
    Batch next();
    // Where the next call to next() continues (store it in a checkpoint).
    LoaderPosition position() const;
    std::int64_t batchesPerEpoch() const;
    // Distinct bad images met so far, sorted by path.
    std::vector<BadImage> badImages() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fb::data
