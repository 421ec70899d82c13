// Dataset readers, index cache, stats and overlap, on small fixtures made here:
// ImageFolder, LFW, list files, RecordIO (.rec/.idx written byte by byte by Python's struct,
// as MXNet lays them out) and InsightFace .bin pickles (written by Python's pickle, protocols
// 0-5, and a Python 2 style one built here). Exact expectations throughout; the CLI rows check
// the JSON and the exit code 2 for bad input.
#include "facebench/dataset_index.h"
#include "facebench/dataset_stats.h"
#include "facebench/errors.h"
#include "facebench/verification_bin.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include "process_runner.h"
#include "unprivileged_child.h"

#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

std::string s(const QString& q) {
    return q.toStdString();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

// Moves every folder's mtime 100 s back, so the cache's racy-timestamp rule does not apply
// (fixtures are otherwise modified in the same instant they are indexed).
void age(const QString& root) {
    const struct timespec old[2] = {{time(nullptr) - 100, 0}, {time(nullptr) - 100, 0}};
    ::utimensat(AT_FDCWD, root.toLocal8Bit().constData(), old, 0);
    for (const QFileInfo& info : QDir(root).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot))
        if (info.isDir())
            age(info.filePath());
        else
            ::utimensat(AT_FDCWD, info.filePath().toLocal8Bit().constData(), old, 0);
}

fb::DatasetIndex index(const QString& path, const std::string& format = "auto",
                       bool cache = false) {
    fb::IndexOptions o;
    o.format = format;
    o.useCache = cache;
    return fb::indexDataset(s(path), o);
}

QStringList names(const fb::DatasetIndex& idx) {
    QStringList out;
    for (const auto& n : idx.identities)
        out << QString::fromStdString(n);
    return out;
}

// "label:relative path" per image, in index order.
QStringList rows(const fb::DatasetIndex& idx, const QString& root) {
    QStringList out;
    for (const auto& im : idx.images)
        out << QString::number(im.label) + ":" +
                   QDir(root).relativeFilePath(QString::fromStdString(im.path));
    return out;
}

bool hasProblem(const fb::DatasetIndex& idx, const QString& where, const QString& what) {
    for (const auto& p : idx.problems)
        if (QString::fromStdString(p.path).contains(where) &&
            QString::fromStdString(p.problem).contains(what))
            return true;
    return false;
}

// Three identities with 1, 2 and 5 images (the stats row of the brief).
void makeFolder(const QString& root) {
    writeFile(root + "/bob/1.jpg", "b1");
    writeFile(root + "/amy/1.JPG", "a-one");
    writeFile(root + "/amy/2.png", "a2");
    for (int i = 1; i <= 4; ++i)
        writeFile(root + "/cat/" + QString::number(i) + ".jpeg", QByteArray(i, 'c'));
    writeFile(root + "/cat/sub/5.webp", "c5"); // nested, as torchvision's ImageFolder walks
    writeFile(root + "/cat/notes.txt", "not an image");
    writeFile(root + "/cat/.hidden.jpg", "hidden");
    writeFile(root + "/README", "beside the identities");
    QDir().mkpath(root + "/empty");
}

// A string literal's bytes, NULs included.
template <std::size_t N> QByteArray literal(const char (&text)[N]) {
    return QByteArray(text, int(N - 1));
}

QByteArray littleEndian(quint32 v) {
    QByteArray out(4, '\0');
    qToLittleEndian(v, out.data());
    return out;
}

QByteArray floatBytes(float v) {
    quint32 bits;
    std::memcpy(&bits, &v, 4);
    return littleEndian(bits);
}

// One RecordIO record as MXNet writes it: magic, length, IRHeader, `labels` when there are
// any (flag = their count), the image, zero padding to 4 bytes.
QByteArray record(float label, const QVector<float>& labels, const QByteArray& image) {
    QByteArray payload =
        littleEndian(quint32(labels.size())) + floatBytes(label) + QByteArray(16, '\0');
    for (const float l : labels)
        payload += floatBytes(l);
    payload += image;
    return littleEndian(0xced7230a) + littleEndian(quint32(payload.size())) + payload +
           QByteArray((4 - payload.size() % 4) % 4, '\0');
}

