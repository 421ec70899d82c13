// The GUI shell: menus by objectName (never by translated text), the runtime in the status bar,
// the About dialog, and the recent-folders list kept in QSettings.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <facebench/runtime.h>
#include <facebench/ui/about_dialog.h>
#include <facebench/ui/bench_panel.h>
#include <facebench/ui/experiment_panel.h>
#include <facebench/ui/home_page.h>
#include <facebench/ui/runs_panel.h>
#include <facebench/ui/job_runner.h>
#include <facebench/ui/main_window.h>
#include <facebench/ui/recent_folders.h>
#include <facebench/version.h>

using fb::ui::MainWindow;

namespace {

// The folders the recent menu lists, in menu order (separator and "Clear Menu" have no data).
QStringList recentMenuFolders(const MainWindow& window) {
    QStringList folders;
    auto* menu = window.findChild<QMenu*>(QStringLiteral("menuRecentFolders"));
    if (!menu)
        return folders;
    for (QAction* action : menu->actions()) {
        if (!action->data().toString().isEmpty())
            folders << action->data().toString();
    }
    return folders;
}

QStringList storedRecentFolders() {
    return QSettings().value(QStringLiteral("recentFolders")).toStringList();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void constructs();
    void menusExist_data();
    void menusExist();
    void menusHoldWorkingActions();
    void statusBarShowsRuntime();
    void aboutDialogShowsVersions();
    void openFolderRecordsRecent();
    void recentFoldersMostRecentFirstNoDuplicates();
    void recentFoldersKeepsTen();
    void openFolderRejectsMissingFolder();
    void recentFoldersSurviveRestart();
    void geometryIsRemembered();
    void addPageShowsNavigation();
    void startTrainingShowsExperimentError();
    void openingRunsFolderFindsRuns();
    void pagesFitALaptopScreen();
};

void TestMainWindow::initTestCase() {
    // Keep the developer's own ~/.config/FaceBench out of reach: test mode moves QSettings'
    // files under ~/.qttest, and a distinct organization separates them further.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FaceBenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_main_window"));
    fb::initRuntime(1);
}

void TestMainWindow::init() {
    QSettings().clear();
}

void TestMainWindow::constructs() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.currentFolder().isEmpty());
    QVERIFY(window.findChild<QWidget*>(QStringLiteral("homePage")));
}

void TestMainWindow::menusExist_data() {
    QTest::addColumn<QString>("objectName");
    QTest::newRow("File") << "menuFile";
    QTest::newRow("Run") << "menuRun";
    QTest::newRow("View") << "menuView";
    QTest::newRow("Help") << "menuHelp";
}

void TestMainWindow::menusExist() {
    QFETCH(QString, objectName);
    MainWindow window;
    auto* menu = window.findChild<QMenu*>(objectName);
    QVERIFY(menu);
    QVERIFY(!menu->title().isEmpty());
    QVERIFY(window.menuBar()->actions().contains(menu->menuAction()));
}

void TestMainWindow::menusHoldWorkingActions() {
    MainWindow window;
    for (const char* name : {"actionOpenFolder", "actionQuit", "actionFullScreen",
                             "actionShowStatusBar", "actionAbout", "actionAboutQt"}) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(action->isEnabled(), name);
    }
    // Nothing runs yet, so there is nothing to cancel, and the action must not claim otherwise.
    auto* cancel = window.findChild<QAction*>(QStringLiteral("actionCancelAllJobs"));
    QVERIFY(cancel);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!cancel->toolTip().isEmpty());

    auto* statusBarAction = window.findChild<QAction*>(QStringLiteral("actionShowStatusBar"));
    window.show();
    QVERIFY(window.statusBar()->isVisible());
    statusBarAction->setChecked(false);
    QVERIFY(!window.statusBar()->isVisible());

    auto* fullScreen = window.findChild<QAction*>(QStringLiteral("actionFullScreen"));
    fullScreen->trigger();
    QVERIFY(window.windowState() & Qt::WindowFullScreen);
    fullScreen->trigger();
    QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
    // Leaving full screen some other way (the window manager) clears the check mark too.
    window.showFullScreen();
    QVERIFY(fullScreen->isChecked());
    window.showNormal();
    QVERIFY(!fullScreen->isChecked());
}

