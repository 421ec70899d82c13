// The benchmark engine on the CPU with the smallest backbone (small-resnet-64, its own
// 64x64 input) at batch sizes 2 and 4: rows and statuses, the oom path under --memory-cap-mb
// with the sweep going on, the JSON / CSV / Markdown outputs, --data DIR through the real loader,
// bench.json read back (readBenchResult) field by field and bad bench.json named by file and key,
// the bound named from deliberately slow data and compute, the timing loop's own overhead
// against the steps it times, and bad CLI input (exit 2 naming the option). One LibTorch thread:
// on a loaded 2-core machine OpenMP's multi-threaded steps stall for hundreds of milliseconds
// when a core is taken away.
#include "bench/bench_loop.h"
#include "bench/bench_measure.h"
#include "facebench/bench_job.h"
#include "facebench/bench_result_file.h"
#include "facebench/errors.h"
#include "facebench/model_catalog.h"
#include "facebench/run_directory.h"
#include "facebench/synthetic_data.h"
#include "process_runner.h"
#include "train/train_step.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <numeric>
#include <thread>
#include <nlohmann/json.hpp>

using namespace fb;

namespace {

constexpr const char* kModel = "small-resnet-64";

BenchOptions tinyOptions(std::vector<std::int64_t> batches) {
    BenchOptions options;
    options.models = {kModel};
    options.batchSizes = std::move(batches);
    options.devices = {"cpu"};
    options.iterations = 3;
    options.warmup = 1;
    options.numClasses = 10;
    options.threads = 1;
    return options;
}

std::vector<std::string> statuses(const BenchResult& result) {
    std::vector<std::string> out;
    for (const BenchRow& row : result.rows)
        out.push_back(row.status);
    return out;
}

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

double sum(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

// Every field of bench_job.h's structs set, on the steps benchJson rounds to (two decimals for
// images/s, three for ms, one for MiB, six for seconds, four for the speedup), so that reading
// back gives the very same doubles: a measured row (ok), an oom row, a distributed row with
// t_agg and two scaling rows.
BenchResult everyFieldSet() {
    BenchResult r;
    r.startedAt = "2026-11-29T01:00:00Z";
    r.cancelled = true;
    r.scalingNote = "devices run one after the other, \"quoted\", 2 of them";
    BenchOptions& o = r.options;
    o.models = {"small-resnet-64", "lightcnn-9"};
    o.batchSizes = {16, 32};
    o.devices = {"cpu", "cuda:0"};
    o.iterations = 7;
    o.warmup = 2;
    o.inputHeight = 112;
    o.inputWidth = 96;
    o.precision = "amp";
    o.channelsLast = true;
    o.data = "/data/casia";
    o.memoryCapMb = 2048;
    o.head = "arcface";
    o.numClasses = 10572;
    o.threads = 3;
    r.deviceTable = {
        "AMD EPYC 7763 64-Core Processor", 16, 3, {{0, "NVIDIA H200", 132, 139.8, "9.0"}}};
    BenchRow ok{
        "small-resnet-64", 16,     "cuda:0",     "amp",     "112x96", 250.5, 63.875, 70.125, 512.5,
        0.000125,          0.0625, std::nan(""), "compute", "ok",     ""};
    BenchRow oom{"lightcnn-9",
                 32,
                 "cpu",
                 "fp32",
                 "112x96",
                 0,
                 0,
                 0,
                 2100.5,
                 0,
                 0,
                 std::nan(""),
                 "",
                 "oom",
                 "resident set grew past --memory-cap-mb, \"2048\""};
    BenchRow distributed{"small-resnet-64",
                         32,
                         "cpu x2",
                         "fp32",
                         "64x64",
                         480.25,
                         66.6,
                         71.002,
                         0,
                         0.001,
                         0.04,
                         0.0125,
                         "data",
                         "ok",
                         ""};
    r.rows = {ok, oom, distributed};
    r.scaling = {{"small-resnet-64", 16, 1, 260, 0}, {"small-resnet-64", 16, 2, 500.75, 0.9259}};
    return r;
}

// Doubles compared exactly (QCOMPARE would allow qFuzzyCompare's tolerance); NaN equals NaN.
bool same(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

class TestBench : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rowsAndStatuses();
    void memoryCapGivesOomAndSweepContinues_data();
    void memoryCapGivesOomAndSweepContinues();
    void jsonSchemaAndFiles();
    void jsonReadsBackExactly();
    void badJsonNamesFileAndKey_data();
    void badJsonNamesFileAndKey();
    void cancelStopsTheSweep();
    void realDataNamesTheBound();
    void slowTermIsTheBound_data();
    void slowTermIsTheBound();
    void loopOverheadUnderTwoPercent();
    void cliRunsAndWritesResults();
    void cliErrorRowIsExitOne();
    void cliBadInputIsExitTwo_data();
    void cliBadInputIsExitTwo();

private:
    QTemporaryDir m_dir;
    BenchResult m_result; // rowsAndStatuses, reused by jsonSchemaAndFiles
};

void TestBench::initTestCase() {
    QVERIFY(m_dir.isValid());
    torch::set_num_threads(1);
}

void TestBench::rowsAndStatuses() {
    int starts = 0, finished = 0;
    m_result = BenchJob(tinyOptions({2, 4})).run([&](const BenchProgress& p) {
        QCOMPARE(p.total, 2);
        (p.row ? finished : starts) += 1;
    });
    QCOMPARE(starts, 2);
    QCOMPARE(finished, 2);
    QCOMPARE(m_result.rows.size(), std::size_t(2));
    const ModelInfo* model = findModel(kModel);
    const double weightsMb =
        static_cast<double>(model->backboneParameters) * sizeof(float) / (1024.0 * 1024.0);
    for (const BenchRow& row : m_result.rows)
        qInfo("batch %lld: peak %.1f MiB, the backbone's weights %.1f MiB",
              static_cast<long long>(row.batch), row.peakMemMb, weightsMb);
    for (std::size_t i = 0; i < 2; ++i) {
        const BenchRow& row = m_result.rows[i];
        QCOMPARE(row.model, std::string(kModel));
        QCOMPARE(row.batch, std::int64_t(i == 0 ? 2 : 4));
        QCOMPARE(row.device, std::string("cpu"));
        QCOMPARE(row.precision, std::string("fp32"));
        QCOMPARE(row.input, std::string("64x64")); // the catalog's own input size
        QCOMPARE(row.status, std::string("ok"));
        QVERIFY(row.imagesPerSec > 0);
        QVERIFY(row.msMedian > 0);
        QVERIFY(row.msP90 >= row.msMedian);
        QCOMPARE(row.tData, 0.0); // synthetic: compute alone
        QVERIFY(row.tCompute > 0);
        QVERIFY(row.bound.empty());
        // The resident set grows by what the configuration allocates after its baseline: at
        // least the backbone's weights (2.2 MiB), besides their gradients, the momentum buffers
        // and the activations. Here 28 MiB at batch 2 (the first configuration also pays for the
        // libraries' first use) and 14 MiB at batch 4, so the growth is not compared between
        // batches this small (memoryCapGivesOomAndSweepContinues compares 2 and 4 with 128).
        QVERIFY2(row.peakMemMb > weightsMb,
                 qPrintable(QString("batch %1: %2 MiB").arg(row.batch).arg(row.peakMemMb)));
    }
    QVERIFY(!m_result.deviceTable.cpuModel.empty());
    QVERIFY(m_result.deviceTable.cpuCores > 0);
    QCOMPARE(m_result.deviceTable.threads, 1);
    QVERIFY(m_result.scaling.empty());
    QVERIFY(m_result.scalingNote.find("several devices") != std::string::npos);
    QVERIFY(!m_result.cancelled);
}

// small-resnet-64 grows the resident set by ~30 MiB at batch 2 and ~200 MiB at batch 128 in its
// first step; a 100 MiB cap stops batch 128 and the batch after it still runs. A 1 MiB cap stops
// every batch, and still gives every row.
void TestBench::memoryCapGivesOomAndSweepContinues_data() {
    QTest::addColumn<qint64>("capMb");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("cap 100 MiB") << qint64(100) << QStringList{"ok", "oom", "ok"};
    QTest::newRow("cap 1 MiB") << qint64(1) << QStringList{"oom", "oom", "oom"};
}

void TestBench::memoryCapGivesOomAndSweepContinues() {
    QFETCH(qint64, capMb);
    QFETCH(QStringList, expected);
    BenchOptions options = tinyOptions({2, 128, 4});
    options.memoryCapMb = capMb;
    const BenchResult result = BenchJob(options).run();
    QStringList got;
    for (const std::string& status : statuses(result))
        got << QString::fromStdString(status);
    QCOMPARE(got, expected);
    for (const BenchRow& row : result.rows)
        if (row.status == "oom") {
            QVERIFY(row.message.find("--memory-cap-mb") != std::string::npos);
            QVERIFY(row.peakMemMb > static_cast<double>(capMb));
            QCOMPARE(row.imagesPerSec, 0.0);
        }
}

void TestBench::jsonSchemaAndFiles() {
    QCOMPARE(m_result.rows.size(), std::size_t(2));
    const auto json = nlohmann::json::parse(benchJson(m_result));
    for (const char* key :
         {"started_at", "options", "device_table", "rows", "scaling", "scaling_note", "cancelled"})
        QVERIFY2(json.contains(key), key);
    QVERIFY(json["device_table"]["cpu_model"].is_string());
    QVERIFY(json["device_table"]["cpu_cores"].is_number_integer());
    QVERIFY(json["device_table"]["threads"].is_number_integer());
    QVERIFY(json["device_table"]["gpus"].is_array());
    QVERIFY(json["options"]["batch_sizes"].is_array());
    QVERIFY(json["options"]["input_size"].is_null()); // the model's own
    QCOMPARE(json["rows"].size(), std::size_t(2));
    for (const auto& row : json["rows"]) {
        for (const char* key :
             {"model", "device", "precision", "input", "bound", "status", "message"})
            QVERIFY2(row[key].is_string(), key);
        QVERIFY(row["batch"].is_number_integer());
        for (const char* key :
             {"images_s", "ms_median", "ms_p90", "peak_mem_mb", "t_data", "t_compute"})
            QVERIFY2(row[key].is_number(), key);
        QCOMPARE(row.size(), std::size_t(14));
    }
    QCOMPARE(json["rows"][1]["batch"].get<int>(), 4);

    const QString out = m_dir.filePath("files/bench");
    writeBenchResults(m_result, out.toStdString());
    for (const char* name : {"bench.json", "bench.csv", "bench.md"})
        QVERIFY2(QFile::exists(out + "/" + name), name);
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), 3); // no temporary files left
    QFile csv(out + "/bench.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0],
             QByteArray("model,batch,device,precision,input,images_s,ms_median,ms_p90,peak_mem_mb,"
                        "t_data,t_compute,bound,status,message"));
    QVERIFY(lines[1].startsWith("small-resnet-64,2,cpu,fp32,64x64,"));
    const std::string md = benchMarkdown(m_result);
    QVERIFY(md.find("| model | batch | device |") != std::string::npos);
    QVERIFY(md.find("| small-resnet-64 | 4 | cpu | fp32 | 64x64 |") != std::string::npos);
}

