// Evaluation figures (facebench/ui/eval_charts.h).
#include "facebench/ui/eval_charts.h"

#include "facebench/errors.h"
#include "facebench/ui/chart_style.h"
#include "facebench/ui/to_qstring.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

// A vertical interval whisker from (x, low) to (x, high) with caps: an item, so its ends are the
// interval's bounds exactly (intervalWhiskers reads them back).
void addWhisker(QCustomPlot* plot, double x, double low, double high, const QColor& color) {
    auto* line = new QCPItemLine(plot);
    line->setObjectName(QStringLiteral("interval-whisker"));
    line->start->setCoords(x, low);
    line->end->setCoords(x, high);
    line->setPen(QPen(color, 1.5));
    line->setHead(QCPLineEnding(QCPLineEnding::esBar, 8));
    line->setTail(QCPLineEnding(QCPLineEnding::esBar, 8));
}

// Series `index` of `count` draws its whiskers beside the others' at the same x (galleries share
// ranks and FPIRs): 0.12 ranks apart on a linear axis, 0.04 decades apart on a log one.
void addWhiskers(QCustomPlot* plot, const std::vector<RatePoint>& points, int index, int count) {
    const double shift = index - (count - 1) / 2.0;
    const bool log = plot->xAxis->scaleType() == QCPAxis::stLogarithmic;
    for (const RatePoint& p : points)
        if (p.hasInterval())
            addWhisker(plot, log ? p.x * std::pow(10.0, 0.04 * shift) : p.x + 0.12 * shift, p.low,
                       p.high, seriesColor(index));
}

// A result file is a few kilobytes to a few megabytes (IJB-C's CMC has ~3500 ranks); anything
// far larger is not one, and is refused before it is read.
constexpr qint64 kMaxResultBytes = 64ll << 20;

[[noreturn]] void malformed(const QString& path, const QString& key, const std::string& what) {
    throw InputError(SourceLocation{path.toStdString()}, key.toStdString(), what);
}

double numberAt(const QJsonObject& o, const QString& key, const QString& path,
                const QString& where) {
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        malformed(path, where + QLatin1Char('.') + key, "missing or not a number");
    return v.toDouble();
}

// Rows {xKey, rateKey, ["ci": [low, high]], ["resolvable"]}: a null interval bound (the core
// writes null for NaN) leaves the point without an interval.
std::vector<RatePoint> ratePoints(const QJsonObject& gallery, const QString& list,
                                  const QString& xKey, const QString& rateKey, const QString& path,
                                  const QString& where) {
    const QJsonValue rows = gallery.value(list);
    if (!rows.isArray())
        malformed(path, where + QLatin1Char('.') + list, "missing or not a list");
    std::vector<RatePoint> out;
    const QJsonArray array = rows.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("%1.%2[%3]").arg(where, list).arg(i);
        if (!array[i].isObject())
            malformed(path, at, "not an object");
        const QJsonObject row = array[i].toObject();
        RatePoint p;
        p.x = numberAt(row, xKey, path, at);
        p.rate = numberAt(row, rateKey, path, at);
        p.resolvable = row.value(QStringLiteral("resolvable")).toBool(true);
        const QJsonArray ci = row.value(QStringLiteral("ci")).toArray();
        if (ci.size() == 2 && ci[0].isDouble() && ci[1].isDouble())
            p.low = ci[0].toDouble(), p.high = ci[1].toDouble();
        out.push_back(p);
    }
    return out;
}

