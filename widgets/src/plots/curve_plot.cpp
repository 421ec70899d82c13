#include <facebench/ui/curve_plot.h>

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include <facebench/ui/chart_style.h>
#include <facebench/ui/ema_smoothing.h>
#include <facebench/ui/figure_export.h>

namespace fb::ui {

CurvePlot::CurvePlot(const QString& title, const QString& yLabel, QWidget* parent)
    : QWidget(parent), m_title(title), m_yLabel(yLabel) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("curvePlot"));
    m_plot->setMinimumSize(160, 120);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Right click: the chart as a figure for a paper (PNG, PDF or SVG, figure_export.h).
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu;
        QAction* exportAction = menu.addAction(tr("Export Figure…"));
        if (menu.exec(m_plot->mapToGlobal(pos)) != exportAction)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Figure"),
                                                          m_title + QStringLiteral(".pdf"),
                                                          tr("Figures (*.pdf *.svg *.png)"));
        QString error;
        if (!path.isEmpty() && !exportFigure(m_plot, path, FigureSize{}, &error))
            QMessageBox::warning(this, tr("Export Figure"), error);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    updateAxisLabels();
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
    if (!smoothed && markers)
        s.smooth->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
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
        m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        m_plot->yAxis->setNumberFormat(QStringLiteral("eb"));
        m_plot->yAxis->setNumberPrecision(0);
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

void CurvePlot::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void CurvePlot::refresh() {
    // A chart on a page the user is not looking at costs nothing until it is shown.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    for (Series& s : m_series) {
        const std::vector<double>& x = xValues(s);
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
    bool any = false;
    for (const Series& s : m_series)
        any = any || !s.y.empty();
    if (any) {
        m_plot->rescaleAxes(true);
        // A little headroom so the curve does not sit on the frame.
        const QCPRange y = m_plot->yAxis->range();
        if (m_logY)
            m_plot->yAxis->setRange(y.lower / 1.2, y.upper * 1.2);
        else if (y.size() > 0)
            m_plot->yAxis->setRange(y.lower - 0.05 * y.size(), y.upper + 0.05 * y.size());
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace fb::ui