void TestBench::jsonReadsBackExactly() {
    const BenchResult written = everyFieldSet();
    const QString dir = m_dir.filePath("readback");
    writeBenchResults(written, dir.toStdString());
    const BenchResult read = readBenchResult(BenchFiles{dir.toStdString()}.json());

    QCOMPARE(read.startedAt, written.startedAt);
    QCOMPARE(read.cancelled, written.cancelled);
    QCOMPARE(read.scalingNote, written.scalingNote);
    const BenchOptions &o = read.options, &w = written.options;
    QCOMPARE(o.models, w.models);
    QCOMPARE(o.batchSizes, w.batchSizes);
    QCOMPARE(o.devices, w.devices);
    QCOMPARE(o.iterations, w.iterations);
    QCOMPARE(o.warmup, w.warmup);
    QCOMPARE(o.inputHeight, w.inputHeight);
    QCOMPARE(o.inputWidth, w.inputWidth);
    QCOMPARE(o.precision, w.precision);
    QCOMPARE(o.channelsLast, w.channelsLast);
    QCOMPARE(o.data, w.data);
    QCOMPARE(o.memoryCapMb, w.memoryCapMb);
    QCOMPARE(o.head, w.head);
    QCOMPARE(o.numClasses, w.numClasses);
    QCOMPARE(o.threads, w.threads);
    QCOMPARE(read.deviceTable.cpuModel, written.deviceTable.cpuModel);
    QCOMPARE(read.deviceTable.cpuCores, written.deviceTable.cpuCores);
    QCOMPARE(read.deviceTable.threads, written.deviceTable.threads);
    QCOMPARE(read.deviceTable.gpus.size(), std::size_t(1));
    const GpuInfo &g = read.deviceTable.gpus[0], &wg = written.deviceTable.gpus[0];
    QCOMPARE(g.index, wg.index);
    QCOMPARE(g.name, wg.name);
    QCOMPARE(g.multiprocessors, wg.multiprocessors);
    QVERIFY(same(g.memoryGb, wg.memoryGb));
    QCOMPARE(g.computeCapability, wg.computeCapability);
    QCOMPARE(read.rows.size(), written.rows.size());
    for (std::size_t i = 0; i < read.rows.size(); ++i) {
        const BenchRow &r = read.rows[i], &wr = written.rows[i];
        QCOMPARE(r.model, wr.model);
        QCOMPARE(r.batch, wr.batch);
        QCOMPARE(r.device, wr.device);
        QCOMPARE(r.precision, wr.precision);
        QCOMPARE(r.input, wr.input);
        QCOMPARE(r.bound, wr.bound);
        QCOMPARE(r.status, wr.status);
        QCOMPARE(r.message, wr.message);
        for (const auto& [got, want] :
             {std::pair{r.imagesPerSec, wr.imagesPerSec}, std::pair{r.msMedian, wr.msMedian},
              std::pair{r.msP90, wr.msP90}, std::pair{r.peakMemMb, wr.peakMemMb},
              std::pair{r.tData, wr.tData}, std::pair{r.tCompute, wr.tCompute},
              std::pair{r.tAgg, wr.tAgg}})
            QVERIFY2(same(got, want), qPrintable(QStringLiteral("rows[%1]: %2 read back as %3")
                                                     .arg(i)
                                                     .arg(want, 0, 'g', 17)
                                                     .arg(got, 0, 'g', 17)));
    }
    QVERIFY(std::isnan(read.rows[0].tAgg)); // no "t_agg" key: not measured
    QCOMPARE(read.rows[2].tAgg, 0.0125);
    QCOMPARE(read.scaling.size(), written.scaling.size());
    for (std::size_t i = 0; i < read.scaling.size(); ++i) {
        const ScalingRow &s = read.scaling[i], &ws = written.scaling[i];
        QCOMPARE(s.model, ws.model);
        QCOMPARE(s.batch, ws.batch);
        QCOMPARE(s.devices, ws.devices);
        QVERIFY(same(s.imagesPerSec, ws.imagesPerSec));
        QVERIFY(same(s.speedup, ws.speedup));
    }
    // The same text again, and so for a measured sweep's rows (rounded once by benchJson).
    QCOMPARE(benchJson(read), benchJson(written));
    QCOMPARE(m_result.rows.size(), std::size_t(2));
    QCOMPARE(benchJson(parseBenchResult(benchJson(m_result), "measured.json")),
             benchJson(m_result));
}

