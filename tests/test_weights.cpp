// PyTorch state_dict files and .npy arrays against Debian's Python (python3-torch, numpy): what
// Python's torch.save writes FaceBench reads exactly, and what FaceBench writes torch.load and
// numpy.load read back exactly.
#include "facebench/errors.h"
#include "facebench/npy_file.h"
#include "weights/pickle_reader.h"
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
    void npyHostileHeaders_data();
    void npyHostileHeaders();
    void hostilePickles_data();
    void hostilePickles();
    void hostileStateDictFiles_data();
    void hostileStateDictFiles();

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
)")
                                   .arg(path));
    bool ok = false;
    const double linearSum = out.toDouble(&ok);
    QVERIFY2(ok, qPrintable(out));

    const StateDict state = readStateDict(path.toStdString());
    QCOMPARE(int(state.size()), 14);
    QCOMPARE(QString::fromStdString(state[0].first), QString("conv.weight")); // file order kept
    QVERIFY(
        torch::equal(find(state, "conv.weight"), torch::arange(12, torch::kFloat32).view({3, 4})));
    QVERIFY(torch::equal(find(state, "view.offset"), torch::arange(5, 9, torch::kFloat32)));
    QVERIFY(torch::equal(find(state, "transposed"),
                         torch::arange(6, torch::kFloat32).view({2, 3}).t()));
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
    state.emplace_back("fc.weight",
                       torch::arange(6, torch::kFloat32).view({2, 3}).t()); // non-contiguous
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
)")
                                   .arg(path));
    QCOMPARE(out, QString("['fc.weight', 'fc.bias', 'bn.num_batches_tracked'] True 3"));
    // and FaceBench reads its own files
    QVERIFY(torch::equal(find(readStateDict(path.toStdString()), "fc.bias"),
                         torch::tensor({0.25f, -1.0f})));
}

void TestWeights::badFiles_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing") << "missing"
                             << "cannot open the weights file";
    QTest::newRow("not a zip") << "text"
                               << "not a torch.save zip archive";
    QTest::newRow("legacy format") << "legacy"
                                   << "not a torch.save zip archive";
    QTest::newRow("truncated") << "truncated"
                               << "cannot read the weights";
    QTest::newRow("a model, not a state_dict")
        << "module"
        << "cannot read the weights: unsupported pickle opcode 0x81";
}

