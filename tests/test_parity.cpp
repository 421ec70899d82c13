// Parity with PyTorch (Debian's python3-torchvision 0.14) through the CLI, as a user would check
// it: a randomly initialised torchvision model's state_dict, imported with `weights import`,
// gives torchvision's logits in eval mode (`extract --layer logits --input-tensor`), and the
// `weights export`ed file loads back into torchvision with identical logits. Also the bad
// inputs of the weights and extract verbs.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

namespace {

// torchvision constructors matching FaceBench's models: no auxiliary heads, no input transform.
const char* kTorchvisionModels = R"(
import torch, torchvision, numpy
M = torchvision.models
models = {
  'alexnet-v2': (lambda: M.alexnet(num_classes=10), 224),
  'vgg16-bn': (lambda: M.vgg16_bn(num_classes=10), 224),
  'googlenet': (lambda: M.googlenet(num_classes=10, aux_logits=False, transform_input=False, init_weights=True), 224),
  'inception-v3': (lambda: M.inception_v3(num_classes=10, aux_logits=False, transform_input=False, init_weights=True), 299),
  'resnet50': (lambda: M.resnet50(num_classes=10), 224),
  'densenet121': (lambda: M.densenet121(num_classes=10), 224),
}
)";

} // namespace

class TestParity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void logitsMatchTorchvision_data();
    void logitsMatchTorchvision();
    void badInputs_data();
    void badInputs();

private:
    QTemporaryDir m_dir;
};

void TestParity::initTestCase() {
    QVERIFY(m_dir.isValid());
    // One Python process writes every model's state_dict, a random input and its logits.
    const ProcessResult made = runPython(QString(kTorchvisionModels) + QString(R"(
import os
os.chdir('%1')
for name, (make, size) in models.items():
    torch.manual_seed(1)
    m = make().eval()
    torch.save(m.state_dict(), name + '.pt')
    x = torch.randn(2, 3, size, size)
    numpy.save(name + '-x.npy', x.numpy())
    with torch.no_grad():
        numpy.save(name + '-ref.npy', m(x).numpy())
)")
                                                                           .arg(m_dir.path()));
    QVERIFY2(made.exitCode == 0, made.err.constData());
}

void TestParity::logitsMatchTorchvision_data() {
    QTest::addColumn<QString>("model");
    for (const char* model :
         {"alexnet-v2", "vgg16-bn", "googlenet", "inception-v3", "resnet50", "densenet121"})
        QTest::newRow(model) << model;
}

void TestParity::logitsMatchTorchvision() {
    QFETCH(QString, model);
    const QString base = m_dir.filePath(model);
    const ProcessResult imported = runCli({"weights", "import", base + ".pt", "--model", model,
                                           "--classes", "10", "--out", base + ".fbw"});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const ProcessResult extracted =
        runCli({"extract", "--weights", base + ".fbw", "--layer", "logits", "--input-tensor",
                base + "-x.npy", "--out", base + "-ours.npy"});
    QVERIFY2(extracted.exitCode == 0, extracted.err.constData());
    const ProcessResult exported =
        runCli({"weights", "export", base + ".fbw", "--out", base + "-back.pt"});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());

    // max |ours - torchvision| <= 1e-4 max |logit|, and the exported file gives torchvision
    // exactly its own logits back.
    const ProcessResult checked = runPython(QString(kTorchvisionModels) + QString(R"(
base = '%1'
ref = numpy.load(base + '-ref.npy'); ours = numpy.load(base + '-ours.npy')
assert ours.shape == ref.shape, (ours.shape, ref.shape)
diff = float(abs(ours - ref).max()); scale = float(abs(ref).max())
m = models['%2'][0]().eval()
m.load_state_dict(torch.load(base + '-back.pt'))
with torch.no_grad():
    back = m(torch.from_numpy(numpy.load(base + '-x.npy'))).numpy()
print(diff <= 1e-4 * scale, bool((back == ref).all()), diff, scale)
)")
                                                                              .arg(base, model));
    QVERIFY2(checked.exitCode == 0, checked.err.constData());
    QVERIFY2(checked.out.startsWith("True True"), qPrintable(model + ": " + checked.out));
}

void TestParity::badInputs_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString dir = m_dir.path();
    QTest::newRow("unknown model")
        << QStringList{"weights",  "import", dir + "/resnet50.pt", "--model",
                       "resnet05", "--out",  dir + "/x.fbw"}
        << "unknown model 'resnet05'; did you mean 'resnet50'?";
    QTest::newRow("weights of another model")
        << QStringList{"weights", "import",      dir + "/resnet50.pt",
                       "--model", "densenet121", "--classes",
                       "10",      "--out",       dir + "/x.fbw"}
        << "the weights do not fit the model";
    QTest::newRow("another class count")
        << QStringList{"weights", "import",   dir + "/resnet50.pt",
                       "--model", "resnet50", "--classes",
                       "7",       "--out",    dir + "/x.fbw"}
        << "mis-shaped (2): fc.weight [10, 2048] in the file, [7, 2048] in the model";
    QTest::newRow("truncated .pt")
        << QStringList{"weights",  "import", dir + "/truncated.pt", "--model",
                       "resnet50", "--out",  dir + "/x.fbw"}
        << "cannot read the weights";
    QTest::newRow("wrong .npy shape")
        << QStringList{"extract",
                       "--weights",
                       dir + "/resnet50.fbw",
                       "--input-tensor",
                       dir + "/inception-v3-x.npy",
                       "--out",
                       dir + "/x.npy"}
        << "expected shape (N, 3, 224, 224) for resnet50, got (2, 3, 299, 299)";
    QTest::newRow("export of a plain state_dict")
        << QStringList{"weights", "export", dir + "/resnet50.pt", "--out", dir + "/x.pt"}
        << "not a FaceBench weights file";
}

void TestParity::badInputs() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QFile original(m_dir.filePath("resnet50.pt"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QFile truncated(m_dir.filePath("truncated.pt"));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(original.read(original.size() / 2));
    truncated.close();

    const ProcessResult result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath("x.fbw")));
    QVERIFY(!QFile::exists(m_dir.filePath("x.npy")));
    QVERIFY(!QFile::exists(m_dir.filePath("x.pt")));
}

QTEST_GUILESS_MAIN(TestParity)
#include "test_parity.moc"
