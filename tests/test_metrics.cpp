// The metrics core: small examples worked by hand, exactly (ROC, EER, TAR@FAR, LFW folds),
// random score sets with heavy ties against sklearn's roc_curve(drop_intermediate=False) and
// auc, and the score CSV reader's bad inputs (file:line in the error).
#include "facebench/errors.h"
#include "facebench/score_file.h"
#include "facebench/verification_metrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

#include <algorithm>
#include <cmath>
#include <random>

using Doubles = std::vector<double>;
Q_DECLARE_METATYPE(Doubles)

namespace {

fb::ScoreSet fromLabels(const Doubles& scores, const std::vector<int>& labels) {
    fb::ScoreSet set;
    for (std::size_t i = 0; i < scores.size(); ++i)
        (labels[i] ? set.genuine : set.impostor).push_back(scores[i]);
    return set;
}

void compareVectors(const Doubles& actual, const Doubles& expected, double tolerance = 1e-15) {
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        if (std::abs(actual[i] - expected[i]) > tolerance)
            QFAIL(qPrintable(QString("index %1: %2 != %3")
                                 .arg(i)
                                 .arg(actual[i], 0, 'g', 17)
                                 .arg(expected[i], 0, 'g', 17)));
}

Doubles jsonDoubles(const QJsonValue& value) {
    Doubles out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(v.toDouble());
    return out;
}

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    // A ROC worked by hand: labels [1,1,0,1,0,0,1,0], scores [.9,.8,.8,.7,.6,.5,.5,.1].
    void rocWorkedExample() {
        const fb::RocCurve roc = fb::rocCurve(
            fb::sortScores(fromLabels({.9, .8, .8, .7, .6, .5, .5, .1}, {1, 1, 0, 1, 0, 0, 1, 0})));
        compareVectors(roc.fpr, {0, 0, .25, .25, .5, .75, 1});
        compareVectors(roc.tpr, {0, .25, .5, .75, .75, 1, 1});
        QVERIFY(std::isinf(roc.thresholds[0]) && roc.thresholds[0] > 0);
        compareVectors(Doubles(roc.thresholds.begin() + 1, roc.thresholds.end()),
                       {.9, .8, .7, .6, .5, .1});
        QCOMPARE(fb::areaUnderCurve(roc), 0.75);
        const fb::VerificationSummary s = fb::summarizeVerification(
            fromLabels({.9, .8, .8, .7, .6, .5, .5, .1}, {1, 1, 0, 1, 0, 0, 1, 0}), {});
        QCOMPARE(s.auc, 0.75);
    }

    void eer_data() {
        QTest::addColumn<Doubles>("genuine");
        QTest::addColumn<Doubles>("impostor");
        QTest::addColumn<double>("eer");
        QTest::newRow("worked example")
            << Doubles{.9, .8, .7, .4} << Doubles{.75, .5, .3, .2} << 0.25;
        QTest::newRow("separable") << Doubles{.9, .8} << Doubles{.1, .2} << 0.0;
        QTest::newRow("inverted") << Doubles{.1, .2} << Doubles{.9, .8} << 1.0;
        // All tied: the ROC is (0,0) -> (1,1); the crossing is its midpoint.
        QTest::newRow("all tied") << Doubles{.5, .5} << Doubles{.5, .5, .5} << 0.5;
        // (0,0) (0,.5) (.5,.5) (.5,1) (1,1): d = -1, -.5, 0 -> EER .5 at a vertex.
        QTest::newRow("alternating") << Doubles{.9, .7} << Doubles{.8, .6} << 0.5;
        // (0,0) (0,1/3) (.5,1/3) (.5,2/3) ...: the crossing lies on a vertical segment, at FAR .5.
        QTest::newRow("vertical crossing") << Doubles{.9, .5, .4} << Doubles{.8, .1} << 0.5;
        // (0,0) (0,.5) (.25,.5) (.5,.5) (.5,1) ...: the crossing is the end of a horizontal run.
        QTest::newRow("horizontal run") << Doubles{.9, .3} << Doubles{.5, .4, .2, .1} << 0.5;
        // (0,0) (0,1/3) (1/3,1/3) (1/3,2/3) ...: fpr + tpr - 1 reaches 0 at (1/3, 2/3).
        QTest::newRow("thirds") << Doubles{.9, .7, .5} << Doubles{.8, .6, .4} << 1.0 / 3.0;
    }
    void eer() {
        QFETCH(Doubles, genuine);
        QFETCH(Doubles, impostor);
        QFETCH(double, eer);
        const fb::RocCurve roc = fb::rocCurve(fb::sortScores(fb::ScoreSet{genuine, impostor}));
        QVERIFY(std::abs(fb::equalErrorRate(roc) - eer) < 1e-15);
        const fb::VerificationSummary s =
            fb::summarizeVerification(fb::ScoreSet{genuine, impostor}, {});
        QVERIFY(std::abs(s.eer - eer) < 1e-15);
    }