void TestMainWindow::statusBarShowsRuntime() {
    MainWindow window;
    auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("runtimeLabel"));
    QVERIFY(label);
    const fb::RuntimeInfo info = fb::runtimeInfo();
    QVERIFY(!info.torchVersion.empty());
    QVERIFY2(label->text().contains(QString::fromStdString(info.torchVersion)),
             qPrintable(label->text()));
    if (info.cudaAvailable && !info.cudaDevices.empty()) {
        QVERIFY(label->text().contains(QString::fromStdString(info.cudaDevices.front().name)));
    } else {
        QVERIFY(label->text().contains(QStringLiteral("CPU")));
    }
}

void TestMainWindow::aboutDialogShowsVersions() {
    fb::ui::AboutDialog dialog;
    QString text;
    for (auto* label : dialog.findChildren<QLabel*>())
        text += label->text() + QLatin1Char('\n');
    QVERIFY2(text.contains(QString::fromStdString(fb::facebenchVersion())), qPrintable(text));
    QVERIFY(text.contains(QString::fromStdString(fb::runtimeInfo().torchVersion)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(
        QStringLiteral("Benchmarking deep learning techniques for face recognition")));
    QVERIFY(text.contains(fb::ui::AboutDialog::citation()));
}

void TestMainWindow::openFolderRecordsRecent() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = QDir::cleanPath(dir.path());

    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::folderOpened);
    QVERIFY(window.openFolder(dir.path()));
    QCOMPARE(window.currentFolder(), path);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(storedRecentFolders(), QStringList{path});
    QCOMPARE(recentMenuFolders(window), QStringList{path});
    QVERIFY(window.findChild<QMenu*>(QStringLiteral("menuRecentFolders"))->isEnabled());

    // The home page lists it too, and "Clear Menu" empties both.
    auto* list = window.findChild<QListWidget*>(QStringLiteral("recentList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    auto* clear = window.findChild<QAction*>(QStringLiteral("actionClearRecentFolders"));
    QVERIFY(clear);
    clear->trigger();
    QVERIFY(storedRecentFolders().isEmpty());
    QVERIFY(recentMenuFolders(window).isEmpty());
    QCOMPARE(list->count(), 0);
}

void TestMainWindow::recentFoldersMostRecentFirstNoDuplicates() {
    QTemporaryDir a, b, c;
    MainWindow window;
    QVERIFY(window.openFolder(a.path()));
    QVERIFY(window.openFolder(b.path()));
    QVERIFY(window.openFolder(c.path()));
    // Reopening a, spelled differently, moves it to the front instead of adding it twice.
    QVERIFY(window.openFolder(a.path() + QStringLiteral("/./")));

    const QStringList expected{QDir::cleanPath(a.path()), QDir::cleanPath(c.path()),
                               QDir::cleanPath(b.path())};
    QCOMPARE(storedRecentFolders(), expected);
    QCOMPARE(recentMenuFolders(window), expected);
}

void TestMainWindow::recentFoldersKeepsTen() {
    QTemporaryDir root;
    QStringList opened;
    MainWindow window;
    for (int i = 0; i < fb::ui::RecentFolders::maxCount + 2; ++i) {
        const QString path = QDir::cleanPath(root.filePath(QStringLiteral("f%1").arg(i)));
        QVERIFY(QDir().mkpath(path));
        QVERIFY(window.openFolder(path));
        opened.prepend(path);
    }
    QCOMPARE(fb::ui::RecentFolders::maxCount, 10);
    const QStringList expected = opened.mid(0, 10);
    QCOMPARE(storedRecentFolders(), expected);
    QCOMPARE(recentMenuFolders(window), expected);
}

void TestMainWindow::openFolderRejectsMissingFolder() {
    QTemporaryDir root;
    MainWindow window;
    QVERIFY(!window.openFolder(root.filePath(QStringLiteral("does-not-exist"))));
    QVERIFY(window.currentFolder().isEmpty());
    QVERIFY(storedRecentFolders().isEmpty());
}

void TestMainWindow::recentFoldersSurviveRestart() {
    QTemporaryDir dir;
    {
        MainWindow window;
        QVERIFY(window.openFolder(dir.path()));
    }
    MainWindow reopened;
    QCOMPARE(recentMenuFolders(reopened), QStringList{QDir::cleanPath(dir.path())});
}

void TestMainWindow::geometryIsRemembered() {
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 600);
        auto* statusBarAction = window.findChild<QAction*>(QStringLiteral("actionShowStatusBar"));
        statusBarAction->setChecked(false);
        QVERIFY(window.close());
    }
    MainWindow window;
    QCOMPARE(window.size(), QSize(900, 600));
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("actionShowStatusBar"))->isChecked());
}