// The power of ten at or below `v`.
double decadeBelow(double v) {
    return std::pow(10.0, std::floor(std::log10(v)));
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

std::vector<RatePoint> tarIntervalPoints(const VerificationBlock& block) {
    std::vector<RatePoint> out;
    for (std::size_t i = 0; i < block.tarAtFar.size() && i < block.tarIntervals.size(); ++i) {
        const TarAtFar& t = block.tarAtFar[i];
        RatePoint p;
        p.x = t.far;
        p.rate = t.tar;
        p.low = block.tarIntervals[i].low;
        p.high = block.tarIntervals[i].high;
        p.resolvable = t.resolvable;
        if (t.resolvable && t.far > 0 && p.hasInterval())
            out.push_back(p);
    }
    return out;
}

void plotRocCurves(QCustomPlot* plot, const QList<RocSeries>& series, const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, QObject::tr("False accept rate (FAR, log scale)"),
                      QObject::tr("True accept rate (TAR)"), true,
                      Qt::AlignVCenter | Qt::AlignLeft}); // the empty low-FAR, mid-TAR area
    // Down to 1e-5 as the seed's figures, lower where a set resolves lower FARs (IJB-C, 1e-6).
    double lower = kFarLower;
    for (const RocSeries& s : series) {
        if (!s.fpr.empty())
            lower = std::min(lower, decadeBelow(s.fpr.front()));
        for (const RatePoint& p : s.intervals)
            lower = std::min(lower, decadeBelow(p.x));
    }
    setLogAxis(plot->xAxis, lower, 1.0);
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
        addWhiskers(plot, s.intervals, i, int(series.size()));
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

void plotCmcCurves(QCustomPlot* plot, const QList<IdentificationResult>& galleries,
                   const QString& title) {
    resetChart(plot);
    double maxRank = 1;
    for (const IdentificationResult& g : galleries)
        if (!g.cmc.empty())
            maxRank = std::max(maxRank, g.cmc.back().x);
    const bool logRanks = maxRank > 20;
    styleChart(plot, {title, logRanks ? QObject::tr("Rank (log scale)") : QObject::tr("Rank"),
                      QObject::tr("Identification rate (closed set)"), true,
                      Qt::AlignBottom | Qt::AlignRight}); // a CMC rises to the top right
    if (logRanks) {
        setLogAxis(plot->xAxis, 1, maxRank * 1.3);
    } else {
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        plot->xAxis->setTicker(ticker);
        plot->xAxis->setRange(0.5, maxRank + 0.5);
    }
    plot->yAxis->setRange(0, 1.02);
    for (int i = 0; i < galleries.size(); ++i) {
        const IdentificationResult& g = galleries[i];
        QCPGraph* curve = plot->addGraph();
        curve->setName(QObject::tr("Gallery %1 (%2 subjects, %3 mated probes)")
                           .arg(g.gallery)
                           .arg(g.gallerySubjects)
                           .arg(g.matedProbes));
        curve->setPen(seriesPen(i));
        curve->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(i), seriesColor(i), 5));
        for (const RatePoint& p : g.cmc)
            curve->addData(p.x, p.rate);
        addWhiskers(plot, g.rankK, i, int(galleries.size()));
    }
    plot->legend->setVisible(!galleries.isEmpty());
}

void plotTpirCurves(QCustomPlot* plot, const QList<IdentificationResult>& galleries,
                    const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, QObject::tr("False positive identification rate (FPIR, log scale)"),
                      QObject::tr("True positive identification rate (TPIR)"), true,
                      Qt::AlignTop | Qt::AlignLeft}); // TPIR grows with FPIR: top left is free
    double lo = 1, hi = 0;
    for (const IdentificationResult& g : galleries)
        for (const RatePoint& p : g.tpir)
            if (p.x > 0)
                lo = std::min(lo, p.x), hi = std::max(hi, p.x);
    if (!(hi >= lo))
        lo = 1e-3, hi = 1e-1;
    // A third of a decade beyond the outer FPIRs, so their whiskers are not on the frame.
    setLogAxis(plot->xAxis, lo / 3, std::min(1.0, hi * 3));
    plot->yAxis->setRange(0, 1.02);
    QCPGraph* hollowNamed = nullptr; // the one legend entry for hollow points
    for (int i = 0; i < galleries.size(); ++i) {
        const IdentificationResult& g = galleries[i];
        QCPGraph* curve = plot->addGraph();
        curve->setName(
            QObject::tr("Gallery %1 (%2 non-mated probes)").arg(g.gallery).arg(g.nonMatedProbes));
        curve->setPen(seriesPen(i));
        curve->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(i), seriesColor(i), 7));
        QCPGraph* hollow = plot->addGraph();
        hollow->setPen(seriesPen(i));
        hollow->setLineStyle(QCPGraph::lsNone);
        hollow->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, seriesColor(i), Qt::white, 7));
        for (const RatePoint& p : g.tpir) {
            curve->addData(p.x, p.rate);
            if (!p.resolvable)
                hollow->addData(p.x, p.rate);
        }
        if (hollow->dataCount() > 0 && !hollowNamed) {
            hollow->setName(QObject::tr("Not resolvable (fewer than 1/FPIR non-mated probes)"));
            hollowNamed = hollow;
        } else {
            hollow->removeFromLegend();
        }
        addWhiskers(plot, g.tpir, i, int(galleries.size()));
    }
    if (hollowNamed) { // below the galleries' entries
        hollowNamed->removeFromLegend();
        hollowNamed->addToLegend();
    }
    plot->legend->setVisible(!galleries.isEmpty());
}

