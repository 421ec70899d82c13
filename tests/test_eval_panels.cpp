// The issue-12 pages from stored results: Evaluation (TAR@FAR table with the "not resolvable"
// flag, ROC, histograms, LFW folds, pose/age heatmaps), Failure pairs, Benchmark, Comparison,
// and `facebench-cli report RUN --figures`. The fixture is a real run directory of the
// synthetic data: `facebench-cli data synth` (small) and core's own protocols (runProtocol)
// writing RUN/eval/*.json and *-scores.csv from deterministic identity features, plus a
// metrics.jsonl and a bench.json in the core's layout (benchJson). Expectations are read back
// from those files independently (QJsonDocument), never from the code under test.
#include "facebench/bench_job.h"
#include "facebench/eval_protocols.h"
#include "facebench/ui/bench_panel.h"
#include "facebench/ui/comparison_panel.h"
#include "facebench/ui/eval_charts.h"
#include "facebench/ui/evaluation_panel.h"
#include "facebench/ui/failures_panel.h"

#include "process_runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <cmath>
#include <random>

using namespace fb::ui;

namespace {

constexpr int kDim = 16;

// An identity's feature: a fixed random direction per identity folder plus per-image noise; a
// look-alike (DFW "nXXXX-lookalike") sits near its original, which makes false accepts.
std::vector<float> featureOf(const std::string& path) {
    const QFileInfo info(QString::fromStdString(path));
    QString identity = info.dir().dirName();
    const bool lookalike = identity.endsWith(QStringLiteral("-lookalike"));
    identity.remove(QStringLiteral("-lookalike"));
    std::mt19937 base(qHash(identity));
    std::mt19937 noise(qHash(info.fileName() + info.dir().dirName()));
    std::normal_distribution<float> n(0.f, 1.f);
    std::vector<float> f(kDim);
    for (float& v : f)
        v = n(base);
    for (float& v : f)
        v += (lookalike ? 0.9f : 0.75f) * n(noise);
    return f;
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestEvalPanels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_run, m_run2;

private slots:
    void initTestCase() {
        const QString data = m_tmp.filePath(QStringLiteral("synth"));
        const ProcessResult synth =
            runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"), data,
                    QStringLiteral("--identities"), QStringLiteral("2"),
                    QStringLiteral("--images-per-identity"), QStringLiteral("2"),
                    QStringLiteral("--test-identities"), QStringLiteral("20"),
                    QStringLiteral("--size"), QStringLiteral("48x56")});
        QVERIFY2(synth.exitCode == 0, synth.err.constData());
        m_run = m_tmp.filePath(QStringLiteral("runs/tiny-20261129-010000"));
        QVERIFY(QDir().mkpath(m_run + QStringLiteral("/bench")));
        fb::ProtocolRequest request;
        request.dataDir = data.toStdString();
        request.outDir = (m_run + QStringLiteral("/eval")).toStdString();
        request.features = [](const std::vector<std::string>& paths) {
            fb::FeatureMatrix m;
            m.dim = kDim;
            for (const std::string& p : paths) {
                const std::vector<float> f = featureOf(p);
                m.values.insert(m.values.end(), f.begin(), f.end());
            }
            return m;
        };
        for (const char* p : {"lfw", "templates", "cross-quality", "dfw", "tracks"})
            fb::runProtocol(p, request);
        QByteArray metrics;
        for (int step = 10; step <= 100; step += 10)
            metrics += QStringLiteral("{\"type\":\"train\",\"step\":%1,\"epoch\":0,\"loss\":%2,"
                                      "\"acc\":%3,\"lr\":0.1}\n")
                           .arg(step)
                           .arg(10.0 / step)
                           .arg(step / 200.0)
                           .toUtf8();
        writeText(m_run + QStringLiteral("/metrics.jsonl"), metrics);
        fb::BenchResult bench;
        bench.options.models = {"small-resnet-64", "lightcnn-9"};
        bench.startedAt = "2026-11-29T01:00:00Z";
        int i = 0;
        for (const char* model : {"small-resnet-64", "lightcnn-9"})
            for (std::int64_t batch : {8, 16, 32}) {
                fb::BenchRow r;
                r.model = model;
                r.batch = batch;
                r.device = "cpu";
                r.precision = "fp32";
                r.input = "64x64";
                r.status = (i == 5) ? "oom" : "ok";
                r.imagesPerSec = r.status == "ok" ? 100.0 + 10 * batch + i : 0;
                r.tData = 0.001 * (i + 1);
                r.tCompute = 0.01 * batch;
                bench.rows.push_back(r);
                ++i;
            }
        bench.scaling = {{"small-resnet-64", 16, 1, 260, 0}, {"small-resnet-64", 16, 2, 500, 1.92}};
        fb::writeBenchResults(bench, (m_run + QStringLiteral("/bench")).toStdString());
        // A second run for the comparison: the same results under another name.
        m_run2 = m_tmp.filePath(QStringLiteral("runs/tiny-20261129-020000"));
        QVERIFY(QDir().mkpath(m_run2 + QStringLiteral("/eval")));
        for (const QString& f : QDir(m_run + QStringLiteral("/eval")).entryList(QDir::Files))
            QVERIFY(QFile::copy(m_run + QStringLiteral("/eval/") + f,
                                m_run2 + QStringLiteral("/eval/") + f));
        QByteArray metrics2;
        for (int step = 10; step <= 100; step += 10)
            metrics2 += QStringLiteral(
                            "{\"type\":\"train\",\"step\":%1,\"epoch\":0,\"loss\":%2,\"acc\":%3}\n")
                            .arg(step)
                            .arg(12.0 / step)
                            .arg(step / 250.0)
                            .toUtf8();
        writeText(m_run2 + QStringLiteral("/metrics.jsonl"), metrics2);
    }

    void evaluationTableMatchesJson() {
        EvaluationPanel panel;
        panel.resize(1300, 900);
        panel.loadRunNow(m_run);
        QTableWidget* table = panel.tarTable();
        // Rows: cross-quality Low2High, Middle2High, dfw, lfw, tracks easy/moderate/difficult.
        QCOMPARE(table->rowCount(), 7);
        const QJsonObject dfw = readJson(m_run + QStringLiteral("/eval/dfw.json"));
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == QLatin1String("dfw"))
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(table->item(row, 1)->text(),
                 QString::number(dfw[QStringLiteral("genuine")].toInt()));
        const QJsonArray tars = dfw[QStringLiteral("tar_at_far")].toArray();
        for (int c = 0; c < 3; ++c) {
            const QJsonObject t = tars[c].toObject();
            QString expected = QString::number(100 * t[QStringLiteral("tar")].toDouble(), 'f', 2);
            if (!t[QStringLiteral("resolvable")].toBool())
                expected += QStringLiteral(" *");
            QCOMPARE(table->item(row, 3 + c)->text(), expected);
        }
    }

    void notResolvableFlag() {
        // UMDFaces tracks of the tiny set have fewer than 10^4 impostors: 0.01% is not resolvable.
        EvaluationPanel panel;
        panel.loadRunNow(m_run);
        const QJsonObject tracks =
            readJson(m_run + QStringLiteral("/eval/tracks.json"))[QStringLiteral("tracks")]
                .toObject();
        QTableWidget* table = panel.tarTable();
        int checked = 0;
        for (int r = 0; r < table->rowCount(); ++r) {
            const QString label = table->item(r, 0)->text();
            if (!label.startsWith(QLatin1String("tracks ")))
                continue;
            const QJsonArray tars =
                tracks[label.mid(7)].toObject()[QStringLiteral("tar_at_far")].toArray();
            QStringList unresolved;
            for (const QJsonValue& v : tars)
                if (!v.toObject()[QStringLiteral("resolvable")].toBool())
                    unresolved << farLabel(v.toObject()[QStringLiteral("far")].toDouble());
            QVERIFY(unresolved.contains(QStringLiteral("0.01%")));
            QCOMPARE(table->item(r, 8)->text(), unresolved.join(QStringLiteral(", ")));
            ++checked;
        }
        QCOMPARE(checked, 3);
    }

    void chartsRender() {
        EvaluationPanel panel;
        panel.resize(1300, 900);
        panel.loadRunNow(m_run);
        // ROC: a curve and a marker graph per verification set, FAR log axis 1e-5..1.
        QCOMPARE(panel.rocPlot()->graphCount(), 2 * 7);
        QCOMPARE(panel.rocPlot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(panel.rocPlot()->xAxis->range().lower, 1e-5);
        QVERIFY(!panel.rocPlot()->xAxis->label().isEmpty());
        QCOMPARE(panel.histogramPlot()->plottableCount(), 2); // genuine + impostor bars
        const QJsonArray folds =
            readJson(m_run + QStringLiteral("/eval/lfw.json"))[QStringLiteral("fold_accuracies")]
                .toArray();
        auto* bars = qobject_cast<QCPBars*>(panel.foldsPlot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), folds.size());
        for (int i = 0; i < folds.size(); ++i)
            QCOMPARE(bars->data()->at(i)->value, 100 * folds[i].toDouble());
        for (const QString& tab :
             {QStringLiteral("roc"), QStringLiteral("scores"), QStringLiteral("lfw"),
              QStringLiteral("pose"), QStringLiteral("age")}) {
            panel.showTab(tab);
            const QImage shot = panel.grab().toImage();
            QVERIFY(!shot.isNull());
        }
    }

    void heatmapValuesEqualJson_data() {
        QTest::addColumn<QString>("study");
        QTest::addColumn<int>("levels");
        QTest::newRow("pose 3x3") << "pose" << 3;
        QTest::newRow("age 2x2") << "age" << 2;
    }
    void heatmapValuesEqualJson() {
        QFETCH(QString, study);
        QFETCH(int, levels);
        EvaluationPanel panel;
        panel.loadRunNow(m_run);
        QCustomPlot* plot = study == QLatin1String("pose") ? panel.posePlot() : panel.agePlot();
        const QJsonArray matrix = readJson(m_run + QStringLiteral("/eval/templates.json"))[study]
                                      .toObject()[QStringLiteral("matrix")]
                                      .toArray();
        QCOMPARE(matrix.size(), levels);
        auto* map = qobject_cast<QCPColorMap*>(plot->plottable(0));
        QVERIFY(map);
        QStringList expected;
        for (int a = 0; a < levels; ++a)
            for (int b = 0; b < levels; ++b) {
                const double v = matrix[a].toArray()[b].toDouble();
                QCOMPARE(map->data()->cell(b, a), v); // exact: the JSON's double
                expected << QString::number(v, 'f', 3);
            }
        QCOMPARE(heatmapCellTexts(plot), expected);
    }

    void failureGridFollowsJson_data() {
        QTest::addColumn<QString>("subset");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("path");
        QTest::newRow("Low2High") << "cross-quality Low2High"
                                  << "cross-quality"
                                  << QStringList{QStringLiteral("Low2High"),
                                                 QStringLiteral("failures")};
        QTest::newRow("tracks difficult")
            << "tracks difficult"
            << "tracks"
            << QStringList{QStringLiteral("tracks"), QStringLiteral("difficult"),
                           QStringLiteral("failures")};
        QTest::newRow("dfw") << "dfw"
                             << "dfw" << QStringList{QStringLiteral("failures")};
    }
    void failureGridFollowsJson() {
        QFETCH(QString, subset);
        QFETCH(QString, file);
        QFETCH(QStringList, path);
        FailuresPanel panel;
        panel.loadRun(m_run);
        QVERIFY(panel.subsets().contains(subset));
        panel.setSubset(subset);
        panel.setFar(1e-3);
        QJsonObject o = readJson(m_run + QStringLiteral("/eval/") + file + QStringLiteral(".json"));
        for (const QString& key : path)
            o = o[key].toObject();
        QStringList expected;
        for (const auto& [list, tag] :
             {std::pair{QStringLiteral("false_accepts"), QStringLiteral("FA")},
              std::pair{QStringLiteral("false_rejects"), QStringLiteral("FR")}})
            for (const QJsonValue& v : o[list].toArray())
                expected << QStringLiteral("%1|%2|%3|%4")
                                .arg(
                                    tag,
                                    QString::number(v[QStringLiteral("score")].toDouble(), 'g', 17),
                                    v[QStringLiteral("a")].toString(),
                                    v[QStringLiteral("b")].toString());
        QVERIFY(!expected.isEmpty());
        QCOMPARE(panel.shownPairs(), expected);
    }

    void failuresAtAnotherFar() {
        // At 1% the threshold is lower: every false accept scores above it, highest first.
        FailuresPanel panel;
        panel.loadRun(m_run);
        panel.setSubset(QStringLiteral("dfw"));
        panel.setFar(1e-2);
        double last = 2;
        int fa = 0;
        for (const QString& line : panel.shownPairs()) {
            const QStringList f = line.split(QLatin1Char('|'));
            if (f[0] != QLatin1String("FA"))
                continue;
            QVERIFY(f[1].toDouble() <= last);
            last = f[1].toDouble();
            ++fa;
        }
        QCOMPARE(fa, 10);
    }

    void benchPanelRenders() {
        BenchPanel panel;
        panel.resize(1200, 800);
        QString error;
        QVERIFY2(panel.openBenchJson(m_run + QStringLiteral("/bench/bench.json"), &error),
                 qPrintable(error));
        QCOMPARE(int(panel.result().rows.size()), 6);
        // One series per model plus the oom marks; lightcnn-9's batch 32 is the oom row.
        QCOMPARE(panel.throughputPlot()->graphCount(), 3);
        QCOMPARE(panel.throughputPlot()->graph(1)->data()->size(), 2);
        QCOMPARE(panel.throughputPlot()->graph(2)->data()->size(), 1);
        QCOMPARE(panel.throughputPlot()->graph(2)->data()->at(0)->key, 5.0); // log2(32)
        bool speedupLabel = false;
        for (int i = 0; i < panel.scalingPlot()->itemCount(); ++i)
            if (auto* t = qobject_cast<QCPItemText*>(panel.scalingPlot()->item(i)))
                speedupLabel |= t->text() == QStringLiteral("\u00d71.92");
        QVERIFY(speedupLabel);
        QCOMPARE(panel.timePlot()->plottableCount(), 2); // t_data and t_compute bars
        QCOMPARE(panel.table()->rowCount(), 6);
        QVERIFY(!panel.openBenchJson(m_run + QStringLiteral("/metrics.jsonl"), &error));
        QVERIFY(error.contains(QStringLiteral("metrics.jsonl")));
    }

    void comparisonPanel() {
        ComparisonPanel panel;
        panel.resize(1200, 800);
        panel.setRuns({m_run, m_run2});
        QCOMPARE(panel.curvesPlot()->graphCount(), 2);
        QCOMPARE(panel.curvesPlot()->graph(0)->data()->size(), 10);
        QCOMPARE(panel.curvesPlot()->graph(1)->data()->size(), 10);
        QVERIFY2(panel.rocPlot()->graphCount() == 4,
                 qPrintable(QString::number(panel.rocPlot()->graphCount())));
        // Table 3 layout: three lines per run (one per pose level).
        QCOMPARE(panel.table3()->rowCount(), 6);
        QCOMPARE(panel.table3()->item(0, 0)->text(), QFileInfo(m_run).fileName());
        QCOMPARE(panel.table3()->item(3, 0)->text(), QFileInfo(m_run2).fileName());
        QCOMPARE(panel.table15()->rowCount(), 2);
        QVERIFY(panel.tableMarkdown().contains(QStringLiteral("| Run | LFW (%)")));
    }

    void reportFiguresCli() {
        const QString out = m_tmp.filePath(QStringLiteral("figs"));
        const ProcessResult r = runCli(
            {QStringLiteral("--json"), QStringLiteral("report"), m_run, QStringLiteral("--figures"),
             QStringLiteral("--figures-out"), out, QStringLiteral("--formats"),
             QStringLiteral("png,svg"), QStringLiteral("--dpi"), QStringLiteral("100"),
             QStringLiteral("--figure-width-mm"), QStringLiteral("127"),
             QStringLiteral("--figure-height-mm"), QStringLiteral("76.2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray files = QJsonDocument::fromJson(r.out)
                                     .object()[QStringLiteral("figures")]
                                     .toObject()[m_run]
                                     .toArray();
        QVERIFY(files.size() >= 20);
        for (const QString& name :
             {QStringLiteral("roc"), QStringLiteral("heatmap-pose"), QStringLiteral("heatmap-age"),
              QStringLiteral("lfw-folds"), QStringLiteral("throughput"), QStringLiteral("scaling"),
              QStringLiteral("training-loss")}) {
            const QImage png(out + QLatin1Char('/') + name + QStringLiteral(".png"));
            QCOMPARE(png.size(), QSize(500, 300)); // 127 x 76.2 mm at 100 DPI
            QVERIFY(QFileInfo(out + QLatin1Char('/') + name + QStringLiteral(".svg")).size() >
                    1000);
        }
        const ProcessResult bad =
            runCli({QStringLiteral("report"), m_run, QStringLiteral("--figures"),
                    QStringLiteral("--formats"), QStringLiteral("gif")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--formats"));
    }
};

QTEST_MAIN(TestEvalPanels)
#include "test_eval_panels.moc"
