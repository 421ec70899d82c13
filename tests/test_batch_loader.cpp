// The training loader: batches identical for 1 and 4 workers, reshuffled every
// epoch, the three last-batch policies (Caffe wrap, PyTorch keep, TensorFlow drop, seed Section
// 4.1), resume from a position, class-balanced sampling, bad images replaced and listed, every
// image bad -> JobError raised in a worker and rethrown by next(), and prompt destruction
// mid-flight.
#include "data/batch_loader.h"
#include "facebench/errors.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <set>

using namespace fb;
using namespace fb::data;

namespace {

// `count` 10 x 10 PNGs; image i has a gradient whose level encodes i, so crops and flips make
// distinct tensors; labels: i % identities.
std::shared_ptr<DatasetIndex> makeIndex(const QTemporaryDir& dir, int count, int identities = 3) {
    auto index = std::make_shared<DatasetIndex>();
    index->root = dir.path().toStdString();
    index->format = "imagefolder";
    for (int id = 0; id < identities; ++id)
        index->identities.push_back("id" + std::to_string(id));
    for (int i = 0; i < count; ++i) {
        cv::Mat image(10, 10, CV_8UC3);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 10; ++x)
                image.at<cv::Vec3b>(y, x) =
                    cv::Vec3b(uchar(20 * i % 256), uchar(10 * x + y), uchar(5 * y + i));
        const std::string path =
            dir.filePath(QString("img%1.png").arg(i, 3, 10, QChar('0'))).toStdString();
        cv::imwrite(path, image);
        IndexedImage entry;
        entry.path = path;
        entry.label = i % identities;
        index->images.push_back(entry);
    }
    return index;
}

LoaderOptions options(std::int64_t batch, LastBatch policy, int workers = 2) {
    LoaderOptions o;
    o.batchSize = batch;
    o.workers = workers;
    o.prefetchBatches = 3;
    o.seed = 7;
    o.lastBatch = policy;
    o.preprocess.style = PreprocessStyle::Face;
    o.preprocess.train = true;
    o.preprocess.imageHeight = o.preprocess.imageWidth = 10;
    o.preprocess.inputHeight = o.preprocess.inputWidth = 8;
    return o;
}

std::vector<Batch> take(BatchLoader& loader, int count) {
    std::vector<Batch> batches;
    for (int i = 0; i < count; ++i)
        batches.push_back(loader.next());
    return batches;
}

std::vector<std::int64_t> sizes(const std::vector<Batch>& batches) {
    std::vector<std::int64_t> out;
    for (const Batch& b : batches)
        out.push_back(b.images.size(0));
    return out;
}

std::vector<std::int64_t> concat(const std::vector<Batch>& batches, std::size_t from,
                                 std::size_t to) {
    std::vector<std::int64_t> out;
    for (std::size_t i = from; i < to; ++i)
        out.insert(out.end(), batches[i].indices.begin(), batches[i].indices.end());
    return out;
}

bool isPermutation(std::vector<std::int64_t> v, std::int64_t n) {
    std::sort(v.begin(), v.end());
    std::vector<std::int64_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    return v == all;
}

void expectSame(const std::vector<Batch>& a, const std::vector<Batch>& b) {
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].indices, b[i].indices);
        QVERIFY(torch::equal(a[i].labels, b[i].labels));
        QVERIFY(torch::equal(a[i].images, b[i].images));
        QCOMPARE(a[i].position.epoch, b[i].position.epoch);
        QCOMPARE(a[i].position.batchInEpoch, b[i].position.batchInEpoch);
    }
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

} // namespace

class TestBatchLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameBatchesForOneAndFourWorkers();
    void reshufflesEveryEpoch();
    void lastBatchPolicies();
    void resumesExactly_data();
    void resumesExactly();
    void classBalanced();
    void badImagesReplacedAndListed();
    void everyImageBadThrows();
    void wrapsAcrossSeveralPasses();
    void refusesImpossibleSetups();
    void destroysPromptlyMidFlight();
};

