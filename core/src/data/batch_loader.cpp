// BatchLoader (batch_loader.h): worker threads each build whole batches, claimed in order; a
// map of finished batches keyed by their global number is the bounded prefetch queue, and the
// consumer takes them strictly in order, so thread timing changes when a batch is ready, never
// what it holds. The semantics of positions and last-batch policies are in the header.
#include "data/batch_loader.h"

#include "data/image_steps.h"
#include "facebench/errors.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

namespace fb::data {

namespace {

// splitmix64's finaliser: chains (seed, pass, position, purpose) into one well-mixed seed.
std::uint64_t mix(std::uint64_t state, std::uint64_t value) {
    std::uint64_t z = state ^ (value + 0x9E3779B97F4A7C15ULL + (state << 6) + (state >> 2));
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

constexpr std::uint64_t kOrderPurpose = 0x4F52444552ULL;  // "ORDER"
constexpr std::uint64_t kSamplePurpose = 0x53414D504CULL; // "SAMPL"

struct StreamRange {
    std::int64_t begin = 0; // stream positions [begin, end)
    std::int64_t end = 0;
};

using Order = std::vector<std::int64_t>;

} // namespace

struct BatchLoader::Impl {
    std::shared_ptr<const DatasetIndex> index;
    LoaderOptions options;
    std::int64_t imageCount = 0;
    std::int64_t batchesPerEpoch = 0;
    std::vector<std::vector<std::int64_t>> imagesOfIdentity; // classBalanced: non-empty groups
    std::int64_t sampleFloats = 0;                           // C * H * W

    mutable std::mutex mutex;
    std::condition_variable readyChanged; // a batch finished, or a worker failed
    std::condition_variable spaceChanged; // the consumer took a batch, or stop
    bool stopping = false;
    std::int64_t nextToDeliver = 0;                    // global batch number next() returns
    std::int64_t nextToClaim = 0;                      // global batch number a worker takes next
    std::map<std::int64_t, Batch> ready;               // finished, not yet delivered
    std::map<std::int64_t, std::exception_ptr> failed; // batches whose building threw
    std::exception_ptr fatal;                          // rethrown by every next() once met
    std::map<std::int64_t, BadImage> bad;              // index -> problem
    std::map<std::int64_t, std::shared_ptr<const Order>> orders; // pass -> order, a few recent
    std::vector<std::thread> workers;

    // --- Which images a batch holds.
    StreamRange streamRange(std::int64_t batch) const {
        const std::int64_t n = imageCount;
        const std::int64_t b = options.batchSize;
        if (options.lastBatch == LastBatch::Wrap)
            return {batch * b, batch * b + b};
        const std::int64_t epoch = batch / batchesPerEpoch;
        const std::int64_t k = batch % batchesPerEpoch;
        return {epoch * n + k * b, epoch * n + std::min(k * b + b, n)};
    }

    Order buildOrder(std::int64_t pass) const {
        std::mt19937_64 rng(
            mix(mix(options.seed, static_cast<std::uint64_t>(pass)), kOrderPurpose));
        Order order(static_cast<std::size_t>(imageCount));
        if (options.classBalanced) {
            const auto groups = static_cast<std::int64_t>(imagesOfIdentity.size());
            for (auto& slot : order) {
                const auto& group = imagesOfIdentity[steps::uniformInt(rng, groups)];
                slot = group[steps::uniformInt(rng, static_cast<std::int64_t>(group.size()))];
            }
            return order;
        }
        std::iota(order.begin(), order.end(), 0);
        if (options.shuffle) // Fisher-Yates with the portable uniformInt
            for (std::int64_t i = imageCount - 1; i > 0; --i)
                std::swap(order[i], order[steps::uniformInt(rng, i + 1)]);
        return order;
    }

    std::shared_ptr<const Order> orderOf(std::int64_t pass) {
        {
            std::lock_guard lock(mutex);
            if (auto found = orders.find(pass); found != orders.end())
                return found->second;
        }
        auto built = std::make_shared<const Order>(buildOrder(pass)); // outside the lock
        std::lock_guard lock(mutex);
        // Another worker may have built it meanwhile; the two are equal, keep the first.
        const std::shared_ptr<const Order> order = orders.emplace(pass, built).first->second;
        // Keep the few passes workers are on (current, next, a straggler): evict the oldest
        // other than this one (a worker may ask for an older pass than those cached, and an
        // evicted pass is rebuilt identically if asked for again).
        while (orders.size() > 4)
            orders.erase(orders.begin()->first != pass ? orders.begin()
                                                       : std::next(orders.begin()));
        return order;
    }

