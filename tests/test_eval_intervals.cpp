// Intervals on every reported number (facebench/verification_intervals.h): Student's t
// quantiles against scipy's values, the fold interval and numpy's percentile by hand, a
// bootstrap replicate computed by hand (3 subjects), every one of the 27 resamples of 3 subjects
// against the plain metrics core on the explicitly concatenated scores, determinism for a fixed
// seed, the subject bootstrap wider than the pair bootstrap on clustered data, the intervals in
// a protocol's JSON, and `verify-scores --ci` through the CLI (subject column; bad input exits 2
// naming file:line).
#include "facebench/errors.h"
#include "facebench/eval_protocols.h"
#include "facebench/verification_intervals.h"
#include "facebench/verification_metrics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

#include <cmath>
#include <random>

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// The hand case: subject 0 genuine 0.9 impostor 0.3, subject 1 genuine 0.8 impostor 0.6,
// subject 2 genuine 0.4 impostor 0.5.
fb::SubjectScores handCase() {
    return {{0.9, 0.3, 0.8, 0.6, 0.4, 0.5},
            {true, false, true, false, true, false},
            {0, 0, 1, 1, 2, 2}};
}

// The resample as an explicit score set: every pair of subject s, weights[s] times.
fb::ScoreSet concatenated(const fb::SubjectScores& pairs, const std::vector<std::int32_t>& w) {
    fb::ScoreSet set;
    for (std::size_t i = 0; i < pairs.scores.size(); ++i)
        for (int k = 0; k < w[static_cast<std::size_t>(pairs.subject[i])]; ++k)
            (pairs.same[i] ? set.genuine : set.impostor).push_back(pairs.scores[i]);
    return set;
}

} // namespace

