#pragma once
// The Runs panel: the run directories under a runs/ folder (the open folder's, or one chosen)
// with their config summary and status, whether the GUI or the CLI made them. Opening a run
// reads its metrics.jsonl off the GUI thread and shows the curves on the same TrainingCurves
// board as the Training panel; a run still being written is re-read every few seconds.
#include <QSet>
#include <QWidget>

#include <facebench/run_metrics.h>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace fb::ui {

class JobRunner;
class TrainingCurves;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(JobRunner* runner, QWidget* parent = nullptr);

    // A run's status in the user's language, as the Runs list and Home's latest runs show it.
    static QString statusText(fb::RunStatus status);

    QString runsFolder() const { return m_runsFolder; }
    QStringList runNames() const; // as listed, newest first
    QString openRun() const { return m_openRun; }
    TrainingCurves* curves() const { return m_curves; }
    // Rows of the open run's metrics.jsonl once read (0 before).
    int loadedRows() const { return m_loadedRows; }
    // The runs ticked for comparison, in list order.
    QStringList checkedRuns() const;
    void setRunChecked(const QString& runDir, bool checked);
    // Whether Resume is offered for the open run (cancelled or interrupted, with a checkpoint,
    // not written to lately).
    bool canResumeOpenRun() const;

public slots:
    void setRunsFolder(const QString& folder);
    // For a project folder: its runs/ subfolder.
    void setProjectFolder(const QString& folder);
    void refresh();
    // Opens a run directory (need not be under the runs folder).
    void openRunDirectory(const QString& runDir);

signals:
    void runsFolderChanged(const QString& folder);
    void runsListed(int count);
    // A run the user opened is shown (once per opening; the re-reads that follow a run still
    // being written do not repeat it, so other pages keep what the user chose there).
    void runLoaded(const QString& runDir);
    void compareRequested(const QStringList& runDirs);
    void resumeRequested(const QString& runDir);

private:
    void showRuns(const std::vector<fb::RunSummary>& runs);
    void showRun(const fb::RunSummary& summary, const fb::RunMetrics& metrics);
    void chooseFolder();
    void reloadOpenRun();
    void closeRun();
    void updateActions();

    JobRunner* m_runner;
    QString m_runsFolder;
    QString m_openRun;
    int m_generation = 0;
    int m_loadedRows = 0;
    bool m_announceOpenRun = false; // runLoaded is due when the opened run is first shown
    bool m_resumable = false;
    QSet<QString> m_checked; // run folders ticked for comparison (kept across refreshes)

    QLabel* m_folderLabel = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_summary = nullptr;
    TrainingCurves* m_curves = nullptr;
    QTimer* m_follow = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_resume = nullptr;
};

} // namespace fb::ui
