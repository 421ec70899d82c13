#include <facebench/ui/main_window.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>

#include <algorithm>

#include <facebench/experiment_config.h>
#include <facebench/run_directory.h>
#include <facebench/run_metrics.h>
#include <facebench/runtime.h>
#include <facebench/training_job.h>
#include <facebench/ui/about_dialog.h>
#include <facebench/ui/bench_panel.h>
#include <facebench/ui/comparison_panel.h>
#include <facebench/ui/datasets_panel.h>
#include <facebench/ui/evaluation_panel.h>
#include <facebench/ui/failures_panel.h>
#include <facebench/ui/experiment_panel.h>
#include <facebench/ui/home_page.h>
#include <facebench/ui/job_list_view.h>
#include <facebench/ui/job_runner.h>
#include <facebench/ui/resources.h>
#include <facebench/ui/runs_panel.h>
#include <facebench/ui/runtime_text.h>
#include <facebench/ui/study_panel.h>
#include <facebench/ui/to_qstring.h>
#include <facebench/ui/training_panel.h>

#include "bench/benchmark_page.h"
#include "comparison/comparison_page.h"
#include "evaluation/evaluation_pages.h"

namespace fb::ui {
namespace {

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString statusBarKey = QStringLiteral("mainWindow/statusBarVisible");

bool holdsRuns(const QString& folder) {
    return !fb::listRunDirectories(folder.toStdString()).empty();
}

// The Runs and Home pages' rule (facebench/run_directory.h), so a folder they list opens as a run.
bool isRunFolder(const QString& folder) {
    return fb::RunDirectory::isRun(folder.toStdString());
}

QString parentOf(const QString& folder) {
    return QFileInfo(folder).absolutePath();
}

// Holds a page in its scroll area: the page fills the viewport, and scroll bars appear only
// below the page's minimum size. Without it the scroll area would see the height-for-width of
// the page's word-wrapped labels and scroll whenever the page prefers more room than it has
// (the Datasets page on a 1366 x 768 screen).
class PageHost : public QWidget {
public:
    explicit PageHost(QWidget* page) : m_page(page) { page->setParent(this); }
    QWidget* page() const { return m_page; }
    QSize minimumSizeHint() const override {
        return m_page->minimumSizeHint().expandedTo(m_page->minimumSize());
    }
    QSize sizeHint() const override { return m_page->sizeHint(); }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QWidget::resizeEvent(event);
        m_page->setGeometry(rect());
    }
    bool event(QEvent* event) override {
        if (event->type() == QEvent::LayoutRequest)
            updateGeometry(); // the page's minimum changed: the scroll area asks again
        return QWidget::event(event);
    }

private:
    QWidget* m_page;
};

QWidget* pageOf(QWidget* stacked) {
    auto* scroll = qobject_cast<QScrollArea*>(stacked);
    auto* host = scroll ? dynamic_cast<PageHost*>(scroll->widget()) : nullptr;
    return host ? host->page() : stacked;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("FaceBench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/facebench.svg")));

    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(180);
    m_navigation->setIconSize(QSize(20, 20));
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_home = new HomePage;
    connect(m_home, &HomePage::openFolderRequested, this, &MainWindow::chooseFolder);
    connect(m_home, &HomePage::recentFolderActivated, this, &MainWindow::openRecentFolder);
    connect(m_home, &HomePage::runActivated, this, &MainWindow::openRun);
    connect(m_home, &HomePage::quickStartRequested, this, &MainWindow::trainQuickStart);
    connect(this, &MainWindow::folderOpened, m_home, &HomePage::setFolder);
    addPage(m_home, tr("Home"), QIcon(QStringLiteral(":/icons/facebench.svg")));

    // Created before the pages: they submit to it. Its destructor cancels and waits for jobs.
    m_jobs = new JobRunner(this);
    // Pages in navigation order.
    addPage(new DatasetsPanel(m_jobs), tr("Datasets"),
            style()->standardIcon(QStyle::SP_DriveHDIcon));

    m_experiment = new ExperimentPanel;
    addPage(m_experiment, tr("Experiment"),
            style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_training = new TrainingPanel(m_jobs);
    m_training->setConfigProvider([this] { return m_experiment->trainingConfig(); });
    m_training->setProcessCountProvider([this] { return m_experiment->processCount(); });
    addPage(m_training, tr("Training"), style()->standardIcon(QStyle::SP_MediaPlay));
    m_runs = new RunsPanel(m_jobs);
    addPage(m_runs, tr("Runs"), style()->standardIcon(QStyle::SP_DirIcon));
    connect(this, &MainWindow::folderOpened, m_experiment, &ExperimentPanel::setBaseFolder);
    // The Runs page lists the folder the runs are trained into (the Experiment page's), once
    // the new run's folder exists.
    connect(m_training, &TrainingPanel::trainingStarted, m_runs, [this] {
        QTimer::singleShot(2000, m_runs, [this] { followTrainedRun(m_training->runDirectory()); });
    });
    connect(m_training, &TrainingPanel::trainingFinished, m_runs,
            [this](int, const QString& runDir) { followTrainedRun(runDir); });
    connect(m_runs, &RunsPanel::resumeRequested, this, [this](const QString& runDir) {
        if (m_training->resumeTraining(runDir) > 0)
            showPage(QStringLiteral("training"));
    });
    addResultPages();
    // A study's cells are ordinary runs: a double-clicked cell opens like a run on the Runs
    // page, which shows it on the Training curves and the Evaluation pages.
    auto* study = new StudyPanel(m_jobs);
    addPage(study, tr("Study"), style()->standardIcon(QStyle::SP_FileDialogContentsView));
    connect(study, &StudyPanel::runOpenRequested, this, &MainWindow::openRun);

    m_jobList = new JobListView(m_jobs);
    m_jobList->setObjectName(QStringLiteral("jobsView")); // the page "jobs" (its title counts)
    m_jobsPage = addPage(m_jobList, tr("Jobs"), style()->standardIcon(QStyle::SP_BrowserReload));

    createMenus();
    createStatusBar();
    rebuildRecentMenu();
    restoreSettings();
}

