#include <facebench/ui/curve_plot.h>

#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include <facebench/ui/chart_style.h>
#include <facebench/ui/ema_smoothing.h>

#include "charts/chart_actions.h"

namespace fb::ui {

CurvePlot::CurvePlot(const QString& title, const QString& yLabel, QWidget* parent)
    : QWidget(parent), m_title(title), m_yLabel(yLabel) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("curvePlot"));
    m_plot->setMinimumSize(160, 120);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Right click: the chart as a figure for a paper (PNG, PDF or SVG, figure_export.h).
    addChartContextMenu(m_plot, title);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    updateAxisLabels();
    // The legend in a row under the axes, not on the curves (a rising accuracy runs into any
    // corner of the axes).
    QCPLayoutGrid* grid = m_plot->plotLayout();
    const int legendRow = grid->rowCount();
    grid->addElement(legendRow, 0, m_plot->legend);
    grid->setRowStretchFactor(legendRow, 0.001);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(2); // a third series starts a second row: the chart stays narrow
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));
    // As TensorBoard: hover reads the values off, a double click undoes zoom and drag.
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showValuesAt(event->pos()); });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) {
        rescale();
        m_plot->replot();
    });
}

void CurvePlot::showValuesAt(const QPoint& pos) {
    if (!m_plot->axisRect()->rect().contains(pos)) {
        QToolTip::hideText();
        return;
    }
    const double x = m_plot->xAxis->pixelToCoord(pos.x());
    QStringList lines;
    double shownKey = std::numeric_limits<double>::quiet_NaN();
    for (const Series& s : m_series) {
        const QSharedPointer<QCPGraphDataContainer> data = s.smooth->data();
        if (data->isEmpty())
            continue;
        auto nearest = data->constBegin();
        for (auto it = data->constBegin(); it != data->constEnd(); ++it)
            if (std::abs(it->key - x) < std::abs(nearest->key - x))
                nearest = it;
        const int index = int(nearest - data->constBegin());
        QString line = QStringLiteral("%1: %2").arg(s.name).arg(nearest->value, 0, 'g', 4);
        if (s.smoothed && s.raw && index < s.raw->data()->size())
            line = tr("%1: %2 (smoothed %3)")
                       .arg(s.name)
                       .arg(s.raw->data()->at(index)->value, 0, 'g', 4)
                       .arg(nearest->value, 0, 'g', 4);
        lines << line;
        if (std::isnan(shownKey))
            shownKey = nearest->key;
    }
    if (lines.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    lines.prepend(
        QStringLiteral("<b>%1 %2</b>").arg(m_plot->xAxis->label()).arg(shownKey, 0, 'g', 6));
    QToolTip::showText(m_plot->mapToGlobal(pos), lines.join(QStringLiteral("<br>")), m_plot);
}

void CurvePlot::updateAxisLabels() {
    ChartLabels labels;
    labels.title = m_title;
    labels.yLabel = m_yLabel;
    switch (m_xAxis) {
    case CurveXAxis::Step:
        labels.xLabel = tr("Step (iterations)");
        break;
    case CurveXAxis::Epoch:
        labels.xLabel = tr("Epoch");
        break;
    case CurveXAxis::WallTime:
        labels.xLabel = tr("Wall time (s)");
        break;
    }
    labels.legend = m_series.size() > 1;
    labels.legendAlignment = Qt::AlignTop | Qt::AlignRight;
    styleChart(m_plot, labels);
    // The legend is a row under the axes (see the constructor): no box around it.
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
}

int CurvePlot::addSeries(const QString& name, const QColor& color, bool smoothed, bool markers) {
    Series s;
    s.name = name;
    s.smoothed = smoothed;
    if (smoothed) {
        s.raw = m_plot->addGraph();
        QColor faint = color;
        faint.setAlpha(70);
        s.raw->setPen(QPen(faint, 1.0));
        s.raw->removeFromLegend();
    }
    s.smooth = m_plot->addGraph();
    s.smooth->setName(name);
    s.smooth->setPen(QPen(color, 2.0));
    s.markers = !smoothed && markers;
    m_series.push_back(std::move(s));
    updateAxisLabels();
    return static_cast<int>(m_series.size()) - 1;
}

void CurvePlot::appendPoint(int series, double step, double epoch, double wallSeconds, double y) {
    if (series < 0 || series >= seriesCount())
        return;
    Series& s = m_series[series];
    s.step.push_back(step);
    s.epoch.push_back(epoch);
    s.wall.push_back(wallSeconds);
    s.y.push_back(y);
}

void CurvePlot::clearData() {
    for (Series& s : m_series) {
        s.step.clear();
        s.epoch.clear();
        s.wall.clear();
        s.y.clear();
    }
    refresh();
}

int CurvePlot::pointCount(int series) const {
    return series >= 0 && series < seriesCount() ? static_cast<int>(m_series[series].y.size()) : 0;
}

double CurvePlot::lastValue(int series) const {
    if (pointCount(series) == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return m_series[series].y.back();
}

void CurvePlot::setSmoothing(double weight) {
    m_smoothing = weight;
    refresh();
}

void CurvePlot::setLogY(bool on) {
    m_logY = on;
    if (on) {
        m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic); // ticks: updateLogTicks
    } else {
        m_plot->yAxis->setScaleType(QCPAxis::stLinear);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
        m_plot->yAxis->setNumberPrecision(6);
    }
    refresh();
}

void CurvePlot::setXAxis(CurveXAxis axis) {
    m_xAxis = axis;
    updateAxisLabels();
    refresh();
}

const std::vector<double>& CurvePlot::xValues(const Series& s) const {
    switch (m_xAxis) {
    case CurveXAxis::Step:
        return s.step;
    case CurveXAxis::Epoch:
        return s.epoch;
    case CurveXAxis::WallTime:
        return s.wall;
    }
    return s.step;
}

double CurvePlot::stepsPerEpoch() const {
    // From the last epoch boundary in the data: between the last step logged in epoch E - 1
    // and the first logged in E. 0 while the run is in its first epoch.
    std::int64_t lastEpoch = 0;
    for (const Series& s : m_series)
        for (double e : s.epoch)
            lastEpoch = std::max(lastEpoch, std::int64_t(e));
    if (lastEpoch < 1)
        return 0;
    double before = 0, after = std::numeric_limits<double>::infinity();
    for (const Series& s : m_series)
        for (std::size_t i = 0; i < s.epoch.size(); ++i) {
            if (std::int64_t(s.epoch[i]) == lastEpoch - 1)
                before = std::max(before, s.step[i]);
            else if (std::int64_t(s.epoch[i]) == lastEpoch)
                after = std::min(after, s.step[i]);
        }
    if (!std::isfinite(after))
        return 0;
    return (before + after) / 2 / double(lastEpoch);
}

void CurvePlot::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void CurvePlot::rescale() {
    // The ranges follow the data alone: nothing of a previous run's, a single point in the
    // middle of a readable range, the last point (a validation dot) clear of the frame.
    double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin;
    double yMin = xMin, yMax = -xMin;
    for (const Series& s : m_series)
        for (QCPGraph* graph : {s.raw, s.smooth}) {
            if (!graph || !graph->visible())
                continue;
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
                if (!std::isfinite(it->value) || (m_logY && it->value <= 0))
                    continue;
                xMin = std::min(xMin, it->key), xMax = std::max(xMax, it->key);
                yMin = std::min(yMin, it->value), yMax = std::max(yMax, it->value);
            }
        }
    // An empty chart has nothing to name: no empty legend box.
    m_plot->legend->setVisible(m_series.size() > 1 && xMin <= xMax);
    if (!(xMin <= xMax)) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(m_logY ? 0.1 : 0, 1);
        updateLogTicks();
        return;
    }
    const double xLower = xMin >= 0 ? 0 : xMin;
    const double xSpan = xMax > xLower ? xMax - xLower : 1;
    m_plot->xAxis->setRange(xLower, xMax + 0.04 * xSpan);
    if (m_logY) {
        const double factor = yMax > yMin ? 1.2 : 2;
        m_plot->yAxis->setRange(yMin / factor, yMax * factor);
    } else {
        const double pad =
            yMax > yMin ? 0.05 * (yMax - yMin) : (yMax != 0 ? 0.1 * std::abs(yMax) : 1);
        double lower = yMin - pad;
        if (yMin >= 0 && lower < 0) // a quantity that cannot be negative: no axis below zero
            lower = 0;
        m_plot->yAxis->setRange(lower, yMax + pad);
    }
    updateLogTicks();
}

