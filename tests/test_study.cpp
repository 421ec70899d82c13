// Studies through the CLI on a tiny synthetic set (4 identities x 4 images of 32x32, cells of 2
// steps): a 2x2 study runs end to end and its report carries the cells' eval numbers exactly,
// repeats give the mean and sd of their cells, a second run skips finished cells without
// touching their files, each bad study file is exit 2 naming its line, and another study file
// against the same folder is refused.
#include "facebench/eval_results.h"
#include "facebench/report_table.h"
#include "facebench/study.h"
#include "process_runner.h"

#include <QFile>
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

private:
    QString study(const QString& name, const std::string& body);
    QTemporaryDir m_dir;
    QString m_grid; // the 2x2 study's folder
};

void TestStudy::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath("data");
    const ProcessResult synth =
        runCli({"data", "synth", "--out", data, "--identities", "4", "--images-per-identity", "4",
                "--test-identities", "20", "--size", "32x32", "--seed", "3", "--threads", "1"});
    QVERIFY2(synth.exitCode == 0, synth.err.constData());
    writeText(
        m_dir.filePath("base.yaml"),
        "data: {train: " + data.toStdString() +
            "/train, workers: 1}\n"
            "model: {name: small-resnet-64}\n"
            "head: {type: softmax}\n"
            "train: {batch_size: 8, iterations: 2, seed: 1, log_every: 1, checkpoint_every: 0, "
            "val_every: 0}\n"
            "eval: {data: " +
            data.toStdString() +
            ", protocols: [lfw]}\n"
            "device: {threads: 1}\n"
            "output: {tensorboard: false}\n");
}

QString TestStudy::study(const QString& name, const std::string& body) {
    const QString path = m_dir.filePath(name);
    writeText(path, body);
    return path;
}

void TestStudy::gridRunsEndToEnd() {
    const QString file = study("grid.yaml", "name: grid\n"
                                            "base: {config: base.yaml}\n"
                                            "axes:\n"
                                            "  head.type: [softmax, arcface]\n"
                                            "  train.batch_size: [4, 8]\n"
                                            "protocols: [lfw]\n"
                                            "layout: losses\n");
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
        {"losses.yaml", 5}, {"losses-full.yaml", 5}, {"frameworks.yaml", 3}};
    for (const auto& [file, cells] : expected) {
        const Study study = loadStudy(studies + file);
        QCOMPARE(study.cells.size(), cells);
        QVERIFY(!study.layout.rows.empty());
    }
    const Study losses = loadStudy(studies + "losses.yaml");
    QCOMPARE(losses.cells[4].config.head.type, std::string("arcface"));
    QCOMPARE(losses.cells[4].config.train.iterations, std::int64_t(150));
    QCOMPARE(losses.cells[1].config.head.type, std::string("center"));
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

QTEST_GUILESS_MAIN(TestStudy)
#include "test_study.moc"
