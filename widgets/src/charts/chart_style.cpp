// One consistent look for every chart (facebench/ui/chart_style.h).
#include "facebench/ui/chart_style.h"

#include <qcustomplot.h>

#include <array>

namespace fb::ui {

namespace {

// Okabe & Ito's colour-blind safe palette (black moved last: it is the text colour; their
// yellow, unreadable as a line on white, replaced by Tol's olive).
constexpr std::array<QRgb, 8> kPalette{0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                       0xE69F00, 0x56B4E9, 0x999933, 0x000000};

QFont chartFont(int delta = 0, bool bold = false) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSize(kChartFontPointSize + delta);
    font.setBold(bold);
    return font;
}

void styleAxis(QCPAxis* axis, const QString& label) {
    axis->setLabel(label);
    axis->setLabelFont(chartFont());
    axis->setTickLabelFont(chartFont(-1));
    axis->setBasePen(QPen(Qt::black, 1));
    axis->setTickPen(QPen(Qt::black, 1));
    axis->setSubTickPen(QPen(Qt::black, 1));
    axis->setTickLabelColor(Qt::black);
    axis->setLabelColor(Qt::black);
    axis->grid()->setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 1, Qt::SolidLine));
    axis->grid()->setSubGridVisible(false);
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

} // namespace

void styleChart(QCustomPlot* plot, const ChartLabels& labels) {
    plot->setBackground(Qt::white);
    plot->setFont(chartFont());
    styleAxis(plot->xAxis, labels.xLabel);
    styleAxis(plot->yAxis, labels.yLabel);
    // A closed frame without ticks on the top and right axes, as the seed's figures.
    for (QCPAxis* axis : {plot->xAxis2, plot->yAxis2}) {
        axis->setVisible(true);
        axis->setTickLabels(false);
        axis->setTicks(false);
        axis->setBasePen(QPen(Qt::black, 1));
    }
    // Room for the last bottom tick label ("10^0"), which overhangs the axis rect.
    plot->yAxis2->setPadding(14);
    plot->legend->setVisible(labels.legend);
    plot->legend->setFont(chartFont(-1));
    plot->legend->setBrush(QColor(255, 255, 255, 230));
    plot->legend->setBorderPen(QPen(QColor(0x99, 0x99, 0x99), 1));
    plot->legend->setRowSpacing(0);
    // A legend moved out of the axes (below them) keeps its place.
    if (plot->axisRect() && plot->legend->layout() == plot->axisRect()->insetLayout())
        plot->axisRect()->insetLayout()->setInsetAlignment(0, labels.legendAlignment);

    // The title lives in its own layout row; find ours before adding one.
    QCPTextElement* title = nullptr;
    if (plot->plotLayout()->rowCount() > 1)
        title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
    if (!labels.title.isEmpty()) {
        if (!title) {
            plot->plotLayout()->insertRow(0);
            title = new QCPTextElement(plot, labels.title, chartFont(2, true));
            plot->plotLayout()->addElement(0, 0, title);
        }
        title->setText(labels.title);
        title->setFont(chartFont(2, true));
        title->setTextColor(Qt::black);
    } else if (title) {
        plot->plotLayout()->remove(title);
        plot->plotLayout()->simplify();
    }
}

void resetChart(QCustomPlot* plot) {
    plot->clearPlottables();
    plot->clearItems();
    plot->clearGraphs();
    // An empty chart keeps no title or legend box of the figure it showed before.
    plot->legend->setVisible(false);
    if (plot->plotLayout()->rowCount() > 1)
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
            plot->plotLayout()->remove(title);
    // A colour scale left over from a heatmap lives in the layout, not among the plottables.
    for (int i = plot->plotLayout()->elementCount() - 1; i >= 0; --i)
        if (auto* scale = qobject_cast<QCPColorScale*>(plot->plotLayout()->elementAt(i)))
            plot->plotLayout()->remove(scale);
    plot->plotLayout()->simplify();
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
        axis->setRangeReversed(false);
        axis->setTickLabelRotation(0);
        axis->grid()->setVisible(true);
    }
}

void setLogAxis(QCPAxis* axis, double lower, double upper) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(10);
    ticker->setSubTickCount(8);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("eb")); // 10^-3 with a superscript exponent
    axis->setNumberPrecision(0);
    axis->setRange(lower, upper);
}

QColor seriesColor(int index) {
    const int n = static_cast<int>(kPalette.size());
    return QColor(kPalette[static_cast<std::size_t>(((index % n) + n) % n)]);
}

QPen seriesPen(int index, double width) {
    QPen pen(seriesColor(index));
    pen.setWidthF(width);
    return pen;
}

} // namespace fb::ui
