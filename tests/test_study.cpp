// Studies through the CLI on a tiny synthetic set (4 identities x 4 images of 32x32, cells of 2
// steps): a 2x2 study runs end to end and its report carries the cells' eval numbers exactly,
// repeats give the mean and sd of their cells, a second run skips finished cells without
// touching their files, each bad study file is exit 2 naming its line, and another study file
// against the same folder is refused. The same 2x2 study on two CPU workers (--devices cpu,cpu)
// gives the sequential run's numbers exactly; a study generates the synthetic sets it lists;
// a bench study records each cell's images/s and oom as its bench.json has them; the figure
// data's bars are the report table's numbers.
#include "facebench/eval_results.h"
#include "facebench/report_table.h"
#include "facebench/study.h"
#include "process_runner.h"
#include "tiny_training_setup.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

using namespace fb;
namespace fs = std::filesystem;

namespace {

void writeText(const QString& path, const std::string& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.data(), static_cast<qint64>(text.size()));
}

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// The report's JSON keeps 12 significant digits of a number (report_table.h).
double asReported(double value) {
    return std::stod(dataNumberText(value));
}

std::map<std::string, fs::file_time_type> modificationTimes(const std::string& dir) {
    std::map<std::string, fs::file_time_type> times;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file())
            times[entry.path().string()] = entry.last_write_time();
    return times;
}

} // namespace

class TestStudy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gridRunsEndToEnd();
    void rerunSkipsFinishedCells();
    void repeatsGiveMeanAndSd();
    void badStudyFilesNameTheLine_data();
    void badStudyFilesNameTheLine();
    void anotherStudyFileIsRefused();
    void pairedTestByHand();
    void bundledStudiesResolve();
    void ctrlCCheckpointsAndTheNextRunResumes();
    void twoCpuWorkersGiveTheSequentialNumbers();
    void unavailableDeviceIsExit2();
    void datasetsAreGeneratedOnce();
    void benchStudyRecordsThroughputAndOom();
    void figureDataIsTheTable();

private:
    QString study(const QString& name, const std::string& body);
    QTemporaryDir m_dir;
    QString m_grid; // the 2x2 study's folder
};

void TestStudy::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath("data");
    const ProcessResult synth = test::synthTinyFaceSet(data, 4, 4, 3);
    QVERIFY2(synth.exitCode == 0, synth.err.constData());
    writeText(m_dir.filePath("base.yaml"), test::tinyStudyBaseConfig(data).yaml().toStdString());
}

QString TestStudy::study(const QString& name, const std::string& body) {
    const QString path = m_dir.filePath(name);
    writeText(path, body);
    return path;
}

void TestStudy::gridRunsEndToEnd() {
    const QString file = study("grid.yaml", test::kTinyGridStudy);
    m_grid = m_dir.filePath("grid");
    const ProcessResult run = runCli({"study", "run", file, "--out", m_grid});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    const nlohmann::json state = readJson(m_grid.toStdString() + "/study.json");
    QCOMPARE(state["cells"].size(), std::size_t(4));
    const std::vector<std::string> expected = {
        "head.type=softmax+train.batch_size=4", "head.type=softmax+train.batch_size=8",
        "head.type=arcface+train.batch_size=4", "head.type=arcface+train.batch_size=8"};
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(state["cells"][i]["status"].get<std::string>(), std::string("done"));
        QCOMPARE(state["cells"][i]["condition"].get<std::string>(), expected[i]);
        QVERIFY(state["cells"][i]["id"].get<std::string>().rfind(expected[i] + "-r0-", 0) == 0);
    }

    const QString reportFile = m_dir.filePath("grid-report.json");
    const ProcessResult report = runCli({"study", "report", m_grid, "--out", reportFile});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    const nlohmann::json tables = readJson(reportFile.toStdString())["tables"];
    const nlohmann::json& rows = tables[0]["rows"];
    QCOMPARE(rows.size(), std::size_t(4));
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string cellDir =
            m_grid.toStdString() + "/cells/" + state["cells"][i]["id"].get<std::string>();
        const nlohmann::json lfw = readJson(cellDir + "/eval/lfw.json");
        QCOMPARE(rows[i]["lfw_acc_pct"]["value"].get<double>(),
                 asReported(100.0 * lfw["accuracy"].get<double>()));
        QCOMPARE(state["cells"][i]["metrics"]["lfw_acc"].get<double>(),
                 lfw["accuracy"].get<double>());
        const EvalResult result = readEvalResult(cellDir + "/eval/lfw.json");
        QCOMPARE(rows[i]["lfw_tar_pct@0.1%"]["value"].get<double>(),
                 asReported(100.0 * result.blocks.front().tarAtFar[1].tar));
    }
    QCOMPARE(rows[0]["diff_pp"]["value"].get<std::string>(), std::string("baseline"));
    QVERIFY(rows[1]["paired_t"]["value"].is_number());

    const ProcessResult status = runCli({"study", "status", m_grid});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QVERIFY2(status.out.contains("4 done, 0 running, 0 failed, 0 pending"), status.out.constData());
}