void TestMainWindow::addPageShowsNavigation() {
    MainWindow window;
    window.show();
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    // The workbench's pages bring the navigation up; a panel plugging in is appended.
    QVERIFY(navigation->isVisible());
    const int pages = navigation->count();
    auto* panel = new QWidget;
    QCOMPARE(window.addPage(panel, QStringLiteral("Panel")), pages);
    QCOMPARE(navigation->count(), pages + 1);
    window.showPage(pages);
    QVERIFY(panel->isVisible());
}

void TestMainWindow::startTrainingShowsExperimentError() {
    // Run > Start Training (Ctrl+R) with no training set: nothing starts, and the Experiment
    // page comes up with the reason under the field, not only in the Training page's log.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(QStringLiteral("home"));
    auto* start = window.findChild<QAction*>(QStringLiteral("actionStartTraining"));
    QVERIFY(start);
    QCOMPARE(start->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    start->trigger();
    QVERIFY(window.jobRunner()->jobIds().isEmpty());
    fb::ui::ExperimentPanel* experiment = window.experimentPanel();
    QVERIFY(experiment->isVisible());
    QVERIFY2(!experiment->fieldError(QStringLiteral("data.train")).isEmpty(),
             qPrintable(experiment->currentError()));
    auto* error = experiment->findChild<QLabel*>(QStringLiteral("error:data.train"));
    QVERIFY(error && error->isVisible());
}

void TestMainWindow::openingRunsFolderFindsRuns() {
    // The CLI's demo leaves PROJECT/runs/<run>; each of the three folders opens the project.
    QTemporaryDir project;
    const QString runs = project.filePath(QStringLiteral("runs"));
    const QString run = runs + QStringLiteral("/quickstart-20261128-100000");
    QVERIFY(QDir().mkpath(run));
    for (const auto& [file, text] :
         {std::pair{"config.yaml", QByteArray("model: {name: small-resnet-64}\n")},
          std::pair{"train.log", QByteArray("2026-11-28 10:00:00  finished at step 20 of 20\n")},
          std::pair{"metrics.jsonl",
                    QByteArray("{\"type\":\"train\",\"step\":20,\"loss\":1}\n")}}) {
        QFile out(run + QLatin1Char('/') + QLatin1String(file));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
    }
    const QString projectPath = QDir(project.path()).absolutePath();
    for (const QString& opened : {projectPath, runs, run}) {
        MainWindow window;
        auto* home = window.findChild<fb::ui::HomePage*>();
        QVERIFY(home);
        QSignalSpy shown(home, &fb::ui::HomePage::runsShown);
        QVERIFY(window.openFolder(opened));
        QCOMPARE(window.currentFolder(), projectPath);
        QCOMPARE(window.runsPanel()->runsFolder(), QDir::cleanPath(runs));
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.last().first().toInt(), 1);
        QCOMPARE(home->recentRuns()->topLevelItemCount(), 1);
        QCOMPARE(home->recentRuns()->topLevelItem(0)->text(0),
                 QStringLiteral("quickstart-20261128-100000"));
        if (opened == run)
            QCOMPARE(window.runsPanel()->openRun(), run);
        // The Benchmark page saves into the same runs folder.
        auto* bench = window.findChild<fb::ui::BenchPanel*>();
        QVERIFY(bench);
        QCOMPARE(bench->outputFolder(), QDir::cleanPath(runs));
    }
    // Started in a folder without runs, nothing opens.
    MainWindow window;
    QVERIFY(!window.openStartFolder(runs + QStringLiteral("/quickstart-20261128-100000/none")));
    QVERIFY(window.openStartFolder(projectPath));
}

void TestMainWindow::pagesFitALaptopScreen() {
    // The window a 1366 x 768 screen gets: no page scrolls, sideways or down.
    MainWindow window;
    window.resize(1297, 729);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i) {
        window.showPage(i);
        QTest::qWait(50);
        auto* scroll = qobject_cast<QScrollArea*>(pages->widget(i));
        QVERIFY(scroll);
        const QString page = window.pageNames().value(i);
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(page));
        QVERIFY2(!scroll->verticalScrollBar()->isVisible(),
                 qPrintable(page + QStringLiteral(": needs %1 px")
                                       .arg(scroll->widget()->minimumSizeHint().height())));
    }
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