void TestBench::badJsonNamesFileAndKey_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not JSON") << QByteArray("{\"rows\": [") << ""
                              << "not JSON";
    QTest::newRow("top level a list") << QByteArray("[]") << ""
                                      << "the top level is array";
    QTest::newRow("rows missing") << QByteArray(R"({"started_at": "2026-11-29T01:00:00Z"})")
                                  << "rows"
                                  << "missing";
    QTest::newRow("rows an object") << QByteArray(R"({"rows": {}})") << "rows"
                                    << "expected a list, found object";
    QTest::newRow("row without model")
        << QByteArray(R"({"rows": [{"model": "a", "batch": 2}, {"batch": 4}]})") << "rows[1].model"
        << "missing";
    QTest::newRow("row without batch")
        << QByteArray(R"({"rows": [{"model": "a", "batch": 2}, {"model": "a"}]})")
        << "rows[1].batch"
        << "missing";
    QTest::newRow("batch as text")
        << QByteArray(R"({"rows": [{"model": "a", "batch": "4"}]})") << "rows[0].batch"
        << "expected a whole number, found string";
    QTest::newRow("batch zero") << QByteArray(R"({"rows": [{"model": "a", "batch": 0}]})")
                                << "rows[0].batch"
                                << "must be from 1 to";
    QTest::newRow("images_s as text")
        << QByteArray(R"({"rows": [{"model": "a", "batch": 2, "images_s": "fast"}]})")
        << "rows[0].images_s"
        << "expected a number, found string";
    QTest::newRow("gpu name a number")
        << QByteArray(R"({"rows": [], "device_table": {"gpus": [{"name": 3}]}})")
        << "device_table.gpus[0].name"
        << "expected a string, found number";
    QTest::newRow("threads beyond int")
        << QByteArray(R"({"rows": [], "options": {"threads": 4294967296}})") << "options.threads"
        << "must be from 0 to 2147483647";
    QTest::newRow("scaling without devices")
        << QByteArray(R"({"rows": [], "scaling": [{"model": "a", "batch": 2}]})")
        << "scaling[0].devices"
        << "missing";
    QTest::newRow("cancelled as text")
        << QByteArray(R"({"rows": [], "cancelled": "no"})") << "cancelled"
        << "expected true or false, found string";
    QTest::newRow("nested too deep")
        << QByteArray("{\"rows\": [") + QByteArray(20, '[') + QByteArray(21, ']') + "}"
        << ""
        << "nested deeper than 8 levels";
    // Past the size cap the file is refused before it is parsed, whatever it holds.
    QTest::newRow("larger than 16 MiB")
        << QByteArray("{\"rows\": []}") + QByteArray((16 << 20) + 1, ' ') << ""
        << "larger than 16 MiB";
}

