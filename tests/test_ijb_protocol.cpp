// IJB-B/C template protocols (facebench/ijb_protocol.h): media pooling by hand and against a
// numpy transcription of arcface_torch's image2template_feature and 1:1 scoring on random
// features (Python writes the meta files and features), 1:N rank, CMC and TPIR at FPIR on a
// hand-built 2-D case, readers naming file:line, and `eval --protocol ijb` on `data synth`'s
// IJB-C-style files through the CLI.
#include "facebench/errors.h"
#include "facebench/ijb_protocol.h"
#include "facebench/npy_file.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

#include <cmath>

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// Writes DIR/t_face_tid_mid.txt, t_template_pair_label.txt, t_name_5pts_score.txt and
// features.npy (random), and prints arcface_torch's template pair scores as JSON.
const char* const kReference = R"(
import json, sys
import numpy as np
out = sys.argv[1]
rng = np.random.default_rng(3)
n, dim, templates = 300, 16, 40
feats = rng.normal(size=(n, dim)).astype(np.float32)
tids = rng.integers(1, templates + 1, size=n) * 7       # sparse template ids
mids = rng.integers(0, 25, size=n) + 1000                # media shared across templates too
scores = rng.uniform(0.5, 1.0, size=n).astype(np.float32)
np.save(f'{out}/features.npy', feats)
with open(f'{out}/t_face_tid_mid.txt', 'w') as f:
    for i in range(n): f.write(f'{i}.jpg {tids[i]} {mids[i]}\n')
with open(f'{out}/t_name_5pts_score.txt', 'w') as f:
    for i in range(n): f.write(f'{i}.jpg ' + ' '.join(['1.5'] * 10) + f' {scores[i]!r}\n')
unique = np.unique(tids)
pairs = [(a, b, int(rng.integers(0, 2))) for a in unique[:20] for b in unique[20:]]
with open(f'{out}/t_template_pair_label.txt', 'w') as f:
    for a, b, l in pairs: f.write(f'{a} {b} {l}\n')
# arcface_torch eval_ijbc.py: image2template_feature and verification
img = feats * scores[:, None]
template_feats = np.zeros((len(unique), dim))
for count, uqt in enumerate(unique):
    (ind_t,) = np.where(tids == uqt)
    face_norm_feats = img[ind_t].astype(np.float64)
    face_medias = mids[ind_t]
    unique_medias, unique_media_counts = np.unique(face_medias, return_counts=True)
    media_norm_feats = []
    for u, ct in zip(unique_medias, unique_media_counts):
        (ind_m,) = np.where(face_medias == u)
        media_norm_feats += [np.mean(face_norm_feats[ind_m], axis=0, keepdims=True)]
    template_feats[count] = np.sum(np.array(media_norm_feats), axis=0)
norm = template_feats / np.linalg.norm(template_feats, axis=1, keepdims=True)
index = {t: i for i, t in enumerate(unique)}
print(json.dumps([float(np.dot(norm[index[a]], norm[index[b]])) for a, b, _ in pairs]))
)";

fb::IjbTemplateSubjects subjects(std::vector<std::int32_t> templates,
                                 std::vector<std::int32_t> ids) {
    return {std::move(templates), std::move(ids)};
}

} // namespace

class TestIjbProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Template 1: media 10 holds [1, 0] and [0, 1] (score 0.5), media 11 holds [1, 0]:
    // ([1, 0] + 0.5 [0, 1]) / 2 + [1, 0] = [1.5, 0.25], normalised. Template 2: one image.
    void poolingByHand() {
        fb::IjbImages images{{"a", "b", "c", "d"}, {1, 1, 1, 2}, {10, 10, 11, 12}};
        const std::vector<float> features{1, 0, 0, 1, 1, 0, 0, 3};
        const fb::IjbTemplates t =
            fb::poolIjbTemplates(images, features.data(), 2, {1.0f, 0.5f, 1.0f, 1.0f});
        QCOMPARE(t.ids, (std::vector<std::int32_t>{1, 2}));
        const double norm = std::sqrt(1.5 * 1.5 + 0.25 * 0.25);
        QVERIFY(std::abs(t.features[0] - 1.5 / norm) < 1e-7);
        QVERIFY(std::abs(t.features[1] - 0.25 / norm) < 1e-7);
        QCOMPARE(t.features[2], 0.0f);
        QCOMPARE(t.features[3], 1.0f);
        QCOMPARE(t.row(2), std::int64_t(1));
        QCOMPARE(t.row(3), std::int64_t(-1));
        const std::vector<double> s =
            fb::scoreIjbPairs(t, fb::IjbPairs{{1}, {2}, {true}}, "pairs.txt");
        QVERIFY(std::abs(s[0] - 0.25 / norm) < 1e-7);
        QVERIFY_THROWS_EXCEPTION(fb::InputError,
                                 fb::scoreIjbPairs(t, fb::IjbPairs{{1}, {5}, {true}}, "p"));
    }

    void poolingMatchesArcfaceReference() {
        QTemporaryDir dir;
        const ProcessResult py = runProcess("/usr/bin/python3", {"-c", kReference, dir.path()});
        QVERIFY2(py.exitCode == 0, py.err.constData());
        const QJsonArray expected = QJsonDocument::fromJson(py.out).array();
        const std::string base = dir.path().toStdString() + "/t";
        const fb::IjbImages images = fb::readIjbFaceList(base + "_face_tid_mid.txt");
        const fb::IjbPairs pairs = fb::readIjbTemplatePairs(base + "_template_pair_label.txt");
        const std::vector<float> scores =
            fb::readIjbFaceScores(base + "_name_5pts_score.txt", images.names);
        const fb::NpyArray features = fb::readNpy(dir.filePath("features.npy").toStdString());
        const fb::IjbTemplates t =
            fb::poolIjbTemplates(images, features.values.data(), features.shape[1], scores);
        const std::vector<double> s = fb::scoreIjbPairs(t, pairs, "pairs");
        QCOMPARE(int(s.size()), expected.size());
        QVERIFY(s.size() > 100);
        for (std::size_t i = 0; i < s.size(); ++i)
            QVERIFY2(std::abs(s[i] - expected[int(i)].toDouble()) < 1e-5,
                     qPrintable(QString("pair %1: %2 vs %3")
                                    .arg(i)
                                    .arg(s[i])
                                    .arg(expected[int(i)].toDouble())));
    }

    // Gallery subjects 1, 2, 3 at 0, 90 and 180 degrees. Mated probes: subject 1 at 10 degrees
    // (rank 1, cos 10), subject 2 at 60 (rank 1, cos 30), subject 3 at 80 (rank 3). Non-mated:
    // subject 4 at 45 (top cos 45) and subject 5 at 105 (top cos 15). CMC 2/3, 2/3, 1. FPIR 0.5:
    // tau = cos 45 (k = 1), TPIR 2/3; FPIR 0.4: k = 0, tau = cos 15, only cos 10 beats it: 1/3,
    // and 2 non-mated probes cannot resolve 0.4.
    void identificationByHand() {
        fb::IjbTemplates t;
        t.dim = 2;
        const double degrees[] = {0, 90, 180, 10, 60, 80, 45, 105};
        for (int i = 0; i < 8; ++i) {
            t.ids.push_back(i + 1);
            t.features.push_back(float(std::cos(degrees[i] * M_PI / 180)));
            t.features.push_back(float(std::sin(degrees[i] * M_PI / 180)));
        }
        const fb::IjbIdentification id = fb::identifyIjb(
            t, subjects({1, 2, 3}, {1, 2, 3}), subjects({4, 5, 6, 7, 8}, {1, 2, 3, 4, 5}),
            {0.5, 0.4}, fb::BootstrapOptions{200, 0, 0.95}, "gallery.csv");
        QCOMPARE(id.gallerySubjects, std::int64_t(3));
        QCOMPARE(id.matedProbes, std::int64_t(3));
        QCOMPARE(id.nonMatedProbes, std::int64_t(2));
        QCOMPARE(id.ranks, (std::vector<int>{1, 2, 3}));
        QCOMPARE(id.cmc, (std::vector<double>{2.0 / 3, 2.0 / 3, 1.0}));
        QCOMPARE(id.tpir, (std::vector<double>{2.0 / 3, 1.0 / 3}));
        QVERIFY(std::abs(id.tpirThresholds[0] - std::cos(M_PI / 4)) < 1e-6);
        QVERIFY(std::abs(id.tpirThresholds[1] - std::cos(15 * M_PI / 180)) < 1e-6);
        QCOMPARE(id.tpirResolvable, (std::vector<bool>{true, false}));
        QCOMPARE(id.intervalRanks, (std::vector<int>{1}));
        QCOMPARE(id.cmcIntervals.size(), std::size_t(1));
        QVERIFY(id.cmcIntervals[0].low <= 2.0 / 3 && 2.0 / 3 <= id.cmcIntervals[0].high);
        QVERIFY(id.intervalMethod.find("over probe subjects (5 subjects") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(
            fb::InputError,
            fb::identifyIjb(t, subjects({1}, {1}), subjects({9}, {1}), {0.1}, {}, "g"));
    }

    void readersNameFileAndLine() {
        QTemporaryDir dir;
        auto expectError = [&](const QByteArray& text, int reader, const QString& where) {
            const QString path = dir.filePath("meta.txt");
            writeText(path, text);
            try {
                const std::string p = path.toStdString();
                if (reader == 0)
                    fb::readIjbFaceList(p);
                else if (reader == 1)
                    fb::readIjbTemplatePairs(p);
                else
                    fb::readIjbTemplateSubjects(p);
                QFAIL("no error");
            } catch (const fb::InputError& e) {
                QVERIFY2(QString(e.what()).contains(where), e.what());
            }
        };
        expectError("1.jpg 1 1\n2.jpg 1\n", 0, "meta.txt:2");
        expectError("1.jpg 1 1\n2.jpg x 1\n", 0, "meta.txt:2");
        expectError("1 2 1\n1 3 2\n", 1, "meta.txt:2");
        expectError("TEMPLATE_ID,SUBJECT_ID\n1,2\n1,3\n", 2, "meta.txt:3");
        expectError("TEMPLATE,SUBJECT\n1,2\n", 2, "meta.txt:1");
        expectError("", 0, "no images");
    }

    void evalOnSynthIjb() {
        QTemporaryDir dir;
        const QString data = dir.filePath("synth");
        const ProcessResult synth =
            runCli({"data", "synth", "--out", data, "--identities", "2", "--images-per-identity",
                    "2", "--test-identities", "20", "--size", "32x32"});
        QVERIFY2(synth.exitCode == 0, synth.err.constData());
        const ProcessResult r =
            runCli({"eval", "--model", "small-resnet-64", "--protocol", "ijb", "--data", data,
                    "--out", dir.filePath("eval"), "--bootstrap", "100", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject ijb =
            QJsonDocument::fromJson(r.out).object()["results"].toObject()["ijb"].toObject();
        QCOMPARE(ijb["templates"].toInt(), 80);
        QCOMPARE(ijb["images"].toInt(), 800);
        const QJsonObject v = ijb["verification"].toObject();
        QCOMPARE(v["genuine"].toInt(), 20 * 6);
        QCOMPARE(v["impostor"].toInt(), 80 * 79 / 2 - 120);
        QCOMPARE(v["tar_at_far"].toArray().size(), 6);
        QVERIFY(v["intervals"].toObject()["method"].toString().contains("over subjects (20"));
        for (const char* g : {"G1", "G2"}) {
            const QJsonObject id = ijb["identification"].toObject()[g].toObject();
            QCOMPARE(id["gallery_subjects"].toInt(), 10);
            QCOMPARE(id["mated_probes"].toInt(), 30);
            QCOMPARE(id["non_mated_probes"].toInt(), 30);
            QCOMPARE(id["cmc"].toArray().size(), 10);
            QCOMPARE(id["cmc"].toArray()[9].toObject()["rate"].toDouble(), 1.0);
            QCOMPARE(id["tpir_at_fpir"].toArray().size(), 3);
            QCOMPARE(id["rank_k"].toArray()[0].toObject()["ci"].toArray().size(), 2);
        }
        // The scores file carries the template pairs' subjects: verify-scores --ci reproduces
        // the 1:1 intervals.
        const ProcessResult again =
            runCli({"verify-scores", dir.filePath("eval/ijb-scores.csv"), "--far",
                    "1e-6,1e-5,1e-4,1e-3,1e-2,1e-1", "--ci", "--bootstrap", "100", "--json"});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(QJsonDocument::fromJson(again.out).object()["auc_ci"].toArray(),
                 v["auc_ci"].toArray());
        // A missing meta file exits 2 naming it.
        QFile::remove(data + "/ijb/meta/ijbc_template_pair_label.txt");
        const ProcessResult bad = runCli({"eval", "--model", "small-resnet-64", "--protocol", "ijb",
                                          "--data", data, "--out", dir.filePath("eval2")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("ijbc_template_pair_label.txt"), bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestIjbProtocol)
#include "test_ijb_protocol.moc"
