// The run directory's one owner (facebench/run_directory.h): the layout's paths, the one isRun
// rule, listing newest first, creation with the -2/-3 suffix of runs started in the same second,
// the errors of opening a folder that is no run, and the typed readers on a run that a 2-step
// `facebench-cli train` and an `eval --run` and `bench --out RUN/bench` made. Torch-free: the
// training runs in the CLI.
#include "process_runner.h"

#include "facebench/errors.h"
#include "facebench/eval_results.h"
#include "facebench/experiment_config.h"
#include "facebench/run_directory.h"
#include "facebench/run_metrics.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <string>

using fb::RunDirectory;

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
}

bool exists(const std::string& path) {
    return QFileInfo::exists(QString::fromStdString(path));
}

// The problem of the InputError that `f` throws, "" when it throws none.
template <typename F> std::string inputError(F f) {
    try {
        f();
    } catch (const fb::InputError& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestRunDirectory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layout();
    void relativeNamesForMessages();
    void eventFileNames();
    void isRun_data();
    void isRun();
    void listIsNewestFirstAndRunsOnly();
    void createAddsSuffixInTheSameSecond();
    void createFromConfigWritesIt();
    void openNamesWhatIsMissing();
    void checkpointFallback();
    void readersOnATrainedRun();

private:
    QTemporaryDir m_dir;
};

void TestRunDirectory::initTestCase() {
    QVERIFY(m_dir.isValid());
}

void TestRunDirectory::layout() {
    const RunDirectory run("runs/quickstart-20261128-233047");
    QCOMPARE(run.name(), std::string("quickstart-20261128-233047"));
    QCOMPARE(RunDirectory("runs/a/").name(), std::string("a"));
    QCOMPARE(run.configFile(), run.path + "/config.yaml");
    QCOMPARE(run.metricsFile(), run.path + "/metrics.jsonl");
    QCOMPARE(run.logFile(), run.path + "/train.log");
    QCOMPARE(run.checkpointDir(), run.path + "/checkpoints");
    QCOMPARE(run.checkpoints().dir, run.checkpointDir());
    QCOMPARE(run.checkpoints().last(), run.path + "/checkpoints/last.pt");
    QCOMPARE(run.checkpoints().lastState(), run.path + "/checkpoints/last.state.pt");
    QCOMPARE(run.checkpoints().previousState(), run.path + "/checkpoints/prev.state.pt");
    QCOMPARE(run.checkpoints().best(), run.path + "/checkpoints/best.pt");
    QCOMPARE(run.evalDir(), run.path + "/eval");
    QCOMPARE(run.eval().result("lfw"), run.path + "/eval/lfw.json");
    QCOMPARE(run.eval().scores("cross-quality-low2high"),
             run.path + "/eval/cross-quality-low2high-scores.csv");
    QCOMPARE(run.benchDir(), run.path + "/bench");
    QCOMPARE(run.bench().json(), run.path + "/bench/bench.json");
    QCOMPARE(run.bench().csv(), run.path + "/bench/bench.csv");
    QCOMPARE(run.bench().markdown(), run.path + "/bench/bench.md");
    QCOMPARE(run.figuresDir(), run.path + "/figures");
    QCOMPARE(run.tensorBoardDir(), run.path + "/tb");
    // `eval --out DIR` and `bench --out DIR` use the same names in any folder.
    QCOMPARE(fb::EvalFiles{"out"}.result("dfw"), std::string("out/dfw.json"));
    QCOMPARE(fb::BenchFiles{"b"}.json(), std::string("b/bench.json"));
    const QRegularExpression stamped("^runs/bench-\\d{8}-\\d{6}$");
    QVERIFY(stamped.match(QString::fromStdString(RunDirectory::stamped("runs", "bench").path))
                .hasMatch());
    QVERIFY(QRegularExpression("^\\d{8}-\\d{6}$")
                .match(QString::fromStdString(RunDirectory::timestamp()))
                .hasMatch());
}

void TestRunDirectory::relativeNamesForMessages() {
    // An empty path gives the names relative to a run (help texts and messages use them).
    const RunDirectory names;
    QCOMPARE(names.configFile(), std::string("config.yaml"));
    QCOMPARE(names.checkpoints().best(), std::string("checkpoints/best.pt"));
    QCOMPARE(RunDirectory("RUN").eval().result("*"), std::string("RUN/eval/*.json"));
}

void TestRunDirectory::eventFileNames() {
    const std::string name = RunDirectory::newTensorBoardEventFileName(".eval");
    QVERIFY2(QRegularExpression("^events\\.out\\.tfevents\\.\\d{10}\\.[^.]+.*\\.\\d+\\.eval$")
                 .match(QString::fromStdString(name))
                 .hasMatch(),
             name.c_str());
    QVERIFY(RunDirectory::isTensorBoardEventFile(name));
    QVERIFY(RunDirectory::isTensorBoardEventFile("events.out.tfevents.1.host"));
    QVERIFY(!RunDirectory::isTensorBoardEventFile("metrics.jsonl"));
}

void TestRunDirectory::isRun_data() {
    QTest::addColumn<QStringList>("files"); // "dir/" makes a folder
    QTest::addColumn<bool>("run");
    QTest::newRow("empty folder") << QStringList{} << false;
    QTest::newRow("config only (being set up)") << QStringList{"config.yaml"} << true;
    QTest::newRow("metrics only (imported)") << QStringList{"metrics.jsonl"} << true;
    QTest::newRow("both") << QStringList{"config.yaml", "metrics.jsonl", "train.log"} << true;
    QTest::newRow("a log alone") << QStringList{"train.log"} << false;
    QTest::newRow("results alone") << QStringList{"eval/"} << false;
    QTest::newRow("a folder named like the config") << QStringList{"config.yaml/"} << false;
}

void TestRunDirectory::isRun() {
    QFETCH(QStringList, files);
    QFETCH(bool, run);
    const QString folder = m_dir.filePath(QStringLiteral("isrun-") + QTest::currentDataTag());
    QVERIFY(QDir().mkpath(folder));
    for (const QString& f : files) {
        if (f.endsWith('/'))
            QVERIFY(QDir().mkpath(folder + '/' + f));
        else
            writeText(folder + '/' + f, "x\n");
    }
    QCOMPARE(RunDirectory::isRun(folder.toStdString()), run);
    QVERIFY(!RunDirectory::isRun(m_dir.filePath("no-such-folder").toStdString()));
}

void TestRunDirectory::listIsNewestFirstAndRunsOnly() {
    const QString runs = m_dir.filePath("list");
    for (const char* name : {"a-20260101-120000", "b-20261231-080000", "c-20260601-000000",
                             "not-a-run-20270101-000000"})
        QVERIFY(QDir().mkpath(runs + '/' + name));
    writeText(runs + "/a-20260101-120000/config.yaml", "x\n");
    writeText(runs + "/b-20261231-080000/metrics.jsonl", "x\n");
    writeText(runs + "/c-20260601-000000/config.yaml", "x\n");
    writeText(runs + "/not-a-run-20270101-000000/train.log", "x\n");
    std::vector<std::string> names;
    for (const RunDirectory& run : RunDirectory::list(runs.toStdString()))
        names.push_back(run.name());
    QCOMPARE(names, (std::vector<std::string>{"b-20261231-080000", "c-20260601-000000",
                                              "a-20260101-120000"}));
    // run_metrics.h's listing is the same rule.
    QCOMPARE(fb::listRunDirectories(runs.toStdString()).size(), std::size_t(3));
    QVERIFY(RunDirectory::list(m_dir.filePath("absent").toStdString()).empty());
}

void TestRunDirectory::createAddsSuffixInTheSameSecond() {
    // Three runs started in the same second: name-<stamp>, then -2, then -3. The clock may tick
    // between the calls; then the attempt is repeated in a fresh folder.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const std::string parent =
            m_dir.filePath(QStringLiteral("create-%1").arg(attempt)).toStdString();
        const std::string stamp = RunDirectory::timestamp();
        const RunDirectory first = RunDirectory::create(parent, "x");
        const RunDirectory second = RunDirectory::create(parent, "x");
        const RunDirectory third = RunDirectory::create(parent, "x");
        if (RunDirectory::timestamp() != stamp)
            continue;
        QCOMPARE(first.name(), "x-" + stamp);
        QCOMPARE(second.name(), "x-" + stamp + "-2");
        QCOMPARE(third.name(), "x-" + stamp + "-3");
        for (const RunDirectory& run : {first, second, third})
            QVERIFY(QFileInfo(QString::fromStdString(run.checkpointDir())).isDir());
        return;
    }
    QFAIL("the clock ticked during each of 5 attempts");
}

