// Synthetic face data: same seed same bytes, protocol files that parse back with the
// readers and name only existing images, identity-disjoint splits, every factor level the
// templates need, LFW folds of exactly 300 + 300 pairs, and bad input that writes nothing.
#include "facebench/errors.h"
#include "facebench/protocol_files.h"
#include "facebench/synthetic_data.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

#include <map>
#include <set>

namespace {

// The smallest set every protocol accepts: LFW needs 20 test identities (2 per fold).
fb::SynthOptions smallOptions(const QString& out) {
    fb::SynthOptions o;
    o.outDir = out.toStdString();
    o.identities = 3;
    o.imagesPerIdentity = 4;
    o.testIdentities = fb::kSynthMinTestIdentities;
    o.width = fb::kSynthMinSide; // small crops keep the suite to seconds
    o.height = 40;
    o.seed = 7;
    return o;
}

std::map<QString, QByteArray> hashTree(const QString& root) {
    std::map<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files[QDir(root).relativeFilePath(path)] =
                QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }
    return files;
}

struct MetaRow {
    QString split, identity, lookalikeOf, yaw, age, quality, disguise;
};

std::map<QString, MetaRow> readMeta(const QString& path) {
    std::map<QString, MetaRow> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(',');
        if (f.size() >= 9)
            rows[f[0]] = {f[1], f[2], f[3], f[4], f[6], f[7], f[8]};
    }
    return rows;
}

} // namespace

class TestSynth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSeedSameBytes();
    void seedChangesTheFaces();
    void metaCoversEveryImage();
    void splitsAreIdentityDisjoint();
    void lfwPairsHaveTenFoldsOf300And300();
    void templatesHaveTheirFactorLevels();
    void everyTestIdentityHasEveryLevel();
    void qualityListsMatchTheirLevel();
    void dfwMaskLabelsPairs();
    void umdTracksFollowYawDifference();
    void readersRejectMalformedFiles();
    void cancelLeavesNothing();
    void cliWritesJsonAndCanvasBoxes();
    void cliBadInputExits2AndWritesNothing_data();
    void cliBadInputExits2AndWritesNothing();

private:
    QString test(const std::string& relative) const {
        return m_root + "/test/" + QString::fromStdString(relative);
    }
    QTemporaryDir m_dir;
    QString m_root;
    std::map<QString, MetaRow> m_meta;
};

void TestSynth::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath("set");
    fb::SynthJob job(smallOptions(m_root));
    const fb::SynthResult result = job.run();
    QCOMPARE(result.testIdentities, fb::kSynthMinTestIdentities);
    QCOMPARE(result.lfwPairs, 6000LL);
    m_meta = readMeta(m_root + "/meta.csv");
    QVERIFY(!m_meta.empty());
}

void TestSynth::sameSeedSameBytes() {
    // Different thread counts too: each image has its own random stream.
    fb::SynthOptions again = smallOptions(m_dir.filePath("again"));
    again.threads = 1;
    fb::SynthJob(again).run();
    const auto a = hashTree(m_root), b = hashTree(m_dir.filePath("again"));
    QVERIFY(a.size() > 800);
    QCOMPARE(a.size(), b.size());
    for (const auto& [path, hash] : a) {
        QVERIFY2(b.count(path), qPrintable(path));
        QVERIFY2(b.at(path) == hash, qPrintable("differs: " + path));
    }
}