void TestBench::badJsonNamesFileAndKey() {
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    QFETCH(QString, problem);
    const QString path = m_dir.filePath("bad-bench.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
    file.close();
    try {
        readBenchResult(path.toStdString());
        QFAIL("read without an error");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.where().file), path);
        QCOMPARE(QString::fromStdString(error.key()), key);
        QVERIFY2(QString::fromStdString(error.problem()).contains(problem), error.what());
        QVERIFY2(QString::fromUtf8(error.what()).startsWith(path), error.what());
    }
}

void TestBench::cancelStopsTheSweep() {
    BenchJob job(tinyOptions({2, 4}));
    const BenchResult result = job.run([&](const BenchProgress& p) {
        if (p.row)
            job.cancel(); // after the first configuration
    });
    QVERIFY(result.cancelled);
    QCOMPARE(result.rows.size(), std::size_t(1));
    QCOMPARE(result.rows[0].status, std::string("ok"));
}

// --data DIR: batches through the real index and BatchLoader; t_data is the loader wait and the
// row names the term of eq. 7-8 that bounds the step.
void TestBench::realDataNamesTheBound() {
    const QString data = m_dir.filePath("synth");
    SynthOptions synth;
    synth.outDir = data.toStdString();
    synth.identities = 3;
    synth.imagesPerIdentity = 3;
    synth.testIdentities = kSynthMinTestIdentities;
    synth.width = synth.height = 64;
    SynthJob(synth).run();
    BenchOptions options = tinyOptions({2});
    options.data = (data + "/train").toStdString();
    const BenchResult result = BenchJob(options).run();
    QCOMPARE(result.rows.size(), std::size_t(1));
    const BenchRow& row = result.rows[0];
    QCOMPARE(row.status, std::string("ok"));
    QVERIFY(row.tData >= 0);
    QVERIFY(row.tCompute > 0);
    // Either term may bound this tiny step on a given machine (slowTermIsTheBound makes each one
    // the slow one); the row names the one its own times give.
    const bool dataBound = row.tData > 0.1 * (row.tData + row.tCompute);
    QCOMPARE(row.bound, std::string(dataBound ? "data" : "compute"));
}

