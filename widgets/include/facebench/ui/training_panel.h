#pragma once
// The Training panel: starts a TrainingJob for the current experiment through the JobRunner
// (a worker thread; the GUI never waits on it), pauses and cancels it, and shows its progress
// live: the TrainingCurves board, step and ETA, and the run's checkpoints as they are written.
#include <QList>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>

#include <facebench/experiment_config.h>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace fb {
class TrainingJob;
}

namespace fb::ui {

class JobRunner;
class TrainingCurves;
enum class JobState;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(JobRunner* runner, QWidget* parent = nullptr);

    // Where Start takes the experiment from (the Experiment panel); it may throw InputError,
    // which is shown instead of starting.
    void setConfigProvider(std::function<fb::ExperimentConfig()> provider);
    // The Experiment panel's process count; more than one is data-parallel training, which
    // runs as separate processes (`facebench-cli train --nproc N`), not inside the GUI.
    void setProcessCountProvider(std::function<int()> provider);

    // Queues a training job for config; returns its job id (0 when not started). With
    // resumeDir, the job continues that run from its last checkpoint.
    int startTraining(const fb::ExperimentConfig& config, const QString& resumeDir = {});
    // Continues a cancelled or interrupted run (its config.yaml, checkpoints/last.pt), as
    // `facebench-cli train --resume`. 0 when it cannot (the status line says why).
    int resumeTraining(const QString& runDir);
    int currentJob() const { return m_jobId; }
    QString runDirectory() const { return m_runDir; }
    // Progress events received for the current job so far (Step events).
    int stepEvents() const { return m_stepEvents; }
    TrainingCurves* curves() const { return m_curves; }
    QStringList checkpoints() const;

public slots:
    // From the provider; false when nothing started (the reason is in the status line).
    bool start();
    void pauseOrResume();
    void cancel();

signals:
    void trainingStarted(int jobId);
    void trainingFinished(int jobId, const QString& runDir);

private:
    void onProgress(int id, const QVariantList& events);
    void onFinished(int id, fb::ui::JobState state);
    void onJobChanged(int id);
    void follow(int id);
    void updateButtons();
    void rescanCheckpoints();
    void log(const QString& line);

    JobRunner* m_runner;
    std::function<fb::ExperimentConfig()> m_provider;
    std::function<int()> m_processCount;
    int m_jobId = 0;
    int m_stepEvents = 0;
    QString m_runDir;
    QList<int> m_submitted; // this panel's jobs; the panel follows the one running
    QSet<int> m_resumedJobs;

    QPushButton* m_start = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_eta = nullptr;
    QLabel* m_runLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    TrainingCurves* m_curves = nullptr;
    QListWidget* m_checkpoints = nullptr;
    QPlainTextEdit* m_log = nullptr;
};

} // namespace fb::ui
