// PyTorch state_dict files and .npy arrays against Debian's Python (python3-torch, numpy): what
// Python's torch.save writes FaceBench reads exactly, and what FaceBench writes torch.load and
// numpy.load read back exactly.
#include "facebench/errors.h"
#include "facebench/npy_file.h"
#include "weights/state_dict_file.h"

#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

#include <fstream>

using namespace fb;

namespace {

// Debian's Python's output, trimmed, or what went wrong.
QString python(const QString& code) {
    const ProcessResult result = runPython(code);
    if (result.exitCode != 0)
        return "python failed: " + QString::fromUtf8(result.err);
    return QString::fromUtf8(result.out).trimmed();
}

torch::Tensor find(const StateDict& state, const std::string& name) {
    for (const auto& [key, tensor] : state)
        if (key == name)
            return tensor;
    return {};
}

} // namespace

class TestWeights : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsWhatTorchSaveWrites();
    void torchLoadReadsWhatWeWrite();
    void badFiles_data();
    void badFiles();
    void npyRoundTripWithNumpy();
    void npyBadFiles();

private:
    QTemporaryDir m_dir;
};

void TestWeights::readsWhatTorchSaveWrites() {
    const QString path = m_dir.filePath("sd.pt");
    // An OrderedDict as state_dict() returns it, with the cases the reader must get right: a
    // view with an offset into a shared storage, a transposed (non-contiguous) tensor, int64
    // buffers, double and half precision, an empty tensor and a 0-d scalar.
    const QString out = python(QString(R"(
import torch, collections
base = torch.arange(12, dtype=torch.float32)
sd = collections.OrderedDict()
sd['conv.weight'] = torch.nn.Parameter(base.view(3, 4))
sd['view.offset'] = base[5:9]
sd['transposed'] = torch.arange(6, dtype=torch.float32).view(2, 3).t()
sd['bn.num_batches_tracked'] = torch.tensor(7)
sd['double'] = torch.tensor([1.5, -2.25], dtype=torch.float64)
sd['half'] = torch.tensor([0.5, 4.0], dtype=torch.float16)
sd['empty'] = torch.zeros(0, 3)
m = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))
for k, v in m.state_dict().items(): sd['net.' + k] = v
torch.save(sd, '%1')
print(float(m.state_dict()['0.weight'].sum()))
)").arg(path));
    bool ok = false;
    const double linearSum = out.toDouble(&ok);
    QVERIFY2(ok, qPrintable(out));

    const StateDict state = readStateDict(path.toStdString());
    QCOMPARE(int(state.size()), 14);
    QCOMPARE(QString::fromStdString(state[0].first), QString("conv.weight")); // file order kept
    QVERIFY(torch::equal(find(state, "conv.weight"), torch::arange(12, torch::kFloat32).view({3, 4})));
    QVERIFY(torch::equal(find(state, "view.offset"), torch::arange(5, 9, torch::kFloat32)));
    QVERIFY(torch::equal(find(state, "transposed"), torch::arange(6, torch::kFloat32).view({2, 3}).t()));
    QCOMPARE(find(state, "bn.num_batches_tracked").scalar_type(), torch::kInt64);
    QCOMPARE(find(state, "bn.num_batches_tracked").item<std::int64_t>(), std::int64_t(7));
    QCOMPARE(find(state, "bn.num_batches_tracked").dim(), std::int64_t(0));
    QVERIFY(torch::equal(find(state, "double"), torch::tensor({1.5, -2.25}, torch::kFloat64)));
    QCOMPARE(find(state, "half").scalar_type(), torch::kFloat16);
    QCOMPARE(find(state, "half")[1].item<float>(), 4.0f);
    QCOMPARE(find(state, "empty").sizes().vec(), (std::vector<std::int64_t>{0, 3}));
    QVERIFY(std::abs(find(state, "net.0.weight").sum().item<double>() - linearSum) < 1e-5);
    QVERIFY(find(state, "net.1.running_var").defined());
}

