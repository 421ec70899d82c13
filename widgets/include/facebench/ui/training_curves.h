#pragma once
// The board of training charts shared by the Training panel (live) and the Runs panel (read
// back from metrics.jsonl): loss, accuracy, learning rate, throughput and the split of a step
// into t_data and t_compute (seed eq. 7), with one smoothing slider, log-y toggle and x-axis
// choice for all of them.
#include <QMap>
#include <QWidget>

#include <facebench/ui/curve_plot.h>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace fb {
struct MetricsRow;
struct RunMetrics;
} // namespace fb

namespace fb::ui {

class TrainingCurves : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCurves(QWidget* parent = nullptr);

    // A "train" row (loss, acc, lr, img_s, t_data, t_compute) or a "val" row (val_loss,
    // val_acc, hook metrics such as lfw_acc); other types are ignored. wallSeconds < 0: unknown.
    void addRow(const fb::MetricsRow& row, double wallSeconds = -1);
    // Replaces everything with a run's metrics.jsonl rows (no wall time) and refreshes.
    void loadMetrics(const fb::RunMetrics& metrics);
    void clear();
    void refresh();
    // Live runs know the wall time of each point; runs read back from disk do not.
    void setWallTimeAvailable(bool available);

    void setSmoothing(double weight); // also moves the slider
    double smoothing() const;

    CurvePlot* lossPlot() const { return m_loss; }
    CurvePlot* accuracyPlot() const { return m_accuracy; }
    CurvePlot* lrPlot() const { return m_lr; }
    CurvePlot* throughputPlot() const { return m_throughput; }
    CurvePlot* timingPlot() const { return m_timing; }
    QList<CurvePlot*> plots() const;

private:
    void applySmoothing();
    int accuracySeries(const QString& key);

    CurvePlot* m_loss = nullptr;
    CurvePlot* m_accuracy = nullptr;
    CurvePlot* m_lr = nullptr;
    CurvePlot* m_throughput = nullptr;
    CurvePlot* m_timing = nullptr;
    int m_trainLoss = 0, m_valLoss = 0, m_trainAcc = 0, m_lrSeries = 0, m_imgS = 0, m_tData = 0,
        m_tCompute = 0, m_tAgg = -1; // t_agg appears with distributed runs
    QMap<QString, int> m_accSeries;  // validation metrics on the accuracy chart

    QSlider* m_smoothing = nullptr;
    QLabel* m_smoothingValue = nullptr;
    QCheckBox* m_logY = nullptr;
    QComboBox* m_xAxis = nullptr;
};

} // namespace fb::ui