class TestEvalIntervals : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // scipy.stats.t.ppf(0.975, df) and norm.ppf(0.975).
    void studentTQuantiles() {
        QVERIFY(std::abs(fb::studentTQuantile(0.975, 9) - 2.2621571627409915) < 1e-9);
        QVERIFY(std::abs(fb::studentTQuantile(0.975, 1) - 12.706204736174707) < 1e-8);
        QVERIFY(std::abs(fb::studentTQuantile(0.975, 2) - 4.302652729749464) < 1e-9);
        QVERIFY(std::abs(fb::studentTQuantile(0.975, 30) - 2.0422724563012373) < 1e-9);
        QVERIFY(std::abs(fb::studentTQuantile(0.95, 9) - 1.8331129326536335) < 1e-9);
        QVERIFY(std::abs(fb::studentTQuantile(0.025, 9) + 2.2621571627409915) < 1e-9);
        QVERIFY(std::abs(fb::studentTQuantile(0.975, 1e7) - 1.959963984540054) < 1e-6);
        QVERIFY_THROWS_EXCEPTION(fb::InputError, fb::studentTQuantile(1.0, 9));
    }

    // Folds {1, 2, 3}: mean 2, sample standard deviation 1, standard error 1/sqrt(3).
    void foldIntervalByHand() {
        const fb::ConfidenceInterval ci = fb::foldInterval({1.0, 2.0, 3.0});
        const double half = 4.302652729749464 / std::sqrt(3.0);
        QVERIFY(std::abs(ci.low - (2.0 - half)) < 1e-9);
        QVERIFY(std::abs(ci.high - (2.0 + half)) < 1e-9);
        QVERIFY(fb::foldIntervalMethod(10).find(
                    "Student t with 9 degrees of freedom (t = 2.2622)") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(fb::InputError, fb::foldInterval({0.9}));
    }

    // numpy.percentile([1, 2, 3, 4], [25, 97.5]) = 1.75, 3.925; order does not matter.
    void percentileAsNumpy() {
        QCOMPARE(fb::percentile({4, 1, 3, 2}, 0.25), 1.75);
        QVERIFY(std::abs(fb::percentile({4, 1, 3, 2}, 0.975) - 3.925) < 1e-15);
        QCOMPARE(fb::percentile({4, 1, 3, 2}, 1.0), 4.0);
        QCOMPARE(fb::percentile({7}, 0.025), 7.0);
        QVERIFY(std::isnan(fb::percentile({}, 0.5)));
    }

    // Weights {2, 0, 1}: genuine {.9, .9, .4}, impostor {.3, .3, .5}. ROC points (fp, tp):
    // (0,0) (0,2) [.9] (1,2) [.5] (1,3) [.4] (3,3) [.3]. AUC = 8 of 9 concordant pairs; EER: the
    // crossing is at (1,2) exactly, 1/3; TAR@0.1 (k = 0) = 2/3; TAR@0.34 (k = 1) = 1.
    void replicateByHand() {
        const fb::SubjectBootstrap bootstrap(handCase(), {0.1, 0.34});
        QCOMPARE(bootstrap.subjects(), 3);
        const fb::VerificationStatistics s = bootstrap.replicate({2, 0, 1});
        QVERIFY(s.defined);
        QCOMPARE(s.tar.size(), std::size_t(2));
        QCOMPARE(s.tar[0], 2.0 / 3.0);
        QCOMPARE(s.tar[1], 1.0);
        QCOMPARE(s.auc, 8.0 / 9.0);
        QCOMPARE(s.eer, 1.0 / 3.0);
        // Subject 2 alone has a genuine and an impostor pair; subject 0 drawn with nothing else
        // still has both; weights of zero everywhere leave no ROC.
        QVERIFY(!bootstrap.replicate({0, 0, 0}).defined);
        QVERIFY_THROWS_EXCEPTION(fb::InputError, bootstrap.replicate({1, 1}));
    }

    // All 27 resamples of 3 subjects (the exact bootstrap distribution): the weighted sweep
    // equals the metrics core on the concatenated scores, bit for bit.
    void everyResampleOfThreeSubjects() {
        const fb::SubjectScores pairs{{0.9, 0.3, 0.8, 0.6, 0.4, 0.5, 0.3, 0.8},
                                      {true, false, true, false, true, false, true, false},
                                      {0, 0, 1, 1, 2, 2, 2, 0}};
        const std::vector<double> fars{0.1, 0.25, 0.5};
        const fb::SubjectBootstrap bootstrap(pairs, fars);
        int defined = 0;
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 3; ++b)
                for (int c = 0; c < 3; ++c) {
                    std::vector<std::int32_t> w(3, 0);
                    ++w[std::size_t(a)], ++w[std::size_t(b)], ++w[std::size_t(c)];
                    const fb::VerificationStatistics s = bootstrap.replicate(w);
                    QVERIFY(s.defined); // every subject has both kinds here
                    ++defined;
                    const fb::VerificationSummary ref =
                        fb::summarizeVerification(concatenated(pairs, w), fars);
                    for (std::size_t f = 0; f < fars.size(); ++f)
                        QCOMPARE(s.tar[f], ref.tarAtFar[f].tar);
                    QCOMPARE(s.eer, ref.eer);
                    QCOMPARE(s.auc, ref.auc);
                }
        QCOMPARE(defined, 27);
    }

    // Random sets with heavy ties and random weights: the same equality.
    void weightedSweepEqualsMetricsCore() {
        std::mt19937_64 rng(7);
        for (int trial = 0; trial < 20; ++trial) {
            fb::SubjectScores pairs;
            const int subjects = 2 + int(rng() % 30);
            const int n = 10 + int(rng() % 500);
            for (int i = 0; i < n; ++i) {
                pairs.scores.push_back(double(rng() % 40) / 40.0); // ties across and within
                pairs.same.push_back(rng() % 3 == 0);
                pairs.subject.push_back(std::int32_t(rng() % std::uint64_t(subjects)));
            }
            const std::vector<double> fars{1e-3, 0.01, 0.1, 0.5, 1.0};
            const fb::SubjectBootstrap bootstrap(pairs, fars);
            std::vector<std::int32_t> ones(std::size_t(bootstrap.subjects()), 1);
            for (int r = -1; r < 5; ++r) {
                const std::vector<std::int32_t> w = r < 0 ? ones : bootstrap.draw(99, r);
                const fb::ScoreSet set = concatenated(pairs, w);
                const fb::VerificationStatistics s = bootstrap.replicate(w);
                QCOMPARE(s.defined, !set.genuine.empty() && !set.impostor.empty());
                if (!s.defined)
                    continue;
                const fb::VerificationSummary ref = fb::summarizeVerification(set, fars);
                for (std::size_t f = 0; f < fars.size(); ++f)
                    QCOMPARE(s.tar[f], ref.tarAtFar[f].tar);
                QCOMPARE(s.eer, ref.eer);
                QCOMPARE(s.auc, ref.auc);
            }
        }
    }

    // A draw takes as many subjects as there are; the same (seed, replicate) gives the same
    // draw; the intervals are bit for bit the same for the same seed and differ for another;
    // the interval is the percentiles of the replicates.
    void deterministicForASeed() {
        std::mt19937_64 rng(3);
        fb::SubjectScores pairs;
        for (int i = 0; i < 6000; ++i) { // above the two-thread threshold
            const int subject = i % 97;
            pairs.subject.push_back(subject);
            pairs.same.push_back(i % 4 == 0);
            pairs.scores.push_back((pairs.same.back() ? 0.5 : 0.0) + 0.01 * (subject % 7) +
                                   double(rng() % 1000) / 2000.0);
        }
        const std::vector<double> fars{0.01, 0.1};
        const fb::SubjectBootstrap bootstrap(pairs, fars);
        const std::vector<std::int32_t> d = bootstrap.draw(5, 3);
        int total = 0;
        for (std::int32_t w : d)
            total += w;
        QCOMPARE(total, 97);
        QCOMPARE(bootstrap.draw(5, 3), d);
        QVERIFY(bootstrap.draw(5, 4) != d);
        QVERIFY(bootstrap.draw(6, 3) != d);

        fb::BootstrapOptions options;
        options.replicates = 200;
        options.seed = 11;
        const fb::VerificationIntervals a = fb::bootstrapVerification(pairs, fars, options);
        const fb::VerificationIntervals b = fb::bootstrapVerification(pairs, fars, options);
        QCOMPARE(a.eer.low, b.eer.low);
        QCOMPARE(a.eer.high, b.eer.high);
        QCOMPARE(a.auc.low, b.auc.low);
        QCOMPARE(a.tar[1].high, b.tar[1].high);
        QCOMPARE(a.subjects, 97);
        QCOMPARE(a.degenerateReplicates, 0);
        QVERIFY(a.method.find("percentile bootstrap over subjects") != std::string::npos);
        QVERIFY(a.method.find("200 replicates, seed 11") != std::string::npos);
        std::vector<double> eers;
        for (int r = 0; r < 200; ++r)
            eers.push_back(bootstrap.replicate(bootstrap.draw(11, r)).eer);
        QCOMPARE(a.eer.low, fb::percentile(eers, 0.025));
        QCOMPARE(a.eer.high, fb::percentile(eers, 0.975));
        const fb::VerificationSummary point =
            fb::summarizeVerification(concatenated(pairs, std::vector<std::int32_t>(97, 1)), fars);
        QVERIFY(a.eer.low <= point.eer && point.eer <= a.eer.high);
        QVERIFY(a.auc.low <= point.auc && point.auc <= a.auc.high);
        options.seed = 12;
        const fb::VerificationIntervals c = fb::bootstrapVerification(pairs, fars, options);
        QVERIFY(c.eer.low != a.eer.low || c.eer.high != a.eer.high);
    }

    // The genuine pairs of one subject share an offset (a hard subject's pairs are all hard):
    // resampling pairs as if independent understates the spread that resampling subjects shows.
    void subjectsWiderThanPairsOnClusteredData() {
        std::mt19937_64 rng(1);
        std::normal_distribution<double> noise(0.0, 1.0);
        fb::SubjectScores bySubject;
        for (int s = 0; s < 40; ++s) {
            const double offset = noise(rng);
            for (int k = 0; k < 50; ++k) {
                bySubject.subject.push_back(s);
                bySubject.same.push_back(k % 2 == 0);
                bySubject.scores.push_back(k % 2 == 0 ? 1.0 + offset + 0.3 * noise(rng)
                                                      : 0.3 * noise(rng));
            }
        }
        fb::SubjectScores byPair = bySubject;
        for (std::size_t i = 0; i < byPair.subject.size(); ++i)
            byPair.subject[i] = std::int32_t(i);
        fb::BootstrapOptions options;
        options.replicates = 300;
        const auto subjects = fb::bootstrapVerification(bySubject, {0.1}, options);
        const auto pairs = fb::bootstrapVerification(byPair, {0.1}, options, "pairs");
        QVERIFY(pairs.method.find("pairs treated as independent") != std::string::npos);
        QVERIFY2(subjects.auc.high - subjects.auc.low > 2.0 * (pairs.auc.high - pairs.auc.low),
                 qPrintable(QString("subject width %1, pair width %2")
                                .arg(subjects.auc.high - subjects.auc.low)
                                .arg(pairs.auc.high - pairs.auc.low)));
    }

    // A pairs protocol result carries a "ci" on every TAR row, eer_ci, auc_ci and the method;
    // the scores file gets the subject column; replicates = 0 leaves them out.
    void intervalsInProtocolJson() {
        QTemporaryDir dir;
        QString list;
        for (int s = 0; s < 12; ++s)
            for (int k = 0; k < 4; ++k) {
                const QString a = QString("id%1/%2.jpg").arg(s).arg(k);
                const QString same = QString("id%1/%2.jpg").arg(s).arg(k + 1);
                const QString other = QString("id%1/%2.jpg").arg((s + 1) % 12).arg(k);
                writeText(dir.filePath("test/" + a), "x");
                writeText(dir.filePath("test/" + same), "x");
                list += a + "\t" + same + "\t1\n" + a + "\t" + other + "\t0\n";
            }
        writeText(dir.filePath("pairs.txt"), list.toUtf8());
        fb::ProtocolRequest request;
        request.dataDir = dir.path().toStdString();
        request.outDir = dir.filePath("eval").toStdString();
        request.pairsFile = dir.filePath("pairs.txt").toStdString();
        request.bootstrap.replicates = 100;
        request.features = [](const std::vector<std::string>& paths) {
            fb::FeatureMatrix m;
            m.dim = 2;
            for (const std::string& p : paths) { // a feature from the file name: deterministic
                const double angle = double(std::hash<std::string>{}(p) % 1000) / 400.0;
                m.values.push_back(float(std::cos(angle)));
                m.values.push_back(float(std::sin(angle)));
            }
            return m;
        };
        const fb::ProtocolResult result = fb::runProtocol("pairs", request);
        const QJsonObject doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(result.json)).object();
        for (const QJsonValue& row : doc["tar_at_far"].toArray()) {
            const QJsonArray ci = row.toObject()["ci"].toArray();
            QCOMPARE(ci.size(), 2);
            QVERIFY(ci[0].toDouble() <= ci[1].toDouble());
        }
        const QJsonArray auc = doc["auc_ci"].toArray();
        QVERIFY(auc[0].toDouble() <= doc["auc"].toDouble() + 1e-12 &&
                doc["auc"].toDouble() <= auc[1].toDouble() + 1e-12);
        QCOMPARE(doc["eer_ci"].toArray().size(), 2);
        const QJsonObject intervals = doc["intervals"].toObject();
        QCOMPARE(intervals["units"].toInt(), 12);
        QCOMPARE(intervals["replicates"].toInt(), 100);
        QVERIFY(intervals["method"].toString().contains("over subjects"));
        QFile scores(dir.filePath("eval/pairs-scores.csv"));
        QVERIFY(scores.open(QIODevice::ReadOnly));
        QCOMPARE(scores.readLine(), QByteArray("score,label,a,b,subject\n"));
        QVERIFY(scores.readLine().endsWith(",id0\n"));

        // verify-scores --ci on the protocol's own scores file gives the same intervals.
        const ProcessResult r = runCli({"verify-scores", dir.filePath("eval/pairs-scores.csv"),
                                        "--ci", "--bootstrap", "100", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject cli = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(cli["auc_ci"].toArray(), auc);
        QCOMPARE(cli["eer_ci"].toArray(), doc["eer_ci"].toArray());
        QCOMPARE(cli["intervals"].toObject()["method"].toString(), intervals["method"].toString());

        request.bootstrap.replicates = 0;
        const QJsonObject plain =
            QJsonDocument::fromJson(
                QByteArray::fromStdString(fb::runProtocol("pairs", request).json))
                .object();
        QVERIFY(!plain.contains("intervals") && !plain.contains("auc_ci"));
    }

    // verify-scores --ci: without a subject column the bootstrap runs over pairs and says so;
    // human output shows the intervals; an empty subject exits 2 naming file:line.
    void verifyScoresCi() {
        QTemporaryDir dir;
        QByteArray csv = "score,label\n";
        for (int i = 0; i < 40; ++i)
            csv += QByteArray::number(0.01 * i) + "," + (i % 3 == 0 ? "1" : "0") + "\n";
        writeText(dir.filePath("plain.csv"), csv);
        ProcessResult r = runCli({"verify-scores", dir.filePath("plain.csv"), "--ci", "--seed", "4",
                                  "--bootstrap", "50", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o["intervals"].toObject()["method"].toString().contains("over pairs"));
        QCOMPARE(o["intervals"].toObject()["seed"].toInt(), 4);
        QCOMPARE(o["intervals"].toObject()["units"].toInt(), 40);
        QCOMPARE(o["tar_at_far"].toArray()[0].toObject()["ci"].toArray().size(), 2);
        r = runCli({"verify-scores", dir.filePath("plain.csv"), "--ci", "--bootstrap", "50"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("95% interval"));
        QVERIFY(r.out.contains("percentile bootstrap over pairs"));

        writeText(dir.filePath("bad.csv"), "score,label,subject\n0.5,1,a\n0.2,0,\n");
        r = runCli({"verify-scores", dir.filePath("bad.csv"), "--ci"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("bad.csv:3"), r.err.constData());
        QVERIFY(r.err.contains("subject"));
    }
};

QTEST_GUILESS_MAIN(TestEvalIntervals)
#include "test_eval_intervals.moc"
