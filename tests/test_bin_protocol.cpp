// InsightFace .bin verification sets through `eval --bin` (the bin protocol), against Python:
// /usr/bin/python3 writes .bin files with pickle (real JPEG bytes cut from tests/data/real-faces,
// plus PNG mirror pairs), FaceBench evaluates them with a random-init model, and a numpy
// reference of arcface_torch's calculate_roc (sklearn's KFold without shuffling, thresholds
// numpy.arange(0, 4, 0.01), numpy.argmax) on the written scores gives the same fold accuracies
// and thresholds exactly. Mirror pairs score a cosine of 1 (flip-summed features); failure
// images are the .bin's own bytes; `data synth`'s .bin files load in Python's pickle and
// evaluate; bad input exits 2 naming the file.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

namespace {

QJsonObject jsonOf(const QByteArray& text) {
    return QJsonDocument::fromJson(text).object();
}

// Writes DIR/a.bin (53 pairs: folds of 6 and 5, protocol 4) and DIR/b.bin (30 pairs, protocol 2
// as Python 2-era files: bytes through _codecs.encode). Pairs 0 and 1 of a.bin are PNG images
// against their exact mirror images.
const char* const kWriteBins = R"(
import io, pickle, random, sys
from PIL import Image, ImageOps
out, faces = sys.argv[1], sys.argv[2]
random.seed(5)
sources = [Image.open(f'{faces}/sample{i}.jpg').convert('RGB') for i in (1, 2, 3)]
def variant(k):
    im = sources[k % 3]
    w, h = im.size
    s = int(min(w, h) * random.uniform(0.6, 0.9))
    x, y = random.randint(0, w - s), random.randint(0, h - s)
    return im.crop((x, y, x + s, y + s)).resize((64, 64))
def encoded(im, fmt='JPEG'):
    b = io.BytesIO()
    im.save(b, fmt, quality=random.randint(70, 95)) if fmt == 'JPEG' else im.save(b, fmt)
    return b.getvalue()
def dump(path, pairs, protocol, mirrors=0):
    bins, same = [], []
    for p in range(pairs):
        if p < mirrors:
            im = variant(p)
            bins += [encoded(im, 'PNG'), encoded(ImageOps.mirror(im), 'PNG')]
            same.append(True)
            continue
        k = random.randint(0, 2)
        flag = random.random() < 0.5
        bins += [encoded(variant(k)), encoded(variant(k if flag else k + 1))]
        same.append(flag)
    with open(path, 'wb') as f:
        pickle.dump((bins, same), f, protocol=protocol)
dump(f'{out}/a.bin', 53, 4, mirrors=2)
dump(f'{out}/b.bin', 30, 2)
print('ok')
)";

// arcface_torch's eval/verification.py calculate_roc on dist = 2 - 2 * cosine from FaceBench's
// scores file; prints each set's fold accuracies and best thresholds as JSON. Also checks that
// every failure image FaceBench kept holds the .bin's bytes of that image.
const char* const kReference = R"(
import csv, json, os, pickle, sys
import numpy as np
from sklearn.model_selection import KFold
evaldir, bindir = sys.argv[1], sys.argv[2]
def accuracy(threshold, dist, issame):
    predict = np.less(dist, threshold)
    tp = np.sum(np.logical_and(predict, issame))
    tn = np.sum(np.logical_and(np.logical_not(predict), np.logical_not(issame)))
    return float(tp + tn) / dist.size
