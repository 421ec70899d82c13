// The protocols on constructed features with known cosines: template matrices
// exactly, cross-quality pair construction (never an image against itself), the DFW mask's upper
// triangle, LFW folds through the metrics core, one feature per unique image, and bad input.
#include "facebench/errors.h"
#include "facebench/eval_protocols.h"
#include "facebench/verification_metrics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// Features by image file name (the part after the data folder), 2-D.
struct ConstructedFeatures {
    std::map<std::string, std::vector<float>> byName;
    int calls = 0;
    std::size_t requested = 0;
    fb::FeatureSource source(const std::string& root) {
        return [this, root](const std::vector<std::string>& paths) {
            ++calls;
            requested += paths.size();
            fb::FeatureMatrix m;
            m.dim = 2;
            for (const std::string& p : paths) {
                const std::string name = p.substr(root.size() + 1);
                const auto it = byName.find(name);
                const std::vector<float> v =
                    it == byName.end() ? std::vector<float>{1, 0} : it->second;
                m.values.insert(m.values.end(), v.begin(), v.end());
            }
            return m;
        };
    }
};

QJsonObject parse(const fb::ProtocolResult& r) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.json)).object();
}

// A VGGFace2-style template list of `study` (pose or age) in `dir`: per subject and level two
// templates of five images n<s>/<study>-<level>-<t>-<k>.jpg (empty files; only their names are
// read), listed in vggface2/test_<study>temp_imglist.txt, each image's feature from
// `feature(s, level, t, k)`.
template <class Feature>
void writeTemplates(const QTemporaryDir& dir, const QString& study, int subjects, int levels,
                    ConstructedFeatures& f, Feature feature) {
    QByteArray list;
    for (int s = 0; s < subjects; ++s)
        for (int level = 0; level < levels; ++level)
            for (int t = 0; t < 2; ++t)
                for (int k = 0; k < 5; ++k) {
                    const QString rel =
                        QString("n%1/%2-%3-%4-%5.jpg").arg(s).arg(study).arg(level).arg(t).arg(k);
                    list += rel.toUtf8() + "\n";
                    writeText(dir.filePath("test/" + rel), "");
                    f.byName["test/" + rel.toStdString()] = feature(s, level, t, k);
                }
    writeText(dir.filePath("vggface2/test_" + study + "temp_imglist.txt"), list);
}

} // namespace