void TestSynth::seedChangesTheFaces() {
    auto sheet = [this](std::uint64_t seed, const QString& name) {
        const QString path = m_dir.filePath(name);
        fb::writeSynthContactSheet(path.toStdString(), seed, 32, 40);
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray one = sheet(1, "one.png");
    QVERIFY(!one.isEmpty());
    QCOMPARE(sheet(1, "one-again.png"), one);
    QVERIFY(sheet(2, "two.png") != one);
}

void TestSynth::metaCoversEveryImage() {
    int images = 0;
    QDirIterator it(m_root, {"*.jpg"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = QDir(m_root).relativeFilePath(it.next());
        QVERIFY2(m_meta.count(path), qPrintable("not in meta.csv: " + path));
        ++images;
    }
    QCOMPARE(images, int(m_meta.size()));
}

void TestSynth::splitsAreIdentityDisjoint() {
    const QStringList trainList =
        QDir(m_root + "/train").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    const QSet<QString> train(trainList.begin(), trainList.end());
    const QStringList testList =
        QDir(m_root + "/test").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(train.size(), 3);
    QCOMPARE(testList.size(), 40); // 20 subjects and their 20 look-alikes
    for (const QString& identity : testList)
        QVERIFY2(!train.contains(identity), qPrintable(identity));
    for (const auto& [path, row] : m_meta)
        QVERIFY(path.startsWith(row.split + "/"));
}

void TestSynth::lfwPairsHaveTenFoldsOf300And300() {
    const fb::LfwPairs pairs = fb::readLfwPairs((m_root + "/lfw/pairs.txt").toStdString());
    QCOMPARE(pairs.folds, 10);
    QCOMPARE(pairs.pairsPerFold, 300);
    QFile raw(m_root + "/lfw/pairs.txt");
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QCOMPARE(raw.readLine(), QByteArray("10\t300\n"));
    std::vector<int> same(10), different(10);
    std::vector<std::set<std::string>> foldNames(10);
    std::set<std::tuple<std::string, int, int>> matched;
    for (const fb::LfwPair& p : pairs.pairs) {
        (p.same ? same : different)[std::size_t(p.fold)]++;
        QVERIFY(QFile::exists(m_root + "/lfw/" +
                              QString::fromStdString(fb::lfwImagePath(p.name1, p.index1))));
        QVERIFY(QFile::exists(m_root + "/lfw/" +
                              QString::fromStdString(fb::lfwImagePath(p.name2, p.index2))));
        QCOMPARE(p.same, p.name1 == p.name2);
        if (p.same) {
            QVERIFY(p.index1 != p.index2);
            QVERIFY2(matched.insert({p.name1, p.index1, p.index2}).second,
                     "duplicate matched pair");
        }
        foldNames[std::size_t(p.fold)].insert(p.name1);
        foldNames[std::size_t(p.fold)].insert(p.name2);
    }
    for (int f = 0; f < 10; ++f) {
        QCOMPARE(same[std::size_t(f)], 300);
        QCOMPARE(different[std::size_t(f)], 300);
        for (int g = f + 1; g < 10; ++g) // LFW's folds are subject-disjoint
            for (const std::string& name : foldNames[std::size_t(f)])
                QVERIFY(!foldNames[std::size_t(g)].count(name));
    }
}

void TestSynth::templatesHaveTheirFactorLevels() {
    const char* poses[] = {"frontal", "three_quarter", "profile"};
    const auto pose = fb::readTemplateList(
        (m_root + "/vggface2/test_posetemp_imglist.txt").toStdString(), 5, 3, 2);
    QCOMPARE(int(pose.size()), 20 * 6);
    for (const fb::FaceTemplate& t : pose)
        for (const std::string& image : t.images) {
            QVERIFY2(QFile::exists(test(image)), image.c_str());
            QCOMPARE(m_meta.at("test/" + QString::fromStdString(image)).yaw,
                     QString(poses[t.level]));
        }
    const char* ages[] = {"young", "mature"};
    const auto age = fb::readTemplateList(
        (m_root + "/vggface2/test_agetemp_imglist.txt").toStdString(), 5, 2, 2);
    QCOMPARE(int(age.size()), 20 * 4);
    for (const fb::FaceTemplate& t : age)
        for (const std::string& image : t.images) {
            QVERIFY(QFile::exists(test(image)));
            QCOMPARE(m_meta.at("test/" + QString::fromStdString(image)).age,
                     QString(ages[t.level]));
        }
}

void TestSynth::everyTestIdentityHasEveryLevel() {
    std::map<QString, std::map<QString, int>> levels;
    for (const auto& [path, row] : m_meta) {
        if (row.split != "test" || !row.lookalikeOf.isEmpty())
            continue;
        auto& count = levels[row.identity];
        count["yaw:" + row.yaw]++;
        if (row.yaw != "profile")
            count["age:" + row.age]++;
        count["quality:" + row.quality]++;
        count["disguise:" + row.disguise]++;
    }
    QCOMPARE(int(levels.size()), 20);
    for (const auto& [identity, count] : levels) {
        for (const char* level :
             {"yaw:frontal", "yaw:three_quarter", "yaw:profile", "age:young", "age:mature"})
            QVERIFY2(count.count(level) && count.at(level) >= 10,
                     qPrintable(identity + " " + level));
        for (const char* level :
             {"quality:high", "quality:middle", "quality:low", "disguise:glasses", "disguise:hat",
              "disguise:scarf", "disguise:beard"})
            QVERIFY2(count.count(level), qPrintable(identity + " " + level));
    }
}

void TestSynth::qualityListsMatchTheirLevel() {
    for (const char* level : {"low", "middle", "high"}) {
        const auto images =
            fb::readImageList((m_root + "/quality/" + level + ".txt").toStdString());
        QVERIFY(images.size() >= 20);
        std::set<std::string> identities;
        for (const std::string& image : images) {
            QVERIFY(QFile::exists(test(image)));
            QCOMPARE(m_meta.at("test/" + QString::fromStdString(image)).quality, QString(level));
            identities.insert(fb::identityOfPath(image));
        }
        QCOMPARE(int(identities.size()), 20);
    }
}

void TestSynth::dfwMaskLabelsPairs() {
    const auto images = fb::readImageList((m_root + "/dfw/test_image_list.txt").toStdString());
    const auto mask =
        fb::readDfwMask((m_root + "/dfw/mask_matrix_test.txt").toStdString(), int(images.size()));
    int genuine = 0, impostor = 0, impersonator = 0;
    for (std::size_t i = 0; i < images.size(); ++i) {
        QVERIFY(QFile::exists(test(images[i])));
        const MetaRow& a = m_meta.at("test/" + QString::fromStdString(images[i]));
        for (std::size_t j = i + 1; j < images.size(); ++j) {
            const MetaRow& b = m_meta.at("test/" + QString::fromStdString(images[j]));
            if (mask[i][j] == fb::kDfwGenuine) {
                QCOMPARE(a.identity, b.identity);
                ++genuine;
            } else if (mask[i][j] == fb::kDfwImpostor) {
                QVERIFY(a.identity != b.identity);
                ++impostor;
                impersonator += (a.lookalikeOf == b.identity || b.lookalikeOf == a.identity);
            }
        }
    }
    QCOMPARE(genuine, 20 * 21); // 7 own images a subject: C(7,2)
    QCOMPARE(impersonator, 20 * 7 * 2);
    QVERIFY(impostor > impersonator);
}

void TestSynth::umdTracksFollowYawDifference() {
    const std::map<QString, int> bin = {{"frontal", 0}, {"three_quarter", 1}, {"profile", 2}};
    int track = 0;
    for (const char* name : {"easy", "moderate", "difficult"}) {
        const auto pairs = fb::readPairList((m_root + "/umdfaces/" + name + ".txt").toStdString());
        QCOMPARE(int(pairs.size()), 2 * 10 * 20);
        int positives = 0;
        for (const fb::ImagePair& p : pairs) {
            const MetaRow& a = m_meta.at("test/" + QString::fromStdString(p.image1));
            const MetaRow& b = m_meta.at("test/" + QString::fromStdString(p.image2));
            QCOMPARE(p.same, a.identity == b.identity);
            QCOMPARE(std::abs(bin.at(a.yaw) - bin.at(b.yaw)), track);
            positives += p.same;
        }
        QCOMPARE(positives, 10 * 20);
        ++track;
    }
}

void TestSynth::readersRejectMalformedFiles() {
    const QString bad = m_dir.filePath("bad-pairs.txt");
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("10\t300\nname\t1\n");
    file.close();
    QVERIFY_THROWS_EXCEPTION(fb::InputError, fb::readLfwPairs(bad.toStdString()));
    QVERIFY_THROWS_EXCEPTION(fb::InputError, fb::readDfwMask(bad.toStdString(), 3));
    QVERIFY_THROWS_EXCEPTION(fb::InputError, fb::readPairList(bad.toStdString()));
    QVERIFY_THROWS_EXCEPTION(
        fb::InputError, fb::readTemplateList((m_root + "/quality/low.txt").toStdString(), 5, 3, 2));
}

void TestSynth::cancelLeavesNothing() {
    QTemporaryDir dir;
    fb::SynthJob job(smallOptions(dir.filePath("cancelled")));
    QVERIFY_THROWS_EXCEPTION(fb::JobError, job.run([&job](const fb::SynthProgress& p) {
        if (p.stage == "plan")
            job.cancel();
    }));
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(),
        0);
}

void TestSynth::cliWritesJsonAndCanvasBoxes() {
    QVERIFY2(QFile::exists(qEnvironmentVariable("FACEBENCH_CLI")),
             "FACEBENCH_CLI not set by CTest");
    QTemporaryDir dir;
    const QString out = dir.filePath("scenes");
    const ProcessResult r =
        runCli({"data", "synth", "--out", out, "--identities", "2", "--images-per-identity", "2",
                "--test-identities", "20", "--size", "32x32", "--seed", "3", "--canvas", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json["train"].toObject()["images"].toInt(), 4);
    QCOMPARE(json["test"].toObject()["images"].toInt(), 20 * 43);
    QCOMPARE(json["lfw"].toObject()["pairs"].toInt(), 6000);
    QVERIFY(json["seconds"].toDouble() > 0);
    QFile boxes(out + "/boxes.csv");
    QVERIFY(boxes.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(boxes.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QString("image,x,y,w,h"));
    QCOMPARE(lines.size() - 1, int(readMeta(out + "/meta.csv").size()));
    for (int i = 1; i < lines.size(); i += 97) {
        const QStringList f = lines[i].split(',');
        const QSize size = QImageReader(out + "/" + f[0]).size();
        QCOMPARE(size, QSize(80, 80)); // 2.5 times the crop
        const QRect box(f[1].toInt(), f[2].toInt(), f[3].toInt(), f[4].toInt());
        QVERIFY(box.width() > 8 && box.height() > 8);
        QVERIFY2(QRect(QPoint(0, 0), size).contains(box), qPrintable(lines[i]));
    }
    // Nothing but the set itself beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{"scenes"});
}

void TestSynth::cliBadInputExits2AndWritesNothing_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("names");
    QTest::newRow("non-empty out") << QStringList{"--out", "@full"} << "--force";
    QTest::newRow("zero identities")
        << QStringList{"--out", "@new", "--identities", "0"} << "--identities";
    QTest::newRow("negative identities")
        << QStringList{"--out", "@new", "--identities", "-3"} << "--identities";
    QTest::newRow("zero images") << QStringList{"--out", "@new", "--images-per-identity", "0"}
                                 << "--images-per-identity";
    QTest::newRow("too few test identities")
        << QStringList{"--out", "@new", "--test-identities", "5"} << "--test-identities";
    QTest::newRow("size too small") << QStringList{"--out", "@new", "--size", "24x24"} << "--size";
    QTest::newRow("size not WxH") << QStringList{"--out", "@new", "--size", "96"} << "--size";
}

void TestSynth::cliBadInputExits2AndWritesNothing() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, names);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("full"));
    QFile keep(dir.filePath("full/keep.txt"));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.write("mine");
    keep.close();
    for (QString& argument : arguments)
        argument.replace("@", dir.path() + "/");
    const ProcessResult r = runCli(QStringList{"data", "synth"} + arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(names.toUtf8()), r.err.constData());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{"full"});
    QCOMPARE(QDir(dir.filePath("full")).entryList(QDir::Files), QStringList{"keep.txt"});
}

QTEST_GUILESS_MAIN(TestSynth)
#include "test_synth.moc"