result = {}
for name in ('a', 'b'):
    rows = list(csv.DictReader(open(f'{evaldir}/bin-{name}-scores.csv')))
    score = np.array([float(r['score']) for r in rows])
    issame = np.array([r['label'] == '1' for r in rows])
    dist = 2.0 - 2.0 * score
    thresholds = np.arange(0, 4, 0.01)
    accs, best = [], []
    for train, test in KFold(n_splits=10, shuffle=False).split(np.arange(len(rows))):
        train_acc = [accuracy(t, dist[train], issame[train]) for t in thresholds]
        b = int(np.argmax(train_acc))
        best.append(float(thresholds[b]))
        accs.append(accuracy(thresholds[b], dist[test], issame[test]))
    bins, _ = pickle.load(open(f'{bindir}/{name}.bin', 'rb'))
    doc = json.load(open(f'{evaldir}/bin-{name}.json'))
    checked = 0
    for kind in ('false_accepts', 'false_rejects'):
        for p in doc['failures'][kind]:
            for side in ('a', 'b'):
                index = int(os.path.basename(p[side]).split('.')[0])
                assert open(p[side], 'rb').read() == bins[index], p[side]
                checked += 1
    result[name] = {'fold_accuracies': accs, 'thresholds': best, 'checked': checked,
                    'mirror_scores': [float(s) for s in score[:2]]}
print(json.dumps(result))
)";

} // namespace

