// TensorBoard event files (facebench/tensorboard.h): CRC-32C and its TFRecord mask against
// known values; a tiny training run's RUN/tb/ decoded by an independent Python reader (its own
// table-driven CRC-32C and protobuf wire-format decoder) holds every number of metrics.jsonl at
// its step, plus eval's headline numbers; `runs export-tb` gives the same scalars; a resumed run
// repeats no step; output.tensorboard: false writes no event file; bad input exits 2 naming it.
#include "process_runner.h"
#include "report/tensorboard_writer.h"
#include "tiny_training_setup.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPair>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Reads every event file of a folder from bytes, checking both CRCs of each record, and prints
// {"files": [{"name", "file_version", "first_event_is_version"}], "scalars": [[tag, step,
// value, file]]}. It shares no code with the C++ writer.
const char* const kDecoder = R"PY(
import json, os, struct, sys

def crc_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table
TABLE = crc_table()

def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF

def masked(c):
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF

def records(blob, name):
    at = 0
    while at < len(blob):
        if len(blob) - at < 16:
            raise SystemExit(name + ": a record cut short at byte %d" % at)
        header = blob[at:at + 8]
        (length,) = struct.unpack("<Q", header)
        (length_crc,) = struct.unpack("<I", blob[at + 8:at + 12])
        if masked(crc32c(header)) != length_crc:
            raise SystemExit(name + ": bad length CRC at byte %d" % at)
        data = blob[at + 12:at + 12 + length]
        (data_crc,) = struct.unpack("<I", blob[at + 12 + length:at + 16 + length])
        if len(data) != length or masked(crc32c(data)) != data_crc:
            raise SystemExit(name + ": bad data CRC at byte %d" % at)
        yield data
        at += 16 + length

def varint(buf, at):
    value, shift = 0, 0
    while True:
        b = buf[at]
        at += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, at

def fields(buf):
    at = 0
    while at < len(buf):
        key, at = varint(buf, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = varint(buf, at)
        elif wire == 1:
            value = buf[at:at + 8]; at += 8
        elif wire == 5:
            value = buf[at:at + 4]; at += 4
        elif wire == 2:
            length, at = varint(buf, at)
            value = buf[at:at + length]; at += length
        else:
            raise SystemExit("wire type %d" % wire)
        yield number, wire, value

out = {"files": [], "scalars": []}
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if "tfevents" not in name:
        continue
    blob = open(os.path.join(folder, name), "rb").read()
    info = {"name": name, "file_version": "", "first_event_is_version": False, "versions": 0}
    for index, event in enumerate(records(blob, name)):
        step, summary = 0, None
        for number, wire, value in fields(event):
            if number == 1:
                assert wire == 1
                struct.unpack("<d", value)
            elif number == 2:
                assert wire == 0
                step = value - (1 << 64) if value >= 1 << 63 else value
            elif number == 3:
                info["file_version"] = value.decode()
                info["versions"] += 1
                info["first_event_is_version"] = info["first_event_is_version"] or index == 0
            elif number == 5:
                summary = value
        if summary is None:
            continue
        for number, wire, value in fields(summary):
            assert number == 1 and wire == 2
            tag, simple = None, None
            for n, w, v in fields(value):
                if n == 1:
                    tag = v.decode()
                elif n == 2:
                    assert w == 5
                    (simple,) = struct.unpack("<f", v)
            out["scalars"].append([tag, step, simple, name])
    out["files"].append(info)
print(json.dumps(out))
)PY";

using ScalarKey = QPair<QString, qint64>; // tag, step
using Scalars = QMap<ScalarKey, double>;

struct Decoded {
    QJsonArray files;
    Scalars scalars;
    int duplicates = 0;
};

Decoded decodeEventFolder(const QString& folder) {
    Decoded decoded;
    const ProcessResult r = runProcess("/usr/bin/python3", {"-c", kDecoder, folder});
    if (r.exitCode != 0) {
        qWarning("decoder: %s", r.err.constData());
        return decoded;
    }
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    decoded.files = doc["files"].toArray();
    for (const QJsonValue& v : doc["scalars"].toArray()) {
        const QJsonArray s = v.toArray();
        const ScalarKey key{s[0].toString(), static_cast<qint64>(s[1].toDouble())};
        decoded.duplicates += decoded.scalars.contains(key) ? 1 : 0;
        decoded.scalars[key] = s[2].toDouble();
    }
    return decoded;
}

