#pragma once
// The training loader (issue 6): N decode/augment worker threads fill a bounded prefetch queue
// of ready batches. Which images a batch holds and how each is augmented depend only on the
// seed, the epoch and the position in the epoch, never on thread timing, so a run is
// reproducible and resumes exactly from a LoaderPosition (issue 8).
#include "data/preprocess.h"
#include "facebench/dataset_index.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fb::data {

// What happens to the images left over when the epoch does not divide by the batch size
// (seed Section 4.1): Caffe wraps around into the next pass, PyTorch keeps the short batch,
// TensorFlow drops it.
enum class LastBatch { Wrap, Keep, Drop };
LastBatch lastBatchFromName(const std::string& name); // "wrap" | "keep" | "drop"

struct LoaderOptions {
    std::int64_t batchSize = 64;
    int workers = 0;         // decode/augment threads, 0 = one per core
    int prefetchBatches = 4; // bounded queue of ready batches
    std::uint64_t seed = 0;
    bool shuffle = true;     // reshuffled every epoch from (seed, epoch)
    LastBatch lastBatch = LastBatch::Keep;
    bool classBalanced = false; // sample identities uniformly, then an image of each
    PreprocessSpec preprocess;
};

struct LoaderPosition {
    std::int64_t epoch = 0;
    std::int64_t batchInEpoch = 0; // batches already handed out in `epoch`
};

struct Batch {
    torch::Tensor images;               // N x C x H x W float32
    torch::Tensor labels;               // N int64
    std::vector<std::int64_t> indices;  // into DatasetIndex::images
    LoaderPosition position;            // of this batch
    double waitSeconds = 0.0;           // time next() blocked for it (t_data, seed eq. 7)
};

// An image that failed to decode: it is skipped (replaced deterministically), counted and
// reported, never a crash and never a silent shrink.
struct BadImage {
    std::string path;
    std::string problem;
};

class BatchLoader {
public:
    BatchLoader(std::shared_ptr<const DatasetIndex> index, LoaderOptions options,
                LoaderPosition start = {});
    ~BatchLoader(); // stops and joins the workers
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    // The next batch; epochs follow one another without end.
    Batch next();
    // Where the next call to next() continues (store it in a checkpoint).
    LoaderPosition position() const;
    std::int64_t batchesPerEpoch() const;
    std::vector<BadImage> badImages() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fb::data