// Seed eq. 8: the loader prefetches, a step costs max(t_load, t_compute), and the row names the
// larger term. Through the timing loop and the summary, a step that waits a deliberate 50 ms for
// its batch (measured as the loader measures Batch::waitSeconds) and then does nothing is data
// bound; one that finds its batch ready and computes for 50 ms is compute bound. The other term
// is microseconds: a ratio in the thousands against the rule's line at a tenth, so a loaded
// machine cannot move a row across it.
void TestBench::slowTermIsTheBound_data() {
    QTest::addColumn<bool>("slowData");
    QTest::addColumn<QString>("bound");
    QTest::newRow("50 ms loader wait") << true << "data";
    QTest::newRow("50 ms step, batch ready") << false << "compute";
}

void TestBench::slowTermIsTheBound() {
    QFETCH(bool, slowData);
    QFETCH(QString, bound);
    constexpr auto kSlow = std::chrono::milliseconds(50);
    const bench::StepFunction step = [&](int) {
        const auto before = std::chrono::steady_clock::now();
        if (slowData)
            std::this_thread::sleep_for(kSlow);
        const double waited = seconds(std::chrono::steady_clock::now() - before);
        if (!slowData)
            std::this_thread::sleep_for(kSlow);
        return waited;
    };
    const bench::IterationTimes times = bench::timeIterations(step, {}, 1, 3);
    QCOMPARE(times.data.size(), std::size_t(3));
    BenchRow row;
    row.batch = 2;
    bench::summarise(row, times, /*realData=*/true);
    qInfo("t_data %.3f ms, t_compute %.3f ms", row.tData * 1e3, row.tCompute * 1e3);
    QCOMPARE(QString::fromStdString(row.bound), bound);
    const double slow = seconds(kSlow);
    QVERIFY((slowData ? row.tData : row.tCompute) > 0.99 * slow);
    QVERIFY((slowData ? row.tCompute : row.tData) < 0.1 * slow);
    QVERIFY(row.msMedian > 0.99 * slow * 1e3);
    QVERIFY(row.imagesPerSec < 2 / (0.99 * slow));
}