// What metrics.jsonl says the event files hold: "type/key" at the row's step for every number
// of the row but the step, as float32 (TensorBoard's simple_value).
Scalars expectedFromMetrics(const QString& runDir) {
    Scalars expected;
    QFile file(runDir + "/metrics.jsonl");
    if (!file.open(QIODevice::ReadOnly))
        return expected;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        const qint64 step = static_cast<qint64>(row["step"].toDouble());
        for (auto it = row.begin(); it != row.end(); ++it)
            if (it.key() != "step" && it.value().isDouble())
                expected[{row["type"].toString() + "/" + it.key(), step}] =
                    static_cast<double>(static_cast<float>(it.value().toDouble()));
    }
    return expected;
}

Scalars withoutEval(const Scalars& all) {
    Scalars training;
    for (auto it = all.begin(); it != all.end(); ++it)
        if (!it.key().first.startsWith("eval/"))
            training.insert(it.key(), it.value());
    return training;
}

QStringList eventFiles(const QString& runDir) {
    return QDir(runDir + "/tb").entryList({"*tfevents*"}, QDir::Files, QDir::Name);
}

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QString firstLine(const QByteArray& out) {
    return QString::fromUtf8(out).trimmed().split('\n').first();
}

} // namespace

class TestTensorBoard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void crc32cKnownVectors_data();
    void crc32cKnownVectors();
    void maskedCrc();
    void trainingEventsEqualMetricsRows();
    void evalAddsItsHeadlineNumbers();
    void exportEqualsWhatTrainingWrote();
    void resumedRunRepeatsNoStep();
    void configKeyOffWritesNoEventFile();
    void configCheckPrintsTheKey();
    void badInputExitsTwoNamingTheFile_data();
    void badInputExitsTwoNamingTheFile();

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString m_run;
    QString train(const QString& outName, const QStringList& extra = {}) {
        const ProcessResult r =
            runCli(QStringList{"train", m_config, "--out", m_dir.filePath(outName)} + extra);
        if (r.exitCode != 0)
            qWarning("train: %s", r.err.constData());
        return r.exitCode == 0 ? firstLine(r.out) : QString();
    }
};

void TestTensorBoard::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath("synth");
    const ProcessResult synth = fb::test::synthTinyFaceSet(data, 8, 8, 5);
    QVERIFY2(synth.exitCode == 0, synth.err.constData());
    // Validation at steps 4 and 8 (held-out accuracy and LFW verification), so val rows and
    // their metrics go to the event file too.
    fb::test::TinyTrainingConfig config;
    config.data = data;
    config.dataKeys = "val_split: 0.25";
    config.trainKeys = "val_every: 4";
    config.evalLfw = true;
    config.outputKeys = "name: tb";
    m_config = m_dir.filePath("tiny.yaml");
    writeText(m_config, config.yaml().toUtf8());
    m_run = train("runs");
    QVERIFY(!m_run.isEmpty());
}

void TestTensorBoard::crc32cKnownVectors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint32>("crc");
    // RFC 3720 (iSCSI) B.4 and the usual check value of CRC-32C.
    QTest::newRow("check value") << QByteArray("123456789") << quint32(0xE3069283);
    QTest::newRow("empty") << QByteArray() << quint32(0);
    QTest::newRow("32 zeros") << QByteArray(32, '\0') << quint32(0x8A9136AA);
    QTest::newRow("32 x 0xff") << QByteArray(32, '\xff') << quint32(0x62A8AB43);
    QByteArray ascending;
    for (int i = 0; i < 32; ++i)
        ascending.append(static_cast<char>(i));
    QTest::newRow("0 to 31") << ascending << quint32(0x46DD794E);
}

void TestTensorBoard::crc32cKnownVectors() {
    QFETCH(QByteArray, bytes);
    QFETCH(quint32, crc);
    QCOMPARE(fb::tensorboard::crc32c(bytes.toStdString()), crc);
}

void TestTensorBoard::maskedCrc() {
    // ((crc >> 15) | (crc << 17)) + 0xa282ead8, in 32 bits.
    const std::uint32_t crc = 0xE3069283u;
    QCOMPARE(fb::tensorboard::maskCrc(crc),
             static_cast<std::uint32_t>(((crc >> 15) | (crc << 17)) + 0xa282ead8u));
    QCOMPARE(fb::tensorboard::maskCrc(0), 0xa282ead8u);
    // An empty record: length 0 framed with its masked CRCs (as TensorFlow writes it).
    const std::string record = fb::tensorboard::encodeRecord("");
    QCOMPARE(record.size(), std::size_t(16));
    const std::uint32_t lengthCrc =
        fb::tensorboard::maskCrc(fb::tensorboard::crc32c(std::string(8, '\0')));
    QCOMPARE(static_cast<std::uint32_t>(static_cast<unsigned char>(record[8]) |
                                        static_cast<unsigned char>(record[9]) << 8 |
                                        static_cast<unsigned char>(record[10]) << 16 |
                                        static_cast<unsigned char>(record[11]) << 24),
             lengthCrc);
}