void TestBatchLoader::sameBatchesForOneAndFourWorkers() {
    QTemporaryDir dir;
    const auto index = makeIndex(dir, 13);
    BatchLoader one(index, options(4, LastBatch::Keep, 1));
    BatchLoader four(index, options(4, LastBatch::Keep, 4));
    const auto a = take(one, 9), b = take(four, 9);
    expectSame(a, b);
    // The augmentation is random (crops and flips differ between samples of one image).
    std::map<std::int64_t, std::vector<torch::Tensor>> samples;
    for (const Batch& batch : a)
        for (std::int64_t i = 0; i < batch.images.size(0); ++i)
            samples[batch.indices[i]].push_back(batch.images[i]);
    int differing = 0;
    for (const auto& [image, tensors] : samples)
        differing += tensors.size() >= 2 && !torch::equal(tensors[0], tensors[1]);
    QVERIFY(differing >= 5);
    for (const Batch& batch : a) {
        QVERIFY(batch.waitSeconds >= 0);
        for (std::size_t i = 0; i < batch.indices.size(); ++i)
            QCOMPARE(batch.labels[i].item<std::int64_t>(), index->images[batch.indices[i]].label);
    }
}

void TestBatchLoader::reshufflesEveryEpoch() {
    QTemporaryDir dir;
    const auto index = makeIndex(dir, 12);
    BatchLoader loader(index, options(4, LastBatch::Keep));
    const auto batches = take(loader, 9);
    const auto e0 = concat(batches, 0, 3), e1 = concat(batches, 3, 6), e2 = concat(batches, 6, 9);
    QVERIFY(isPermutation(e0, 12) && isPermutation(e1, 12) && isPermutation(e2, 12));
    QVERIFY(e0 != e1 && e1 != e2);
    // Without shuffle, the index order.
    LoaderOptions o = options(4, LastBatch::Keep);
    o.shuffle = false;
    BatchLoader plain(index, o);
    const auto ordered = concat(take(plain, 6), 0, 6);
    for (std::size_t i = 0; i < ordered.size(); ++i)
        QCOMPARE(ordered[i], std::int64_t(i % 12));
}

// 10 images, batch 4 (seed Section 4.1).
void TestBatchLoader::lastBatchPolicies() {
    QTemporaryDir dir;
    const auto index = makeIndex(dir, 10);
    BatchLoader keep(index, options(4, LastBatch::Keep));
    QCOMPARE(keep.batchesPerEpoch(), std::int64_t(3));
    const auto k = take(keep, 6);
    QCOMPARE(sizes(k), (std::vector<std::int64_t>{4, 4, 2, 4, 4, 2}));
    QVERIFY(isPermutation(concat(k, 0, 3), 10) && isPermutation(concat(k, 3, 6), 10));

    BatchLoader drop(index, options(4, LastBatch::Drop));
    QCOMPARE(drop.batchesPerEpoch(), std::int64_t(2));
    const auto d = take(drop, 4);
    QCOMPARE(sizes(d), (std::vector<std::int64_t>{4, 4, 4, 4}));
    QCOMPARE(d[2].position.epoch, std::int64_t(1));
    // Drop skips the pass's last two: epoch 1 starts its own order, the same as keep's.
    QCOMPARE(concat(d, 0, 2), concat(k, 0, 2));
    QCOMPARE(concat(d, 2, 4), concat(k, 3, 5));

    BatchLoader wrap(index, options(4, LastBatch::Wrap));
    QCOMPARE(wrap.batchesPerEpoch(), std::int64_t(3));
    const auto w = take(wrap, 5);
    QCOMPARE(sizes(w), (std::vector<std::int64_t>{4, 4, 4, 4, 4}));
    // 20 samples: pass 0 (keep's epoch 0) then pass 1 (keep's epoch 1), the third batch
    // holding pass 0's last two and pass 1's first two.
    const auto stream = concat(w, 0, 5);
    QCOMPARE(std::vector<std::int64_t>(stream.begin(), stream.begin() + 10), concat(k, 0, 3));
    QCOMPARE(std::vector<std::int64_t>(stream.begin() + 10, stream.end()), concat(k, 3, 6));
    QCOMPARE(w[3].position.epoch, std::int64_t(1));
    QCOMPARE(w[3].position.batchInEpoch, std::int64_t(0));
    QCOMPARE(wrap.position().epoch, std::int64_t(1));
    QCOMPARE(wrap.position().batchInEpoch, std::int64_t(2));
    // The same pixels as keep for the same stream position (augmentation by position).
    QVERIFY(torch::equal(w[0].images, k[0].images));
    QVERIFY(torch::equal(w[2].images.slice(0, 0, 2), k[2].images));
}

