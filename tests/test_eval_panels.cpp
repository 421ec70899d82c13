// The results pages from stored results: Evaluation (TAR@FAR table with the "not resolvable"
// flag, ROC, histograms, LFW folds, pose/age heatmaps), Failure pairs, Benchmark, Comparison,
// and `facebench-cli report RUN --figures`. The fixture is a real run directory of the
// synthetic data: `facebench-cli data synth` (small) and core's own protocols (runProtocol)
// writing RUN/eval/*.json and *-scores.csv from deterministic identity features, plus a
// metrics.jsonl and a bench.json in the core's layout (benchJson). Expectations are read back
// from those files independently (QJsonDocument), never from the code under test.
#include "facebench/bench_job.h"
#include "facebench/eval_protocols.h"
#include "facebench/report_render.h"
#include "facebench/ui/bench_panel.h"
#include "facebench/ui/comparison_panel.h"
#include "facebench/ui/eval_charts.h"
#include "facebench/ui/evaluation_panel.h"
#include "facebench/ui/failures_panel.h"
#include "facebench/ui/figure_export.h"
#include "facebench/ui/run_figures.h"
#include "facebench/ui/job_runner.h"

#include "process_runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QDialog>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <cmath>
#include <optional>
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

QPushButton* buttonNamed(QWidget* panel, const QString& text) {
    for (QPushButton* b : panel->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// "12.34 [10.00, 15.00]": a rate and its interval in percent, as the tables print them.
QString percentInterval(double v, const QJsonArray& ci) {
    return QStringLiteral("%1 [%2, %3]")
        .arg(100 * v, 0, 'f', 2)
        .arg(100 * ci[0].toDouble(), 0, 'f', 2)
        .arg(100 * ci[1].toDouble(), 0, 'f', 2);
}

QJsonObject rateRow(const char* xKey, double x, const char* rateKey, double rate, double low,
                    double high, std::optional<bool> resolvable = std::nullopt) {
    QJsonObject row{{QLatin1String(xKey), x},
                    {QLatin1String(rateKey), rate},
                    {QStringLiteral("ci"), QJsonArray{low, high}}};
    if (resolvable)
        row[QStringLiteral("resolvable")] = *resolvable;
    return row;
}

// One gallery's "identification" entry as core's ijb protocol writes it: a 10-rank CMC, ranks
// 1, 5, 10 and TPIR at FPIR 0.1%, 1%, 10% with intervals. `shift` makes the galleries differ.
QJsonObject ijbGallery(double shift) {
    QJsonArray cmc;
    for (int rank = 1; rank <= 10; ++rank)
        cmc.append(QJsonObject{{QStringLiteral("rank"), rank},
                               {QStringLiteral("rate"), std::min(1.0, shift + rank / 13.0)}});
    return QJsonObject{
        {QStringLiteral("gallery_templates"), 10},
        {QStringLiteral("gallery_subjects"), 10},
        {QStringLiteral("mated_probes"), 30},
        {QStringLiteral("non_mated_probes"), 30},
        {QStringLiteral("cmc"), cmc},
        {QStringLiteral("rank_k"),
         QJsonArray{rateRow("rank", 1, "rate", shift + 1 / 13.0, shift / 3, 0.3),
                    rateRow("rank", 5, "rate", shift + 5 / 13.0, 0.2 + shift / 7, 0.61),
                    rateRow("rank", 10, "rate", std::min(1.0, shift + 10 / 13.0), 0.55, 1.0)}},
        {QStringLiteral("tpir_at_fpir"),
         QJsonArray{rateRow("fpir", 1e-3, "tpir", shift / 5, 0.0, 0.25, false),
                    rateRow("fpir", 1e-2, "tpir", 0.1 + shift / 5, 0.0, 0.3 + shift / 11, false),
                    rateRow("fpir", 1e-1, "tpir", 0.2 + shift / 3, 0.041666666666666664,
                            0.3333333333333333 + shift, true)}},
        {QStringLiteral("intervals"),
         QJsonObject{{QStringLiteral("method"),
                      QStringLiteral("95% interval: percentile bootstrap over probe subjects")},
                     {QStringLiteral("kind"), QStringLiteral("percentile bootstrap")}}}};
}

} // namespace

class TestEvalPanels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_data, m_run, m_run2, m_ijbRun;

private slots:
    void initTestCase() {
        const QString data = m_tmp.filePath(QStringLiteral("synth"));
        m_data = data;
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

        // A run with only IJB-C results, written by hand: a 1:1 block over 4 genuine and 12
        // impostor pairs (so FAR 10% is resolvable, 1% is not) and two 1:N galleries.
        m_ijbRun = m_tmp.filePath(QStringLiteral("runs/ijb-20261129-030000"));
        QVERIFY(QDir().mkpath(m_ijbRun + QStringLiteral("/eval")));
        QByteArray scores("score,label,a,b,subject\n");
        for (int i = 0; i < 16; ++i)
            scores += QStringLiteral("%1,%2,%3,%4,%5\n")
                          .arg(i < 4 ? 0.9 - 0.1 * i : 0.75 - 0.05 * i)
                          .arg(i < 4 ? 1 : 0)
                          .arg(100 + i)
                          .arg(200 + i)
                          .arg(i % 4)
                          .toUtf8();
        writeText(m_ijbRun + QStringLiteral("/eval/ijb-scores.csv"), scores);
        const QJsonObject verification{
            {QStringLiteral("genuine"), 4},
            {QStringLiteral("impostor"), 12},
            {QStringLiteral("tar_at_far"),
             QJsonArray{
                 rateRow("far", 1e-2, "tar", 0.5, 0.25, 0.75, false),
                 rateRow("far", 1e-1, "tar", 0.75, 0.3333333333333333, 0.9166666666666666, true)}},
            {QStringLiteral("eer"), 0.25},
            {QStringLiteral("eer_ci"), QJsonArray{0.1, 0.4}},
            {QStringLiteral("auc"), 0.875},
            {QStringLiteral("auc_ci"), QJsonArray{0.7, 0.97}},
            {QStringLiteral("intervals"),
             QJsonObject{{QStringLiteral("method"),
                          QStringLiteral("95% interval: percentile bootstrap over subjects")}}}};
        const QJsonObject ijb{{QStringLiteral("protocol"), QStringLiteral("ijb")},
                              {QStringLiteral("dataset"), QStringLiteral("IJB-C")},
                              {QStringLiteral("verification"), verification},
                              {QStringLiteral("identification"),
                               QJsonObject{{QStringLiteral("G1"), ijbGallery(0.4666666666666667)},
                                           {QStringLiteral("G2"), ijbGallery(0.1)}}}};
        writeText(m_ijbRun + QStringLiteral("/eval/ijb.json"), QJsonDocument(ijb).toJson());
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
        const QString method =
            dfw[QStringLiteral("intervals")][QStringLiteral("method")].toString();
        QVERIFY(method.contains(QStringLiteral("bootstrap")));
        for (int c = 0; c < 3; ++c) {
            const QJsonObject t = tars[c].toObject();
            const QJsonArray ci = t[QStringLiteral("ci")].toArray();
            QString expected = percentInterval(t[QStringLiteral("tar")].toDouble(), ci);
            if (!t[QStringLiteral("resolvable")].toBool())
                expected += QStringLiteral(" *");
            QCOMPARE(table->item(row, 3 + c)->text(), expected);
            QVERIFY(table->item(row, 3 + c)->toolTip().contains(method));
        }
        QCOMPARE(table->item(row, 6)->text(),
                 percentInterval(dfw[QStringLiteral("eer")].toDouble(),
                                 dfw[QStringLiteral("eer_ci")].toArray()));
        const QJsonArray auc = dfw[QStringLiteral("auc_ci")].toArray();
        QCOMPARE(table->item(row, 7)->text(),
                 QStringLiteral("%1 [%2, %3]")
                     .arg(dfw[QStringLiteral("auc")].toDouble(), 0, 'f', 4)
                     .arg(auc[0].toDouble(), 0, 'f', 4)
                     .arg(auc[1].toDouble(), 0, 'f', 4));
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
        // The Student t fold interval: a band (graphs 1 and 2) from 100 * low to 100 * high.
        const QJsonArray accuracyCi =
            readJson(m_run + QStringLiteral("/eval/lfw.json"))[QStringLiteral("accuracy_ci")]
                .toArray();
        QCOMPARE(panel.foldsPlot()->graphCount(), 3);
        QCOMPARE(panel.foldsPlot()->graph(1)->data()->at(0)->value, 100 * accuracyCi[0].toDouble());
        QCOMPARE(panel.foldsPlot()->graph(2)->data()->at(0)->value, 100 * accuracyCi[1].toDouble());
        QCOMPARE(panel.foldsPlot()->graph(2)->channelFillGraph(), panel.foldsPlot()->graph(1));
        for (const QString& tab :
             {QStringLiteral("roc"), QStringLiteral("scores"), QStringLiteral("lfw"),
              QStringLiteral("pose"), QStringLiteral("age")}) {
            panel.showTab(tab);
            const QImage shot = panel.grab().toImage();
            QVERIFY(!shot.isNull());
        }
    }

    // IJB-C results: the 1:1 ROC with the others' (whiskers at the resolvable FAR with an
    // interval), the CMC and the TPIR-at-FPIR chart whose points are the JSON's numbers exactly,
    // whiskers ending at the interval bounds, and the 1:N table with "value [low, high]".
    void ijbChartsEqualJson() {
        EvaluationPanel panel;
        panel.resize(1300, 900);
        panel.loadRunNow(m_ijbRun);
        const QJsonObject doc = readJson(m_ijbRun + QStringLiteral("/eval/ijb.json"));
        QCOMPARE(panel.tarTable()->rowCount(), 1);
        QCOMPARE(panel.tarTable()->item(0, 0)->text(), QStringLiteral("ijb 1:1"));
        QCOMPARE(panel.tarTable()->item(0, 3)->text(), QStringLiteral("50.00 [25.00, 75.00] *"));
        QCOMPARE(panel.rocPlot()->graphCount(), 2);
        QCOMPARE(panel.rocPlot()->graph(0)->name(), QStringLiteral("ijb 1:1"));
        const QList<Whisker> rocWhiskers = intervalWhiskers(panel.rocPlot());
        QCOMPARE(rocWhiskers.size(), 1); // FAR 1% is not resolvable: no whisker
        QCOMPARE(rocWhiskers[0].x, 0.1);
        QCOMPARE(rocWhiskers[0].low, 0.3333333333333333);
        QCOMPARE(rocWhiskers[0].high, 0.9166666666666666);

        const QJsonObject galleries = doc[QStringLiteral("identification")].toObject();
        QCustomPlot* cmc = panel.cmcPlot();
        QCustomPlot* tpir = panel.tpirPlot();
        QCOMPARE(cmc->graphCount(), 2);
        QCOMPARE(cmc->xAxis->scaleType(), QCPAxis::stLinear); // 10 ranks
        QCOMPARE(tpir->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(tpir->graphCount(), 4); // per gallery: the curve and its hollow points
        QList<Whisker> cmcExpected, tpirExpected;
        QStringList galleryNames;
        for (int g = 0; g < 2; ++g) {
            const QString name = g == 0 ? QStringLiteral("G1") : QStringLiteral("G2");
            const QJsonObject gallery = galleries[name].toObject();
            const QJsonArray curve = gallery[QStringLiteral("cmc")].toArray();
            QCPGraph* cmcGraph = cmc->graph(g);
            QVERIFY(cmcGraph->name().contains(name));
            QCOMPARE(cmcGraph->dataCount(), curve.size());
            for (int i = 0; i < curve.size(); ++i) {
                QCOMPARE(cmcGraph->data()->at(i)->key, curve[i][QStringLiteral("rank")].toDouble());
                QCOMPARE(cmcGraph->data()->at(i)->value,
                         curve[i][QStringLiteral("rate")].toDouble());
            }
            for (const QJsonValue& r : gallery[QStringLiteral("rank_k")].toArray())
                cmcExpected.append({r[QStringLiteral("rank")].toDouble(),
                                    r[QStringLiteral("ci")][0].toDouble(),
                                    r[QStringLiteral("ci")][1].toDouble()});
            const QJsonArray open = gallery[QStringLiteral("tpir_at_fpir")].toArray();
            QCPGraph* tpirGraph = tpir->graph(2 * g);
            QCOMPARE(tpirGraph->dataCount(), open.size());
            int hollow = 0;
            for (int i = 0; i < open.size(); ++i) {
                QCOMPARE(tpirGraph->data()->at(i)->key, open[i][QStringLiteral("fpir")].toDouble());
                QCOMPARE(tpirGraph->data()->at(i)->value,
                         open[i][QStringLiteral("tpir")].toDouble());
                tpirExpected.append({open[i][QStringLiteral("fpir")].toDouble(),
                                     open[i][QStringLiteral("ci")][0].toDouble(),
                                     open[i][QStringLiteral("ci")][1].toDouble()});
                hollow += open[i][QStringLiteral("resolvable")].toBool() ? 0 : 1;
            }
            QCOMPARE(tpir->graph(2 * g + 1)->dataCount(), hollow);
            galleryNames << name;
        }
        // Bounds exact (the JSON's doubles); x the rank or FPIR, the two galleries' whiskers
        // drawn apart: G1 0.06 ranks left, G2 0.06 right (0.02 decades on the FPIR axis).
        auto sameWhiskers = [](const QList<Whisker>& got, const QList<Whisker>& expected,
                               bool log) {
            if (got.size() != expected.size())
                return false;
            for (int i = 0; i < got.size(); ++i) {
                const double side = i < got.size() / 2 ? -1 : 1;
                const double x =
                    log ? expected[i].x * std::pow(10.0, side * 0.02) : expected[i].x + side * 0.06;
                if (std::abs(got[i].x - x) > 1e-9 * std::abs(x) || got[i].low != expected[i].low ||
                    got[i].high != expected[i].high)
                    return false;
            }
            return true;
        };
        QCOMPARE(cmcExpected.size(), 6);
        QVERIFY(sameWhiskers(intervalWhiskers(cmc), cmcExpected, false));
        QVERIFY(sameWhiskers(intervalWhiskers(tpir), tpirExpected, true));

        // The table: one column per gallery, one row per number; "value [low, high]" in %,
        // " *" where not resolvable, the method in each interval cell's tooltip and the caption.
        QTableWidget* table = panel.identificationTable();
        QCOMPARE(table->columnCount(), 3);
        QCOMPARE(table->rowCount(), 9);
        QCOMPARE(table->item(3, 0)->text(), QStringLiteral("Rank-1 (%)"));
        QCOMPARE(table->item(8, 0)->text(), QStringLiteral("TPIR@FPIR 10% (%)"));
        for (int g = 0; g < 2; ++g) {
            const int column = g + 1;
            const QJsonObject gallery = galleries[galleryNames[g]].toObject();
            QCOMPARE(table->horizontalHeaderItem(column)->text(), galleryNames[g]);
            QCOMPARE(table->item(1, column)->text(), QStringLiteral("30")); // mated probes
            const QJsonArray ranks = gallery[QStringLiteral("rank_k")].toArray();
            const QJsonArray open = gallery[QStringLiteral("tpir_at_fpir")].toArray();
            for (int k = 0; k < 3; ++k) {
                QCOMPARE(table->item(3 + k, column)->text(),
                         percentInterval(ranks[k][QStringLiteral("rate")].toDouble(),
                                         ranks[k][QStringLiteral("ci")].toArray()));
                QString expected = percentInterval(open[k][QStringLiteral("tpir")].toDouble(),
                                                   open[k][QStringLiteral("ci")].toArray());
                if (!open[k][QStringLiteral("resolvable")].toBool())
                    expected += QStringLiteral(" *");
                QCOMPARE(table->item(6 + k, column)->text(), expected);
                QVERIFY(table->item(6 + k, column)
                            ->toolTip()
                            .contains(QStringLiteral("bootstrap over probe subjects")));
            }
        }
        // Worked by hand: G1's rank 1 is 0.4666... + 1/13 = 0.5436, interval [0.1556, 0.3].
        QCOMPARE(table->item(3, 1)->text(), QStringLiteral("54.36 [15.56, 30.00]"));
        auto* caption = panel.findChild<QLabel*>(QStringLiteral("identificationCaption"));
        QVERIFY(caption && caption->text().contains(QStringLiteral("probe subjects")));
        for (const QString& tab :
             {QStringLiteral("cmc"), QStringLiteral("tpir"), QStringLiteral("identification")}) {
            panel.showTab(tab);
            QVERIFY(!panel.grab().toImage().isNull());
        }
    }

    // The new charts export as every chart does (the Export chart action's exportFigure).
    void ijbChartsExport() {
        EvaluationPanel panel;
        panel.loadRunNow(m_ijbRun);
        QTemporaryDir out;
        for (const auto& [plot, name] : {std::pair{panel.cmcPlot(), QStringLiteral("cmc")},
                                         std::pair{panel.tpirPlot(), QStringLiteral("tpir")}})
            for (const QString& suffix :
                 {QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("svg")}) {
                const QString path = out.filePath(name + QLatin1Char('.') + suffix);
                QString error;
                QVERIFY2(exportFigure(plot, path, FigureSize{100, 70, 100, 1}, &error),
                         qPrintable(error));
                QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(path));
            }
        QCOMPARE(QImage(out.filePath(QStringLiteral("cmc.png"))).size(),
                 QSize(figurePixels(100, 100), figurePixels(70, 100)));
        // "Export all figures" (and `report --figures`) writes them with the run's other charts.
        RunFiguresOptions options;
        options.outDir = out.filePath(QStringLiteral("all"));
        options.formats = {FigureFormat::Svg};
        QStringList written;
        QString error;
        QVERIFY2(exportRunFigures(m_ijbRun, options, &written, &error), qPrintable(error));
        for (const QString& name :
             {QStringLiteral("roc"), QStringLiteral("cmc"), QStringLiteral("tpir-at-fpir")}) {
            const QString path = options.outDir + QLatin1Char('/') + name + QStringLiteral(".svg");
            QVERIFY2(written.contains(path), qPrintable(written.join(QLatin1Char(' '))));
            QVERIFY(QFileInfo(path).size() > 1000);
        }
    }

    // A gallery of thousands of subjects (IJB-C) gets a log rank axis; no results, no chart.
    void cmcRankAxis() {
        IdentificationResult g;
        g.gallery = QStringLiteral("G1");
        for (int rank = 1; rank <= 3531; ++rank) {
            RatePoint p;
            p.x = rank;
            p.rate = std::min(1.0, 0.9 + rank / 10000.0);
            g.cmc.push_back(p);
        }
        QCustomPlot plot;
        plotCmcCurves(&plot, {g});
        QCOMPARE(plot.xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot.graph(0)->dataCount(), 3531);
        QVERIFY(intervalWhiskers(&plot).isEmpty()); // no rank_k rows, no whiskers
        plotCmcCurves(&plot, {});
        QCOMPARE(plot.graphCount(), 0);
        QVERIFY(!plot.legend->visible());
    }

    // A malformed identification entry names the file and the key; the 1:1 results still show.
    void ijbMalformedIdentification() {
        const QString run = m_tmp.filePath(QStringLiteral("runs/ijb-bad-20261129-040000"));
        QVERIFY(QDir().mkpath(run + QStringLiteral("/eval")));
        QJsonObject doc = readJson(m_ijbRun + QStringLiteral("/eval/ijb.json"));
        QJsonObject galleries = doc[QStringLiteral("identification")].toObject();
        QJsonObject g1 = galleries[QStringLiteral("G1")].toObject();
        g1[QStringLiteral("cmc")] = QJsonArray{QJsonObject{{QStringLiteral("rank"), 1}}};
        galleries[QStringLiteral("G1")] = g1;
        doc[QStringLiteral("identification")] = galleries;
        writeText(run + QStringLiteral("/eval/ijb.json"), QJsonDocument(doc).toJson());
        EvaluationPanel panel;
        panel.loadRunNow(run);
        auto* status = panel.findChild<QLabel*>(QStringLiteral("evaluationStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("ijb.json")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("identification.G1.cmc[0].rate")),
                 qPrintable(status->text()));
        QCOMPARE(panel.tarTable()->rowCount(), 1);
        QCOMPARE(panel.identificationTable()->rowCount(), 0);
        QCOMPARE(panel.cmcPlot()->graphCount(), 0);
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
                speedupLabel |= t->text() == QStringLiteral("500.0 img/s\neq. 6: +192%");
        QVERIFY(speedupLabel);
        QCOMPARE(panel.timePlot()->plottableCount(), 2); // t_data and t_compute bars
        QCOMPARE(panel.table()->rowCount(), 6);
        QVERIFY(!panel.openBenchJson(m_run + QStringLiteral("/metrics.jsonl"), &error));
        QVERIFY(error.contains(QStringLiteral("metrics.jsonl")));
    }

    // A distributed sweep as benchmarks/bench_dist.sh --json writes it: scaling rows
    // keyed by "processes", rows with t_agg. Bars sit at the process-count index, labelled with
    // images/s and eq. 6's speedup (the n = 1 row is the baseline); t_agg is a third stacked bar.
    void benchDistributedScaling_data() {
        QTest::addColumn<QList<int>>("processes");
        QTest::addColumn<QList<double>>("imagesS");
        QTest::addColumn<QList<double>>("speedup");
        QTest::addColumn<QList<double>>("tAgg");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("1,2 slower") << QList<int>{1, 2} << QList<double>{400, 300}
                                    << QList<double>{0, -0.25} << QList<double>{0, 0.016}
                                    << QStringList{QStringLiteral("400.0 img/s\nbaseline"),
                                                   QStringLiteral("300.0 img/s\neq. 6: -25%")};
        QTest::newRow("1,2,4") << QList<int>{1, 2, 4} << QList<double>{100, 190, 342}
                               << QList<double>{0, 0.9, 0.8} << QList<double>{0, 0.004, 0.0125}
                               << QStringList{QStringLiteral("100.0 img/s\nbaseline"),
                                              QStringLiteral("190.0 img/s\neq. 6: +90%"),
                                              QStringLiteral("342.0 img/s\neq. 6: +80%")};
    }
    void benchDistributedScaling() {
        QFETCH(QList<int>, processes);
        QFETCH(QList<double>, imagesS);
        QFETCH(QList<double>, speedup);
        QFETCH(QList<double>, tAgg);
        QFETCH(QStringList, labels);
        QJsonArray rows, scaling;
        for (int i = 0; i < processes.size(); ++i) {
            rows.append(
                QJsonObject{{QStringLiteral("model"), QStringLiteral("small-resnet-64")},
                            {QStringLiteral("batch"), 16 * processes[i]},
                            {QStringLiteral("device"), QStringLiteral("cpu x%1").arg(processes[i])},
                            {QStringLiteral("images_s"), imagesS[i]},
                            {QStringLiteral("t_data"), 0.001},
                            {QStringLiteral("t_compute"), 0.04},
                            {QStringLiteral("t_agg"), tAgg[i]},
                            {QStringLiteral("status"), QStringLiteral("ok")}});
            scaling.append(QJsonObject{{QStringLiteral("model"), QStringLiteral("small-resnet-64")},
                                       {QStringLiteral("batch"), 16},
                                       {QStringLiteral("processes"), processes[i]},
                                       {QStringLiteral("images_s"), imagesS[i]},
                                       {QStringLiteral("speedup"), speedup[i]},
                                       {QStringLiteral("t_agg"), tAgg[i]}});
        }
        const QString path =
            m_tmp.filePath(QStringLiteral("dist-bench-%1.json").arg(processes.size()));
        writeText(path, QJsonDocument(QJsonObject{{QStringLiteral("rows"), rows},
                                                  {QStringLiteral("scaling"), scaling}})
                            .toJson());
        BenchPanel panel;
        panel.resize(1200, 800);
        QString error;
        QVERIFY2(panel.openBenchJson(path, &error), qPrintable(error));
        QCOMPARE(int(panel.result().scaling.size()), int(processes.size()));
        QCOMPARE(panel.result().scaling[1].devices, processes[1]);
        auto* bars = qobject_cast<QCPBars*>(panel.scalingPlot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(int(bars->data()->size()), int(processes.size()));
        QStringList texts;
        for (int i = 0; i < panel.scalingPlot()->itemCount(); ++i)
            if (auto* t = qobject_cast<QCPItemText*>(panel.scalingPlot()->item(i)))
                texts << t->text();
        QCOMPARE(texts, labels);
        const auto ticker =
            qSharedPointerDynamicCast<QCPAxisTickerText>(panel.scalingPlot()->xAxis->ticker());
        QVERIFY(ticker);
        for (int i = 0; i < processes.size(); ++i) {
            QCOMPARE(bars->data()->at(i)->key, double(i)); // one group: bar at the count's index
            QCOMPARE(bars->data()->at(i)->value, imagesS[i]);
            QCOMPARE(ticker->ticks().value(double(i)), QString::number(processes[i]));
        }
        // t_data, t_compute and t_agg bars, in ms.
        QCOMPARE(panel.timePlot()->plottableCount(), 3);
        auto* agg = qobject_cast<QCPBars*>(panel.timePlot()->plottable(2));
        QVERIFY(agg && agg->name().startsWith(QStringLiteral("t_agg")));
        for (int i = 0; i < processes.size(); ++i) {
            QCOMPARE(agg->data()->at(i)->key, double(i + 1));
            QCOMPARE(agg->data()->at(i)->value, 1000 * tAgg[i]);
        }
        QVERIFY(agg->barBelow() == panel.timePlot()->plottable(0)); // stacked on t_compute
        panel.showTab(QStringLiteral("scaling"));
        QCOMPARE(panel.tabs()->currentIndex(), 1);
    }

    // The Evaluate button on a real (tiny) training run: the eval job runs through the JobRunner
    // and the page reloads RUN/eval when it is done.
    void evaluateButtonRunsEvalJob() {
        const QString config = m_tmp.filePath(QStringLiteral("tiny-train.yaml"));
        writeText(config, QStringLiteral("data: {train: %1/train, workers: 1}\n"
                                         "model: {name: small-resnet-64}\n"
                                         "head: {type: softmax}\n"
                                         "schedule: {form: constant, base_lr: 0.05}\n"
                                         "train: {batch_size: 4, iterations: 2, seed: 3, "
                                         "log_every: 1, checkpoint_every: 0}\n"
                                         "device: {name: cpu, threads: 1}\n"
                                         "eval: {data: %1, batch_size: 64}\n"
                                         "output: {name: evaltiny}\n")
                              .arg(m_data)
                              .toUtf8());
        const ProcessResult train =
            runCli({QStringLiteral("--json"), QStringLiteral("train"), config,
                    QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("trained"))});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        const QString run =
            QJsonDocument::fromJson(train.out).object()[QStringLiteral("run_dir")].toString();
        QVERIFY2(QFileInfo(run + QStringLiteral("/config.yaml")).isFile(), train.out.constData());
        QVERIFY(!QFileInfo::exists(run + QStringLiteral("/eval/lfw.json")));

        JobRunner runner;
        EvaluationPanel panel;
        panel.setJobRunner(&runner);
        panel.loadRunNow(run);
        QCOMPARE(panel.tarTable()->rowCount(), 0);
        auto* protocols = panel.findChild<QListWidget*>();
        QVERIFY(protocols);
        for (int i = 0; i < protocols->count(); ++i)
            protocols->item(i)->setCheckState(
                protocols->item(i)->text() == QLatin1String("lfw") ? Qt::Checked : Qt::Unchecked);
        QPushButton* evaluate = buttonNamed(&panel, QStringLiteral("Evaluate"));
        QVERIFY(evaluate);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        QSignalSpy loaded(&panel, &EvaluationPanel::loaded);
        evaluate->click();
        QVERIFY(!evaluate->isEnabled()); // one evaluation at a time from this page
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const int id = finished[0][0].toInt();
        QVERIFY2(finished[0][1].value<JobState>() == JobState::Done,
                 qPrintable(runner.info(id).error));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QVERIFY(evaluate->isEnabled());

        const QJsonObject lfwFile = readJson(run + QStringLiteral("/eval/lfw.json"));
        QCOMPARE(lfwFile[QStringLiteral("protocol")].toString(), QStringLiteral("lfw"));
        const QJsonObject lfw = lfwFile[QStringLiteral("verification")].toObject();
        QVERIFY(lfw[QStringLiteral("genuine")].toInt() > 0);
        QTableWidget* table = panel.tarTable();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("lfw"));
        QCOMPARE(table->item(0, 1)->text(),
                 QString::number(lfw[QStringLiteral("genuine")].toInt()));
        QCOMPARE(table->item(0, 2)->text(),
                 QString::number(lfw[QStringLiteral("impostor")].toInt()));
        const QJsonArray tars = lfw[QStringLiteral("tar_at_far")].toArray();
        QCOMPARE(tars.size(), 3);
        for (int c = 0; c < 3; ++c) {
            const QJsonObject t = tars[c].toObject();
            QString expected = percentInterval(t[QStringLiteral("tar")].toDouble(),
                                               t[QStringLiteral("ci")].toArray());
            if (!t[QStringLiteral("resolvable")].toBool())
                expected += QStringLiteral(" *");
            QCOMPARE(table->item(0, 3 + c)->text(), expected);
        }
        auto* bars = qobject_cast<QCPBars*>(panel.foldsPlot()->plottable(0));
        QVERIFY(bars);
        const QJsonArray folds = lfwFile[QStringLiteral("fold_accuracies")].toArray();
        QCOMPARE(bars->data()->size(), folds.size());
        for (int i = 0; i < folds.size(); ++i)
            QCOMPARE(bars->data()->at(i)->value, 100 * folds[i].toDouble());
    }

    // Run benchmark with the smallest model, batch 2, one timed iteration: the BenchJob runs
    // through the JobRunner, bench.json is written and the chart and rows show the new row.
    void benchRunButtonRunsBenchJob() {
        const QString previous = QDir::currentPath();
        const QString work = m_tmp.filePath(QStringLiteral("benchwd"));
        QVERIFY(QDir().mkpath(work));
        QVERIFY(QDir::setCurrent(work)); // the page writes runs/bench-<time>/bench here
        auto restore = qScopeGuard([&previous] { QDir::setCurrent(previous); });

        JobRunner runner;
        BenchPanel panel;
        panel.setJobRunner(&runner);
        auto* models = panel.findChild<QListWidget*>();
        QVERIFY(models);
        for (int i = 0; i < models->count(); ++i)
            models->item(i)->setCheckState(
                models->item(i)->text() == QLatin1String("small-resnet-64") ? Qt::Checked
                                                                            : Qt::Unchecked);
        for (QLineEdit* e : panel.findChildren<QLineEdit*>())
            if (e->text() == QLatin1String("8,16,32"))
                e->setText(QStringLiteral("2"));
        for (QSpinBox* s : panel.findChildren<QSpinBox*>())
            if (s->maximum() == 100000 || s->maximum() == 1000) // timed, warm-up iterations
                s->setValue(1);
        const fb::BenchOptions o = panel.options();
        QCOMPARE(o.models, std::vector<std::string>{"small-resnet-64"});
        QCOMPARE(o.batchSizes, std::vector<std::int64_t>{2});
        QCOMPARE(o.iterations, 1);
        QCOMPARE(o.warmup, 1);
        QPushButton* run = buttonNamed(&panel, QStringLiteral("Run benchmark"));
        QVERIFY(run);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        run->click();
        QVERIFY(!run->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const int id = finished[0][0].toInt();
        QVERIFY2(finished[0][1].value<JobState>() == JobState::Done,
                 qPrintable(runner.info(id).error));
        QVERIFY(run->isEnabled());

        QCOMPARE(int(panel.result().rows.size()), 1);
        const fb::BenchRow& row = panel.result().rows[0];
        QCOMPARE(row.status, std::string("ok"));
        QCOMPARE(row.batch, std::int64_t(2));
        QVERIFY(row.imagesPerSec > 0);
        // The file the job wrote says the same.
        const QStringList dirs =
            QDir(work + QStringLiteral("/runs")).entryList({QStringLiteral("bench-*")}, QDir::Dirs);
        QCOMPARE(dirs.size(), 1);
        const QJsonArray rows =
            readJson(work + QStringLiteral("/runs/") + dirs[0] +
                     QStringLiteral("/bench/bench.json"))[QStringLiteral("rows")]
                .toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0][QStringLiteral("model")].toString(), QStringLiteral("small-resnet-64"));
        QCOMPARE(rows[0][QStringLiteral("batch")].toInt(), 2);
        // One series, one point at log2(2) = 1 with the measured throughput; no oom marks.
        QCustomPlot* plot = panel.throughputPlot();
        QCOMPARE(plot->graphCount(), 1);
        QCOMPARE(plot->graph(0)->name(), QStringLiteral("small-resnet-64"));
        QCOMPARE(plot->graph(0)->data()->size(), 1);
        QCOMPARE(plot->graph(0)->data()->at(0)->key, 1.0);
        QCOMPARE(plot->graph(0)->data()->at(0)->value, row.imagesPerSec);
        QTableWidget* table = panel.table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("small-resnet-64"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2"));
        QCOMPARE(table->item(0, 5)->text(), QString::number(row.imagesPerSec, 'f', 1));
        QCOMPARE(table->item(0, 12)->text(), QStringLiteral("ok"));

        // Where bench.json cannot be written (a file named "runs" blocks the folder) the job
        // fails with the reason, and the row it measured is still shown.
        QVERIFY(QDir(work + QStringLiteral("/runs")).removeRecursively());
        writeText(work + QStringLiteral("/runs"), "not a folder");
        panel.setResult(fb::BenchResult{});
        QCOMPARE(table->rowCount(), 0);
        run->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QVERIFY(finished[1][1].value<JobState>() == JobState::Failed);
        const QString error = runner.info(finished[1][0].toInt()).error;
        QVERIFY2(error.contains(QStringLiteral("runs")), qPrintable(error));
        QVERIFY(run->isEnabled());
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("small-resnet-64"));
    }

    // Evaluate on a folder without config.yaml: the job fails naming it, the page keeps its
    // results and the button works again.
    void evaluateButtonReportsBadRun() {
        JobRunner runner;
        EvaluationPanel panel;
        panel.setJobRunner(&runner);
        panel.loadRunNow(m_run); // stored results, no config.yaml or checkpoint
        QCOMPARE(panel.tarTable()->rowCount(), 7);
        QPushButton* evaluate = buttonNamed(&panel, QStringLiteral("Evaluate"));
        QVERIFY(evaluate);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        evaluate->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(finished[0][1].value<JobState>() == JobState::Failed);
        const QString error = runner.info(finished[0][0].toInt()).error;
        QVERIFY2(error.contains(QStringLiteral("config.yaml")), qPrintable(error));
        QVERIFY(evaluate->isEnabled());
        QCOMPARE(panel.tarTable()->rowCount(), 7);
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
        // The items carry the result files' numbers exactly (accuracy and TAR in %).
        const QJsonObject lfw = readJson(m_run + QStringLiteral("/eval/lfw.json"));
        QCOMPARE(panel.table3()->horizontalHeaderItem(1)->text(), QStringLiteral("LFW (%)"));
        QVERIFY(panel.table3()->item(0, 1)->data(Qt::UserRole).toDouble() ==
                100 * lfw[QStringLiteral("accuracy")].toDouble());
        const QJsonObject dfw = readJson(m_run + QStringLiteral("/eval/dfw.json"));
        QCOMPARE(panel.table15()->horizontalHeaderItem(1)->text(), QStringLiteral("DFW 1%"));
        double tarAt1 = std::nan("");
        for (const QJsonValue& row : dfw[QStringLiteral("tar_at_far")].toArray())
            if (row[QStringLiteral("far")].toDouble() == 1e-2)
                tarAt1 = row[QStringLiteral("tar")].toDouble();
        QVERIFY(panel.table15()->item(0, 1)->data(Qt::UserRole).toDouble() == 100 * tarAt1);
    }

    // The tables come from report tables, not from their Markdown: a hand-made table with an
    // interval, a flagged and a missing cell.
    void comparisonPanelShowsTables() {
        fb::ReportTable t3;
        t3.key = "table3";
        t3.title = "Hand-made";
        t3.columns = {{"run", "Run"}, {"tar", "TAR 1%"}, {"tar2", "0.1%"}, {"tar3", "0.01%"}};
        fb::ReportCell withInterval = fb::numberCell(97.26, 1);
        withInterval.interval = fb::ReportInterval{95.5, 98.74, 0.95, "subject bootstrap"};
        fb::ReportCell flagged = fb::numberCell(12.5, 1);
        flagged.set(fb::CellFlag::NotResolvable);
        t3.rows = {{fb::textCell("run|a"), withInterval, flagged, fb::numberCell(std::nan(""), 1)}};
        fb::ReportTable t15 = t3;
        t15.key = "table15";
        t15.rows.push_back(t3.rows[0]);
        ComparisonPanel panel;
        panel.showTables({t3, t15});
        QTableWidget* table = panel.table3();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(panel.table15()->rowCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("TAR 1%"));
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("run|a"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("97.3 [95.5, 98.7]"));
        QVERIFY(table->item(0, 1)->data(Qt::UserRole).toDouble() == 97.26);
        QCOMPARE(table->item(0, 1)->toolTip(),
                 QStringLiteral("95% interval (subject bootstrap): 95.5 to 98.7"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("12.5 *"));
        QVERIFY(table->item(0, 2)->toolTip().startsWith(QStringLiteral("Not resolvable:")));
        QCOMPARE(table->item(0, 2)->foreground().color(), QColor(0xB0, 0x30, 0x00));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("-"));
        QVERIFY(!table->item(0, 3)->data(Qt::UserRole).isValid());
        QVERIFY(table->item(0, 3)->toolTip().isEmpty());
        QVERIFY(table->item(0, 0)->toolTip().isEmpty());
        // Copy puts the same tables as Markdown ('|' escaped, footnotes) as the CLI prints.
        QCOMPARE(panel.tableMarkdown(), QString::fromStdString(fb::renderMarkdown({t3, t15})));
        QVERIFY(panel.tableMarkdown().contains(QStringLiteral("| run\\|a | 97.3 [95.5, 98.7] |")));
        // No tables: empty widgets, no Markdown.
        panel.showTables({});
        QCOMPARE(panel.table3()->rowCount(), 0);
        QCOMPARE(panel.table15()->columnCount(), 0);
        QVERIFY(panel.tableMarkdown().isEmpty());
    }

    void failurePairOpensBothImages() {
        FailuresPanel panel;
        panel.loadRun(m_run);
        panel.setSubset(QStringLiteral("dfw"));
        QLabel* thumbnail = nullptr;
        for (QLabel* label : panel.findChildren<QLabel*>())
            if (!label->pixmap().isNull() && label->width() == label->height() && !thumbnail)
                thumbnail = label;
        QVERIFY(thumbnail);
        QTest::mouseClick(thumbnail, Qt::LeftButton);
        const QList<QDialog*> dialogs = panel.findChildren<QDialog*>();
        QCOMPARE(dialogs.size(), 1);
        int images = 0;
        for (QLabel* label : dialogs.first()->findChildren<QLabel*>())
            images += label->pixmap().isNull() ? 0 : 1;
        QCOMPARE(images, 2); // the pair, not one of its images
        dialogs.first()->close();
    }

    void comparisonMarksNotResolvable() {
        // The tiny set's UMDFaces tracks cannot resolve 0.01% (fewer than 10^4 impostors): the
        // report and the comparison table mark it as the Evaluation page does.
        ComparisonPanel panel;
        panel.setRuns({m_run});
        QTableWidget* table = panel.table15();
        QCOMPARE(table->rowCount(), 1);
        QStringList flagged;
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->item(0, c) && table->item(0, c)->text().endsWith(QStringLiteral(" *")))
                flagged << table->horizontalHeaderItem(c)->text();
        // As many as the result files call not resolvable among the table's columns.
        int expected = 0;
        auto countUnresolvable = [&expected](const QJsonObject& block, const QList<double>& fars) {
            for (const QJsonValue& v : block[QStringLiteral("tar_at_far")].toArray())
                if (fars.contains(v[QStringLiteral("far")].toDouble()) &&
                    !v[QStringLiteral("resolvable")].toBool())
                    ++expected;
        };
        countUnresolvable(readJson(m_run + QStringLiteral("/eval/dfw.json")), {1e-2, 1e-3});
        const QJsonObject tracks =
            readJson(m_run + QStringLiteral("/eval/tracks.json"))[QStringLiteral("tracks")]
                .toObject();
        for (const QString& t : tracks.keys())
            countUnresolvable(tracks[t].toObject(), {1e-2, 1e-3, 1e-4});
        QVERIFY(expected >= 3); // at least 0.01% of each track
        QCOMPARE(flagged.size(), expected);
        QVERIFY(flagged.contains(QStringLiteral("0.01%")));
        QVERIFY(panel.tableMarkdown().contains(QStringLiteral("not resolvable")));
        const ProcessResult md = runCli({QStringLiteral("report"), m_run});
        QVERIFY2(md.exitCode == 0, md.err.constData());
        QVERIFY2(md.out.contains(" *"), md.out.constData());
        QVERIFY(md.out.contains("not resolvable"));
    }

    void notARunFolderSaysSo() {
        // An empty file opened as a run: a message, and no chart keeps the previous run's title.
        EvaluationPanel panel;
        panel.loadRunNow(m_run);
        QCOMPARE(panel.rocPlot()->plotLayout()->rowCount(), 2); // title row + axes
        const QString file = m_tmp.filePath(QStringLiteral("empty-file"));
        writeText(file, QByteArray());
        panel.loadRunNow(file);
        auto* status = panel.findChild<QLabel*>(QStringLiteral("evaluationStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("not a run folder")),
                 qPrintable(status->text()));
        QCOMPARE(panel.tarTable()->rowCount(), 0);
        for (QCustomPlot* plot : {panel.rocPlot(), panel.foldsPlot(), panel.posePlot()}) {
            QCOMPARE(plot->plotLayout()->rowCount(), 1);
            QVERIFY(!plot->legend->visible());
        }
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
