#pragma once
#include <QIcon>
#include <QMainWindow>

#include <facebench/ui/recent_folders.h>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace fb::ui {

class HomePage;
class JobRunner;
class ExperimentPanel;
class TrainingPanel;
class RunsPanel;
class JobListView;

// The application shell: menus, a navigation list on the left and one page per entry on the
// right (QStackedWidget), and a status bar with the compute device and LibTorch version.
// Panels (datasets, experiment, training, ...) plug in with addPage().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Appends a navigation entry showing page; the window takes ownership. Returns its index.
    int addPage(QWidget* page, const QString& title, const QIcon& icon = {});
    void showPage(int index);
    // Shows the page whose title or objectName (without a "Panel"/"Page"/"View" suffix)
    // matches name, case-insensitively ("training", "runs", "jobs"). False when none does.
    bool showPage(const QString& name);
    QStringList pageNames() const;

    // Every background job of the window runs here (pages of other panels submit to it too).
    JobRunner* jobRunner() const { return m_jobs; }
    ExperimentPanel* experimentPanel() const { return m_experiment; }
    TrainingPanel* trainingPanel() const { return m_training; }
    RunsPanel* runsPanel() const { return m_runs; }

    // The folder opened last in this window; empty before any.
    QString currentFolder() const { return m_currentFolder; }

public slots:
    // Makes folder the current folder and records it in the recent list. Returns false, and
    // changes nothing, when folder is not an existing directory. A runs folder itself (it holds
    // run folders, and no runs/) opens its parent with it as the runs folder; a run folder opens
    // its project and shows the run.
    bool openFolder(const QString& folder);
    // At start-up: opens the folder FaceBench was started in when runs are there (the CLI
    // writes runs/ into its working folder); false when there are none.
    bool openStartFolder(const QString& folder);
    // Home > Train the Quick Start: the bundled quick start on the Experiment page, trained.
    void trainQuickStart();
    // File > Open Folder...: asks for a folder, starting from the last one.
    void chooseFolder();

signals:
    void folderOpened(const QString& folder);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // What trained runs achieved and how fast models run: Evaluation, Failure pairs, Benchmark
    // and Comparison, fed by the Runs page.
    void addResultPages();
    void createMenus();
    void createStatusBar();
    void rebuildRecentMenu();
    void openRecentFolder(const QString& folder);
    void showRunsFolder(const QString& runsFolder);
    void openRun(const QString& runDir);
    void followTrainedRun(const QString& runDir);
    void restoreSettings();
    void saveSettings() const;

    RecentFolders m_recent;
    QString m_currentFolder;

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    HomePage* m_home = nullptr;
    JobRunner* m_jobs = nullptr;
    ExperimentPanel* m_experiment = nullptr;
    TrainingPanel* m_training = nullptr;
    RunsPanel* m_runs = nullptr;
    JobListView* m_jobList = nullptr;
    int m_jobsPage = -1;
    QAction* m_cancelAllAction = nullptr;
    QLabel* m_jobsLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_statusBarAction = nullptr;
    QLabel* m_runtimeLabel = nullptr;
};

} // namespace fb::ui