void TestStudy::rerunSkipsFinishedCells() {
    QVERIFY(!m_grid.isEmpty());
    const auto before = modificationTimes(m_grid.toStdString() + "/cells");
    QVERIFY(before.size() > 8);
    const ProcessResult run =
        runCli({"study", "run", m_dir.filePath("grid.yaml"), "--out", m_grid});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("0 run, 4 already done"), run.err.constData());
    QVERIFY(modificationTimes(m_grid.toStdString() + "/cells") == before);
}

void TestStudy::repeatsGiveMeanAndSd() {
    const QString file = study("repeats.yaml", "base: {config: base.yaml}\n"
                                               "axes: {head.type: [softmax]}\n"
                                               "repeats: 2\n");
    const QString dir = m_dir.filePath("repeats");
    const ProcessResult run = runCli({"study", "run", file, "--out", dir});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const nlohmann::json state = readJson(dir.toStdString() + "/study.json");
    QCOMPARE(state["cells"].size(), std::size_t(2));
    std::vector<double> acc;
    for (const nlohmann::json& cell : state["cells"]) {
        const std::string runDir = dir.toStdString() + "/cells/" + cell["id"].get<std::string>();
        acc.push_back(100.0 * readJson(runDir + "/eval/lfw.json")["accuracy"].get<double>());
        QCOMPARE(readJson(runDir + "/eval/lfw.json")["folds"].get<int>(), 10);
    }
    // Repeat r trains with seed base + r: seeds 1 and 2.
    QCOMPARE(readJson(dir.toStdString() + "/study.json")["cells"][1]["repeat"].get<int>(), 1);
    const double mean = (acc[0] + acc[1]) / 2;
    const double sd =
        std::sqrt(((acc[0] - mean) * (acc[0] - mean) + (acc[1] - mean) * (acc[1] - mean)) / 1.0);
    const double halfWidth = 12.706204736174707 * sd / std::sqrt(2.0); // t_{0.975, 1}

    const QString reportFile = m_dir.filePath("repeats.json");
    const ProcessResult report = runCli({"study", "report", dir, "--out", reportFile});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    const nlohmann::json row = readJson(reportFile.toStdString())["tables"][0]["rows"][0];
    QCOMPARE(row["n"]["value"].get<double>(), 2.0);
    QVERIFY(std::fabs(row["lfw_acc_pct"]["value"].get<double>() - mean) < 1e-9);
    QVERIFY(std::fabs(row["lfw_acc_sd"]["value"].get<double>() - sd) < 1e-9);
    QVERIFY(std::fabs(row["lfw_acc_pct"]["interval"]["low"].get<double>() - (mean - halfWidth)) <
            1e-8);
    QVERIFY(std::fabs(row["lfw_acc_pct"]["interval"]["high"].get<double>() - (mean + halfWidth)) <
            1e-8);
}