std::vector<IdentificationResult> readIdentification(const QString& ijbJsonPath) {
    QFile file(ijbJsonPath);
    if (!file.open(QIODevice::ReadOnly))
        malformed(ijbJsonPath, {}, "cannot open the result file");
    if (file.size() > kMaxResultBytes)
        malformed(ijbJsonPath, {}, "larger than 64 MiB: not a result file");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        malformed(ijbJsonPath, {}, "not a JSON object: " + error.errorString().toStdString());
    const QJsonValue identification = doc.object().value(QStringLiteral("identification"));
    if (identification.isUndefined())
        return {};
    if (!identification.isObject())
        malformed(ijbJsonPath, QStringLiteral("identification"), "not an object");
    std::vector<IdentificationResult> out;
    const QJsonObject galleries = identification.toObject();
    for (const QString& name : galleries.keys()) { // sorted: G1, G2
        const QString where = QStringLiteral("identification.") + name;
        if (!galleries[name].isObject())
            malformed(ijbJsonPath, where, "not an object");
        const QJsonObject g = galleries[name].toObject();
        IdentificationResult r;
        r.gallery = name;
        r.galleryTemplates = g.value(QStringLiteral("gallery_templates")).toInt();
        r.gallerySubjects = g.value(QStringLiteral("gallery_subjects")).toInt();
        r.matedProbes = g.value(QStringLiteral("mated_probes")).toInt();
        r.nonMatedProbes = g.value(QStringLiteral("non_mated_probes")).toInt();
        r.cmc = ratePoints(g, QStringLiteral("cmc"), QStringLiteral("rank"), QStringLiteral("rate"),
                           ijbJsonPath, where);
        r.rankK = ratePoints(g, QStringLiteral("rank_k"), QStringLiteral("rank"),
                             QStringLiteral("rate"), ijbJsonPath, where);
        r.tpir = ratePoints(g, QStringLiteral("tpir_at_fpir"), QStringLiteral("fpir"),
                            QStringLiteral("tpir"), ijbJsonPath, where);
        r.intervalMethod = g.value(QStringLiteral("intervals"))
                               .toObject()
                               .value(QStringLiteral("method"))
                               .toString();
        out.push_back(std::move(r));
    }
    return out;
}

QList<Whisker> intervalWhiskers(const QCustomPlot* plot) {
    QList<Whisker> out;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* line = qobject_cast<QCPItemLine*>(plot->item(i)))
            if (line->objectName() == QLatin1String("interval-whisker"))
                out.push_back({line->start->coords().x(), line->start->coords().y(),
                               line->end->coords().y()});
    return out;
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
    const double left = 0.3, right = lfw.foldAccuracies.size() + 0.7;
    mean->setData({left, right}, {100 * lfw.accuracy, 100 * lfw.accuracy});
    if (lfw.hasAccuracyInterval) {
        // The Student t interval over the folds as a band around the mean (filled between a
        // lower and an upper line; one legend entry).
        const double low = 100 * lfw.accuracyInterval.low, high = 100 * lfw.accuracyInterval.high;
        QCPGraph* lower = plot->addGraph();
        lower->setPen(Qt::NoPen);
        lower->setData({left, right}, {low, low});
        lower->removeFromLegend();
        QCPGraph* upper = plot->addGraph();
        upper->setPen(Qt::NoPen);
        QColor fill = seriesColor(1);
        fill.setAlpha(50);
        upper->setBrush(fill);
        upper->setChannelFillGraph(lower);
        upper->setData({left, right}, {high, high});
        upper->setName(QObject::tr("95% interval [%1, %2] (Student t over the folds)")
                           .arg(low, 0, 'f', 2)
                           .arg(high, 0, 'f', 2));
    }
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