void TestWeights::badFiles() {
    QFETCH(QString, kind);
    QFETCH(QString, problem);
    const QString path = m_dir.filePath(kind + ".pt");
    if (kind == "text") {
        std::ofstream(path.toStdString()) << "hello";
    } else if (kind == "legacy") {
        QCOMPARE(python(QString("import torch; torch.save({'a': torch.ones(2)}, '%1', "
                                "_use_new_zipfile_serialization=False)")
                            .arg(path)),
                 QString());
    } else if (kind == "truncated") {
        QCOMPARE(
            python(QString("import torch; torch.save({'a': torch.ones(1000)}, '%1')\n"
                           "d = open('%1', 'rb').read(); open('%1', 'wb').write(d[:len(d) // 2])")
                       .arg(path)),
            QString());
    } else if (kind == "module") {
        QCOMPARE(python(QString("import torch; torch.save(torch.nn.Linear(2, 2), '%1')").arg(path)),
                 QString());
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
    QCOMPARE(python(QString("import numpy; a = numpy.load('%1'); print(a.dtype, a.shape, a[1, 2])")
                        .arg(ours)),
             QString("float32 (2, 3) 6.5"));
    const QString theirs = m_dir.filePath("theirs.npy");
    QCOMPARE(
        python(
            QString(
                "import numpy; numpy.save('%1', numpy.arange(24, dtype=numpy.float32).reshape(2, 3, 4))")
                .arg(theirs)),
        QString());
    const NpyArray array = readNpy(theirs.toStdString());
    QCOMPARE(array.shape, (std::vector<std::int64_t>{2, 3, 4}));
    QCOMPARE(array.values[23], 23.0f);
    writeNpy(ours.toStdString(), {{4}, {1, 2, 3, 4}}); // 1-d shape "(4,)"
    QCOMPARE(readNpy(ours.toStdString()).shape, (std::vector<std::int64_t>{4}));
}

void TestWeights::npyBadFiles() {
    const QString doubles = m_dir.filePath("doubles.npy");
    QCOMPARE(python(QString("import numpy; numpy.save('%1', numpy.zeros((2, 2)))").arg(doubles)),
             QString());
    QVERIFY_THROWS_EXCEPTION(InputError, readNpy(doubles.toStdString()));
    const QString truncated = m_dir.filePath("truncated.npy");
    QCOMPARE(python(QString("import numpy; numpy.save('%1', numpy.zeros((64, 64), numpy.float32))\n"
                            "d = open('%1', 'rb').read(); open('%1', 'wb').write(d[:-10])")
                        .arg(truncated)),
             QString());
    try {
        readNpy(truncated.toStdString());
        QFAIL("no error");
    } catch (const InputError& error) {
        QCOMPARE(
            QString::fromStdString(error.problem()),
            QString(
                "the file is truncated: the shape needs 4096 float32 values, the file holds 4093"));
    }
}

namespace {

// A version 1.0 .npy file: the header dict as given, then `values` float32 zeros.
QByteArray npyFile(const QByteArray& dict, int values) {
    QByteArray header = dict + '\n';
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes += char(header.size() & 0xff);
    bytes += char(header.size() >> 8);
    return bytes + header + QByteArray(values * 4, '\0');
}

QByteArray npyShape(const QByteArray& shape, int values) {
    return npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }", values);
}

QString shapeText(const std::vector<std::int64_t>& shape) {
    QStringList dims;
    for (std::int64_t dim : shape)
        dims << QString::number(dim);
    return "(" + dims.join(", ") + ")";
}

} // namespace

// Lengths and counts come from the file: each is checked against the file's size and the
// numbers' range before anything is allocated, and every fault is an InputError naming the file.
// An empty problem means the file is valid and has that shape.
void TestWeights::npyHostileHeaders_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("shape");
    QTest::newRow("scalar") << npyShape("()", 1) << ""
                            << "()";
    QTest::newRow("empty array") << npyShape("(0, 3)", 0) << ""
                                 << "(0, 3)";
    QTest::newRow("zero beside huge dimensions")
        << npyShape("(0, 4294967296, 4294967296, 4)", 0) << ""
        << "(0, 4294967296, 4294967296, 4)";
    QTest::newRow("1-d, no blanks") << npyShape("(3,)", 3) << ""
                                    << "(3)";
    QTest::newRow("header length 4 GiB (version 2)")
        << QByteArray("\x93NUMPY\x02\x00\xf0\xff\xff\xff{'descr': '<f4'}", 28)
        << "the .npy header length 4294967280 is over numpy's limit of 10000 bytes"
        << "";
    QTest::newRow("header longer than the file")
        << QByteArray("\x93NUMPY\x01\x00\x00\x10{'descr': '<f4'}", 26)
        << "the .npy header is truncated: it claims 4096 bytes, the file has 16"
        << "";
    QTest::newRow("unknown version")
        << QByteArray("\x93NUMPYUMPY\x00v\x01UvMN ", 18) << "unsupported .npy format version 85.77"
        << "";
    QTest::newRow("1e9 values, 4 in the file")
        << npyShape("(1000000000,)", 4)
        << "the file is truncated: the shape needs 1000000000 float32 values, the file holds 4"
        << "";
    QTest::newRow("value count overflows int64")
        << npyShape("(4294967296, 4294967296, 4)", 0)
        << "the .npy shape (4294967296, 4294967296, 4) has more values than a 64-bit count holds"
        << "";
    QTest::newRow("negative dimension")
        << npyShape("(-1,)", 0)
        << "the .npy shape has '-1' where a non-negative integer dimension belongs"
        << "";
    QTest::newRow("not a number")
        << npyShape("(x,)", 0)
        << "the .npy shape has 'x' where a non-negative integer dimension belongs"
        << "";
    QTest::newRow("dimension over int64") << npyShape("(99999999999999999999,)", 0)
                                          << "the .npy shape has '99999999999999999999' where"
                                          << "";
    QTest::newRow("empty dimension")
        << npyShape("(2,, 3)", 6)
        << "the .npy shape has '' where a non-negative integer dimension belongs"
        << "";
    QTest::newRow("two trailing commas")
        << npyShape("(2, 3,,)", 6) << "the .npy shape has an empty dimension"
        << "";
    QTest::newRow("only a comma") << npyShape("(,)", 0) << "the .npy shape '(,)' is not a tuple"
                                  << "";
    QTest::newRow("no shape") << npyFile("{'descr': '<f4', 'fortran_order': False}", 0)
                              << "the .npy header has no shape"
                              << "";
    QTest::newRow("unterminated dtype")
        << npyFile("{'descr': '<f4", 0) << "expected float32 values (dtype '<f4'), found no dtype"
        << "";
}