class TestBinProtocol : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void foldsEqualNumpyReference() {
        const QString faces =
            qEnvironmentVariable("FACEBENCH_SOURCE_DIR") + "/tests/data/real-faces";
        const ProcessResult written =
            runProcess("/usr/bin/python3", {"-c", kWriteBins, m_dir.path(), faces});
        QVERIFY2(written.exitCode == 0, written.err.constData());
        const QString out = m_dir.filePath("eval");
        const ProcessResult r =
            runCli({"eval", "--model", "small-resnet-64", "--bin", m_dir.filePath("a.bin"), "--bin",
                    m_dir.filePath("b.bin"), "--out", out, "--bootstrap", "100", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject sets =
            jsonOf(r.out)["results"].toObject()["bin"].toObject()["sets"].toObject();
        QCOMPARE(sets.keys(), (QStringList{"a", "b"}));
        QCOMPARE(sets["a"].toObject()["pairs"].toInt(), 53);
        QCOMPARE(sets["b"].toObject()["pairs"].toInt(), 30);

        const ProcessResult ref =
            runProcess("/usr/bin/python3", {"-c", kReference, out, m_dir.path()});
        QVERIFY2(ref.exitCode == 0, ref.err.constData());
        const QJsonObject expected = jsonOf(ref.out);
        for (const QString& name : {QString("a"), QString("b")}) {
            const QJsonObject doc = sets[name].toObject();
            const QJsonObject want = expected[name].toObject();
            const QJsonArray folds = doc["fold_accuracies"].toArray();
            const QJsonArray wantFolds = want["fold_accuracies"].toArray();
            QCOMPARE(folds.size(), 10);
            for (int f = 0; f < 10; ++f) {
                QCOMPARE(folds[f].toDouble(), wantFolds[f].toDouble());
                QCOMPARE(doc["thresholds"].toArray()[f].toDouble(),
                         want["thresholds"].toArray()[f].toDouble());
            }
            // The file on disk is the same document, with its fold interval.
            QFile file(out + "/bin-" + name + ".json");
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject onDisk = jsonOf(file.readAll());
            QCOMPARE(onDisk["protocol"].toString(), QString("bin"));
            QCOMPARE(onDisk["set"].toString(), name);
            QCOMPARE(onDisk["accuracy_ci"].toArray().size(), 2);
            QVERIFY(onDisk["accuracy_interval"].toString().contains("Student t with 9"));
            QVERIFY(onDisk["verification"]
                        .toObject()["intervals"]
                        .toObject()["method"]
                        .toString()
                        .contains("over pairs"));
            const int failures = onDisk["failures"].toObject()["false_accepts"].toArray().size() +
                                 onDisk["failures"].toObject()["false_rejects"].toArray().size();
            QCOMPARE(want["checked"].toInt(), 2 * failures);
        }
        // An image against its exact mirror: the flip-summed features are equal.
        for (const QJsonValue& s : expected["a"].toObject()["mirror_scores"].toArray())
            QVERIFY2(s.toDouble() > 1.0 - 1e-5, qPrintable(QString::number(s.toDouble(), 'g', 17)));
    }

    // data synth writes lfw.bin, cfp_fp.bin and agedb_30.bin that Python's pickle reads as
    // InsightFace's loader does (bytes, bools; pairs in 10 equal folds of same then different
    // pairs), and that eval --bin evaluates.
    void synthBinSets() {
        const QString data = m_dir.filePath("synth");
        const ProcessResult synth =
            runCli({"data", "synth", "--out", data, "--identities", "2", "--images-per-identity",
                    "2", "--test-identities", "20", "--size", "32x32"});
        QVERIFY2(synth.exitCode == 0, synth.err.constData());
        const ProcessResult py = runProcess("/usr/bin/python3", {"-c", R"(
import io, json, pickle, sys
from PIL import Image
out = {}
for name in ('lfw', 'cfp_fp', 'agedb_30'):
    bins, same = pickle.load(open(f'{sys.argv[1]}/bin/{name}.bin', 'rb'))
    assert all(isinstance(b, bytes) for b in bins) and all(isinstance(s, bool) for s in same)
    assert len(bins) == 2 * len(same)
    Image.open(io.BytesIO(bins[-1])).load()
    fold = len(same) // 10
    pattern = all(same[f * fold:f * fold + fold // 2] == [True] * (fold // 2) and
                  same[f * fold + fold // 2:(f + 1) * fold] == [False] * (fold // 2)
                  for f in range(10))
    out[name] = {'pairs': len(same), 'same': sum(same), 'pattern': pattern}
print(json.dumps(out))
)",
                                                                 data});
        QVERIFY2(py.exitCode == 0, py.err.constData());
        const QJsonObject sets = jsonOf(py.out);
        QCOMPARE(sets["lfw"].toObject()["pairs"].toInt(), 6000);
        QCOMPARE(sets["lfw"].toObject()["same"].toInt(), 3000);
        for (const char* name : {"cfp_fp", "agedb_30"}) {
            const QJsonObject s = sets[name].toObject();
            QVERIFY2(s["pairs"].toInt() >= 1000 && s["pairs"].toInt() % 20 == 0, name);
            QCOMPARE(s["same"].toInt() * 2, s["pairs"].toInt());
            QVERIFY2(s["pattern"].toBool(), name);
        }
        const ProcessResult r =
            runCli({"eval", "--model", "small-resnet-64", "--bin", data + "/bin/cfp_fp.bin",
                    "--out", m_dir.filePath("synth-eval"), "--bootstrap", "20", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject cfp = jsonOf(r.out)["results"]
                                    .toObject()["bin"]
                                    .toObject()["sets"]
                                    .toObject()["cfp_fp"]
                                    .toObject();
        QCOMPARE(cfp["fold_accuracies"].toArray().size(), 10);
        QVERIFY(cfp["accuracy"].toDouble() > 0.0);
    }

    void badInputExitsTwo() {
        const QString missing = m_dir.filePath("nope.bin");
        ProcessResult r = runCli(
            {"eval", "--model", "small-resnet-64", "--bin", missing, "--out", m_dir.filePath("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("nope.bin"), r.err.constData());
        const QString odd = m_dir.filePath("odd.bin"); // 3 images for 1 flag
        const ProcessResult py = runProcess(
            "/usr/bin/python3",
            {"-c",
             "import pickle,sys; pickle.dump(([b'a', b'b', b'c'], [True]), open(sys.argv[1], 'wb'))",
             odd});
        QCOMPARE(py.exitCode, 0);
        r = runCli(
            {"eval", "--model", "small-resnet-64", "--bin", odd, "--out", m_dir.filePath("y")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("odd.bin") && r.err.contains("two images a pair"),
                 r.err.constData());
        r = runCli({"eval", "--model", "small-resnet-64", "--bin", odd, "--protocol", "lfw",
                    "--out", m_dir.filePath("z"), "--data", m_dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--bin"), r.err.constData());
        QVERIFY(!QDir(m_dir.filePath("y")).exists() || QDir(m_dir.filePath("y")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBinProtocol)
#include "test_bin_protocol.moc"