void TestBatchLoader::resumesExactly_data() {
    QTest::addColumn<int>("policy");
    QTest::newRow("keep") << int(LastBatch::Keep);
    QTest::newRow("drop") << int(LastBatch::Drop);
    QTest::newRow("wrap") << int(LastBatch::Wrap);
}

void TestBatchLoader::resumesExactly() {
    QFETCH(int, policy);
    QTemporaryDir dir;
    const auto index = makeIndex(dir, 10);
    const LoaderOptions o = options(4, LastBatch(policy), 3);
    BatchLoader whole(index, o);
    const auto all = take(whole, 8);
    const LoaderPosition at = all[4].position;
    BatchLoader resumed(index, o, at);
    QCOMPARE(resumed.position().epoch, at.epoch);
    QCOMPARE(resumed.position().batchInEpoch, at.batchInEpoch);
    expectSame(take(resumed, 4), std::vector<Batch>(all.begin() + 4, all.end()));
}

void TestBatchLoader::classBalanced() {
    // 12 images of identity 0 and 1 of identity 1: uniform identities give ~half each.
    QTemporaryDir dir;
    auto index = makeIndex(dir, 13, 1);
    index->identities.push_back("rare");
    index->images.back().label = 1;
    LoaderOptions o = options(13, LastBatch::Keep);
    o.classBalanced = true;
    BatchLoader loader(index, o);
    int rare = 0;
    for (const Batch& batch : take(loader, 20))
        rare += int(batch.labels.eq(1).sum().item<std::int64_t>());
    QVERIFY2(rare > 100 && rare < 160, qPrintable(QString::number(rare))); // of 260
    // And reproducibly.
    BatchLoader again(index, o);
    BatchLoader first(index, o);
    expectSame(take(again, 3), take(first, 3));
}

void TestBatchLoader::badImagesReplacedAndListed() {
    QTemporaryDir dir;
    auto index = makeIndex(dir, 8);
    // Image 2 zero bytes, 5 a truncated JPEG, 6 not an image.
    writeBytes(index->images[2].path, "");
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", cv::Mat(32, 32, CV_8UC3, cv::Scalar(1, 2, 3)), jpeg);
    writeBytes(index->images[5].path, std::string(jpeg.begin(), jpeg.begin() + jpeg.size() / 2));
    writeBytes(index->images[6].path, "hello");
    QVERIFY(QFile::remove(QString::fromStdString(index->images[0].path))); // gone since indexing
    BatchLoader loader(index, options(4, LastBatch::Keep, 3));
    const auto batches = take(loader, 4);
    QCOMPARE(sizes(batches), (std::vector<std::int64_t>{4, 4, 4, 4}));
    for (const Batch& batch : batches)
        for (std::int64_t i : batch.indices)
            QVERIFY(i != 0 && i != 2 && i != 5 && i != 6);
    // Each bad one is replaced by the next good one in index order: 0 -> 1, 2 -> 3, 5 and 6 -> 7.
    const auto epoch = concat(batches, 0, 2);
    QCOMPARE(std::count(epoch.begin(), epoch.end(), 1), std::ptrdiff_t(2));
    QCOMPARE(std::count(epoch.begin(), epoch.end(), 3), std::ptrdiff_t(2));
    QCOMPARE(std::count(epoch.begin(), epoch.end(), 7), std::ptrdiff_t(3));
    const std::vector<BadImage> bad = loader.badImages();
    QCOMPARE(int(bad.size()), 4);
    QCOMPARE(bad[0].path, index->images[0].path);
    QVERIFY(bad[0].problem.find("cannot open") != std::string::npos);
    QCOMPARE(bad[1].path, index->images[2].path);
    QVERIFY(bad[1].problem.find("empty") != std::string::npos);
    QCOMPARE(bad[2].path, index->images[5].path);
    QVERIFY(bad[2].problem.find("truncated JPEG") != std::string::npos);
    QCOMPARE(bad[3].path, index->images[6].path);
    // Deterministic with any number of workers.
    BatchLoader one(index, options(4, LastBatch::Keep, 1));
    expectSame(take(one, 4), batches);
}