void TestRunDirectory::createFromConfigWritesIt() {
    fb::ExperimentConfig config =
        fb::parseExperimentConfig("model: {name: small-resnet-64}\n", "test");
    config.output.dir = m_dir.filePath("fromconfig").toStdString();
    config.output.name = "cfg";
    const RunDirectory run = RunDirectory::create(config);
    QVERIFY(run.name().rfind("cfg-", 0) == 0);
    QVERIFY(RunDirectory::isRun(run.path));
    QCOMPARE(fb::toYaml(run.readConfig()), fb::toYaml(config));
    QCOMPARE(run.readConfig({"train.batch_size=7"}).train.batchSize, std::int64_t(7));
    // An output folder that cannot be made names the key.
    writeText(m_dir.filePath("a-file"), "x");
    config.output.dir = m_dir.filePath("a-file").toStdString();
    QVERIFY(inputError([&] { RunDirectory::create(config); }).find("output.dir") !=
            std::string::npos);
}

void TestRunDirectory::openNamesWhatIsMissing() {
    const std::string missing = m_dir.filePath("missing").toStdString();
    QVERIFY(inputError([&] {
                RunDirectory::open(missing, "--run");
            }).find("no such run directory") != std::string::npos);
    const QString metricsOnly = m_dir.filePath("metrics-only");
    QVERIFY(QDir().mkpath(metricsOnly));
    writeText(metricsOnly + "/metrics.jsonl", "{\"type\":\"train\",\"step\":1,\"loss\":2}\n");
    // Evaluating or resuming needs the config; export-tb (require) takes any run.
    const std::string noConfig =
        inputError([&] { RunDirectory::open(metricsOnly.toStdString(), "--run"); });
    QVERIFY2(noConfig.find("not a run directory (no config.yaml)") != std::string::npos,
             noConfig.c_str());
    QCOMPARE(RunDirectory::require(metricsOnly.toStdString(), "").readMetrics().rows.size(),
             std::size_t(1));
    const std::string notRun =
        inputError([&] { RunDirectory::require(m_dir.path().toStdString(), ""); });
    QVERIFY2(notRun.find("not a run directory (no config.yaml and no metrics.jsonl)") !=
                 std::string::npos,
             notRun.c_str());
    writeText(metricsOnly + "/config.yaml", "model: {name: small-resnet-64}\n");
    const std::string noCheckpoint =
        inputError([&] { RunDirectory::openForResume(metricsOnly.toStdString() + "/"); });
    QVERIFY2(noCheckpoint.find("checkpoints/last.pt is missing") != std::string::npos,
             noCheckpoint.c_str());
}