    // --- Building one batch (worker side).
    bool isKnownBad(std::int64_t image) const {
        std::lock_guard lock(mutex);
        return bad.count(image) > 0;
    }

    void recordBad(std::int64_t image, const std::string& problem) {
        std::lock_guard lock(mutex);
        bad.emplace(image, BadImage{index->images[image].path, problem});
    }

    // Decodes image `first`, or the next good one after it in index order; returns its index.
    std::int64_t decodeGood(std::int64_t first, cv::Mat& decoded) {
        for (std::int64_t step = 0; step < imageCount; ++step) {
            const std::int64_t candidate = (first + step) % imageCount;
            if (isKnownBad(candidate))
                continue;
            const IndexedImage& image = index->images[candidate];
            try {
                decoded =
                    decodeImage(readImageBytes(image), image.path, options.preprocess.channels);
                return candidate;
            } catch (const InputError& error) {
                recordBad(candidate, error.problem());
            }
        }
        throw JobError("no image of the " + std::to_string(imageCount) + " in " + index->root +
                       " could be read or decoded (see the bad-image list)");
    }

    Batch build(std::int64_t number) {
        const StreamRange range = streamRange(number);
        const std::int64_t globalSize = range.end - range.begin;
        // This rank's shard: stream positions begin + rank + k * worldSize (all of them when
        // worldSize is 1, so a single process builds exactly what it always did).
        const std::int64_t rank = options.rank;
        const std::int64_t world = options.worldSize;
        const std::int64_t size = globalSize > rank ? (globalSize - rank + world - 1) / world : 0;
        const PreprocessSpec& spec = options.preprocess;
        Batch batch;
        batch.images =
            torch::empty({size, spec.channels, spec.inputHeight, spec.inputWidth}, torch::kFloat32);
        batch.labels = torch::empty({size}, torch::kInt64);
        batch.indices.resize(static_cast<std::size_t>(size));
        batch.position = {number / batchesPerEpoch, number % batchesPerEpoch};
        batch.globalSize = globalSize;
        float* pixels = batch.images.data_ptr<float>();
        std::int64_t* labels = batch.labels.data_ptr<std::int64_t>();
        std::shared_ptr<const Order> order;
        std::int64_t orderPass = -1;
        cv::Mat decoded;
        for (std::int64_t slot = 0; slot < size; ++slot) {
            if (stopRequested())
                return batch; // the destructor is waiting; the batch is never delivered
            const std::int64_t stream = range.begin + rank + slot * world;
            const std::int64_t pass = stream / imageCount;
            const std::int64_t position = stream % imageCount;
            if (pass != orderPass) {
                order = orderOf(pass);
                orderPass = pass;
            }
            const std::int64_t chosen = decodeGood((*order)[position], decoded);
            std::mt19937_64 rng(mix(mix(mix(options.seed, static_cast<std::uint64_t>(pass)),
                                        static_cast<std::uint64_t>(position)),
                                    kSamplePurpose));
            preprocessInto(decoded, spec, rng, pixels + slot * sampleFloats);
            labels[slot] = index->images[chosen].label;
            batch.indices[slot] = chosen;
        }
        return batch;
    }

    bool stopRequested() const {
        std::lock_guard lock(mutex);
        return stopping;
    }

    void work() {
        for (;;) {
            std::int64_t number = 0;
            {
                std::unique_lock lock(mutex);
                spaceChanged.wait(lock, [&] {
                    return stopping ||
                           (!fatal && nextToClaim < nextToDeliver + options.prefetchBatches);
                });
                if (stopping)
                    return;
                number = nextToClaim++;
            }
            try {
                Batch batch = build(number);
                std::lock_guard lock(mutex);
                if (stopping)
                    return;
                ready.emplace(number, std::move(batch));
            } catch (...) {
                std::lock_guard lock(mutex);
                failed.emplace(number, std::current_exception());
            }
            readyChanged.notify_all();
        }
    }