void TestStudy::badStudyFilesNameTheLine_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("key");
    QTest::newRow("unknown key") << "base: {config: base.yaml}\naxis: {head.type: [softmax]}\n"
                                 << "bad.yaml:2"
                                 << "axis";
    QTest::newRow("empty axis") << "base: {config: base.yaml}\naxes:\n  head.type: []\n"
                                << "bad.yaml:3"
                                << "axes.head.type";
    QTest::newRow("rejected value")
        << "base: {config: base.yaml}\naxes:\n  head.type:\n    - softmax\n    - nosuchloss\n"
        << "bad.yaml:5"
        << "head.type";
    QTest::newRow("unknown config key")
        << "base: {config: base.yaml}\ncells:\n  - {head.typo: arcface}\n"
        << "bad.yaml:3"
        << "head.typo";
    QTest::newRow("same config twice")
        << "base: {config: base.yaml}\naxes: {head.type: [softmax, arcface]}\ncells:\n"
           "  - {head.type: arcface}\n"
        << "bad.yaml:4"
        << "head.type";
    QTest::newRow("repeats zero") << "base: {config: base.yaml}\nrepeats: 0\n"
                                  << "bad.yaml:2"
                                  << "repeats";
    QTest::newRow("layout not varied")
        << "base: {config: base.yaml}\naxes: {head.type: [softmax]}\nlayout: models\n"
        << "bad.yaml:3"
        << "layout";
    QTest::newRow("product too large")
        << "base: {config: base.yaml}\naxes:\n  train.seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
           "  train.batch_size: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
           "  train.log_every: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
           "  train.iterations: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n"
        << "bad.yaml:6"
        << "axes.train.iterations";
    QTest::newRow("missing base config") << "base: {config: nowhere.yaml}\n"
                                         << "bad.yaml:1"
                                         << "base";
    QTest::newRow("unknown kind") << "base: {config: base.yaml}\nkind: benchmark\n"
                                  << "bad.yaml:2"
                                  << "kind";
    QTest::newRow("bench without kind") << "base: {config: base.yaml}\nbench: {iterations: 2}\n"
                                        << "bad.yaml:2"
                                        << "bench";
    QTest::newRow("bench iterations zero")
        << "base: {config: base.yaml}\nkind: bench\nbench:\n  iterations: 0\n"
        << "bad.yaml:4"
        << "bench.iterations";
    QTest::newRow("bench unknown key")
        << "base: {config: base.yaml}\nkind: bench\nbench: {iteration: 2}\n"
        << "bad.yaml:3"
        << "bench.iteration";
    QTest::newRow("bench with protocols")
        << "base: {config: base.yaml}\nkind: bench\nprotocols: [lfw]\n"
        << "bad.yaml:3"
        << "protocols";
    QTest::newRow("dataset unknown option")
        << "base: {config: base.yaml}\ndatasets:\n  synth-a: {identites: 4}\n"
        << "bad.yaml:3"
        << "datasets.synth-a.identites";
    QTest::newRow("dataset identities zero")
        << "base: {config: base.yaml}\ndatasets:\n  synth-a:\n    identities: 0\n"
        << "bad.yaml:4"
        << "datasets.synth-a.identities";
    QTest::newRow("dataset too few test identities")
        << "base: {config: base.yaml}\ndatasets:\n  synth-a: {test_identities: 3}\n"
        << "bad.yaml:3"
        << "datasets.synth-a.test_identities";
    QTest::newRow("dataset bad size")
        << "base: {config: base.yaml}\ndatasets:\n  synth-a: {size: 8x8}\n"
        << "bad.yaml:3"
        << "datasets.synth-a";
    QTest::newRow("cell preset over a config")
        << "base: {config: base.yaml}\ncells:\n  - {preset: resnet50}\n"
        << "bad.yaml:3"
        << "preset";
    QTest::newRow("unknown cell preset") << "base: resnet50\ncells:\n  - {preset: resnet51}\n"
                                         << "bad.yaml:3"
                                         << "preset";
}

void TestStudy::badStudyFilesNameTheLine() {
    QFETCH(QString, body);
    QFETCH(QString, where);
    QFETCH(QString, key);
    const QString file = study("bad.yaml", body.toStdString());
    const QString dir = m_dir.filePath("bad-out");
    const ProcessResult run = runCli({"study", "run", file, "--out", dir});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(where.toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains(key.toUtf8()), run.err.constData());
    QVERIFY2(!QFile::exists(dir), "nothing is written for a bad study file");
}