void TestTensorBoard::trainingEventsEqualMetricsRows() {
    const QStringList files = eventFiles(m_run);
    QCOMPARE(files.size(), 1);
    QVERIFY(files[0].startsWith("events.out.tfevents."));
    const Decoded decoded = decodeEventFolder(m_run + "/tb");
    QCOMPARE(decoded.files.size(), 1);
    const QJsonObject file = decoded.files[0].toObject();
    QCOMPARE(file["file_version"].toString(), QString("brain.Event:2"));
    QVERIFY(file["first_event_is_version"].toBool());
    QCOMPARE(file["versions"].toInt(), 1);
    QCOMPARE(decoded.duplicates, 0);
    const Scalars expected = expectedFromMetrics(m_run);
    for (const char* tag : {"train/loss", "train/acc", "train/lr", "train/img_s", "train/t_data",
                            "train/t_compute", "val/val_acc", "val/val_loss", "val/lfw_acc"})
        QVERIFY2(std::any_of(expected.keyBegin(), expected.keyEnd(),
                             [&](const ScalarKey& k) { return k.first == tag; }),
                 tag);
    // 8 train rows of 7 numbers (epoch to t_compute), 2 val rows of 5 (epoch, val_acc, val_loss,
    // val_images, lfw_acc).
    QCOMPARE(expected.size(), 8 * 7 + 2 * 5);
    QCOMPARE(decoded.scalars, expected);
}

