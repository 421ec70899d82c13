// facebench-cli as a user and a script see it: exit codes 0 / 1 / 2, JSON on stdout, messages
// naming file:line and key on stderr, nothing written on error (docs/ARCHITECTURE.md, "CLI
// contract").
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

namespace {

QString sourcePath(const QString& relative) {
    return qEnvironmentVariable("FACEBENCH_SOURCE_DIR") + "/" + relative;
}

QJsonObject parseJson(const QByteArray& text) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not one JSON object: %s\n%s", qPrintable(error.errorString()), text.constData());
    return document.object();
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void versionAndHelp();
    void presetsJson();
    void configCheckPrintsResolvedConfig();
    void configCheckJson();
    void unknownKeyExits2AndWritesNothing();
    void errorAsJson();
    void outFileRoundTrips();

private:
    QTemporaryDir m_dir;
    QString m_badConfig;
};

void TestCli::initTestCase() {
    QVERIFY2(QFile::exists(qEnvironmentVariable("FACEBENCH_CLI")),
             "FACEBENCH_CLI not set by CTest");
    QVERIFY(m_dir.isValid());
    m_badConfig = m_dir.filePath("bad.yaml");
    writeFile(m_badConfig, "preset: resnet50\nmodel:\n  nmae: vgg16\n");
}

void TestCli::exitCodes_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrContains");

    QTest::newRow("presets") << QStringList{"presets"} << 0 << "";
    QTest::newRow("valid config") << QStringList{"config", "check",
                                                 sourcePath("resources/presets/resnet50.yaml")}
                                  << 0 << "valid";
    QTest::newRow("no verb") << QStringList{} << 2 << "A subcommand is required";
    QTest::newRow("unknown verb") << QStringList{"trian"} << 2 << "unknown verb 'trian'";
    QTest::newRow("unknown option")
        << QStringList{"presets", "--frobnicate"} << 2 << "--frobnicate";
    QTest::newRow("config without FILE")
        << QStringList{"config", "check"} << 2 << "FILE is required";
    QTest::newRow("config without action")
        << QStringList{"config"} << 2 << "A subcommand is required";
    QTest::newRow("missing file") << QStringList{"config", "check", "/nonexistent/exp.yaml"} << 2
                                  << "/nonexistent/exp.yaml: cannot open the config file";
    QTest::newRow("bad --set") << QStringList{"config", "check",
                                              sourcePath("resources/presets/resnet50.yaml"),
                                              "--set", "train.batch_size=-1"}
                               << 2 << "'train.batch_size': value -1 is out of range";
    QTest::newRow("--out into a missing folder")
        << QStringList{"config", "check", sourcePath("resources/presets/resnet50.yaml"), "--out",
                       "/nonexistent/dir/out.yaml"}
        << 2 << "/nonexistent/dir/out.yaml: cannot write: folder '/nonexistent/dir' does not exist";
}

void TestCli::exitCodes() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, stderrContains);
    const ProcessResult result = runCli(arguments);
    QTEST(result.exitCode, "exitCode");
    QVERIFY2(result.err.contains(stderrContains.toUtf8()), result.err.constData());
}

void TestCli::versionAndHelp() {
    const ProcessResult version = runCli({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(QRegularExpression("^\\d+\\.\\d+\\.\\d+\\s*$").match(QString(version.out)).hasMatch());
    const ProcessResult help = runCli({"--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("config"));
    QVERIFY(help.out.contains("presets"));
    QVERIFY(help.out.contains("--json"));
}

void TestCli::presetsJson() {
    for (const QStringList& arguments :
         {QStringList{"--json", "presets"}, QStringList{"presets", "--json"}}) {
        const ProcessResult result = runCli(arguments);
        QCOMPARE(result.exitCode, 0);
        const QJsonArray presets = parseJson(result.out)["presets"].toArray();
        QCOMPARE(presets.size(), 17);
        const QJsonObject resnet = [&] {
            for (const QJsonValue& preset : presets)
                if (preset["name"].toString() == "resnet50")
                    return preset.toObject();
            return QJsonObject();
        }();
        QCOMPARE(resnet["config"]["train"]["batch_size"].toInt(), 50);
        QCOMPARE(resnet["config"]["schedule"]["every_epochs"].toInt(), 28);
        QCOMPARE(resnet["config"]["optim"]["weight_decay"].toDouble(), 1e-4);
    }
}

void TestCli::configCheckPrintsResolvedConfig() {
    const ProcessResult result =
        runCli({"config", "check", sourcePath("resources/presets/arcface.yaml"), "--set",
                "train.batch_size=64"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("  batch_size: 64\n"));
    QVERIFY(result.out.contains("  m: 0.5\n"));
    QVERIFY(result.out.contains("  milestones: [16000, 24000, 28000]\n"));
    QVERIFY(result.out.contains("  last_batch: keep\n")); // every default written out
}

void TestCli::configCheckJson() {
    const QString file = sourcePath("resources/presets/resnet50.yaml");
    const ProcessResult result = runCli({"config", "check", file, "--json"});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject document = parseJson(result.out);
    QCOMPARE(document["file"].toString(), file);
    const QJsonObject config = document["config"].toObject();
    QCOMPARE(config["model"]["name"].toString(), QString("resnet50"));
    QCOMPARE(config["data"]["input_size"].toArray(), (QJsonArray{224, 224}));
    QCOMPARE(config["schedule"]["base_lr"].toDouble(), 0.1);
    QCOMPARE(config["style"]["last_batch"].toString(), QString("keep"));
    QVERIFY(config.keys().contains("output"));
}

void TestCli::unknownKeyExits2AndWritesNothing() {
    const QString out = m_dir.filePath("resolved.yaml");
    const ProcessResult result = runCli({"config", "check", m_badConfig, "--out", out});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(
        result.err.contains(
            (m_badConfig + ":3:3: 'model.nmae': unknown key; did you mean 'model.name'?").toUtf8()),
        result.err.constData());
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFile::exists(out));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"bad.yaml"});
}

void TestCli::errorAsJson() {
    const ProcessResult result = runCli({"--json", "config", "check", m_badConfig});
    QCOMPARE(result.exitCode, 2);
    const QJsonObject error = parseJson(result.out)["error"].toObject();
    QCOMPARE(error["file"].toString(), m_badConfig);
    QCOMPARE(error["line"].toInt(), 3);
    QCOMPARE(error["column"].toInt(), 3);
    QCOMPARE(error["key"].toString(), QString("model.nmae"));
    QCOMPARE(error["exit_code"].toInt(), 2);
}

void TestCli::outFileRoundTrips() {
    const QString out = m_dir.filePath("cosface-resolved.yaml");
    const ProcessResult first =
        runCli({"config", "check", sourcePath("resources/presets/cosface.yaml"), "--set",
                "style=caffe", "--out", out});
    QCOMPARE(first.exitCode, 0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), first.out);
    const ProcessResult second = runCli({"config", "check", out});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, first.out);
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