void TestStudy::anotherStudyFileIsRefused() {
    QVERIFY(!m_grid.isEmpty());
    const QString other = study("other.yaml", "name: grid\n"
                                              "base: {config: base.yaml}\n"
                                              "axes:\n"
                                              "  head.type: [softmax, cosface]\n"
                                              "  train.batch_size: [4, 8]\n"
                                              "protocols: [lfw]\n"
                                              "layout: losses\n");
    const ProcessResult run = runCli({"study", "run", other, "--out", m_grid});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("axes.head.type[1]"), run.err.constData());
}

void TestStudy::pairedTestByHand() {
    // d = (1, 2, 3): mean 2, sd 1, t = 2 / (1 / sqrt 3) = 3.4641 < t_{0.975, 2} = 4.3027.
    const PairedTest test = pairedTTest({1, 2, 3}, {2, 4, 6});
    QCOMPARE(test.meanDifference, 2.0);
    QVERIFY(std::fabs(test.t - 2.0 * std::sqrt(3.0)) < 1e-12);
    QVERIFY(std::fabs(test.critical - 4.302652729749464) < 1e-9);
    QVERIFY(!test.significant);
    QVERIFY(pairedTTest({1, 2, 3, 4, 5}, {2, 3.1, 4, 5.1, 6}).significant);
}

// examples/studies/: every cell resolves through the config loader, one cell per value.
void TestStudy::bundledStudiesResolve() {
    const std::string studies =
        qEnvironmentVariable("FACEBENCH_SOURCE_DIR").toStdString() + "/examples/studies/";
    const std::vector<std::pair<std::string, std::size_t>> expected = {
        {"losses.yaml", 5},
        {"losses-full.yaml", 5},
        {"frameworks.yaml", 3},
        {"framework-ablation.yaml", 8},
        {"framework-ablation-full.yaml", 8},
        {"models.yaml", 3},
        {"models-full.yaml", 7},
        {"training-sets.yaml", 3},
        {"training-sets-full.yaml", 4},
        {"batch-size.yaml", 5},
        {"batch-size-full.yaml", 24}};
    for (const auto& [file, cells] : expected) {
        const Study study = loadStudy(studies + file);
        QCOMPARE(study.cells.size(), cells);
        QVERIFY(!study.layout.rows.empty());
    }
    const Study losses = loadStudy(studies + "losses.yaml");
    QCOMPARE(losses.cells[4].config.head.type, std::string("arcface"));
    QCOMPARE(losses.cells[4].config.train.iterations, std::int64_t(150));
    QCOMPARE(losses.cells[1].config.head.type, std::string("center"));

    // One factor at a time: each cell differs from the pytorch baseline in one part only.
    const Study ablation = loadStudy(studies + "framework-ablation.yaml");
    QCOMPARE(ablation.cells[0].config.style.lastBatch, LastBatch::Keep);
    QCOMPARE(ablation.cells[5].config.style.lastBatch, LastBatch::Drop);
    QCOMPARE(ablation.cells[5].config.style.init, InitStyle::PyTorch);
    QCOMPARE(ablation.cells[7].config.style.memoryFormat, MemoryFormat::ChannelsLast);
    QCOMPARE(ablation.cells[7].config.style.preprocess, ablation.cells[0].config.style.preprocess);
    // Each cell of models-full is its network's own Table 2 preset.
    const Study models = loadStudy(studies + "models-full.yaml");
    QCOMPARE(models.cells[0].config.model.name, std::string("alexnet-v2"));
    QCOMPARE(models.cells[0].config.train.batchSize, std::int64_t(256));
    QCOMPARE(models.cells[6].config.train.batchSize, std::int64_t(40)); // densenet121
    // Equal image counts, different breadth and depth (Table 14's question).
    const Study sets = loadStudy(studies + "training-sets.yaml");
    QCOMPARE(sets.datasets.size(), std::size_t(4));
    for (std::size_t d = 1; d < 4; ++d)
        QCOMPARE(sets.datasets[d].options.identities * sets.datasets[d].options.imagesPerIdentity,
                 4000);
    QCOMPARE(sets.cells[2].config.data.train, std::string("runs/synthetic-100x40/train"));
    const Study batch = loadStudy(studies + "batch-size.yaml");
    QCOMPARE(batch.kind, StudyKind::Bench);
    QCOMPARE(batch.bench.iterations, 10);
    QCOMPARE(batch.cells[4].config.train.batchSize, std::int64_t(256));
}