void MainWindow::addResultPages() {
    const EvaluationPages evaluation = addEvaluationPages(this, m_jobs);
    BenchPanel* bench = addBenchmarkPage(this, m_jobs);
    ComparisonPanel* comparison = addComparisonPage(this);
    // The Runs page feeds them: the folder it lists is the Benchmark's, its Compare button opens
    // the checked runs side by side, and a run it opens is shown on the evaluation pages and
    // joins the Comparison.
    connect(m_runs, &RunsPanel::runsFolderChanged, bench, &BenchPanel::setRunsFolder);
    connect(m_runs, &RunsPanel::compareRequested, comparison,
            [this, comparison](const QStringList& dirs) {
                comparison->setRuns(dirs);
                showPage(QStringLiteral("comparison"));
            });
    connect(m_runs, &RunsPanel::runLoaded, evaluation.evaluation,
            [evaluation, comparison](const QString& dir) {
                if (evaluation.evaluation->runDir() != dir) {
                    evaluation.evaluation->loadRun(dir);
                    evaluation.failures->loadRun(dir);
                    comparison->addRun(dir);
                }
            });
}

int MainWindow::addPage(QWidget* page, const QString& title, const QIcon& icon) {
    // Each page scrolls when the window is smaller than it, so no single page's minimum size
    // dictates the window's (and a restored geometry is honoured).
    auto* scroll = new QScrollArea;
    scroll->setObjectName(page->objectName() + QStringLiteral("Scroll"));
    scroll->setWidget(new PageHost(page));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    const int index = m_pages->addWidget(scroll);
    new QListWidgetItem(icon, title, m_navigation);
    // A navigation list with a single entry only takes room; it appears with the second page.
    m_navigation->setVisible(m_navigation->count() > 1);
    if (index == 0)
        m_navigation->setCurrentRow(0);
    return index;
}

void MainWindow::showPage(int index) {
    m_navigation->setCurrentRow(index);
}

bool MainWindow::showPage(const QString& name) {
    const QString wanted = name.trimmed().toLower();
    for (int i = 0; i < m_pages->count(); ++i) {
        QString key = pageOf(m_pages->widget(i))->objectName().toLower();
        for (const char* suffix : {"panel", "page", "view"})
            if (key.endsWith(QLatin1String(suffix)))
                key.chop(int(qstrlen(suffix)));
        const QString title = m_navigation->item(i)->text().toLower();
        if (!wanted.isEmpty() && (wanted == key || wanted == title)) {
            showPage(i);
            return true;
        }
    }
    return false;
}