    void tarAtFar_data() {
        QTest::addColumn<double>("far");
        QTest::addColumn<double>("tar");
        QTest::addColumn<double>("achievedFar");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("resolvable");
        // Worked by hand: impostor [.1,.2,.3,.3,.4,.5,.6,.7,.8,.8], genuine
        // [.75,.8,.85,.9,.3].
        QTest::newRow("FAR 0.1") << 0.1 << 0.4 << 0.0 << 0.8 << true;
        QTest::newRow("FAR 0.2") << 0.2 << 0.8 << 0.2 << 0.7 << true;
        QTest::newRow("FAR 0.3") << 0.3 << 0.8 << 0.3 << 0.6 << true;
        QTest::newRow("FAR 0.05 unresolvable") << 0.05 << 0.4 << 0.0 << 0.8 << false;
        // k = 7: tau = .3 (the 8th largest, duplicates counted); the tie at .3 is rejected.
        QTest::newRow("FAR 0.7") << 0.7 << 0.8 << 0.6 << 0.3 << true;
        QTest::newRow("FAR 1") << 1.0 << 1.0 << 1.0 << -std::numeric_limits<double>::infinity()
                               << true;
    }
    void tarAtFar() {
        QFETCH(double, far);
        QFETCH(double, tar);
        QFETCH(double, achievedFar);
        QFETCH(double, threshold);
        QFETCH(bool, resolvable);
        const fb::SortedScores s = fb::sortScores(
            fb::ScoreSet{{.75, .8, .85, .9, .3}, {.1, .2, .3, .3, .4, .5, .6, .7, .8, .8}});
        const fb::TarAtFar r = fb::tarAtFar(s, far);
        QCOMPARE(r.tar, tar);
        QCOMPARE(r.achievedFar, achievedFar);
        QCOMPARE(r.threshold, threshold);
        QCOMPARE(r.resolvable, resolvable);
    }

    // An LFW protocol worked by hand: 2 folds, squared distances, "same" iff d < t on numpy's
    // arange(0, 4, 0.01): thresholds 0.70 (0.7000000000000001) and 1.11, accuracies .75, .75.
    void lfwWorkedExample() {
        fb::LfwFoldsRequest r;
        r.scores = {.5, 1.1, 1.3, 2.0, .7, 1.4, 1.2, 1.9};
        r.same = {true, true, false, false, true, true, false, false};
        r.fold = {0, 0, 0, 0, 1, 1, 1, 1};
        r.folds = 2;
        r.rule = fb::ThresholdRule::DistanceBelowGrid;
        const fb::LfwFoldsResult result = fb::lfwTenFold(r);
        QCOMPARE(result.thresholds.size(), std::size_t{2});
        QCOMPARE(result.thresholds[0], 70 * 0.01);
        QCOMPARE(result.thresholds[1], 111 * 0.01);
        QVERIFY(std::abs(result.thresholds[0] - 0.70) < 1e-12 &&
                std::abs(result.thresholds[1] - 1.11) < 1e-12);
        compareVectors(result.accuracies, {0.75, 0.75});
        QCOMPARE(result.mean, 0.75);
        QCOMPARE(result.std, 0.0);
        QCOMPARE(result.standardError, 0.0);
    }

    // The same example as similarities (s = -d), "same" iff s >= t, the candidates being the
    // distinct training scores: fold 1 trains on fold 2, where -0.7 and -1.4 both reach 3/4 and
    // the lowest wins (-1.4); fold 2 trains on fold 1, where -1.1 reaches 4/4.
    void lfwSimilarityForm() {
        fb::LfwFoldsRequest r;
        r.scores = {-.5, -1.1, -1.3, -2.0, -.7, -1.4, -1.2, -1.9};
        r.same = {true, true, false, false, true, true, false, false};
        r.fold = {0, 0, 0, 0, 1, 1, 1, 1};
        r.folds = 2;
        const fb::LfwFoldsResult result = fb::lfwTenFold(r);
        QCOMPARE(result.thresholds[0], -1.4);
        QCOMPARE(result.thresholds[1], -1.1);
        // Fold 1 at s >= -1.4: -.5 T ok, -1.1 T ok, -1.3 F wrong, -2.0 F ok -> 3/4.
        // Fold 2 at s >= -1.1: -.7 ok, -1.4 wrong, -1.2 ok, -1.9 ok -> 3/4.
        compareVectors(result.accuracies, {0.75, 0.75});
        // Unequal folds: standard error = sample std / sqrt(k).
        r.same = {true, true, false, false, true, false, false, false};
        const fb::LfwFoldsResult uneven = fb::lfwTenFold(r);
        const double m = uneven.mean;
        double ss = 0;
        for (double a : uneven.accuracies)
            ss += (a - m) * (a - m);
        QCOMPARE(uneven.standardError, std::sqrt(ss / 1.0) / std::sqrt(2.0));
    }