// SIGINT during a cell: it checkpoints, study.json keeps it "running", exit 130; the same
// command then resumes that cell from its checkpoint and finishes it.
void TestStudy::ctrlCCheckpointsAndTheNextRunResumes() {
    const QString file =
        study("long.yaml", "base: {config: base.yaml, set: {train.iterations: 60}}\n"
                           "axes: {head.type: [softmax]}\n");
    const QString dir = m_dir.filePath("long");
    QProcess process;
    process.start(qEnvironmentVariable("FACEBENCH_CLI"), {"study", "run", file, "--out", dir});
    QVERIFY(process.waitForStarted());
    QByteArray err;
    while (!err.contains("step 2/") && process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        err += process.readAllStandardError();
    }
    QVERIFY2(err.contains("step 2/"), err.constData());
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(60000));
    err += process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    const nlohmann::json interrupted = readJson(dir.toStdString() + "/study.json");
    QCOMPARE(interrupted["cells"][0]["status"].get<std::string>(), std::string("running"));
    const std::string cellDir =
        dir.toStdString() + "/cells/" + interrupted["cells"][0]["id"].get<std::string>();
    QVERIFY2(fs::exists(cellDir + "/checkpoints/last.pt"), err.constData());

    const ProcessResult resumed = runCli({"study", "run", file, "--out", dir});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QVERIFY2(resumed.err.contains(": resuming"), resumed.err.constData());
    QVERIFY2(resumed.err.contains("step 60/60"), resumed.err.constData());
    QVERIFY2(!resumed.err.contains("step 1/60 "), resumed.err.constData());
    const nlohmann::json done = readJson(dir.toStdString() + "/study.json");
    QCOMPARE(done["cells"][0]["status"].get<std::string>(), std::string("done"));
    QVERIFY(fs::exists(cellDir + "/eval/lfw.json"));
}

// --devices cpu,cpu: two worker processes take the 2x2 grid's cells in order; each cell is
// deterministic given its seed (the base pins device.threads to 1), so every number equals the
// sequential run's.
void TestStudy::twoCpuWorkersGiveTheSequentialNumbers() {
    QVERIFY(!m_grid.isEmpty());
    const QString dir = m_dir.filePath("grid-two-workers");
    const ProcessResult run =
        runCli({"study", "run", m_dir.filePath("grid.yaml"), "--out", dir, "--devices", "cpu,cpu"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("[cpu] "), run.err.constData());
    const nlohmann::json sequential = readJson(m_grid.toStdString() + "/study.json");
    const nlohmann::json parallel = readJson(dir.toStdString() + "/study.json");
    QCOMPARE(parallel["cells"].size(), std::size_t(4));
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(parallel["cells"][i]["id"], sequential["cells"][i]["id"]);
        QCOMPARE(parallel["cells"][i]["status"].get<std::string>(), std::string("done"));
        nlohmann::json a = sequential["cells"][i]["metrics"], b = parallel["cells"][i]["metrics"];
        a.erase("train_images_per_s"); // a timing
        b.erase("train_images_per_s");
        QVERIFY(a.size() >= 3);
        QCOMPARE(b.dump(), a.dump());
    }
}