void TestRunDirectory::checkpointFallback() {
    const RunDirectory run(m_dir.filePath("fallback").toStdString());
    QVERIFY(QDir().mkpath(QString::fromStdString(run.checkpointDir())));
    QCOMPARE(run.bestOrLastCheckpoint(), std::string());
    QVERIFY(!run.hasLastCheckpoint());
    writeText(QString::fromStdString(run.checkpoints().last()), "x");
    QCOMPARE(run.bestOrLastCheckpoint(), run.checkpoints().last());
    QVERIFY(run.hasLastCheckpoint());
    writeText(QString::fromStdString(run.checkpoints().best()), "x");
    QCOMPARE(run.bestOrLastCheckpoint(), run.checkpoints().best());
}

void TestRunDirectory::readersOnATrainedRun() {
    const QString data = m_dir.filePath("synth");
    const ProcessResult synth =
        runCli({"data", "synth", "--out", data, "--identities", "4", "--images-per-identity", "4",
                "--test-identities", "20", "--size", "32x32", "--seed", "3", "--threads", "1"});
    QVERIFY2(synth.exitCode == 0, synth.err.constData());
    const QString configFile = m_dir.filePath("two-steps.yaml");
    writeText(configFile, ("data: {train: " + data +
                           "/train, workers: 1}\n"
                           "model: {name: small-resnet-64}\n"
                           "head: {type: softmax}\n"
                           "train: {batch_size: 8, iterations: 2, seed: 1, log_every: 1, "
                           "checkpoint_every: 0, val_every: 0}\n"
                           "eval: {data: " +
                           data +
                           ", protocols: [lfw]}\n"
                           "device: {threads: 1}\n"
                           "output: {name: two}\n")
                              .toUtf8());
    const QString runs = m_dir.filePath("trained");
    const ProcessResult train = runCli({"train", configFile, "--out", runs});
    QVERIFY2(train.exitCode == 0, train.err.constData());

    const std::vector<RunDirectory> listed = RunDirectory::list(runs.toStdString());
    QCOMPARE(listed.size(), std::size_t(1));
    const RunDirectory run = listed.front();
    QVERIFY(QRegularExpression("^two-\\d{8}-\\d{6}(-\\d+)?$")
                .match(QString::fromStdString(run.name()))
                .hasMatch());
    QVERIFY(RunDirectory::isRun(run.path));

    const fb::ExperimentConfig config = run.readConfig();
    QCOMPARE(config.train.iterations, std::int64_t(2));
    QCOMPARE(config.model.name, std::string("small-resnet-64"));

    const fb::RunMetrics metrics = run.readMetrics();
    QVERIFY(metrics.problems.empty());
    std::vector<std::int64_t> trainSteps;
    for (const fb::MetricsRow& row : metrics.rows)
        if (row.type == "train")
            trainSteps.push_back(row.step);
    QCOMPARE(trainSteps, (std::vector<std::int64_t>{1, 2}));

    // Without validation the best weights are those of the lowest training loss; evaluation
    // takes them before the last ones.
    QVERIFY(run.hasLastCheckpoint());
    QVERIFY(exists(run.checkpoints().lastState()));
    QVERIFY(exists(run.checkpoints().best()));
    QCOMPARE(run.bestOrLastCheckpoint(), run.checkpoints().best());
    const fb::RunSummary summary = run.summary();
    QCOMPARE(summary.status, fb::RunStatus::Finished);
    QCOMPARE(summary.lastStep, std::int64_t(2));
    QCOMPARE(summary.totalSteps, std::int64_t(2));
    QCOMPARE(summary.checkpoints,
             (std::vector<std::string>{"best.pt", "last.pt", "last.state.pt"}));
    QVERIFY(summary.evaluations.empty());
    QVERIFY(!run.hasEvalResults());
    QVERIFY(run.readEvalResults().empty());

    const ProcessResult eval = runCli({"eval", "--run", QString::fromStdString(run.path)});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const std::vector<fb::EvalResult> results = run.readEvalResults();
    QCOMPARE(results.size(), std::size_t(1));
    QCOMPARE(results[0].protocol, std::string("lfw"));
    QCOMPARE(results[0].file, run.eval().result("lfw"));
    QCOMPARE(results[0].blocks.size(), std::size_t(1));
    QCOMPARE(results[0].blocks[0].scoresFile, run.eval().scores("lfw"));
    QCOMPARE(run.summary().evaluations, std::vector<std::string>{"lfw"});

    // Training and eval wrote TensorBoard events: one training file and one ".eval" file.
    const QStringList events =
        QDir(QString::fromStdString(run.tensorBoardDir())).entryList(QDir::Files, QDir::Name);
    QCOMPARE(events.size(), 2);
    for (const QString& e : events)
        QVERIFY2(RunDirectory::isTensorBoardEventFile(e.toStdString()), qPrintable(e));

    QVERIFY(run.bench().resultFile().empty());
    const ProcessResult bench = runCli({"bench", "--models", "small-resnet-64", "--batch-sizes",
                                        "2", "--iterations", "1", "--warmup", "1", "--threads", "1",
                                        "--out", QString::fromStdString(run.benchDir())});
    QVERIFY2(bench.exitCode == 0, bench.err.constData());
    QCOMPARE(run.bench().resultFile(), run.bench().json());
    QVERIFY(exists(run.bench().csv()) && exists(run.bench().markdown()));
}

QTEST_GUILESS_MAIN(TestRunDirectory)
#include "test_run_directory.moc"
