#pragma once
// One training chart (loss, accuracy, lr, images/s, time per step): QCustomPlot series that grow
// point by point, each drawn raw (faint) and smoothed with TensorBoard's debiased EMA, with a
// log-y option and the x axis as optimiser step, epoch or wall time. The live Training panel
// and the Runs panel (metrics.jsonl) show the same widget.
#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

namespace fb::ui {

enum class CurveXAxis { Step, Epoch, WallTime };

class CurvePlot : public QWidget {
    Q_OBJECT
public:
    // yLabel carries the unit: "Images per second (images/s)".
    CurvePlot(const QString& title, const QString& yLabel, QWidget* parent = nullptr);

    // smoothed = false for sparse series (validation): drawn as points joined by a line, with
    // a marker at each point when markers is true.
    int addSeries(const QString& name, const QColor& color, bool smoothed = true,
                  bool markers = true);
    // wallSeconds < 0 when unknown (a run read back from metrics.jsonl).
    void appendPoint(int series, double step, double epoch, double wallSeconds, double y);
    void clearData();

    int seriesCount() const { return static_cast<int>(m_series.size()); }
    int pointCount(int series) const;
    // The last raw value of a series; NaN when it has none.
    double lastValue(int series) const;

    void setSmoothing(double weight);
    void setLogY(bool on);
    void setXAxis(CurveXAxis axis);
    bool logY() const { return m_logY; }

    // Pushes the data into the graphs and replots (once per progress batch, not per point).
    void refresh();
    QCustomPlot* plot() const { return m_plot; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Series {
        QString name;
        bool smoothed = true;
        bool markers = false; // a dot at every point (sparse series)
        std::vector<double> step, epoch, wall, y;
        QCPGraph* raw = nullptr;
        QCPGraph* smooth = nullptr;
    };
    const std::vector<double>& xValues(const Series& s) const;
    void updateAxisLabels();
    void rescale();
    void updateLogTicks();
    void showValuesAt(const QPoint& pos);
    double stepsPerEpoch() const;

    QCustomPlot* m_plot = nullptr;
    QString m_title;
    QString m_yLabel;
    std::vector<Series> m_series;
    double m_smoothing = 0.6;
    bool m_logY = false;
    CurveXAxis m_xAxis = CurveXAxis::Step;
    bool m_dirty = false; // data changed while hidden: redrawn when shown
};

} // namespace fb::ui