// The loop's own cost against the training steps it times. Each step measures itself (clock
// reads at its entry and exit), so a bare loop of the same steps costs just their sum; what the
// loop reports beyond that is its own work between steps (clock read, bookkeeping, the cancel
// check). Both sums come from the same iterations, unlike two wall-clock loops compared with
// each other (on a 2-core machine shared with compilers those differ by far more than 2% from
// run to run): a stall inside a step is in both, only one in the sub-microsecond gaps between
// steps counts against the loop. The memory check after the first warm-up step (it stops the
// sampler thread and reads /proc) sleeps here for as long as that step took: timed by mistake,
// it alone would be a whole step over 15, about 7%.
void TestBench::loopOverheadUnderTwoPercent() {
    ExperimentConfig config;
    config.model.name = kModel;
    train::TrainModules modules = train::buildModules(config, 10, torch::kCPU);
    train::TrainStep step(modules);
    const torch::Tensor images = torch::randn({2, 3, 64, 64});
    const torch::Tensor labels = torch::randint(0, 10, {2}, torch::kLong);
    std::vector<double> inside; // each step's own time, warm-up first
    const bench::StepFunction run = [&](int i) {
        const auto before = std::chrono::steady_clock::now();
        step.run(images, labels, 0.01, i);
        inside.push_back(seconds(std::chrono::steady_clock::now() - before));
        return 0.0;
    };
    const auto memoryCheck = [&] {
        std::this_thread::sleep_for(std::chrono::duration<double>(inside.front()));
        return true;
    };
    const int steps = 15;
    std::atomic_bool cancel{false};
    const bench::IterationTimes times =
        bench::timeIterations(run, {}, 1, steps, memoryCheck, &cancel);
    QCOMPARE(times.compute.size(), std::size_t(steps));
    QCOMPARE(inside.size(), std::size_t(1 + steps));
    const std::vector<double> bare(inside.begin() + 1, inside.end());
    for (int i = 0; i < steps; ++i) {
        QCOMPARE(times.data[i], 0.0);
        // The loop's clock reads enclose the step's own: nothing of the step goes untimed.
        QVERIFY2(times.compute[i] >= bare[i], qPrintable(QString::number(i)));
    }
    const double overhead = sum(times.compute) / sum(bare) - 1.0;
    qInfo("step median %.3f ms; the loop's own cost %.1f ns/iteration = %.5f%% of the steps",
          bench::median(bare) * 1e3, (sum(times.compute) - sum(bare)) / steps * 1e9,
          100 * overhead);
    QVERIFY(overhead < 0.02);
}

