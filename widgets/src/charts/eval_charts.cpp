// Evaluation figures (facebench/ui/eval_charts.h).
#include "facebench/ui/eval_charts.h"

#include "facebench/ui/chart_style.h"
#include "facebench/ui/to_qstring.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace fb::ui {

namespace {

constexpr double kFarLower = 1e-5; // the seed's figures go down to 0.001%

QCPItemText* label(QCustomPlot* plot, const QString& text, double x, double y, Qt::Alignment align,
                   int pointSize = kChartFontPointSize - 1) {
    auto* item = new QCPItemText(plot);
    item->position->setType(QCPItemPosition::ptPlotCoords);
    item->position->setCoords(x, y);
    item->setPositionAlignment(align);
    item->setText(text);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(pointSize);
    item->setFont(font);
    item->setClipToAxisRect(true);
    return item;
}

} // namespace

const std::vector<double>& reportedFars() {
    static const std::vector<double> fars{1e-2, 1e-3, 1e-4};
    return fars;
}

QString farLabel(double far) {
    return QString::number(far * 100, 'g', 6) + QLatin1Char('%');
}

QString levelTitle(const std::string& level) {
    QString s = toQString(level);
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

RocSeries rocSeries(const QString& name, const ScoreSet& scores, int points) {
    RocSeries s;
    s.name = name;
    if (scores.genuine.empty() || scores.impostor.empty())
        return s;
    const SortedScores sorted = sortScores(scores);
    const RocCurve roc = rocCurve(sorted);
    // Keep the last (highest-TAR) ROC point of each log-FAR bucket: the staircase's upper
    // envelope, which is what TAR@FAR reads (docs/ARCHITECTURE.md).
    const double perDecade = std::max(1, points) / 5.0;
    long lastBucket = std::numeric_limits<long>::min();
    for (std::size_t i = 0; i < roc.fpr.size(); ++i) {
        if (roc.fpr[i] <= 0)
            continue;
        const long bucket = static_cast<long>(std::floor(std::log10(roc.fpr[i]) * perDecade));
        if (bucket == lastBucket && !s.fpr.empty()) {
            s.fpr.back() = roc.fpr[i];
            s.tpr.back() = roc.tpr[i];
        } else {
            s.fpr.push_back(roc.fpr[i]);
            s.tpr.push_back(roc.tpr[i]);
            lastBucket = bucket;
        }
    }
    for (double far : reportedFars()) {
        s.markFar.push_back(far);
        s.marks.push_back(tarAtFar(sorted, far));
    }
    return s;
}

void plotRocCurves(QCustomPlot* plot, const QList<RocSeries>& series, const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, QObject::tr("False accept rate (FAR, log scale)"),
                      QObject::tr("True accept rate (TAR)"), true,
                      Qt::AlignVCenter | Qt::AlignLeft}); // the empty low-FAR, mid-TAR area
    setLogAxis(plot->xAxis, kFarLower, 1.0);
    plot->yAxis->setRange(0, 1.02);
    for (int i = 0; i < series.size(); ++i) {
        const RocSeries& s = series[i];
        QCPGraph* g = plot->addGraph();
        g->setName(s.name);
        g->setPen(seriesPen(i));
        g->setLineStyle(QCPGraph::lsStepLeft);
        QVector<double> x(s.fpr.begin(), s.fpr.end()), y(s.tpr.begin(), s.tpr.end());
        g->setData(x, y, true);
        // TAR at each reported FAR, on the curve (resolvable FARs only: the others are 0/1).
        QCPGraph* marks = plot->addGraph();
        marks->setPen(seriesPen(i));
        marks->setLineStyle(QCPGraph::lsNone);
        marks->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, seriesColor(i), Qt::white, 7));
        for (std::size_t m = 0; m < s.marks.size(); ++m)
            if (s.marks[m].resolvable)
                marks->addData(s.markFar[m], s.marks[m].tar);
        marks->removeFromLegend();
    }
    // Dashed verticals at 1%, 0.1%, 0.01% with their labels at the top (Tables 3-6 columns).
    for (double far : reportedFars()) {
        auto* line = new QCPItemStraightLine(plot);
        line->point1->setCoords(far, 0);
        line->point2->setCoords(far, 1);
        line->setPen(QPen(QColor(0x77, 0x77, 0x77), 1, Qt::DashLine));
        label(plot, QStringLiteral("FAR ") + farLabel(far), far * 1.15, 1.0,
              Qt::AlignLeft | Qt::AlignTop);
    }
    plot->legend->setVisible(!series.isEmpty()); // no empty legend box
}