    // Random score sets with heavy ties against sklearn 1.x: every ROC point, AUC, and TAR on
    // the envelope (max tpr over points with #fp <= floor(f |N| + 1e-9)) to 1e-12.
    void againstSklearn() {
        QTemporaryDir dir;
        std::mt19937_64 rng(20261128);
        struct Case {
            int genuine, impostor, levels;
        };
        const std::vector<Case> cases{
            {50, 80, 5}, {300, 2000, 20}, {1000, 30000, 1000}, {7, 3, 2}, {2000, 20000, 100000}};
        const std::vector<double> fars{1e-1, 1e-2, 1e-3, 1e-4};
        QStringList files;
        std::vector<fb::SortedScores> sets;
        for (std::size_t c = 0; c < cases.size(); ++c) {
            std::normal_distribution<double> noise(0, 1);
            fb::ScoreSet set;
            QByteArray csv = "label,score\n";
            auto add = [&](bool genuine) {
                // Scores rounded onto `levels` steps: heavy ties within and across the sets.
                const double raw = std::tanh(noise(rng) * 0.5 + (genuine ? 0.6 : 0.0));
                const double v = std::round((raw + 1) / 2 * cases[c].levels) / cases[c].levels;
                (genuine ? set.genuine : set.impostor).push_back(v);
                csv += (genuine ? "1," : "0,") + QByteArray::number(v, 'g', 17) + "\n";
            };
            for (int i = 0; i < cases[c].genuine; ++i)
                add(true);
            for (int i = 0; i < cases[c].impostor; ++i)
                add(false);
            const QString path = dir.filePath(QString("case%1.csv").arg(c));
            writeText(path, csv);
            files << path;
            sets.push_back(fb::sortScores(set));
        }
        const QString code = QString(R"(
import json, math, sys
import numpy as np
from sklearn.metrics import roc_curve, auc
out = []
for path in %1:
    d = np.loadtxt(path, delimiter=',', skiprows=1)
    y, s = d[:, 0].astype(int), d[:, 1]
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    n = int((y == 0).sum())
    fp = np.round(fpr * n)
    tars = []
    for f in %2:
        k = math.floor(f * n + 1e-9)
        tars.append(float(tpr[fp <= k].max()))
    out.append({'fpr': fpr.tolist(), 'tpr': tpr.tolist(), 'thr': thr[1:].tolist(), 'auc': float(auc(fpr, tpr)), 'tar': tars})
print(json.dumps(out))
)")
                                 .arg("['" + files.join("','") + "']")
                                 .arg("[0.1, 0.01, 0.001, 0.0001]");
        const ProcessResult py = runPython(code);
        QVERIFY2(py.exitCode == 0, py.err.constData());
        const QJsonArray expected = QJsonDocument::fromJson(py.out).array();
        QCOMPARE(expected.size(), static_cast<int>(cases.size()));
        for (std::size_t c = 0; c < cases.size(); ++c) {
            const QJsonObject e = expected[static_cast<int>(c)].toObject();
            const fb::RocCurve roc = fb::rocCurve(sets[c]);
            compareVectors(roc.fpr, jsonDoubles(e["fpr"]), 1e-12);
            compareVectors(roc.tpr, jsonDoubles(e["tpr"]), 1e-12);
            compareVectors(Doubles(roc.thresholds.begin() + 1, roc.thresholds.end()),
                           jsonDoubles(e["thr"]), 0);
            QVERIFY(std::abs(fb::areaUnderCurve(roc) - e["auc"].toDouble()) < 1e-12);
            const fb::VerificationSummary s =
                fb::summarizeVerification(fb::ScoreSet{sets[c].genuine, sets[c].impostor}, fars);
            QVERIFY(std::abs(s.auc - e["auc"].toDouble()) < 1e-12);
            const Doubles tars = jsonDoubles(e["tar"]);
            for (std::size_t f = 0; f < fars.size(); ++f) {
                QVERIFY2(std::abs(s.tarAtFar[f].tar - tars[f]) < 1e-12,
                         qPrintable(QString("case %1 FAR %2: %3 vs sklearn envelope %4")
                                        .arg(c)
                                        .arg(fars[f])
                                        .arg(s.tarAtFar[f].tar)
                                        .arg(tars[f])));
                QVERIFY(s.tarAtFar[f].achievedFar <= fars[f] + 1e-12);
            }
            // The CSV reader gives the same sets back.
            const fb::SortedScores read =
                fb::sortScores(fb::readScoreCsv(files[static_cast<int>(c)].toStdString()));
            QVERIFY(read.genuine == sets[c].genuine && read.impostor == sets[c].impostor);
        }
    }