    void stop() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        spaceChanged.notify_all();
        readyChanged.notify_all();
        for (std::thread& worker : workers)
            if (worker.joinable())
                worker.join();
        workers.clear();
    }
};

BatchLoader::BatchLoader(std::shared_ptr<const DatasetIndex> index, LoaderOptions options,
                         LoaderPosition start)
    : m_impl(std::make_unique<Impl>()) {
    Impl& impl = *m_impl;
    if (!index || index->images.empty())
        throw InputError(SourceLocation{index ? index->root : std::string()}, "data.train",
                         "the data set has no images");
    if (options.batchSize < 1)
        throw InputError(SourceLocation{}, "train.batch_size", "the batch size must be at least 1");
    const auto n = static_cast<std::int64_t>(index->images.size());
    if (options.lastBatch == LastBatch::Drop && n < options.batchSize)
        throw InputError(SourceLocation{index->root}, "style.last_batch",
                         "last_batch drop with " + std::to_string(n) + " images and batch size " +
                             std::to_string(options.batchSize) + " leaves no batch in an epoch");
    checkPreprocessSpec(options.preprocess);
    if (options.worldSize < 1 || options.rank < 0 || options.rank >= options.worldSize)
        throw InputError(SourceLocation{}, "",
                         "rank " + std::to_string(options.rank) + " is outside world size " +
                             std::to_string(options.worldSize));
    if (start.epoch < 0 || start.batchInEpoch < 0)
        throw InputError(SourceLocation{}, "", "negative loader position");
    impl.index = std::move(index);
    impl.options = std::move(options);
    impl.imageCount = n;
    impl.batchesPerEpoch = impl.options.lastBatch == LastBatch::Drop
                               ? n / impl.options.batchSize
                               : (n + impl.options.batchSize - 1) / impl.options.batchSize;
    const PreprocessSpec& spec = impl.options.preprocess;
    impl.sampleFloats = spec.channels * spec.inputHeight * spec.inputWidth;
    if (impl.options.classBalanced) {
        std::map<std::int32_t, std::vector<std::int64_t>> groups;
        for (std::int64_t i = 0; i < n; ++i)
            groups[impl.index->images[i].label].push_back(i);
        for (auto& [label, members] : groups)
            impl.imagesOfIdentity.push_back(std::move(members));
    }
    impl.options.prefetchBatches = std::max(1, impl.options.prefetchBatches);
    const std::int64_t first = start.epoch * impl.batchesPerEpoch + start.batchInEpoch;
    impl.nextToDeliver = impl.nextToClaim = first;

    int workers = impl.options.workers;
    if (workers <= 0)
        workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    try {
        for (int i = 0; i < workers; ++i)
            impl.workers.emplace_back([&impl] {
                // Parallelism comes from the workers. cv::setNumThreads(0) (process-wide state)
                // is left alone: bench_loader measured 1,010-1,140 images per CPU-second with
                // and without it.
                impl.work();
            });
    } catch (...) {
        impl.stop();
        throw;
    }
}

BatchLoader::~BatchLoader() {
    m_impl->stop();
}

Batch BatchLoader::next() {
    Impl& impl = *m_impl;
    const auto started = std::chrono::steady_clock::now();
    std::unique_lock lock(impl.mutex);
    if (impl.fatal)
        std::rethrow_exception(impl.fatal);
    const std::int64_t number = impl.nextToDeliver;
    impl.readyChanged.wait(lock, [&] {
        return impl.ready.count(number) > 0 || impl.failed.count(number) > 0 || impl.stopping;
    });
    if (auto error = impl.failed.find(number); error != impl.failed.end()) {
        impl.fatal = error->second;
        lock.unlock();
        impl.spaceChanged.notify_all();
        std::rethrow_exception(impl.fatal);
    }
    if (impl.stopping)
        throw JobError("the loader is stopping");
    Batch batch = std::move(impl.ready.at(number));
    impl.ready.erase(number);
    ++impl.nextToDeliver;
    lock.unlock();
    impl.spaceChanged.notify_all();
    batch.waitSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return batch;
}

LoaderPosition BatchLoader::position() const {
    std::lock_guard lock(m_impl->mutex);
    const std::int64_t number = m_impl->nextToDeliver;
    return {number / m_impl->batchesPerEpoch, number % m_impl->batchesPerEpoch};
}

std::int64_t BatchLoader::batchesPerEpoch() const {
    return m_impl->batchesPerEpoch;
}

std::vector<BadImage> BatchLoader::badImages() const {
    std::vector<BadImage> list;
    {
        std::lock_guard lock(m_impl->mutex);
        for (const auto& [image, problem] : m_impl->bad)
            list.push_back(problem);
    }
    std::sort(list.begin(), list.end(),
              [](const BadImage& a, const BadImage& b) { return a.path < b.path; });
    return list;
}

} // namespace fb::data