QStringList MainWindow::pageNames() const {
    QStringList names;
    for (int i = 0; i < m_navigation->count(); ++i)
        names << m_navigation->item(i)->text().toLower();
    return names;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    QAction* open = file->addAction(tr("&Open Folder…"), this, &MainWindow::chooseFolder);
    open->setObjectName(QStringLiteral("actionOpenFolder"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Recent &Folders"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecentFolders"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Jobs (training, evaluation, benchmarks) run on a thread pool; until one is running there
    // is nothing to cancel, and the action says so rather than pretending.
    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("menuRun"));
    run->setToolTipsVisible(true);
    // Training shows on its page; an experiment that cannot train shows why at its field.
    QAction* train = run->addAction(tr("&Start Training"), this, [this] {
        if (m_training->start())
            showPage(QStringLiteral("training"));
        else if (!m_experiment->isValid())
            showPage(QStringLiteral("experiment"));
    });
    train->setObjectName(QStringLiteral("actionStartTraining"));
    train->setShortcut(Qt::CTRL | Qt::Key_R);
    QAction* jobs = run->addAction(tr("Show &Jobs"), this, [this] { showPage(m_jobsPage); });
    jobs->setObjectName(QStringLiteral("actionShowJobs"));
    run->addSeparator();
    m_cancelAllAction = run->addAction(tr("&Cancel All Jobs"), m_jobs, &JobRunner::cancelAll);
    m_cancelAllAction->setObjectName(QStringLiteral("actionCancelAllJobs"));
    m_cancelAllAction->setEnabled(false);
    m_cancelAllAction->setToolTip(tr("No jobs are running."));
    connect(m_jobs, &JobRunner::activeCountChanged, this, [this](int count) {
        m_cancelAllAction->setEnabled(count > 0);
        m_cancelAllAction->setToolTip(count > 0 ? tr("Cancel %n job(s)", nullptr, count)
                                                : tr("No jobs are running."));
        if (m_jobsLabel)
            m_jobsLabel->setText(count > 0 ? tr("%n job(s) active", nullptr, count) : QString());
        if (QListWidgetItem* item = m_navigation->item(m_jobsPage))
            item->setText(count > 0 ? tr("Jobs (%1)").arg(count) : tr("Jobs"));
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    m_fullScreenAction = view->addAction(tr("&Full Screen"));
    m_fullScreenAction->setObjectName(QStringLiteral("actionFullScreen"));
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence::FullScreen);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
    m_statusBarAction = view->addAction(tr("Show &Status Bar"));
    m_statusBarAction->setObjectName(QStringLiteral("actionShowStatusBar"));
    m_statusBarAction->setCheckable(true);
    m_statusBarAction->setChecked(true);
    connect(m_statusBarAction, &QAction::toggled, statusBar(), &QStatusBar::setVisible);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction* about = help->addAction(tr("&About FaceBench"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar() {
    const fb::RuntimeInfo runtime = fb::runtimeInfo();
    m_runtimeLabel = new QLabel(
        QStringLiteral("%1  |  %2").arg(deviceSummary(runtime), torchVersionText(runtime)));
    m_runtimeLabel->setObjectName(QStringLiteral("runtimeLabel"));
    m_runtimeLabel->setToolTip(deviceDetails(runtime).join(QLatin1Char('\n')));
    m_jobsLabel = new QLabel;
    m_jobsLabel->setObjectName(QStringLiteral("jobsLabel"));
    statusBar()->addPermanentWidget(m_jobsLabel);
    statusBar()->addPermanentWidget(m_runtimeLabel);
}

bool MainWindow::openFolder(const QString& folder) {
    const QFileInfo info(folder);
    if (!info.isDir())
        return false;
    QString project = QDir::cleanPath(info.absoluteFilePath());
    QString runsFolder = QDir(project).filePath(QStringLiteral("runs"));
    QString run;
    if (isRunFolder(project)) {
        run = project;
        runsFolder = parentOf(run);
        project = parentOf(runsFolder);
    } else if (!holdsRuns(runsFolder) && holdsRuns(project)) {
        runsFolder = project;
        project = parentOf(runsFolder);
    }
    m_currentFolder = project;
    m_recent.add(m_currentFolder);
    rebuildRecentMenu();
    setWindowTitle(tr("%1 — FaceBench").arg(QDir::toNativeSeparators(m_currentFolder)));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_currentFolder)), 5000);
    emit folderOpened(m_currentFolder);
    showRunsFolder(runsFolder);
    if (!run.isEmpty())
        openRun(run);
    return true;
}

bool MainWindow::openStartFolder(const QString& folder) {
    if (!holdsRuns(QDir(folder).filePath(QStringLiteral("runs"))) && !holdsRuns(folder))
        return false;
    return openFolder(folder);
}

void MainWindow::showRunsFolder(const QString& runsFolder) {
    m_runs->setRunsFolder(runsFolder);
    m_home->setRunsFolder(runsFolder);
}

void MainWindow::openRun(const QString& runDir) {
    if (QDir::cleanPath(parentOf(runDir)) != QDir::cleanPath(m_runs->runsFolder()))
        showRunsFolder(parentOf(runDir));
    m_runs->openRunDirectory(runDir);
    showPage(QStringLiteral("runs"));
}

void MainWindow::followTrainedRun(const QString& runDir) {
    if (runDir.isEmpty() ||
        QDir::cleanPath(parentOf(runDir)) == QDir::cleanPath(m_runs->runsFolder())) {
        m_runs->refresh();
        m_home->setRunsFolder(m_runs->runsFolder());
        return;
    }
    showRunsFolder(parentOf(runDir));
}

void MainWindow::trainQuickStart() {
    try {
        m_experiment->setConfig(
            fb::parseExperimentConfig(fb::quickstartConfigText(), "quick start"));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Quick start"), toQString(e.what()));
        return;
    }
    if (m_training->start())
        showPage(QStringLiteral("training"));
    else
        showPage(QStringLiteral("experiment"));
}

void MainWindow::chooseFolder() {
    // From the folder in use, else the last one, else where FaceBench was started (where the
    // command line wrote its runs).
    const QStringList recent = m_recent.folders();
    const QString start = !m_currentFolder.isEmpty() ? m_currentFolder
                          : recent.isEmpty()         ? QDir::currentPath()
                                                     : recent.first();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder"), start);
    if (!folder.isEmpty())
        openFolder(folder);
}

void MainWindow::openRecentFolder(const QString& folder) {
    if (openFolder(folder))
        return;
    // A folder on an unmounted disk or one deleted since: say so and forget it.
    QMessageBox::warning(this, tr("Open Folder"),
                         tr("The folder %1 no longer exists. It has been removed from the "
                            "recent folders.")
                             .arg(QDir::toNativeSeparators(folder)));
    m_recent.remove(folder);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    const QStringList folders = m_recent.folders();
    m_recentMenu->clear();
    for (const QString& folder : folders) {
        QAction* action = m_recentMenu->addAction(QDir::toNativeSeparators(folder), this,
                                                  [this, folder] { openRecentFolder(folder); });
        action->setData(folder);
    }
    if (!folders.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction* clear = m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
            m_recent.clear();
            rebuildRecentMenu();
        });
        clear->setObjectName(QStringLiteral("actionClearRecentFolders"));
    }
    m_recentMenu->setEnabled(!folders.isEmpty());
    m_home->setRecentFolders(folders);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray())) {
        // Most of the screen, up to what the pages use: a laptop's 1366 x 768 is filled, a
        // 4K screen is not.
        const QRect screen =
            this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1366, 768);
        resize(std::min(1700, screen.width() * 95 / 100),
               std::min(1050, screen.height() * 95 / 100));
        move(screen.center() - rect().center());
    }
    restoreState(settings.value(stateKey).toByteArray());
    m_statusBarAction->setChecked(settings.value(statusBarKey, true).toBool());
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(statusBarKey, m_statusBarAction->isChecked());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
    // The window manager can leave full screen on its own (Esc, a shortcut); keep the check
    // mark truthful without toggling the state back.
    if (event->type() == QEvent::WindowStateChange && m_fullScreenAction) {
        const QSignalBlocker block(m_fullScreenAction);
        m_fullScreenAction->setChecked(isFullScreen());
    }
    QMainWindow::changeEvent(event);
}

} // namespace fb::ui