void TestStudy::unavailableDeviceIsExit2() {
    const QString dir = m_dir.filePath("no-device");
    const ProcessResult run = runCli(
        {"study", "run", m_dir.filePath("grid.yaml"), "--out", dir, "--devices", "cpu,cuda:99"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("'cuda:99' is not available"), run.err.constData());
    QVERIFY(!QFile::exists(dir));
}

// datasets: each missing set is generated with the options given (exact counts), then cells
// train on it; a second study asking another shape of an existing folder is exit 2.
void TestStudy::datasetsAreGeneratedOnce() {
    const std::string wide = m_dir.filePath("wide").toStdString();
    const std::string deep = m_dir.filePath("deep").toStdString();
    const QString file = study("sets.yaml", "base: {config: base.yaml}\n"
                                            "datasets:\n"
                                            "  " +
                                                wide +
                                                ": {identities: 6, images_per_identity: 2, "
                                                "test_identities: 20, size: 32x32, seed: 7}\n"
                                                "  " +
                                                deep +
                                                ": {identities: 3, images_per_identity: 4, "
                                                "test_identities: 20, size: 32x32, seed: 7}\n"
                                                "axes:\n"
                                                "  data.train: [" +
                                                wide + "/train, " + deep +
                                                "/train]\n"
                                                "layout: training-sets\n");
    const QString dir = m_dir.filePath("sets");
    const ProcessResult run = runCli({"study", "run", file, "--out", dir});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto count = [](const std::string& train) {
        std::pair<int, int> n{0, 0};
        for (const auto& identity : fs::directory_iterator(train)) {
            ++n.first;
            for (const auto& image : fs::directory_iterator(identity.path()))
                n.second += image.is_regular_file() ? 1 : 0;
        }
        return n;
    };
    QCOMPARE(count(wide + "/train"), std::make_pair(6, 12));
    QCOMPARE(count(deep + "/train"), std::make_pair(3, 12));
    const nlohmann::json state = readJson(dir.toStdString() + "/study.json");
    QCOMPARE(state["cells"][1]["status"].get<std::string>(), std::string("done"));
    QCOMPARE(state["cells"][1]["overrides"][0].get<std::string>(), "data.train=" + deep + "/train");

    const QString other = study("sets-other.yaml", "base: {config: base.yaml}\n"
                                                   "datasets:\n"
                                                   "  " +
                                                       wide +
                                                       ": {identities: 5, images_per_identity: 2}\n"
                                                       "axes: {data.train: [" +
                                                       wide + "/train]}\n");
    const ProcessResult refused = runCli({"study", "run", other, "--out", m_dir.filePath("o")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("sets-other.yaml:3"), refused.err.constData());
    QVERIFY2(refused.err.contains("holds 6 identities and 12 images"), refused.err.constData());
}

// kind: bench: each cell is one BenchJob row; study.json keeps its images/s exactly as
// bench.json has it, and a batch over the memory cap is oom (its activations alone are far
// beyond 1 MiB: 32 images of 64x64x64 floats in the first layer are 32 MiB).
void TestStudy::benchStudyRecordsThroughputAndOom() {
    const QString file = study("bench.yaml", "kind: bench\n"
                                             "bench: {iterations: 2, warmup: 1}\n"
                                             "base: {config: base.yaml, set: "
                                             "{train.num_classes: 4}}\n"
                                             "axes: {train.batch_size: [2, 4]}\n"
                                             "layout: {rows: train.batch_size}\n");
    const QString dir = m_dir.filePath("bench");
    const ProcessResult run = runCli({"study", "run", file, "--out", dir});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const nlohmann::json state = readJson(dir.toStdString() + "/study.json");
    QCOMPARE(state["kind"].get<std::string>(), std::string("bench"));
    const QString reportFile = m_dir.filePath("bench-report.json");
    const ProcessResult report = runCli({"study", "report", dir, "--out", reportFile});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    const nlohmann::json rows = readJson(reportFile.toStdString())["tables"][0]["rows"];
    QCOMPARE(rows.size(), std::size_t(2));
    for (std::size_t i = 0; i < 2; ++i) {
        const nlohmann::json bench =
            readJson(dir.toStdString() + "/cells/" + state["cells"][i]["id"].get<std::string>() +
                     "/bench.json")["rows"][0];
        QCOMPARE(bench["batch"].get<int>(), i == 0 ? 2 : 4);
        QCOMPARE(bench["model"].get<std::string>(), std::string("small-resnet-64"));
        QCOMPARE(state["cells"][i]["metrics"]["images_per_s"].get<double>(),
                 bench["images_s"].get<double>());
        QCOMPARE(state["cells"][i]["metrics"]["oom"].get<double>(), 0.0);
        QCOMPARE(rows[i]["images_per_s"]["value"].get<double>(),
                 asReported(bench["images_s"].get<double>()));
        QCOMPARE(rows[i]["oom"]["value"].get<std::string>(), std::string("no"));
    }

    const QString capped = study("bench-oom.yaml", "kind: bench\n"
                                                   "bench: {iterations: 1, warmup: 1, "
                                                   "memory_cap_mb: 1}\n"
                                                   "base: {config: base.yaml, set: "
                                                   "{train.num_classes: 4}}\n"
                                                   "axes: {train.batch_size: [32]}\n");
    const QString oomDir = m_dir.filePath("bench-oom");
    const ProcessResult oom = runCli({"study", "run", capped, "--out", oomDir});
    QVERIFY2(oom.exitCode == 0, oom.err.constData());
    const nlohmann::json oomState = readJson(oomDir.toStdString() + "/study.json");
    QCOMPARE(oomState["cells"][0]["metrics"]["oom"].get<double>(), 1.0);
    QVERIFY(!oomState["cells"][0]["metrics"].contains("images_per_s"));
}

// The figures draw the report's own numbers: each bar of lfw accuracy is the table's value
// with its interval, each cell has its ROC scores (6000 LFW pairs) and a throughput bar.
void TestStudy::figureDataIsTheTable() {
    QVERIFY(!m_grid.isEmpty());
    const std::vector<ReportTable> tables = buildStudyReport(m_grid.toStdString());
    const StudyFigureData data = studyFigureData(m_grid.toStdString());
    const StudyBarChart* accuracy = nullptr;
    for (const StudyBarChart& chart : data.bars)
        if (chart.metric == "lfw_acc_pct")
            accuracy = &chart;
    QVERIFY(accuracy);
    QCOMPARE(accuracy->bars.size(), std::size_t(4));
    std::size_t column = 0;
    while (tables[0].columns[column].key != "lfw_acc_pct")
        ++column;
    for (std::size_t i = 0; i < 4; ++i) {
        const ReportCell& cell = tables[0].rows[i][column];
        QCOMPARE(accuracy->bars[i].value, cell.number);
        QVERIFY(cell.interval.has_value());
        QCOMPARE(accuracy->bars[i].low, cell.interval->low);
        QCOMPARE(accuracy->bars[i].high, cell.interval->high);
    }
    QCOMPARE(data.rocs.size(), std::size_t(4));
    const nlohmann::json state = readJson(m_grid.toStdString() + "/study.json");
    const EvalResult lfw =
        readEvalResult(m_grid.toStdString() + "/cells/" +
                       state["cells"][0]["id"].get<std::string>() + "/eval/lfw.json");
    QCOMPARE(std::int64_t(data.rocs[0].scores.genuine.size()), lfw.blocks.front().genuine);
    QCOMPARE(std::int64_t(data.rocs[0].scores.impostor.size()), lfw.blocks.front().impostor);
    QCOMPARE(data.throughput.bars.size(), std::size_t(4));
    QVERIFY(data.throughput.bars[0].value > 0);

    const QString figures = m_dir.filePath("grid-figures");
    const ProcessResult drawn = runCli(
        {"study", "report", m_grid, "--figures", "--formats", "png,svg", "--figures-out", figures});
    if (drawn.exitCode == 2 && drawn.err.contains("without the GUI"))
        QSKIP("facebench-cli built without the GUI draws no figures");
    QVERIFY2(drawn.exitCode == 0, drawn.err.constData());
    for (const char* stem : {"study-lfw_acc_pct", "study-roc", "study-throughput"})
        for (const char* suffix : {".png", ".svg"})
            QVERIFY2(QFileInfo(figures + "/" + stem + suffix).size() > 1000, stem);
}

QTEST_GUILESS_MAIN(TestStudy)
#include "test_study.moc"