// The message of the InputError reading `path` throws, or "no error".
QString verificationBinError(const QString& path) {
    try {
        fb::readVerificationBin(s(path));
    } catch (const fb::InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

class TestDataIndex : public QObject {
    Q_OBJECT
    QTemporaryDir m_userCache; // $XDG_CACHE_HOME for this suite and the CLI it runs

    QString userCacheFolder() const { return m_userCache.path() + "/facebench/"; }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_userCache.isValid());
        qputenv("XDG_CACHE_HOME", m_userCache.path().toUtf8());
    }

    void imageFolder() {
        QTemporaryDir dir;
        makeFolder(dir.path());
        const auto idx = index(dir.path());
        QCOMPARE(QString::fromStdString(idx.format), QString("imagefolder"));
        QCOMPARE(names(idx), QStringList({"amy", "bob", "cat"}));
        QCOMPARE(rows(idx, dir.path()),
                 QStringList({"0:amy/1.JPG", "0:amy/2.png", "1:bob/1.jpg", "2:cat/1.jpeg",
                              "2:cat/2.jpeg", "2:cat/3.jpeg", "2:cat/4.jpeg", "2:cat/sub/5.webp"}));
        QCOMPARE(idx.images[0].size, 5);
        QCOMPARE(idx.images[6].size, 4);
        QCOMPARE(idx.images[0].offset, -1);
        QCOMPARE(idx.ignoredFiles, 2LL); // notes.txt, README
        QCOMPARE(idx.problems.size(), std::size_t(1));
        QVERIFY(hasProblem(idx, "/empty", "no images"));
    }

    void lfw() {
        QTemporaryDir dir;
        const QString r = dir.path();
        writeFile(r + "/Ann_Lee/Ann_Lee_0001.jpg", "1");
        writeFile(r + "/Ann_Lee/Ann_Lee_0002.jpg", "2");
        writeFile(r + "/Bo_Ma/Bo_Ma_0001.jpg", "3");
        writeFile(r + "/Bo_Ma/extra.jpg", "4");
        writeFile(r + "/Cy_Do/Cy_Do_0001.jpg", "5");
        // One fold of one matched and one mismatched pair; Bo_Ma_0003 does not exist.
        writeFile(r + "/pairs.txt", "1\t1\nAnn_Lee\t1\t2\nAnn_Lee\t1\tBo_Ma\t3\n");
        const auto idx = index(r);
        QCOMPARE(QString::fromStdString(idx.format), QString("lfw"));
        QCOMPARE(names(idx), QStringList({"Ann_Lee", "Bo_Ma", "Cy_Do"}));
        QCOMPARE(rows(idx, r),
                 QStringList({"0:Ann_Lee/Ann_Lee_0001.jpg", "0:Ann_Lee/Ann_Lee_0002.jpg",
                              "1:Bo_Ma/Bo_Ma_0001.jpg", "2:Cy_Do/Cy_Do_0001.jpg"}));
        QVERIFY(hasProblem(idx, "Bo_Ma/extra.jpg", "Name_NNNN"));
        QVERIFY(hasProblem(idx, "pairs.txt:3", "Bo_Ma/Bo_Ma_0003.jpg"));
        QCOMPARE(idx.problems.size(), std::size_t(2));
        // Without pairs.txt the naming alone gives LFW away.
        QFile::remove(r + "/pairs.txt");
        QFile::remove(r + "/Bo_Ma/extra.jpg");
        QCOMPARE(fb::detectDatasetFormat(s(r)), std::string("lfw"));
    }

    void listFile() {
        QTemporaryDir dir;
        const QString r = dir.path();
        writeFile(r + "/img/p/1.jpg", "p1");
        writeFile(r + "/img/p/2.jpg", "p2");
        writeFile(r + "/img/q/1.jpg", "q1");
        writeFile(r + "/img/r/x y.jpg", "space");
        writeFile(r + "/abs/9.png", "abs");
        writeFile(r + "/lists/train.txt",
                  "# comment\n"
                  "../img/p/2.jpg 10\n"
                  "../img/p/1.jpg\t10\n"
                  "\n"
                  "../img/q/1.jpg 2\n"
                  "../img/r/x y.jpg 2\n" // label 2 spans folders q and r: named by its label
                  "../img/missing.jpg 2\n" +
                      (r + "/abs/9.png 7\r\n").toUtf8());
        const auto idx = index(r + "/lists/train.txt");
        QCOMPARE(QString::fromStdString(idx.format), QString("list"));
        // Numeric labels keep numeric order: 2, 7, 10.
        QCOMPARE(names(idx), QStringList({"2", "abs", "p"}));
        QCOMPARE(rows(idx, r), QStringList({"0:img/q/1.jpg", "0:img/r/x y.jpg", "1:abs/9.png",
                                            "2:img/p/1.jpg", "2:img/p/2.jpg"}));
        QCOMPARE(idx.problems.size(), std::size_t(1));
        QVERIFY(hasProblem(idx, "train.txt:7", "missing.jpg"));
        // A single field: the parent folder is the identity; text labels sort as text.
        writeFile(r + "/lists/folders.txt", "../img/q/1.jpg\n../img/p/1.jpg\n");
        const auto byFolder = index(r + "/lists/folders.txt");
        QCOMPARE(names(byFolder), QStringList({"p", "q"}));
        // Paths relative to another image root, as VGGFace2's template lists are to test/.
        writeFile(r + "/lists/rooted.txt", "p/1.jpg 0\nq/1.jpg 1\n");
        fb::IndexOptions o;
        o.useCache = false;
        o.imageRoot = s(r + "/img");
        QCOMPARE(rows(fb::indexDataset(s(r + "/lists/rooted.txt"), o), r),
                 QStringList({"0:img/p/1.jpg", "1:img/q/1.jpg"}));
    }

    void recordIo() {
        QTemporaryDir dir;
        const QString r = dir.path();
        // Record 0: flag 2, label [5, 7] -> images 1..4; records 5, 6 are identity records.
        // Image 3 carries a label array (flag 2); image 4 is split in two parts (cflag 1, 3).
        const ProcessResult py = runPython(
            "import struct, os\n"
            "d = '" +
            r +
            "'\n"
            "def payload(flag, label, labels, img):\n"
            "    h = struct.pack('<IfQQ', flag, label, 0, 0)\n"
            "    return h + (struct.pack('<%df' % flag, *labels) if flag else b'') + img\n"
            "def rec(p, cflag=0):\n"
            "    return struct.pack('<II', 0xced7230a, (cflag << 29) | len(p)) + p + b'\\0' * ((4 "
            "- len(p) % 4) % 4)\n"
            "recs = [rec(payload(2, 0.0, [5.0, 7.0], b'')),\n"
            "        rec(payload(0, 1.0, [], b'IMG-ONE')),\n"
            "        rec(payload(0, 0.0, [], b'IMG2')),\n"
            "        rec(payload(2, 0.0, [1.0, 9.0], b'IMAGE-3!!')),\n"
            "        None, rec(payload(2, 0.0, [1.0, 3.0], b'')), rec(payload(2, 0.0, [3.0, 4.0], "
            "b''))]\n"
            "p4 = payload(0, 1.0, [], b'abcdefgh')\n"
            "recs[4] = rec(p4[:28], 1) + rec(p4[28:], 3)\n"
            "off = 0\n"
            "with open(d + '/train.rec', 'wb') as f, open(d + '/train.idx', 'w') as g:\n"
            "    for k, b in enumerate(recs):\n"
            "        g.write('%d\\t%d\\n' % (k, off)); f.write(b); off += len(b)\n");
        QVERIFY2(py.exitCode == 0, py.err.constData());
        for (const bool withIdx : {true, false}) {
            if (!withIdx)
                QFile::remove(r + "/train.idx"); // the .rec is walked record by record
            const auto idx = index(r);
            QCOMPARE(QString::fromStdString(idx.format), QString("recordio"));
            QCOMPARE(names(idx), QStringList({"0", "1"}));
            QCOMPARE(idx.images.size(), std::size_t(3));
            QFile rec(r + "/train.rec");
            QVERIFY(rec.open(QIODevice::ReadOnly));
            const QByteArray all = rec.readAll();
            QStringList got;
            for (const auto& im : idx.images) {
                QCOMPARE(QString::fromStdString(im.path), r + "/train.rec");
                got << QString::number(im.label) + ":" + all.mid(im.offset, im.size);
            }
            QCOMPARE(got, QStringList({"0:IMG2", "1:IMG-ONE", "1:IMAGE-3!!"}));
            QCOMPARE(idx.problems.size(), std::size_t(1));
            QVERIFY(hasProblem(idx, "record 4", "split"));
        }
    }

    // Hostile .rec/.idx pairs: each ends in an InputError naming the file and the fault, before
    // any conversion of a float out of range and before any loop or allocation the key values
    // size (record 0 announcing 10^12 images made the index allocate without limit).
    void recordIoHostile_data() {
        QTest::addColumn<QByteArray>("idx"); // null: no .idx, the .rec is walked
        QTest::addColumn<QByteArray>("rec");
        QTest::addColumn<QString>("file"); // the file the error names
        QTest::addColumn<QString>("error");
        const QByteArray header = record(0, {1e12f}, {});
        const QString recordZero = "record 0 says the images end before key";
        QTest::newRow("record 0 announces 10^12 images")
            << QByteArray("0\t0\n1000000000000\t0\n") << header << "train.rec"
            << recordZero + " 1e+12, but";
        QTest::newRow("largest key INT64_MAX")
            << QByteArray("0\t0\n9223372036854775807\t0\n") << record(0, {1e19f}, {}) << "train.rec"
            << recordZero;
        QTest::newRow("record 0 label -4e36 (out of long long's range)")
            << QByteArray("0\t0\n") << record(0, {-4e36f}, {}) << "train.rec" << recordZero;
        QTest::newRow("record 0 label NaN, no .idx")
            << QByteArray() << record(0, {std::nanf("")}, {}) + record(3, {}, "img") << "train.rec"
            << recordZero + " nan, but";
        QTest::newRow("record 0 announces more images than records")
            << QByteArray("0\t0\n1\t36\n") << record(0, {3}, {}) + record(1, {}, "img")
            << "train.rec"
            << "holds only 2 records";
        QTest::newRow("offset past the end")
            << QByteArray("0\t0\n1\t4000\n") << header << "train.idx:2"
            << "offset 4000 leaves no room for a record in";
        QTest::newRow("offset INT64_MAX")
            << QByteArray("0\t9223372036854775807\n") << header << "train.idx:1"
            << "leaves no room for a record";
        QTest::newRow("more entries than the .rec holds records")
            << QByteArray("0\t0\n1\t0\n2\t0\n3\t0\n4\t0\n5\t0\n") << header << "train.idx:5"
            << "more entries than";
    }
    void recordIoHostile() {
        QFETCH(QByteArray, idx);
        QFETCH(QByteArray, rec);
        QFETCH(QString, file);
        QFETCH(QString, error);
        QTemporaryDir dir;
        writeFile(dir.path() + "/train.rec", rec);
        if (!idx.isNull())
            writeFile(dir.path() + "/train.idx", idx);
        try {
            index(dir.path(), "recordio");
            QFAIL("no error");
        } catch (const fb::InputError& e) {
            QVERIFY2(QString(e.what()).contains(dir.path() + "/" + file), e.what());
            QVERIFY2(QString(e.what()).contains(error), e.what());
        }
    }

    // Image labels that no integer can hold are problems, not conversions (undefined behaviour).
    void recordIoLabelsOutOfRange() {
        QTemporaryDir dir;
        QByteArray rec, idx;
        const float labels[] = {1e20f, -1.0f, std::nanf(""), INFINITY, 3.0f};
        for (int k = 0; k < 5; ++k) {
            idx += QByteArray::number(k) + "\t" + QByteArray::number(rec.size()) + "\n";
            rec += record(labels[k], {}, "image" + QByteArray::number(k));
        }
        writeFile(dir.path() + "/train.rec", rec);
        writeFile(dir.path() + "/train.idx", idx);
        const auto idxResult = index(dir.path(), "recordio");
        QCOMPARE(names(idxResult), QStringList({"3"}));
        QCOMPARE(idxResult.images.size(), std::size_t(1));
        QCOMPARE(idxResult.problems.size(), std::size_t(4));
        for (const char* key : {"record 0", "record 1", "record 2", "record 3"})
            QVERIFY(hasProblem(idxResult, key, "is not an identity number"));
    }

    void verificationBin_data() {
        QTest::addColumn<int>("protocol");
        for (int p : {0, 2, 3, 4, 5})
            QTest::newRow(qPrintable("protocol " + QString::number(p))) << p;
    }
    void verificationBin() {
        QFETCH(int, protocol);
        QTemporaryDir dir;
        const QString path = dir.path() + "/lfw.bin";
        const ProcessResult py =
            runPython("import pickle\n"
                      "x = b'\\xff\\xd8JPEG'\n"
                      "bins = [x, b'\\x89PNG', x, b'']\n" // x twice: memoised, written once
                      "pickle.dump((bins, [True, False]), open('" +
                      path + "', 'wb'), protocol=" + QString::number(protocol) + ")\n");
        QVERIFY2(py.exitCode == 0, py.err.constData());
        const fb::VerificationBin bin = fb::readVerificationBin(s(path));
        QCOMPARE(bin.images.size(), std::size_t(4));
        QCOMPARE(QByteArray((const char*)bin.images[0]->data(), int(bin.images[0]->size())),
                 QByteArray("\xff\xd8JPEG"));
        QCOMPARE(bin.images[1]->size(), std::size_t(4));
        QCOMPARE(bin.images[2].get(), bin.images[0].get()); // one memoised object: one buffer
        QVERIFY(bin.images[3]->empty());
        QCOMPARE(bin.sameFlags, std::vector<bool>({true, false}));
    }

    void verificationBinPython2AndBad() {
        QTemporaryDir dir;
        // Python 2's pickle.dump((bins, issame), f, protocol=2) of str: SHORT_BINSTRING.
        const QString py2 = dir.path() + "/py2.bin";
        writeFile(py2, QByteArray("\x80\x02]q\x00(U\x02"
                                  "abq\x01U\x01"
                                  "cq\x02"
                                  "e]q\x03\x88"
                                  "a\x86q\x04.",
                                  27));
        const auto bin = fb::readVerificationBin(s(py2));
        QCOMPARE(bin.images.size(), std::size_t(2));
        QCOMPARE(bin.sameFlags, std::vector<bool>({true}));
        // A numpy array, a truncated file, and 3 images for 2 pairs: InputError naming the file.
        const QString numpyBin = dir.path() + "/np.bin";
        const QString cut = dir.path() + "/cut.bin";
        const QString odd = dir.path() + "/odd.bin";
        const ProcessResult py =
            runPython("import pickle, numpy\n"
                      "pickle.dump(([b'a', b'b'], numpy.array([True])), open('" +
                      numpyBin +
                      "', 'wb'))\n"
                      "b = pickle.dumps(([b'a' * 100, b'b'], [True]))\n"
                      "open('" +
                      cut +
                      "', 'wb').write(b[:60])\n"
                      "pickle.dump(([b'a', b'b', b'c'], [True, False]), open('" +
                      odd + "', 'wb'))\n");
        QVERIFY2(py.exitCode == 0, py.err.constData());
        for (const QString& bad : {numpyBin, cut, odd, dir.path() + "/absent.bin"}) {
            try {
                fb::readVerificationBin(s(bad));
                QFAIL(qPrintable("no error for " + bad));
            } catch (const fb::InputError& e) {
                QVERIFY2(QString(e.what()).contains(bad), e.what());
            }
        }
    }

    // Hostile pickles: each ends in an InputError naming the file and the fault, with bounded
    // memory and stack (a list appended into itself leaked, a million nested lists overflowed
    // the stack when freed).
    void verificationBinHostile_data() {
        QTest::addColumn<QByteArray>("pickle");
        QTest::addColumn<QString>("error");
        const QByteArray pair = literal("\x80\x02]q\x00(U\x02"
                                        "abq\x01U\x01"
                                        "cq\x02"
                                        "e]q\x03\x88"
                                        "a\x86q\x04.");
        QTest::newRow("list appended into itself") << literal("]q\x00h\x00"
                                                              "a.")
                                                   << "a list or tuple appended to a list";
        QTest::newRow("list appended into a list") << QByteArray(10, ']') + QByteArray(9, 'a') + "."
                                                   << "a list or tuple appended to a list";
        QTest::newRow("a MARK taken as a value")
            << QByteArray("(((\x85p3\ng3\na.") << "a MARK where a value was expected";
        QTest::newRow("append to a tuple") << literal(")K\x01"
                                                      "a.")
                                           << "append to a non-list";
        QTest::newRow("64 levels: the limit") << QByteArray(")") + QByteArray(63, '\x85') + "."
                                              << "expected the pair";
        QTest::newRow("65 levels") << QByteArray(")") + QByteArray(64, '\x85') + "."
                                   << "nested more than 64 deep";
        QTest::newRow("a million levels") << QByteArray(")") + QByteArray(1000000, '\x85') + "."
                                          << "nested more than 64 deep";
        // One memoised string encoded 3000 times: 3 MB of bytes from a 22 KB file; and an
        // object a byte: 130 times the file's size.
        QByteArray encodeAgain =
            "(c_codecs\nencode\np0\n(V" + QByteArray(1000, 'a') + "\np1\nVlatin1\np2\ntp3\nR";
        for (int i = 0; i < 3000; ++i)
            encodeAgain += "g0\ng3\nR";
        QTest::newRow("string encoded over and over") << encodeAgain + "l(I01\nl\x86."
                                                      << "times the file's size in memory";
        QTest::newRow("an object a byte")
            << QByteArray(1 << 20, 'N') << "times the file's size in memory";
        QTest::newRow("memo index unset")
            << literal("h\x05.") << "byte 2: pickle memo 5 was never stored";
        QTest::newRow("empty stack") << QByteArray("a.") << "stack underflow";
        QTest::newRow("no mark") << literal("K\x01"
                                            "e.")
                                 << "no MARK";
        QTest::newRow("empty file") << QByteArray("") << "ends early";
        QTest::newRow("truncated") << pair.left(pair.size() - 6) << "ends early";
        QTest::newRow("truncated inside bytes") << pair.left(8) << "runs past the end";
        QTest::newRow("3 images for 1 pair") << literal("\x80\x02]q\x00(U\x02"
                                                        "abq\x01U\x01"
                                                        "cq\x02U\x01"
                                                        "de]q\x03\x88"
                                                        "a\x86q\x04.")
                                             << "3 images for 1 pairs; expected two images a pair";
    }
    void verificationBinHostile() {
        QFETCH(QByteArray, pickle);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.path() + "/hostile.bin";
        writeFile(path, pickle);
        const QString message = verificationBinError(path);
        QVERIFY2(message.contains(path) && message.contains(error), qPrintable(message));
    }

    // A memoised image listed 4000 times is one shared buffer, not 4000 copies.
    void verificationBinMemoShared() {
        QTemporaryDir dir;
        const QString path = dir.path() + "/repeated.bin";
        const int images = 4000;
        QByteArray pickle = literal("\x80\x02]q\x00(B") + littleEndian(1 << 20) +
                            QByteArray(1 << 20, 'x') + literal("q\x01");
        for (int i = 1; i < images; ++i)
            pickle += literal("h\x01");
        pickle += "e](" + QByteArray(images / 2, '\x88') + "e\x86.";
        writeFile(path, pickle);
        const fb::VerificationBin bin = fb::readVerificationBin(s(path));
        QCOMPARE(bin.images.size(), std::size_t(images));
        QCOMPARE(bin.sameFlags.size(), std::size_t(images / 2));
        QCOMPARE(bin.images[0]->size(), std::size_t(1 << 20));
        QCOMPARE(bin.images[images - 1].get(), bin.images[0].get());
    }

    void cacheReuseAndInvalidation() {
        QTemporaryDir dir;
        const QString r = dir.path() + "/data";
        makeFolder(r);
        age(r);
        const auto first = index(r, "auto", true);
        // The cache goes to the user's cache folder, named after the data; nothing is written
        // into the data folder.
        const QString cachePath = QString::fromStdString(first.cachePath);
        QVERIFY2(cachePath.startsWith(userCacheFolder()) &&
                     cachePath.endsWith("-data.facebench-index"),
                 qPrintable(cachePath));
        QVERIFY(!QFileInfo::exists(r + "/.facebench-index"));
        QVERIFY(!first.fromCache);
        const auto second = index(r, "auto", true);
        QVERIFY(second.fromCache);
        QCOMPARE(rows(second, r), rows(first, r));
        QCOMPARE(names(second), names(first));
        QCOMPARE(second.images[3].size, first.images[3].size);
        QCOMPARE(second.problems.size(), first.problems.size());
        QCOMPARE(second.ignoredFiles, first.ignoredFiles);
        // A new image (touch) in an identity folder: re-indexed, then reused again.
        writeFile(r + "/bob/2.jpg", "");
        const auto third = index(r, "auto", true);
        QVERIFY(!third.fromCache);
        QCOMPARE(third.images.size(), first.images.size() + 1);
        QVERIFY(index(r, "auto", true).fromCache);
        // A new identity folder, and a nested one: both seen.
        writeFile(r + "/dan/1.jpg", "d");
        QCOMPARE(index(r, "auto", true).identities.size(), std::size_t(4));
        writeFile(r + "/cat/sub/deeper/6.jpg", "c6");
        QCOMPARE(index(r, "auto", true).images.size(), first.images.size() + 3);
        // A damaged cache, an explicit cache folder, and no cache at all.
        writeFile(cachePath, "FBINDEX\ngarbage");
        QVERIFY(!index(r, "auto", true).fromCache);
        fb::IndexOptions o;
        o.cacheDir = s(dir.path() + "/cache");
        const auto elsewhere = fb::indexDataset(s(r), o);
        QVERIFY(QString::fromStdString(elsewhere.cachePath).startsWith(dir.path() + "/cache/"));
        QVERIFY(fb::indexDataset(s(r), o).fromCache);
        QVERIFY(index(r, "auto", false).cachePath.empty());
        // A list file is watched too: editing it re-indexes.
        writeFile(dir.path() + "/list.txt", "data/bob/1.jpg 0\n");
        age(dir.path());
        QVERIFY(!index(dir.path() + "/list.txt", "auto", true).fromCache);
        QVERIFY(index(dir.path() + "/list.txt", "auto", true).fromCache);
        writeFile(dir.path() + "/list.txt", "data/bob/1.jpg 0\ndata/amy/2.png 1\n");
        QCOMPARE(index(dir.path() + "/list.txt", "auto", true).images.size(), std::size_t(2));
    }

    void stats_data() {
        QTest::addColumn<QList<int>>("counts");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("median");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::newRow("1,2,5") << QList<int>{1, 2, 5} << 8.0 / 3 << 2.0 << 1 << 5;
        QTest::newRow("even count") << QList<int>{10, 1, 3, 2} << 4.0 << 2.5 << 1 << 10;
        QTest::newRow("one identity") << QList<int>{7} << 7.0 << 7.0 << 7 << 7;
    }
    void stats() {
        QFETCH(QList<int>, counts);
        QFETCH(double, mean);
        QFETCH(double, median);
        QFETCH(int, min);
        QFETCH(int, max);
        fb::DatasetIndex idx;
        for (int id = 0; id < counts.size(); ++id) {
            idx.identities.push_back("id" + std::to_string(id));
            for (int k = 0; k < counts[id]; ++k)
                idx.images.push_back({"x", -1, 0, id});
        }
        const fb::DatasetStats st = fb::computeDatasetStats(idx);
        QCOMPARE(st.identities, (long long)counts.size());
        QCOMPARE(st.meanPerIdentity, mean);
        QCOMPARE(st.medianPerIdentity, median);
        QCOMPARE(st.minPerIdentity, (long long)min);
        QCOMPARE(st.maxPerIdentity, (long long)max);
    }

    void normalizeName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("lfw") << "George_W_Bush"
                             << "george w bush";
        QTest::newRow("vggface2") << "George_W._Bush"
                                  << "george w bush";
        QTest::newRow("spaces") << "  george   w bush "
                                << "george w bush";
        QTest::newRow("hyphen") << "Jean-Paul_Belmondo"
                                << "jean paul belmondo";
        QTest::newRow("apostrophe kept") << "Sinead_O'Connor"
                                         << "sinead o'connor";
        QTest::newRow("id") << "n000001"
                            << "n000001";
    }
    void normalizeName() {
        QFETCH(QString, name);
        QFETCH(QString, key);
        QCOMPARE(QString::fromStdString(fb::normalizeIdentityName(s(name))), key);
    }

    void overlapAndRemove() {
        QTemporaryDir dir;
        const QString train = dir.path() + "/train", test = dir.path() + "/lfw";
        writeFile(train + "/George_W._Bush/a.jpg", "1");
        writeFile(train + "/George_W._Bush/b.jpg", "2");
        writeFile(train + "/n000002/a.jpg", "3");
        writeFile(train + "/Zed Ray/a.jpg", "4");
        writeFile(test + "/George_W_Bush/George_W_Bush_0001.jpg", "5");
        writeFile(test + "/Zed_Ray/Zed_Ray_0001.jpg", "6");
        writeFile(test + "/Ann_Lee/Ann_Lee_0001.jpg", "7");
        writeFile(dir.path() + "/meta.csv",
                  "Class_ID, Name, Sample_Num\nn000002, \"Ann_Lee\", 1\n");
        const auto a = index(train), b = index(test);
        auto overlap = fb::findIdentityOverlap(a, b);
        QCOMPARE(overlap.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(overlap[0].trainName), QString("George_W._Bush"));
        QCOMPARE(QString::fromStdString(overlap[0].testName), QString("George_W_Bush"));
        QCOMPARE(overlap[0].trainImages, 2LL);
        QCOMPARE(QString::fromStdString(overlap[1].key), QString("zed ray"));
        overlap = fb::findIdentityOverlap(a, b, fb::readIdentityNames(s(dir.path() + "/meta.csv")));
        QCOMPARE(overlap.size(), std::size_t(3)); // n000002 is Ann_Lee by the names file

        const QString out = dir.path() + "/clean.txt";
        const auto written = fb::writeTrainingList(a, {"George_W._Bush", "Zed Ray"}, s(out));
        QCOMPARE(written.images, 1LL);
        const auto back = index(out);
        QCOMPARE(names(back), QStringList({"n000002"}));
        QCOMPARE(rows(back, train), QStringList({"0:n000002/a.jpg"}));
    }

    void badInput() {
        QTemporaryDir dir;
        const QString r = dir.path();
        const auto fails = [](const QString& path, const std::string& format, const QString& text) {
            try {
                index(path, format);
            } catch (const fb::InputError& e) {
                return QString(e.what()).contains(path) && QString(e.what()).contains(text);
            }
            return false;
        };
        QVERIFY(fails(r + "/absent", "auto", "no such file"));
        QDir().mkpath(r + "/empty");
        QVERIFY(fails(r + "/empty", "auto", "no images"));
        writeFile(r + "/gone.txt", "nothere/1.jpg 0\n");
        QVERIFY(fails(r + "/gone.txt", "auto", "gone.txt:1"));
        QVERIFY(fails(r + "/gone.txt", "imagefolder", "needs a folder"));
        writeFile(r + "/junk.rec", "not a record file");
        QVERIFY(fails(r + "/junk.rec", "auto", "magic"));
        try {
            index(r, "imagefolders");
            QFAIL("unknown format accepted");
        } catch (const fb::InputError& e) {
            QVERIFY2(QString(e.what()).contains("did you mean 'imagefolder'"), e.what());
        }
    }

    // chmod 000 does not stop root, so as root the check runs in a child that drops to nobody;
    // the same child checks the cache falls back to $XDG_CACHE_HOME when the data is read-only.
    void unreadableFolder() {
        QTemporaryDir dir;
        const QString r = dir.path() + "/data";
        makeFolder(r);
        writeFile(r + "/locked/1.jpg", "x");
        ::chmod(dir.path().toLocal8Bit().constData(), 0755);
        QDir().mkpath(dir.path() + "/xdg");
        ::chmod((dir.path() + "/xdg").toLocal8Bit().constData(), 0777);
        ::chmod((r + "/locked").toLocal8Bit().constData(), 0);
        const QByteArray answer = runInUnprivilegedChild([&] {
            std::string answer;
            try {
                const auto idx = index(r);
                answer = std::to_string(idx.identities.size()) + "|";
                for (const auto& p : idx.problems)
                    answer += p.path + ": " + p.problem + "|";
            } catch (const std::exception& e) {
                answer = std::string("error: ") + e.what();
            }
            // The data folder is not writable for nobody: the cache goes to the user's.
            ::setenv("XDG_CACHE_HOME", s(dir.path() + "/xdg").c_str(), 1);
            try {
                answer += "cache: " + index(r, "auto", true).cachePath + "|";
            } catch (const std::exception& e) {
                answer += std::string("cache error: ") + e.what();
            }
            try { // an unreadable root is bad input, not a problem
                index(r + "/locked");
            } catch (const fb::InputError& e) {
                answer += std::string("root: ") + e.what();
            }
            return answer;
        });
        ::chmod((r + "/locked").toLocal8Bit().constData(), 0755);
        QVERIFY2(answer.startsWith("3|"), answer.constData());
        QVERIFY2(answer.contains("/locked: cannot open folder: Permission denied|"),
                 answer.constData());
        if (::geteuid() == 0) // as another user the folder may be writable, the cache beside it
            QVERIFY2(answer.contains("cache: " + (dir.path() + "/xdg/facebench/").toUtf8()),
                     answer.constData());
        QVERIFY2(answer.contains("root: " + (r + "/locked: cannot open folder").toUtf8()),
                 answer.constData());
    }

    void cli() {
        QTemporaryDir dir;
        const QString r = dir.path() + "/data";
        makeFolder(r);
        ProcessResult res = runCli({"data", "index", r, "--json"});
        QVERIFY2(res.exitCode == 0, res.err.constData());
        QJsonObject doc = QJsonDocument::fromJson(res.out).object();
        QCOMPARE(doc["images"].toInt(), 8);
        QCOMPARE(doc["identities"].toInt(), 3);
        QCOMPARE(doc["format"].toString(), QString("imagefolder"));
        QCOMPARE(doc["problems"].toArray().size(), 1);
        QVERIFY(doc["cache"].toObject()["path"].toString().startsWith(userCacheFolder()));

        res = runCli({"data", "stats", r, "--json", "--no-cache"});
        QVERIFY2(res.exitCode == 0, res.err.constData());
        doc = QJsonDocument::fromJson(res.out).object();
        const QJsonObject depth = doc["images_per_identity"].toObject();
        QCOMPARE(doc["identities"].toInt(), 3);
        QCOMPARE(depth["mean"].toDouble(), 8.0 / 3);
        QCOMPARE(depth["median"].toDouble(), 2.0);
        QCOMPARE(depth["min"].toInt(), 1);
        QCOMPARE(depth["max"].toInt(), 5);

        const QString test = dir.path() + "/test";
        writeFile(test + "/AMY/x.jpg", "t");
        const QString out = dir.path() + "/clean.txt";
        res = runCli(
            {"data", "overlap", "--train", r, "--test", test, "--remove", "--out", out, "--json"});
        QVERIFY2(res.exitCode == 0, res.err.constData());
        doc = QJsonDocument::fromJson(res.out).object();
        QCOMPARE(doc["overlap_identities"].toInt(), 1);
        QCOMPARE(doc["overlap"].toArray()[0].toObject()["train"].toString(), QString("amy"));
        QCOMPARE(doc["written"].toObject()["images"].toInt(), 6);
        res = runCli({"data", "stats", out, "--json"});
        QCOMPARE(QJsonDocument::fromJson(res.out).object()["identities"].toInt(), 2);

        for (const QStringList& bad :
             {QStringList{"data", "index", dir.path() + "/absent"},
              QStringList{"data", "index", r, "--format", "nope"},
              QStringList{"data", "stats", dir.path() + "/absent"},
              QStringList{"data", "overlap", "--train", r, "--test", dir.path() + "/absent"},
              QStringList{"data", "overlap", "--train", r, "--test", test, "--remove"}}) {
            res = runCli(bad);
            QVERIFY2(res.exitCode == 2, qPrintable(bad.join(' ') + ": " + res.err));
        }
        res = runCli({"data", "index", dir.path() + "/absent"});
        QVERIFY2(res.err.contains(qPrintable(dir.path() + "/absent")), res.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestDataIndex)
#include "test_data_index.moc"