void TestBench::cliRunsAndWritesResults() {
    const QString out = m_dir.filePath("cli/bench");
    const ProcessResult result =
        runCli({"bench", "--models", kModel, "--batch-sizes", "2", "--iterations", "2", "--warmup",
                "1", "--threads", "1", "--classes", "10", "--json", "--out", out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const auto json = nlohmann::json::parse(result.out.toStdString());
    QCOMPARE(json["rows"].size(), std::size_t(1));
    QCOMPARE(json["rows"][0]["status"].get<std::string>(), std::string("ok"));
    QCOMPARE(json["out_dir"].get<std::string>(), out.toStdString());
    QVERIFY(
        result.err.contains("| small-resnet-64 | 2 | cpu |")); // the table on stderr with --json
    for (const char* name : {"bench.json", "bench.csv", "bench.md"})
        QVERIFY2(QFile::exists(out + "/" + name), name);
}

// small-resnet-64's classifier expects its own 64x64 input: at 32x32 every step fails. The rows
// say so, the files are written, and the run is a failure (exit 1), not bad input.
void TestBench::cliErrorRowIsExitOne() {
    const QString out = m_dir.filePath("cli-error/bench");
    const ProcessResult result =
        runCli({"bench", "--models", kModel, "--batch-sizes", "2", "--input-size", "32x32",
                "--iterations", "1", "--warmup", "1", "--threads", "1", "--out", out});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.contains("| error |"));
    QVERIFY(QFile::exists(out + "/bench.csv"));
}

void TestBench::cliBadInputIsExitTwo_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    const QStringList base{"bench", "--batch-sizes", "2", "--models", kModel};
    QTest::newRow("unknown model")
        << QStringList{"bench", "--models", "resnet5", "--batch-sizes", "2"}
        << "'--models': unknown model 'resnet5'; did you mean 'resnet50'?";
    QTest::newRow("bad batch list")
        << QStringList{"bench", "--models", kModel, "--batch-sizes", "16,x"} << "--batch-sizes";
    QTest::newRow("zero batch") << QStringList{"bench", "--models", kModel, "--batch-sizes", "0,2"}
                                << "--batch-sizes";
    QTest::newRow("amp on cpu") << base + QStringList{"--precision", "amp"} << "--precision";
    QTest::newRow("unknown device") << base + QStringList{"--device", "tpu"} << "--device";
    QTest::newRow("bad input size")
        << base + QStringList{"--input-size", "64by64"} << "--input-size";
    QTest::newRow("missing data dir")
        << base + QStringList{"--data", "/nonexistent/faces"} << "--data";
    QTest::newRow("no warm-up") << base + QStringList{"--warmup", "0"} << "--warmup";
    if (!torch::cuda::is_available())
        QTest::newRow("cuda without gpu") << base + QStringList{"--device", "cuda:0"} << "--device";
}

void TestBench::cliBadInputIsExitTwo() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const QString out = m_dir.filePath("bad/bench");
    const ProcessResult result = runCli(arguments + QStringList{"--out", out});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(named.toUtf8()), result.err.constData());
    QVERIFY(!QDir(out).exists()); // nothing half-written
}

QTEST_GUILESS_MAIN(TestBench)
#include "test_bench.moc"