void TestWeights::npyHostileHeaders() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const QString path = m_dir.filePath("hostile.npy");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }
    try {
        const NpyArray array = readNpy(path.toStdString());
        QVERIFY2(problem.isEmpty(), "no error");
        QTEST(shapeText(array.shape), "shape");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.where().file), path);
        QVERIFY2(QString::fromStdString(error.problem()).startsWith(problem) && !problem.isEmpty(),
                 error.what());
    }
}

namespace {

// Pickle opcodes for the rows below (protocol 2, as torch.save writes).
QByteArray pickleInt(std::int64_t value) {
    QByteArray bytes("\x8a\x08", 2); // LONG1, 8 bytes
    for (int i = 0; i < 8; ++i)
        bytes += char((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xff);
    return bytes;
}
QByteArray pickleText(const QByteArray& text) {
    return "\x8c" + QByteArray(1, char(text.size())) + text; // SHORT_BINUNICODE
}
QByteArray pickleTuple(const std::vector<std::int64_t>& values) {
    QByteArray bytes("(");
    for (std::int64_t value : values)
        bytes += pickleInt(value);
    return bytes + "t";
}
// {'t': _rebuild_tensor_v2(<FloatStorage '0' of numel>, offset, sizes, strides, False, None)}
QByteArray tensorPickle(std::int64_t numel, std::int64_t offset,
                        const std::vector<std::int64_t>& sizes,
                        const std::vector<std::int64_t>& strides) {
    return QByteArray("\x80\x02}(") + pickleText("t") + "ctorch._utils\n_rebuild_tensor_v2\n(" +
           "(" + pickleText("storage") + "ctorch\nFloatStorage\n" + pickleText("0") +
           pickleText("cpu") + pickleInt(numel) + "tQ" + pickleInt(offset) + pickleTuple(sizes) +
           pickleTuple(strides) + "\x89Nt" + "Ru.";
}

} // namespace

// data.pkl from hostile files, through the torch-free pickle reader: lengths, offsets and views
// are checked before anything is indexed, building is linear, nothing recurses on the file's
// nesting and no value can contain itself. An empty problem means the pickle is valid.
void TestWeights::hostilePickles_data() {
    QTest::addColumn<QByteArray>("pickle");
    QTest::addColumn<QString>("problem");
    QTest::newRow("valid view") << tensorPickle(4, 0, {2, 2}, {2, 1}) << "";
    QTest::newRow("valid 0-d scalar at an offset") << tensorPickle(4, 3, {}, {}) << "";
    QTest::newRow("empty view reaches nowhere")
        << tensorPickle(0, 100, {0, 1LL << 40}, {1, 1}) << "";
    QTest::newRow("sizes and strides of different lengths")
        << tensorPickle(4, 0, {2, 2}, {1}) << "a tensor in data.pkl has 2 sizes but 1 strides";
    QTest::newRow("view past the storage")
        << tensorPickle(4, 1, {4}, {1})
        << "a tensor in data.pkl reaches past the end of its storage";
    QTest::newRow("view extent overflows int64")
        << tensorPickle(4, 0, {3, 3}, {1LL << 62, 1LL << 62})
        << "a tensor in data.pkl reaches past the end of its storage";
    QTest::newRow("negative stride")
        << tensorPickle(4, 0, {2}, {-1}) << "a tensor in data.pkl has a negative size or stride";
    QTest::newRow("negative offset")
        << tensorPickle(4, -1, {2}, {1}) << "a tensor in data.pkl has a negative storage offset";
    QTest::newRow("65 dimensions")
        << tensorPickle(4, 0, std::vector<std::int64_t>(65, 1), std::vector<std::int64_t>(65, 1))
        << "a tensor in data.pkl has more than 64 dimensions";
    QTest::newRow("list appended to itself") << QByteArray("]q\x00h\x00"
                                                           "a.",
                                                           7)
                                             << "a list or dict in data.pkl contains itself";
    QTest::newRow("list changed inside another")
        << QByteArray("]q\x00]q\x01"
                      "ah\x01K\x01"
                      "a.",
                      13)
        << "data.pkl changes a list or dict after placing it inside another value";
    QTest::newRow("dict set into itself")
        << QByteArray("}q\x00h\x00K\x01s.", 9) << "a list or dict in data.pkl contains itself";
    QTest::newRow("pop below a MARK")
        << QByteArray("K\x01(a.", 5)
        << "pickle stack underflow (a MARK where a value was expected)";
    QTest::newRow("memo never stored")
        << QByteArray("h\x07.", 3) << "pickle memo 7 was never stored";
    QTest::newRow("text longer than the file") << QByteArray("X\xff\xff\xff\x7f"
                                                             "ab",
                                                             7)
                                               << "data.pkl ends early";
    QTest::newRow("unsupported opcode")
        << QByteArray("\x81.", 2) << "unsupported pickle opcode 0x81 at byte 0";
    // 300000 items after one MARK: linear (the front-insertion of old took minutes for this).
    QTest::newRow("300k items in one tuple") << "(" + QByteArray(300000, 'N') + "t."
                                             << "";
    // A list nested a million deep: freeing it must not recurse a million frames.
    QTest::newRow("1M nested lists") << QByteArray(1000000, ']') + QByteArray(999999, 'a') + "."
                                     << "";
}

void TestWeights::hostilePickles() {
    QFETCH(QByteArray, pickle);
    QFETCH(QString, problem);
    QElapsedTimer timer;
    timer.start();
    try {
        const Pickle result = readTorchPickle(pickle.toStdString(), "data.pkl");
        QVERIFY2(problem.isEmpty(), "no error");
        QVERIFY(result.root < result.values.size());
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.where().file), QString("data.pkl"));
        QCOMPARE(QString::fromStdString(error.problem()), problem);
    }
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed()) + " ms"));
}

