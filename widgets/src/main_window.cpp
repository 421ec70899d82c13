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
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

#include <facebench/runtime.h>
#include <facebench/ui/about_dialog.h>
#include <facebench/ui/home_page.h>
#include <facebench/ui/resources.h>
#include <facebench/ui/runtime_text.h>

namespace fb::ui {
namespace {

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString statusBarKey = QStringLiteral("mainWindow/statusBarVisible");

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
    connect(this, &MainWindow::folderOpened, m_home, &HomePage::setFolder);
    addPage(m_home, tr("Home"), QIcon(QStringLiteral(":/icons/facebench.svg")));

    createMenus();
    createStatusBar();
    rebuildRecentMenu();
    restoreSettings();
}

int MainWindow::addPage(QWidget* page, const QString& title, const QIcon& icon) {
    const int index = m_pages->addWidget(page);
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
    QAction* cancelAll = run->addAction(tr("&Cancel All Jobs"));
    cancelAll->setObjectName(QStringLiteral("actionCancelAllJobs"));
    cancelAll->setEnabled(false);
    cancelAll->setToolTip(tr("No jobs are running."));

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
    statusBar()->addPermanentWidget(m_runtimeLabel);
}

bool MainWindow::openFolder(const QString& folder) {
    const QFileInfo info(folder);
    if (!info.isDir())
        return false;
    m_currentFolder = QDir::cleanPath(info.absoluteFilePath());
    m_recent.add(m_currentFolder);
    rebuildRecentMenu();
    setWindowTitle(tr("%1 — FaceBench").arg(QDir::toNativeSeparators(m_currentFolder)));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_currentFolder)), 5000);
    emit folderOpened(m_currentFolder);
    return true;
}

void MainWindow::chooseFolder() {
    const QStringList recent = m_recent.folders();
    const QString start = recent.isEmpty() ? QDir::homePath() : recent.first();
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
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1100, 720);
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