void CurvePlot::updateLogTicks() {
    if (!m_logY)
        return;
    // Under two decades a log ticker has one or two powers of ten to label: plain numbers at
    // linear steps read better there; wider ranges label the powers of ten.
    const QCPRange range = m_plot->yAxis->range();
    if (range.upper / range.lower < 100) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    } else {
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        ticker->setSubTickCount(8);
        m_plot->yAxis->setTicker(ticker);
    }
    m_plot->yAxis->setNumberFormat(QStringLiteral("g"));
    m_plot->yAxis->setNumberPrecision(3);
}

void CurvePlot::refresh() {
    // A chart on a page the user is not looking at costs nothing until it is shown.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    const double perEpoch = m_xAxis == CurveXAxis::Epoch ? stepsPerEpoch() : 0;
    for (Series& s : m_series) {
        std::vector<double> x = xValues(s);
        // Logged epochs are whole numbers: a fractional epoch keeps a curve a curve.
        if (perEpoch > 0)
            for (std::size_t i = 0; i < x.size(); ++i)
                x[i] = s.step[i] / perEpoch;
        QVector<double> keys;
        QVector<double> rawValues;
        keys.reserve(static_cast<int>(x.size()));
        for (std::size_t i = 0; i < x.size(); ++i) {
            // A run read from disk has no wall time: those points are left out of that view.
            if (x[i] < 0 && m_xAxis == CurveXAxis::WallTime)
                continue;
            keys.append(x[i]);
            rawValues.append(s.y[i]);
        }
        // A line needs two points: a series with one is drawn as a dot.
        if (keys.size() == 1 || s.markers)
            s.smooth->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        else
            s.smooth->setScatterStyle(QCPScatterStyle());
        if (!s.smoothed) {
            s.smooth->setData(keys, rawValues, true);
            continue;
        }
        const std::vector<double> smooth =
            debiasedEma(std::vector<double>(rawValues.begin(), rawValues.end()), m_smoothing);
        const bool showRaw = m_smoothing > 0;
        s.raw->setVisible(showRaw);
        s.raw->setData(keys, rawValues, true);
        s.smooth->setData(keys, QVector<double>(smooth.begin(), smooth.end()), true);
    }
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fb::ui