    void badScoreFiles_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("where"); // expected "file:line" suffix or key
        QTest::addColumn<QString>("problem");
        QTest::newRow("no score column") << QByteArray("label,value\n1,0.5\n") << ":1"
                                         << "'score'";
        QTest::newRow("no label column") << QByteArray("score\n0.5\n") << ":1"
                                         << "'label'";
        QTest::newRow("NaN score") << QByteArray("score,label\n0.5,1\nnan,0\n") << ":3"
                                   << "not finite";
        QTest::newRow("label 2") << QByteArray("score,label\n0.5,1\n0.4,2\n") << ":3"
                                 << "not 0";
        QTest::newRow("label text") << QByteArray("score,label\n0.5,yes\n") << ":2"
                                    << "not 0";
        QTest::newRow("unparsable") << QByteArray("score,label\n0.5,1\n0.4x,0\n") << ":3"
                                    << "cannot parse";
        QTest::newRow("short line") << QByteArray("a,score,label\n1,0.5,1\n2,0.4\n") << ":3"
                                    << "too few columns";
        QTest::newRow("no impostors") << QByteArray("score,label\n0.5,1\n") << ""
                                      << "no impostor";
        QTest::newRow("no genuine") << QByteArray("score,label\n0.5,0\n") << ""
                                    << "no genuine";
        QTest::newRow("empty file") << QByteArray("") << ":1"
                                    << "'score'";
    }
    void badScoreFiles() {
        QFETCH(QByteArray, content);
        QFETCH(QString, where);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = dir.filePath("s.csv");
        writeText(path, content);
        try {
            fb::readScoreCsv(path.toStdString());
            QFAIL("no error");
        } catch (const fb::InputError& error) {
            const QString message = error.what();
            QVERIFY2(message.startsWith(path + where + ":") ||
                         (where.isEmpty() && message.startsWith(path + ":")),
                     qPrintable(message));
            QVERIFY2(message.contains(problem), qPrintable(message));
        }
    }

    // Big inputs take the fast paths: two-thread parsing (files over 8 MiB, the error line still
    // exact in the second half), radix sort and the two-thread sort with merge (over 2^20
    // scores), all equal to std::sort and from_chars.
    void bigInputs() {
        std::mt19937_64 rng(11);
        std::uniform_real_distribution<double> u(-1, 1);
        fb::ScoreSet set;
        QByteArray csv = "score,label\n";
        const int lines = 1200000;
        csv.reserve(lines * 12);
        for (int i = 0; i < lines; ++i) {
            const bool genuine = i % 7 == 0;
            // Mixed forms: plain decimals, negative zero, exponents and long digit strings.
            const double v = i % 1000 == 1  ? -0.0
                             : i % 997 == 0 ? u(rng) * 1e-7
                                            : std::round(u(rng) * 1e5) / 1e5;
            const QByteArray text =
                i % 991 == 0 ? QByteArray::number(v, 'g', 17) : QByteArray::number(v, 'f', 5);
            (genuine ? set.genuine : set.impostor).push_back(text.toDouble());
            csv += text + (genuine ? ",1\n" : ",0\n");
        }
        QVERIFY(csv.size() > (8 << 20));
        QTemporaryDir dir;
        const QString path = dir.filePath("big.csv");
        writeText(path, csv);
        const fb::ScoreSet read = fb::readScoreCsv(path.toStdString());
        QVERIFY(read.genuine == set.genuine);
        QVERIFY(read.impostor == set.impostor);
        fb::SortedScores sorted = fb::sortScores(set);
        std::sort(set.genuine.begin(), set.genuine.end(), std::greater<double>());
        std::sort(set.impostor.begin(), set.impostor.end(), std::greater<double>());
        QVERIFY(sorted.genuine == set.genuine); // == treats -0.0 and 0.0 as equal, as the sweeps do
        QVERIFY(sorted.impostor == set.impostor);

        // A bad line in the second half: its own line number.
        const int badLine = lines - 5; // file line numbers count the header as line 1
        QList<QByteArray> rows = csv.split('\n');
        rows[badLine - 1] = "0.5,7";
        writeText(path, rows.join('\n'));
        try {
            fb::readScoreCsv(path.toStdString());
            QFAIL("no error");
        } catch (const fb::InputError& e) {
            QCOMPARE(e.where().line, badLine);
            QCOMPARE(QString::fromStdString(e.key()), QString("label"));
        }
    }

    // The two-thread path (files over 8 MiB), forced onto small files by a zero threshold, gives
    // the single-thread path's scores, and its error with the same line: an error late in the
    // file sits in the second half, and of two errors the first line's wins.
    void threadedScoreParsing_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("badLine"); // 0: the file is good
        QByteArray rows = "id,score,label\r\n";
        for (int i = 0; i < 400; ++i)
            rows += QByteArray::number(i) + "," + QByteArray::number(i * 0.0123 - 2, 'g', 17) +
                    (i % 3 == 0 ? ",1" : ",0") + (i % 50 == 7 ? "\r\n\n" : "\r\n");
        const int lastLine = static_cast<int>(rows.count('\n')); // the header is line 1
        auto withLine = [](const QByteArray& file, int line, const QByteArray& text) {
            QList<QByteArray> lines = file.split('\n');
            lines[line - 1] = text;
            return lines.join('\n');
        };
        QTest::newRow("good") << rows << 0;
        QTest::newRow("bad label late")
            << withLine(rows, lastLine - 2, "1,0.5,7\r") << lastLine - 2;
        QTest::newRow("bad score on the last line")
            << withLine(rows, lastLine, "1,0.5x,1") << lastLine;
        QTest::newRow("short line late") << withLine(rows, lastLine - 40, "1,0.5") << lastLine - 40;
        QTest::newRow("errors in both halves")
            << withLine(withLine(rows, 5, "1,nan,0"), lastLine - 3, "1,0.5,x") << 5;
    }
    void threadedScoreParsing() {
        QFETCH(QByteArray, content);
        QFETCH(int, badLine);
        QTemporaryDir dir;
        const QString path = dir.filePath("s.csv");
        writeText(path, content);
        auto read = [&path](std::size_t threadedAboveBytes, std::string& error, int& line) {
            try {
                return fb::readScoreCsv(path.toStdString(), threadedAboveBytes);
            } catch (const fb::InputError& e) {
                error = e.what();
                line = e.where().line;
                return fb::ScoreSet{};
            }
        };
        std::string singleError, threadedError;
        int singleLine = 0, threadedLine = 0;
        const fb::ScoreSet single = read(fb::kScoreCsvThreadedBytes, singleError, singleLine);
        const fb::ScoreSet threaded = read(0, threadedError, threadedLine);
        QCOMPARE(singleLine, badLine);
        QCOMPARE(threadedLine, badLine);
        QCOMPARE(QString::fromStdString(threadedError), QString::fromStdString(singleError));
        QVERIFY(threaded.genuine == single.genuine);
        QVERIFY(threaded.impostor == single.impostor);
        if (badLine == 0)
            QCOMPARE(single.genuine.size() + single.impostor.size(), std::size_t(400));
    }

    // Extra columns, quoted paths with commas, CRLF and blank lines read fine; the writer's
    // output reads back bit for bit.
    void scoreCsvRoundTrip() {
        QTemporaryDir dir;
        const std::vector<fb::ScoredPair> pairs{{0.1 + 0.2, true, "a,b.jpg", "c\"d.jpg"},
                                                {-1e-300, false, "x", "y"}};
        const QString path = dir.filePath("rt.csv");
        writeText(path, QByteArray::fromStdString(fb::formatScoreCsv(pairs)));
        const fb::ScoreSet set = fb::readScoreCsv(path.toStdString());
        QCOMPARE(set.genuine, Doubles{0.1 + 0.2});
        QCOMPARE(set.impostor, Doubles{-1e-300});
        writeText(path,
                  "id,\"name, quoted\",label,score\r\n1,\"x,y\",1,0.5\r\n\r\n2,z,0, 0.25\r\n");
        const fb::ScoreSet crlf = fb::readScoreCsv(path.toStdString());
        QCOMPARE(crlf.genuine, Doubles{0.5});
        QCOMPARE(crlf.impostor, Doubles{0.25});
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
