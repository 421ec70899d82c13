// Every figure of a run to RUN/figures (facebench/ui/run_figures.h).
#include "facebench/ui/run_figures.h"

#include "facebench/errors.h"
#include "facebench/eval_results.h"
#include "facebench/run_directory.h"
#include "facebench/ui/bench_charts.h"
#include "facebench/ui/chart_style.h"
#include "facebench/ui/eval_charts.h"
#include "facebench/ui/to_qstring.h"

#include <QDir>
#include <QFileInfo>

#include <qcustomplot.h>

#include <cmath>
#include <memory>

namespace fb::ui {

namespace {

QString slug(const std::string& label) {
    QString s = toQString(label).toLower();
    s.replace(QLatin1Char(' '), QLatin1Char('-'));
    return s;
}

ScoreSet scoreSet(const std::vector<ScoredPair>& pairs) {
    ScoreSet set;
    for (const ScoredPair& p : pairs)
        (p.same ? set.genuine : set.impostor).push_back(p.score);
    return set;
}

} // namespace

void plotTrainingCurves(QCustomPlot* plot, const QList<QPair<QString, RunMetrics>>& runs,
                        const QString& metric, const QString& title) {
    resetChart(plot);
    const bool acc = metric == QLatin1String("acc");
    styleChart(plot,
               {title, QObject::tr("Training step (iterations)"),
                acc ? QObject::tr("Training accuracy (fraction of batch)")
                    : QObject::tr("Training loss (nats)"),
                true, acc ? Qt::AlignBottom | Qt::AlignRight : Qt::AlignTop | Qt::AlignRight});
    const std::string key = metric.toStdString();
    for (int i = 0; i < runs.size(); ++i) {
        QCPGraph* g = plot->addGraph();
        g->setName(runs[i].first);
        g->setPen(seriesPen(i, 1.6));
        for (const MetricsRow& row : runs[i].second.rows)
            if (row.type == "train" && row.has(key) && std::isfinite(row.value(key)))
                g->addData(double(row.step), row.value(key));
    }
    plot->rescaleAxes();
    if (acc)
        plot->yAxis->setRange(0, std::max(0.05, plot->yAxis->range().upper * 1.08));
    else
        plot->yAxis->setRange(0, plot->yAxis->range().upper * 1.08);
}

bool exportRunFigures(const QString& runDir, const RunFiguresOptions& options, QStringList* written,
                      QString* error) {
    const RunDirectory run(runDir.toStdString());
    const QString outDir = options.outDir.isEmpty() ? toQString(run.figuresDir()) : options.outDir;
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(800, 500);
    QStringList files;
    auto save = [&](const QString& name) {
        for (FigureFormat f : options.formats) {
            const QString path =
                QDir(outDir).filePath(name + QLatin1Char('.') + figureFormatSuffix(f));
            if (!exportFigure(plot.get(), path, f, options.size, error))
                return false;
            files << path;
        }
        return true;
    };
    try {
        const std::vector<EvalResult> results = run.readEvalResults();
        QList<RocSeries> rocs;
        for (const EvalResult& r : results)
            for (const VerificationBlock& b : r.blocks) {
                if (b.scoresFile.empty())
                    continue;
                const std::vector<ScoredPair> pairs = readScoredPairs(b.scoresFile);
                const ScoreSet set = scoreSet(pairs);
                if (set.genuine.empty() || set.impostor.empty())
                    continue;
                rocs << rocSeries(toQString(b.label), set);
                rocs.back().intervals = tarIntervalPoints(b);
                const double far = b.hasFailures ? b.failures.far : 1e-3;
                const double tau = tarAtFar(sortScores(set), far).threshold;
                plotScoreHistogram(
                    plot.get(), set, tau,
                    QObject::tr("threshold at FAR %1: %2").arg(farLabel(far)).arg(tau, 0, 'f', 3),
                    QObject::tr("Scores: %1").arg(toQString(b.label)));
                if (!save(QStringLiteral("scores-") + slug(b.label)))
                    return false;
            }
        if (!rocs.isEmpty()) {
            plotRocCurves(plot.get(), rocs,
                          QObject::tr("ROC: %1").arg(QFileInfo(runDir).fileName()));
            if (!save(QStringLiteral("roc")))
                return false;
        }
        for (const EvalResult& r : results) {
            if (r.protocol != "ijb")
                continue;
            const std::vector<IdentificationResult> g = readIdentification(toQString(r.file));
            if (g.empty())
                continue;
            const QList<IdentificationResult> galleries(g.begin(), g.end());
            plotCmcCurves(plot.get(), galleries, QObject::tr("CMC (1:N closed set)"));
            if (!save(QStringLiteral("cmc")))
                return false;
            plotTpirCurves(plot.get(), galleries, QObject::tr("TPIR at FPIR (1:N open set)"));
            if (!save(QStringLiteral("tpir-at-fpir")))
                return false;
        }
        for (const EvalResult& r : results) {
            if (r.hasFolds && !r.foldAccuracies.empty()) {
                plotLfwFolds(plot.get(), r, QObject::tr("LFW 10-fold accuracy"));
                if (!save(QStringLiteral("lfw-folds")))
                    return false;
            }
            for (const SimilarityMatrix& m : r.matrices) {
                plotSimilarityHeatmap(plot.get(), m,
                                      m.study == "pose" ? QObject::tr("VGGFace2 pose templates")
                                                        : QObject::tr("VGGFace2 age templates"));
                if (!save(QStringLiteral("heatmap-") + toQString(m.study)))
                    return false;
            }
        }
        if (run.hasMetrics()) {
            const RunMetrics m = run.readMetrics();
            if (!m.rows.empty()) {
                const QList<QPair<QString, RunMetrics>> one{{QFileInfo(runDir).fileName(), m}};
                plotTrainingCurves(plot.get(), one, QStringLiteral("loss"),
                                   QObject::tr("Training loss"));
                if (!save(QStringLiteral("training-loss")))
                    return false;
                plotTrainingCurves(plot.get(), one, QStringLiteral("acc"),
                                   QObject::tr("Training accuracy"));
                if (!save(QStringLiteral("training-accuracy")))
                    return false;
            }
        }
    } catch (const std::exception& e) {
        if (error)
            *error = toQString(e.what());
        return false;
    }
    const QString bench = toQString(run.bench().resultFile());
    if (!bench.isEmpty()) {
        BenchResult result;
        if (!readBenchJson(bench, &result, error))
            return false;
        plotThroughput(plot.get(), result, QObject::tr("Throughput against batch size"));
        if (!save(QStringLiteral("throughput")))
            return false;
        plotTimeSplit(plot.get(), result, QObject::tr("Data loading against compute"));
        if (!save(QStringLiteral("time-split")))
            return false;
        if (!result.scaling.empty()) {
            plotScaling(plot.get(), result, QObject::tr("Scaling (eq. 6 speedup)"));
            if (!save(QStringLiteral("scaling")))
                return false;
        }
    }
    if (files.isEmpty()) {
        if (error)
            *error =
                QObject::tr("%1: nothing to draw: no eval/*.json, metrics.jsonl or bench/*.json")
                    .arg(runDir);
        return false;
    }
    if (written)
        *written = files;
    return true;
}

} // namespace fb::ui
