#pragma once
// The lr of a schedule over a whole run (facebench/lr_schedule.h, the numbers the trainer
// uses), redrawn as the Experiment panel's schedule fields change.
#include <QWidget>

#include <facebench/experiment_config.h>

class QCustomPlot;
class QLabel;
class QSpinBox;

namespace fb::ui {

class SchedulePreview : public QWidget {
    Q_OBJECT
public:
    explicit SchedulePreview(QWidget* parent = nullptr);
    // Redraws for config; returns the number of points drawn (0 when the schedule is invalid).
    int setConfig(const fb::ExperimentConfig& config);
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot = nullptr;
    QSpinBox* m_images = nullptr;
    QLabel* m_note = nullptr;
    fb::ExperimentConfig m_config;
};

} // namespace fb::ui