class TestEvalProtocols : public QObject {
    Q_OBJECT

private slots:
    // The symmetric option. Two subjects; every image of a template has the same feature at
    // angle theta(s, level, t), except one template whose images average to a known direction.
    // M[a][b] is then a mean of cos(theta - theta') computed here in double.
    void templatesMatrix() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        ConstructedFeatures f;
        auto theta = [](int s, int level, int t) { return 0.4 * level + 0.15 * t + 0.05 * s; };
        for (const auto& [study, levels] : {std::pair<QString, int>{"pose", 3}, {"age", 2}})
            writeTemplates(dir, study, 2, levels, f, [&](int s, int level, int t, int k) {
                const double a = theta(s, level, t);
                // Template (s 0, level 0, t 0): images at a - .3, a, a + .3, a + .3, a - .3:
                // their mean points at a, so only the averaging is tested there.
                const double offsets[] = {-0.3, 0.0, 0.3, 0.3, -0.3};
                const double wiggle = (s == 0 && level == 0 && t == 0) ? offsets[k] : 0.0;
                return std::vector<float>{float(std::cos(a + wiggle)), float(std::sin(a + wiggle))};
            });
        fb::ProtocolRequest request;
        request.dataDir = root;
        request.features = f.source(root);
        request.templateMatrix = "symmetric";
        const QJsonObject doc = parse(fb::runProtocol("templates", request));
        QCOMPARE(doc["template_matrix"].toString(), QString("symmetric"));
        QVERIFY(doc["rule"].toString().startsWith("symmetric:"));
        QCOMPARE(f.calls, 1);
        QCOMPARE(f.requested, std::size_t(2 * 2 * 5 * (3 + 2)));
        for (const auto& [study, levels] : {std::pair<QString, int>{"pose", 3}, {"age", 2}}) {
            const QJsonArray m = doc[study].toObject()["matrix"].toArray();
            QCOMPARE(m.size(), levels);
            for (int a = 0; a < levels; ++a)
                for (int b = 0; b < levels; ++b) {
                    double expected = 0;
                    for (int s = 0; s < 2; ++s) {
                        if (a == b) {
                            expected += std::cos(theta(s, a, 0) - theta(s, a, 1));
                        } else {
                            double sum = 0;
                            for (int t = 0; t < 2; ++t)
                                for (int u = 0; u < 2; ++u)
                                    sum += std::cos(theta(s, a, t) - theta(s, b, u));
                            expected += sum / 4;
                        }
                    }
                    expected /= 2;
                    const double actual = m[a].toArray()[b].toDouble();
                    QVERIFY2(std::abs(actual - expected) < 1e-6,
                             qPrintable(QString("%1 M[%2][%3] = %4, expected %5")
                                            .arg(study)
                                            .arg(a)
                                            .arg(b)
                                            .arg(actual, 0, 'g', 10)
                                            .arg(expected, 0, 'g', 10)));
                }
        }
    }

    // The default probe-gallery matrices on templates whose 5 images share one unit vector with
    // round cosines: M[a][b] = mean over the 2 subjects of (first level-a template) . (second
    // level-b template), worked out by hand below; not symmetric, as the seed's Table 3.
    void templatesProbeGalleryByHand() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        ConstructedFeatures f;
        using V = std::vector<float>;
        // [subject][level] = {probe, gallery}
        const std::vector<std::vector<std::pair<V, V>>> pose{
            {{{1, 0}, {0.6f, 0.8f}}, {{0.8f, 0.6f}, {0, 1}}, {{0, 1}, {-0.6f, 0.8f}}},
            {{{0, 1}, {0.8f, 0.6f}}, {{0.6f, 0.8f}, {1, 0}}, {{-0.8f, 0.6f}, {0.6f, 0.8f}}}};
        const std::vector<std::vector<std::pair<V, V>>> age{
            {{{1, 0}, {0.8f, 0.6f}}, {{0.6f, 0.8f}, {0, 1}}},
            {{{0, 1}, {0.6f, 0.8f}}, {{1, 0}, {0.8f, 0.6f}}}};
        for (const auto& [study, vectors] : {std::pair{QString("pose"), pose}, {"age", age}})
            writeTemplates(dir, study, int(vectors.size()), int(vectors[0].size()), f,
                           [&vectors = vectors](int s, int level, int t, int) {
                               const auto& pair = vectors[std::size_t(s)][std::size_t(level)];
                               return t == 0 ? pair.first : pair.second;
                           });
        fb::ProtocolRequest request; // the default rule
        request.dataDir = root;
        request.features = f.source(root);
        const QJsonObject doc = parse(fb::runProtocol("templates", request));
        QCOMPARE(doc["template_matrix"].toString(), QString("probe-gallery"));
        QVERIFY(doc["rule"].toString().startsWith("probe-gallery:"));
        // Pose, subject 0 then 1 (probe rows . gallery columns):
        //   front:  .6, 0, -.6  and  .6, 0, .8  -> .6, 0, .1
        //   3/4:   .96, .6, 0   and .96, .6, 1  -> .96, .6, .5
        //   profile: .8, 1, .8  and -.28, -.8, 0 -> .26, .1, .4
        // Age: young .8, 0 and .8, .6 -> .8, .3; mature .96, .8 and .6, .8 -> .78, .8.
        const std::map<QString, std::vector<std::vector<double>>> expected{
            {"pose", {{0.6, 0.0, 0.1}, {0.96, 0.6, 0.5}, {0.26, 0.1, 0.4}}},
            {"age", {{0.8, 0.3}, {0.78, 0.8}}}};
        for (const auto& [study, m] : expected) {
            const QJsonArray actual = doc[study].toObject()["matrix"].toArray();
            QCOMPARE(actual.size(), int(m.size()));
            for (std::size_t a = 0; a < m.size(); ++a)
                for (std::size_t b = 0; b < m.size(); ++b) {
                    const double value = actual[int(a)].toArray()[int(b)].toDouble();
                    QVERIFY2(std::abs(value - m[a][b]) < 1e-6,
                             qPrintable(QString("%1 M[%2][%3] = %4, expected %5")
                                            .arg(study)
                                            .arg(a)
                                            .arg(b)
                                            .arg(value, 0, 'g', 10)
                                            .arg(m[a][b])));
                }
        }
        // An unknown rule names its key.
        request.templateMatrix = "all-pairs";
        try {
            fb::runProtocol("templates", request);
            QFAIL("an unknown template_matrix was accepted");
        } catch (const fb::InputError& error) {
            QVERIFY2(QString(error.what()).contains("eval.template_matrix"), error.what());
        }
    }

    // Low2High: 2 probes x 3 gallery images; Middle2High lists a gallery image as a probe,
    // which is never scored against itself.
    void crossQualityPairs() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        for (const char* image :
             {"A/h1.jpg", "A/h2.jpg", "B/h1.jpg", "A/l1.jpg", "B/l1.jpg", "B/m1.jpg"})
            writeText(dir.filePath(QString("test/") + image), "");
        writeText(dir.filePath("quality/high.txt"), "A/h1.jpg\nA/h2.jpg\nB/h1.jpg\n");
        writeText(dir.filePath("quality/low.txt"), "A/l1.jpg\nB/l1.jpg\n");
        writeText(dir.filePath("quality/middle.txt"), "A/h1.jpg\nB/m1.jpg\n");
        ConstructedFeatures f;
        f.byName = {{"test/A/h1.jpg", {1, 0}},       {"test/A/h2.jpg", {0.8f, 0.6f}},
                    {"test/B/h1.jpg", {0, 1}},       {"test/A/l1.jpg", {1, 0}},
                    {"test/B/l1.jpg", {0.6f, 0.8f}}, {"test/B/m1.jpg", {0, 1}}};
        fb::ProtocolRequest request;
        request.dataDir = root;
        request.outDir = dir.filePath("eval").toStdString();
        request.features = f.source(root);
        const QJsonObject doc = parse(fb::runProtocol("cross-quality", request));
        QCOMPARE(f.calls, 1);
        QCOMPARE(f.requested, std::size_t(6)); // A/h1 listed twice, computed once
        QCOMPARE(doc["Low2High"].toObject()["genuine"].toInt(), 3);
        QCOMPARE(doc["Low2High"].toObject()["impostor"].toInt(), 3);
        QCOMPARE(doc["Middle2High"].toObject()["genuine"].toInt(), 2);
        QCOMPARE(doc["Middle2High"].toObject()["impostor"].toInt(), 3);
        // Low2High genuine cosines 1, 0.8, 0.8; impostor 0, 0.6, 0.96: TAR@1% (k = 0, tau = 0.96) =
        // 1/3.
        QVERIFY(
            std::abs(
                doc["Low2High"].toObject()["tar_at_far"].toArray()[0].toObject()["tar"].toDouble() -
                1.0 / 3) < 1e-12);
        QVERIFY(QFile::exists(dir.filePath("eval/cross-quality.json")));
        QVERIFY(QFile::exists(dir.filePath("eval/cross-quality-middle2high-scores.csv")));
    }

    void dfwUpperTriangle() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        for (const char* image : {"A/1.jpg", "A/2.jpg", "B/1.jpg"})
            writeText(dir.filePath(QString("test/") + image), "");
        writeText(dir.filePath("dfw/test_image_list.txt"), "A/1.jpg\nA/2.jpg\nB/1.jpg\n");
        // Upper triangle: (0,1) genuine, (0,2) impostor, (1,2) ignored; the lower is not read.
        writeText(dir.filePath("dfw/mask_matrix_test.txt"), "0 1 2\n2 0 0\n1 1 0\n");
        ConstructedFeatures f;
        f.byName = {
            {"test/A/1.jpg", {1, 0}}, {"test/A/2.jpg", {0.6f, 0.8f}}, {"test/B/1.jpg", {0, 1}}};
        fb::ProtocolRequest request;
        request.dataDir = root;
        request.features = f.source(root);
        const QJsonObject doc = parse(fb::runProtocol("dfw", request));
        QCOMPARE(doc["genuine"].toInt(), 1);
        QCOMPARE(doc["impostor"].toInt(), 1);
        QCOMPARE(doc["auc"].toDouble(), 1.0);
    }

    // LFW on features whose cosines are known: the protocol's accuracies are the metrics core's
    // on the same scores; a pair naming a missing image is an error that lists it.
    void lfwFolds() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        // 2 folds x (2 matched + 2 mismatched).
        writeText(dir.filePath("lfw/pairs.txt"), "2\t2\nA\t1\t2\nB\t1\t2\nA\t1\tB\t1\nC\t1\tD\t1\nC"
                                                 "\t1\t2\nD\t1\t2\nA\t2\tC\t2\nB\t2\tD\t2\n");
        std::map<std::string, double> angle{{"A", 0.0}, {"B", 1.0}, {"C", 2.0}, {"D", 3.0}};
        ConstructedFeatures f;
        for (const auto& [name, a] : angle)
            for (int i : {1, 2}) {
                const std::string rel =
                    "lfw/" + name + "/" + name + "_000" + std::to_string(i) + ".jpg";
                writeText(dir.filePath(QString::fromStdString(rel)), "");
                const double t = a + (i == 2 ? 0.2 * a : 0.0); // same person: cos(0.2 a)
                f.byName[rel] = {float(std::cos(t)), float(std::sin(t))};
            }
        fb::ProtocolRequest request;
        request.dataDir = root;
        request.features = f.source(root);
        const QJsonObject doc = parse(fb::runProtocol("lfw", request));
        QCOMPARE(doc["pairs"].toInt(), 8);
        // Cosines: fold 1 same A 1, B cos 0.2, different A-B, C-D cos 1; fold 2 same C cos 0.4,
        // D cos 0.6, different A-C, B-D cos 2.4. Each fold separates at some threshold, but the
        // threshold comes from the other fold (the highest accuracy there, ties to the lowest):
        // fold 1 is tested at cos 0.6 (fold 2's lowest same pair) and gets 4/4; fold 2 at
        // cos 0.2 (fold 1's lowest same pair) and rejects both of its own same pairs: 2/4. A
        // threshold chosen on the tested fold itself would give 4/4 twice.
        // Mean 0.75, population std 0.25, standard error sqrt(2 * 0.25^2 / (2 - 1)) / sqrt(2) =
        // 0.25.
        const QJsonArray thresholds = doc["thresholds"].toArray();
        QCOMPARE(thresholds.size(), 2);
        QVERIFY2(std::abs(thresholds[0].toDouble() - std::cos(0.6)) < 1e-6,
                 qPrintable(QString::number(thresholds[0].toDouble(), 'g', 10)));
        QVERIFY2(std::abs(thresholds[1].toDouble() - std::cos(0.2)) < 1e-6,
                 qPrintable(QString::number(thresholds[1].toDouble(), 'g', 10)));
        QCOMPARE(doc["fold_accuracies"].toArray(), (QJsonArray{1.0, 0.5}));
        QCOMPARE(doc["accuracy"].toDouble(), 0.75);
        QCOMPARE(doc["std"].toDouble(), 0.25);
        QVERIFY(std::abs(doc["standard_error"].toDouble() - 0.25) < 1e-12);
        const QJsonObject failures = doc["failures"].toObject();
        QCOMPARE(failures["false_accept_count"].toInt(), 0);
        QCOMPARE(failures["false_reject_count"].toInt(), 2); // C and D of fold 2

        QFile::remove(dir.filePath("lfw/D/D_0002.jpg"));
        QFile::remove(dir.filePath("lfw/C/C_0001.jpg"));
        try {
            fb::runProtocol("lfw", request);
            QFAIL("no error");
        } catch (const fb::InputError& e) {
            const QString message = e.what();
            QVERIFY2(message.contains("pairs.txt") && message.contains("D/D_0002.jpg") &&
                         message.contains("C/C_0001.jpg") && message.startsWith("2 image") == false,
                     qPrintable(message));
        }
    }

    void unknownProtocol() {
        try {
            fb::runProtocol("megaface", fb::ProtocolRequest{});
            QFAIL("no error");
        } catch (const fb::InputError& e) {
            QVERIFY(QString(e.what()).contains("megaface"));
        }
    }
};

QTEST_GUILESS_MAIN(TestEvalProtocols)
#include "test_eval_protocols.moc"