void TestTensorBoard::evalAddsItsHeadlineNumbers() {
    const ProcessResult r = runCli({"eval", "--run", m_run, "--protocol", "lfw"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QStringList files = eventFiles(m_run);
    QCOMPARE(files.size(), 2);
    QVERIFY(files[1].endsWith(".eval") || files[0].endsWith(".eval"));
    const Decoded decoded = decodeEventFolder(m_run + "/tb");
    QCOMPARE(decoded.duplicates, 0);
    QFile json(m_run + "/eval/lfw.json");
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject lfw = QJsonDocument::fromJson(json.readAll()).object();
    QVERIFY(lfw.contains("accuracy"));
    QCOMPARE(decoded.scalars.value({"eval/lfw/accuracy", 8}),
             static_cast<double>(static_cast<float>(lfw["accuracy"].toDouble())));
    for (const char* tag : {"eval/lfw/TAR@0.01", "eval/lfw/TAR@0.001", "eval/lfw/EER",
                            "eval/lfw/AUC", "eval/lfw/standard_error"})
        QVERIFY2(decoded.scalars.contains({tag, 8}), tag);
    QCOMPARE(withoutEval(decoded.scalars), expectedFromMetrics(m_run));
    // Evaluating again replaces the eval file: still one point per tag.
    QCOMPARE(runCli({"eval", "--run", m_run, "--protocol", "lfw"}).exitCode, 0);
    QCOMPARE(eventFiles(m_run).size(), 2);
    QCOMPARE(decodeEventFolder(m_run + "/tb").scalars, decoded.scalars);
}

void TestTensorBoard::exportEqualsWhatTrainingWrote() {
    const Decoded written = decodeEventFolder(m_run + "/tb");
    QVERIFY(!written.scalars.isEmpty());
    // The same run as one made before TensorBoard files existed.
    const QString copy = m_dir.filePath("exported");
    QCOMPARE(runProcess("/bin/cp", {"-r", m_run, copy}).exitCode, 0);
    QVERIFY(QDir(copy + "/tb").removeRecursively());
    for (int round = 0; round < 2; ++round) { // the second replaces the first
        const ProcessResult r = runCli({"--json", "runs", "export-tb", copy});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject run =
            QJsonDocument::fromJson(r.out).object()["runs"].toArray()[0].toObject();
        QCOMPARE(run["training_events"].toInt(), 8 + 2);
        QCOMPARE(eventFiles(copy).size(), 2);
        const Decoded exported = decodeEventFolder(copy + "/tb");
        QCOMPARE(exported.duplicates, 0);
        QCOMPARE(exported.scalars, written.scalars);
        QVERIFY(QDir(copy + "/tb").entryList({"*.tmp*"}, QDir::Files).isEmpty());
    }
    // Over a run that has training's files, export replaces them: the same scalars, once.
    const QString again = m_dir.filePath("exported-again");
    QCOMPARE(runProcess("/bin/cp", {"-r", m_run, again}).exitCode, 0);
    QCOMPARE(runCli({"runs", "export-tb", again}).exitCode, 0);
    const Decoded replaced = decodeEventFolder(again + "/tb");
    QCOMPARE(replaced.duplicates, 0);
    QCOMPARE(replaced.scalars, written.scalars);
}

// A run resumed from its step-4 checkpoint after a killed process had logged steps 5 and 6:
// those stale events are dropped from the old file, and the resumed process writes 5-8 once.
void TestTensorBoard::resumedRunRepeatsNoStep() {
    const QString run =
        train("resume", {"--set", "train.iterations=4", "--set", "train.val_every=0"});
    QVERIFY(!run.isEmpty());
    fb::tensorboard::EventFileWriter stale((run + "/tb").toStdString());
    for (const std::int64_t step : {5, 6})
        stale.write(step, {{"train/loss", 99.0}, {"train/acc", 99.0}}, 0);
    QCOMPARE(eventFiles(run).size(), 2);
    const ProcessResult resumed = runCli(
        {"train", "--resume", run, "--set", "train.iterations=8", "--set", "train.val_every=0"});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QCOMPARE(eventFiles(run).size(), 3);
    const Decoded decoded = decodeEventFolder(run + "/tb");
    QCOMPARE(decoded.duplicates, 0);
    const Scalars expected = expectedFromMetrics(run);
    QCOMPARE(expected.size(), 8 * 7);
    QCOMPARE(decoded.scalars, expected);
}

void TestTensorBoard::configKeyOffWritesNoEventFile() {
    const QString run = train("off", {"--set", "output.tensorboard=false", "--set",
                                      "train.iterations=2", "--set", "train.val_every=0"});
    QVERIFY(!run.isEmpty());
    QVERIFY(QFile::exists(run + "/metrics.jsonl"));
    QVERIFY(eventFiles(run).isEmpty());
    QVERIFY(!QDir(run + "/tb").exists());
}

void TestTensorBoard::configCheckPrintsTheKey() {
    const ProcessResult r = runCli({"--json", "config", "check", m_config});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out)
                 .object()["config"]
                 .toObject()["output"]
                 .toObject()["tensorboard"]
                 .toBool(false),
             true);
    const ProcessResult yaml =
        runCli({"config", "check", m_config, "--set", "output.tensorboard=false"});
    QVERIFY(yaml.out.contains("tensorboard: false"));
    const ProcessResult bad =
        runCli({"config", "check", m_config, "--set", "output.tensorboard=3"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("output.tensorboard"), bad.err.constData());
}

void TestTensorBoard::badInputExitsTwoNamingTheFile_data() {
    QTest::addColumn<QByteArray>("metrics"); // "" = no metrics.jsonl and no config.yaml
    QTest::addColumn<QString>("named");
    QTest::newRow("not a run folder") << QByteArray() << "not a run directory";
    QTest::newRow("malformed line")
        << QByteArray("{\"type\":\"train\",\"step\":1,\"loss\":2}\n{\"type\":\"tra\n")
        << "metrics.jsonl:2";
    QTest::newRow("no step") << QByteArray("{\"type\":\"train\",\"loss\":2}\n")
                             << "metrics.jsonl:1";
    QTest::newRow("an array") << QByteArray("{\"step\":1}\n\n[1,2]\n") << "metrics.jsonl:3";
    QTest::newRow("a line without end") << QByteArray(2 << 20, ' ') << "metrics.jsonl:1";
}

void TestTensorBoard::badInputExitsTwoNamingTheFile() {
    QFETCH(QByteArray, metrics);
    QFETCH(QString, named);
    const QString run = m_dir.filePath(QString("bad-%1").arg(QTest::currentDataTag()));
    QVERIFY(QDir().mkpath(run));
    if (!metrics.isEmpty())
        writeText(run + "/metrics.jsonl", metrics);
    const ProcessResult r = runCli({"runs", "export-tb", run});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
    QVERIFY2(r.err.contains(run.toUtf8()), r.err.constData());
    QVERIFY(!QDir(run + "/tb").exists());
}

QTEST_GUILESS_MAIN(TestTensorBoard)
#include "test_tensorboard.moc"