void plotScoreHistogram(QCustomPlot* plot, const ScoreSet& scores, double threshold,
                        const QString& thresholdLabel, const QString& title, int bins) {
    resetChart(plot);
    styleChart(plot,
               {title, QObject::tr("Cosine similarity score"),
                QObject::tr("Fraction of pairs per bin"), true, Qt::AlignTop | Qt::AlignLeft});
    bins = std::max(bins, 2);
    double lo = 1, hi = -1;
    for (const auto* set : {&scores.genuine, &scores.impostor})
        for (double v : *set)
            lo = std::min(lo, v), hi = std::max(hi, v);
    if (!(hi > lo))
        lo = -1, hi = 1;
    const double width = (hi - lo) / bins;
    double top = 0;
    int index = 0;
    for (const auto& [set, name] : {std::pair{&scores.impostor, QObject::tr("Impostor pairs")},
                                    std::pair{&scores.genuine, QObject::tr("Genuine pairs")}}) {
        QVector<double> keys(bins), values(bins, 0.0);
        for (int b = 0; b < bins; ++b)
            keys[b] = lo + (b + 0.5) * width;
        for (double v : *set)
            values[std::clamp(static_cast<int>((v - lo) / width), 0, bins - 1)] += 1;
        for (double& v : values)
            v /= std::max<std::size_t>(set->size(), 1);
        top = std::max(top, *std::max_element(values.begin(), values.end()));
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(name + QStringLiteral(" (n = %1)").arg(set->size()));
        bars->setWidth(width);
        QColor fill = seriesColor(index == 0 ? 1 : 0);
        bars->setPen(QPen(fill.darker(130), 1));
        fill.setAlpha(110);
        bars->setBrush(fill);
        bars->setData(keys, values, true);
        ++index;
    }
    plot->xAxis->setRange(lo - width, hi + width);
    plot->yAxis->setRange(0, top * 1.15 + 1e-9);
    if (std::isfinite(threshold)) {
        auto* line = new QCPItemStraightLine(plot);
        line->point1->setCoords(threshold, 0);
        line->point2->setCoords(threshold, 1);
        line->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
        label(plot, thresholdLabel, threshold, top * 1.12, Qt::AlignRight | Qt::AlignTop)
            ->setPadding(QMargins(0, 0, 4, 0));
    }
}

void plotLfwFolds(QCustomPlot* plot, const EvalResult& lfw, const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, QObject::tr("Held-out fold"), QObject::tr("Accuracy (%)"), true,
                      Qt::AlignTop | Qt::AlignLeft});
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(QObject::tr("Fold accuracy"));
    bars->setPen(QPen(seriesColor(0).darker(130), 1));
    bars->setBrush(seriesColor(0).lighter(140));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (std::size_t i = 0; i < lfw.foldAccuracies.size(); ++i) {
        const double pct = 100 * lfw.foldAccuracies[i];
        bars->addData(double(i + 1), pct);
        ticker->addTick(double(i + 1), QString::number(i + 1));
        label(plot, QString::number(pct, 'f', 1), double(i + 1), pct,
              Qt::AlignHCenter | Qt::AlignBottom, kChartFontPointSize - 2);
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.3, lfw.foldAccuracies.size() + 0.7);
    // Bars start at zero: a cut axis would make a one-point difference look like a doubling.
    // Above 100%, room for the value labels and the legend, without a tick label.
    plot->yAxis->setRange(0, 118);
    QCPGraph* mean = plot->addGraph();
    mean->setName(QObject::tr("Mean %1% \u00b1 %2 (s.e.)")
                      .arg(100 * lfw.accuracy, 0, 'f', 2)
                      .arg(100 * lfw.standardError, 0, 'f', 2));
    mean->setPen(QPen(seriesColor(1), 2, Qt::DashLine));
    mean->setData({0.3, lfw.foldAccuracies.size() + 0.7}, {100 * lfw.accuracy, 100 * lfw.accuracy});
}