void TestWeights::torchLoadReadsWhatWeWrite() {
    const QString path = m_dir.filePath("ours.pt");
    StateDict state;
    state.emplace_back("fc.weight", torch::arange(6, torch::kFloat32).view({2, 3}).t()); // non-contiguous
    state.emplace_back("fc.bias", torch::tensor({0.25f, -1.0f}));
    state.emplace_back("bn.num_batches_tracked", torch::tensor(3, torch::kLong));
    writeStateDict(path.toStdString(), state);
    const QString out = python(QString(R"(
import torch
sd = torch.load('%1')
m = torch.nn.Module(); m.fc = torch.nn.Linear(2, 3)
ok = torch.equal(sd['fc.weight'], torch.arange(6.).view(2, 3).t()) and sd['fc.bias'].tolist() == [0.25, -1.0]
m.fc.load_state_dict({'weight': sd['fc.weight'], 'bias': torch.zeros(3)})
print(list(sd.keys()), ok, int(sd['bn.num_batches_tracked']))
)").arg(path));
    QCOMPARE(out, QString("['fc.weight', 'fc.bias', 'bn.num_batches_tracked'] True 3"));
    // and FaceBench reads its own files
    QVERIFY(torch::equal(find(readStateDict(path.toStdString()), "fc.bias"), torch::tensor({0.25f, -1.0f})));
}

void TestWeights::badFiles_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing") << "missing" << "cannot open the weights file";
    QTest::newRow("not a zip") << "text" << "not a torch.save zip archive";
    QTest::newRow("legacy format") << "legacy" << "not a torch.save zip archive";
    QTest::newRow("truncated") << "truncated" << "cannot read the weights";
    QTest::newRow("a model, not a state_dict") << "module" << "cannot read the weights: unsupported pickle opcode 0x81";
}

void TestWeights::badFiles() {
    QFETCH(QString, kind);
    QFETCH(QString, problem);
    const QString path = m_dir.filePath(kind + ".pt");
    if (kind == "text") {
        std::ofstream(path.toStdString()) << "hello";
    } else if (kind == "legacy") {
        QCOMPARE(python(QString("import torch; torch.save({'a': torch.ones(2)}, '%1', "
                                   "_use_new_zipfile_serialization=False)").arg(path)), QString());
    } else if (kind == "truncated") {
        QCOMPARE(python(QString("import torch; torch.save({'a': torch.ones(1000)}, '%1')\n"
                                   "d = open('%1', 'rb').read(); open('%1', 'wb').write(d[:len(d) // 2])").arg(path)),
                 QString());
    } else if (kind == "module") {
        QCOMPARE(python(QString("import torch; torch.save(torch.nn.Linear(2, 2), '%1')").arg(path)), QString());
    }
    try {
        readStateDict(path.toStdString());
        QFAIL("no error");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.where().file), path);
        QVERIFY2(QString(error.problem().c_str()).startsWith(problem), error.what());
    }
}

void TestWeights::npyRoundTripWithNumpy() {
    const QString ours = m_dir.filePath("ours.npy");
    writeNpy(ours.toStdString(), {{2, 3}, {1, 2, 3, 4, 5, 6.5f}});
    QCOMPARE(python(QString("import numpy; a = numpy.load('%1'); print(a.dtype, a.shape, a[1, 2])").arg(ours)),
             QString("float32 (2, 3) 6.5"));
    const QString theirs = m_dir.filePath("theirs.npy");
    QCOMPARE(python(QString("import numpy; numpy.save('%1', numpy.arange(24, dtype=numpy.float32).reshape(2, 3, 4))").arg(theirs)),
             QString());
    const NpyArray array = readNpy(theirs.toStdString());
    QCOMPARE(array.shape, (std::vector<std::int64_t>{2, 3, 4}));
    QCOMPARE(array.values[23], 23.0f);
    writeNpy(ours.toStdString(), {{4}, {1, 2, 3, 4}}); // 1-d shape "(4,)"
    QCOMPARE(readNpy(ours.toStdString()).shape, (std::vector<std::int64_t>{4}));
}

void TestWeights::npyBadFiles() {
    const QString doubles = m_dir.filePath("doubles.npy");
    QCOMPARE(python(QString("import numpy; numpy.save('%1', numpy.zeros((2, 2)))").arg(doubles)), QString());
    QVERIFY_THROWS_EXCEPTION(InputError, readNpy(doubles.toStdString()));
    const QString truncated = m_dir.filePath("truncated.npy");
    QCOMPARE(python(QString("import numpy; numpy.save('%1', numpy.zeros((64, 64), numpy.float32))\n"
                               "d = open('%1', 'rb').read(); open('%1', 'wb').write(d[:-10])").arg(truncated)),
             QString());
    try {
        readNpy(truncated.toStdString());
        QFAIL("no error");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.problem()),
                 QString("the file is truncated: the shape needs 4096 float32 values"));
    }
}

QTEST_GUILESS_MAIN(TestWeights)
#include "test_weights.moc"