void TestBatchLoader::everyImageBadThrows() {
    QTemporaryDir dir;
    auto index = makeIndex(dir, 5);
    for (const IndexedImage& image : index->images)
        writeBytes(image.path, "junk");
    BatchLoader loader(index, options(2, LastBatch::Wrap, 2));
    QVERIFY_THROWS_EXCEPTION(JobError, loader.next());
    QVERIFY_THROWS_EXCEPTION(JobError, loader.next()); // and stays failed, no hang
    QCOMPARE(int(loader.badImages().size()), 5);
}

void TestBatchLoader::wrapsAcrossSeveralPasses() {
    // Batch 8 of 3 images: each batch spans passes; 3 batches = 8 passes, each a permutation.
    QTemporaryDir dir;
    const auto index = makeIndex(dir, 3);
    BatchLoader wrap(index, options(8, LastBatch::Wrap, 3));
    QCOMPARE(wrap.batchesPerEpoch(), std::int64_t(1));
    const auto stream = concat(take(wrap, 3), 0, 3);
    QCOMPARE(stream.size(), std::size_t(24));
    for (int pass = 0; pass < 8; ++pass)
        QVERIFY(isPermutation(
            std::vector<std::int64_t>(stream.begin() + 3 * pass, stream.begin() + 3 * pass + 3),
            3));
}

void TestBatchLoader::refusesImpossibleSetups() {
    QTemporaryDir dir;
    const auto index = makeIndex(dir, 3);
    QVERIFY_THROWS_EXCEPTION(InputError, BatchLoader(index, options(4, LastBatch::Drop)));
    QVERIFY_THROWS_EXCEPTION(
        InputError, BatchLoader(std::make_shared<DatasetIndex>(), options(4, LastBatch::Keep)));
    QVERIFY_THROWS_EXCEPTION(InputError, BatchLoader(index, options(0, LastBatch::Keep)));
    // A spec that cannot work (an input larger than the image, Caffe style) fails up front.
    LoaderOptions tooLarge = options(2, LastBatch::Keep);
    tooLarge.preprocess.style = PreprocessStyle::Caffe;
    tooLarge.preprocess.inputHeight = 12;
    QVERIFY_THROWS_EXCEPTION(InputError, BatchLoader(index, tooLarge));
}

void TestBatchLoader::destroysPromptlyMidFlight() {
    QTemporaryDir dir;
    const auto index = makeIndex(dir, 16);
    LoaderOptions o = options(64, LastBatch::Wrap, 4);
    o.preprocess.imageHeight = o.preprocess.imageWidth = 160; // slow enough to be mid-batch
    o.preprocess.inputHeight = o.preprocess.inputWidth = 150;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        {
            BatchLoader loader(index, o);
            if (round == 1)
                loader.next(); // workers then refill the queue while the loader dies
            if (round == 2)
                QThread::msleep(50);
            timer.start();
        }
        // Prompt means the workers stop after the image in hand (a few ms each): destruction
        // neither hangs on workers blocked on a full queue nor lets them run on (Wrap never
        // ends). 10 s leaves room for a loaded CI machine; the broken cases never return.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }
}

QTEST_GUILESS_MAIN(TestBatchLoader)
#include "test_batch_loader.moc"