// Whole hostile weights files (tests/fuzz/cli-inputs/state_dict): an InputError naming the
// file, in bounded time, never a crash.
void TestWeights::hostileStateDictFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("problem");
    QTest::newRow("stride shorter than size")
        << "stride_shorter_than_size.pt"
        << "cannot read the weights: a tensor in data.pkl has 2 sizes but 1 strides";
    QTest::newRow("160k items after a MARK")
        << "mark_160k_items.pt"
        << "cannot read the weights: the file holds no dict of tensors";
    QTest::newRow("nested 100k deep")
        << "deep_nesting_100k.pt"
        << "cannot read the weights: the file holds no dict of tensors";
    QTest::newRow("nested 1M deep") << "deep_nesting_1M.pt"
                                    << "cannot read the weights: the file holds no dict of tensors";
}

void TestWeights::hostileStateDictFiles() {
    QFETCH(QString, file);
    QFETCH(QString, problem);
    const QString path =
        qEnvironmentVariable("FACEBENCH_SOURCE_DIR") + "/tests/fuzz/cli-inputs/state_dict/" + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QElapsedTimer timer;
    timer.start();
    try {
        readStateDict(path.toStdString());
        QFAIL("no error");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.where().file), path);
        QVERIFY2(QString::fromStdString(error.problem()).startsWith(problem), error.what());
    }
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed()) + " ms"));
}

QTEST_GUILESS_MAIN(TestWeights)
#include "test_weights.moc"
