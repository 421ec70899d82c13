#include "dataset_stats_view.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <facebench/ui/chart_style.h>

#include <algorithm>

namespace fb::ui {

DepthHistogram depthHistogram(const std::vector<long long>& depths, int maxBins) {
    DepthHistogram histogram;
    if (depths.empty() || maxBins < 1)
        return histogram;
    const auto [minIt, maxIt] = std::minmax_element(depths.begin(), depths.end());
    const long long lo = *minIt;
    const long long span = *maxIt - lo + 1;
    histogram.binWidth = (span + maxBins - 1) / maxBins;
    const long long bins = (span + histogram.binWidth - 1) / histogram.binWidth;
    histogram.counts.assign(static_cast<std::size_t>(bins), 0);
    for (long long b = 0; b < bins; ++b) {
        histogram.lower.push_back(lo + b * histogram.binWidth);
        histogram.upper.push_back(lo + (b + 1) * histogram.binWidth - 1);
    }
    for (long long depth : depths)
        ++histogram.counts[static_cast<std::size_t>((depth - lo) / histogram.binWidth)];
    return histogram;
}

DatasetStatsView::DatasetStatsView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("datasetStatsView"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("statsSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_plot = new QCustomPlot;
    m_plot->setObjectName(QStringLiteral("depthHistogram"));
    m_plot->setMinimumHeight(150); // the page fits a 1366 x 768 screen without scrolling
    ChartLabels labels;
    labels.title = tr("Depth: images per identity");
    labels.xLabel = tr("Images per identity (count)");
    labels.yLabel = tr("Identities (count)");
    labels.legend = false;
    styleChart(m_plot, labels);
    // Both axes count whole things: ticks on whole numbers only (multiples of 1, 2, 5, 10, ...).
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        axis->setTicker(ticker);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_plot, 1);
    clear();
}

void DatasetStatsView::clear() {
    m_histogram = {};
    m_summary->setText(tr("No dataset indexed."));
    m_plot->clearPlottables();
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot();
}

void DatasetStatsView::setStats(const fb::DatasetStats& stats, const std::vector<long long>& depths,
                                const QString& format, long long problems) {
    if (stats.identities == 0) {
        clear();
        return;
    }
    const QLocale locale;
    // The layout of Table 16: breadth, images, depth (plus the spread the average hides).
    m_summary->setText(tr("<table cellspacing='2'>"
                          "<tr><td>Format:</td><td><b>%1</b></td></tr>"
                          "<tr><td>Breadth (identities):</td><td><b>%2</b></td></tr>"
                          "<tr><td>Images:</td><td><b>%3</b></td></tr>"
                          "<tr><td>Depth (images per identity), mean:</td><td><b>%4</b></td></tr>"
                          "<tr><td>Depth, median:</td><td>%5</td></tr>"
                          "<tr><td>Depth, min – max:</td><td>%6 – %7</td></tr>"
                          "<tr><td>Problems:</td><td>%8</td></tr></table>")
                           .arg(format.toHtmlEscaped(), locale.toString(stats.identities),
                                locale.toString(stats.images),
                                locale.toString(stats.meanPerIdentity, 'f', 1),
                                locale.toString(stats.medianPerIdentity, 'g', 6),
                                locale.toString(stats.minPerIdentity),
                                locale.toString(stats.maxPerIdentity), locale.toString(problems)));

    m_histogram = depthHistogram(depths);
    m_plot->clearPlottables();
    auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(tr("Identities"));
    bars->setPen(QPen(seriesColor(0).darker(130)));
    bars->setBrush(seriesColor(0));
    bars->setWidth(m_histogram.binWidth * 0.9);
    QVector<double> keys, values;
    long long tallest = 0;
    for (std::size_t i = 0; i < m_histogram.counts.size(); ++i) {
        // A bar stands over the whole numbers it counts.
        keys << (m_histogram.lower[i] + m_histogram.upper[i]) / 2.0;
        values << static_cast<double>(m_histogram.counts[i]);
        tallest = std::max(tallest, m_histogram.counts[i]);
    }
    bars->setData(keys, values, true);
    // Room either side so the outer bars do not touch the axes.
    const double span =
        static_cast<double>(m_histogram.upper.back() - m_histogram.lower.front() + 1);
    const double pad = std::max<double>(m_histogram.binWidth, 0.05 * span);
    const double left = m_histogram.lower.front() - pad;
    const double right = m_histogram.upper.back() + pad;
    m_plot->xAxis->setRange(left, right);
    m_plot->yAxis->setRange(0, std::max<double>(1.0, tallest * 1.1));
    m_plot->replot();
}

} // namespace fb::ui