void plotSimilarityHeatmap(QCustomPlot* plot, const SimilarityMatrix& matrix,
                           const QString& title) {
    resetChart(plot);
    const QString what = matrix.study == "pose" ? QObject::tr("Pose") : QObject::tr("Age");
    styleChart(plot, {title, QObject::tr("%1 of template B (level)").arg(what),
                      QObject::tr("%1 of template A (level)").arg(what), false});
    const int n = static_cast<int>(matrix.levels.size());
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    double lo = 1, hi = -1;
    QSharedPointer<QCPAxisTickerText> xt(new QCPAxisTickerText), yt(new QCPAxisTickerText);
    for (int a = 0; a < n; ++a) {
        xt->addTick(a, levelTitle(matrix.levels[static_cast<std::size_t>(a)]));
        yt->addTick(a, levelTitle(matrix.levels[static_cast<std::size_t>(a)]));
        for (int b = 0; b < n; ++b) {
            const double v =
                matrix.values[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
            map->data()->setCell(b, a, v);
            if (std::isfinite(v))
                lo = std::min(lo, v), hi = std::max(hi, v);
        }
    }
    if (!(hi > lo))
        lo -= 0.05, hi += 0.05;
    QCPColorGradient gradient(QCPColorGradient::gpGrayscale);
    gradient.clearColorStops();
    gradient.setColorStopAt(0, QColor(0xF7, 0xFB, 0xFF));
    gradient.setColorStopAt(0.5, QColor(0x6B, 0xAE, 0xD6));
    gradient.setColorStopAt(1, QColor(0x08, 0x30, 0x6B));
    map->setGradient(gradient);
    map->setInterpolate(false);
    map->setDataRange(QCPRange(lo, hi));
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            const double v =
                matrix.values[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
            QCPItemText* t = label(plot, QString::number(v, 'f', 3), b, a, Qt::AlignCenter,
                                   kChartFontPointSize + 1);
            t->setObjectName(QStringLiteral("heatmap-cell"));
            t->setColor((v - lo) / (hi - lo) > 0.55 ? Qt::white : Qt::black);
        }
    plot->xAxis->setTicker(xt);
    plot->yAxis->setTicker(yt);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    plot->xAxis->setRange(-0.5, n - 0.5);
    plot->yAxis->setRange(-0.5, n - 0.5);
    plot->yAxis->setRangeReversed(true); // row 0 at the top, as the seed's tables
    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(plot->plotLayout()->rowCount() - 1, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->setGradient(gradient);
    scale->setDataRange(QCPRange(lo, hi));
    scale->axis()->setLabel(QObject::tr("Mean cosine similarity"));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(kChartFontPointSize);
    scale->axis()->setLabelFont(font);
    font.setPointSize(kChartFontPointSize - 1);
    scale->axis()->setTickLabelFont(font);
    scale->setBarWidth(12);
    auto* group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    map->setColorScale(scale);
}

QStringList heatmapCellTexts(const QCustomPlot* plot) {
    QStringList out;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* t = qobject_cast<QCPItemText*>(plot->item(i)))
            if (t->objectName() == QLatin1String("heatmap-cell"))
                out << t->text();
    return out;
}

} // namespace fb::ui
