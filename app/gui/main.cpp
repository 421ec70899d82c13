// facebench: the desktop workbench. Parses the command line, loads the translation for the
// system locale, sets up LibTorch's threads and shows the main window.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

#include <facebench/runtime.h>
#include <facebench/ui/bench_panel.h>
#include <facebench/ui/comparison_panel.h>
#include <facebench/ui/datasets_panel.h>
#include <facebench/ui/evaluation_panel.h>
#include <facebench/ui/experiment_panel.h>
#include <facebench/ui/main_window.h>
#include <facebench/ui/resources.h>
#include <facebench/ui/runs_panel.h>
#include <facebench/ui/training_panel.h>
#include <facebench/version.h>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // These name the QSettings scope (~/.config/FaceBench/FaceBench.conf on Linux).
    QCoreApplication::setOrganizationName(QStringLiteral("FaceBench"));
    QCoreApplication::setApplicationName(QStringLiteral("FaceBench"));
    QCoreApplication::setApplicationVersion(QString::fromStdString(fb::facebenchVersion()));
    QGuiApplication::setDesktopFileName(QStringLiteral("facebench"));

    // Qt's own strings (standard buttons, file dialog) first, then FaceBench's; either may be
    // missing for a locale, and English is then the fallback.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    // English is the source language, but its plurals ("%n thread(s)") still come from a
    // translation, so any locale without its own file falls back to facebench_en.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("facebench"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("facebench_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Train, evaluate and benchmark deep face-recognition models."));
    parser.addHelpOption();
    parser.addVersionOption();
    // For scripted sessions and screenshots: open a folder, a page, a run or an experiment.
    const QCommandLineOption folderOption(
        QStringLiteral("folder"),
        QCoreApplication::translate("main", "Open <dir> as the current folder."),
        QStringLiteral("dir"));
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QCoreApplication::translate("main", "Show the page <name> (experiment, training, runs, "
                                            "jobs, ...)."),
        QStringLiteral("name"));
    const QCommandLineOption runOption(
        QStringLiteral("run"),
        QCoreApplication::translate("main", "Open the run directory <dir> on the Runs page."),
        QStringLiteral("dir"));
    const QCommandLineOption experimentOption(
        QStringLiteral("experiment"),
        QCoreApplication::translate("main", "Load the experiment YAML <file>."),
        QStringLiteral("file"));
    const QCommandLineOption trainOption(
        QStringLiteral("train"),
        QCoreApplication::translate("main", "Start <n> training jobs of the experiment at once "
                                            "(they queue on its device)."),
        QStringLiteral("n"));
    parser.addOptions({folderOption, pageOption, runOption, experimentOption, trainOption});
    // Issue 12 pages, for scripted screenshots: a stored benchmark and an Evaluation tab.
    const QCommandLineOption benchOption(
        QStringLiteral("bench"),
        QCoreApplication::translate("main", "Open the benchmark result <file> (bench.json) on the "
                                            "Benchmark page."),
        QStringLiteral("file"));
    const QCommandLineOption tabOption(
        QStringLiteral("eval-tab"),
        QCoreApplication::translate("main", "Show the Evaluation tab <name> (roc, scores, lfw, "
                                            "pose, age)."),
        QStringLiteral("name"));
    const QCommandLineOption compareOption(
        QStringLiteral("compare"),
        QCoreApplication::translate("main", "Add the run directory <dir> to the Comparison page "
                                            "(repeatable)."),
        QStringLiteral("dir"));
    const QCommandLineOption benchTabOption(
        QStringLiteral("bench-tab"),
        QCoreApplication::translate("main", "Show the Benchmark tab <name> (throughput, scaling, "
                                            "time, rows)."),
        QStringLiteral("name"));
    parser.addOptions({benchOption, tabOption, compareOption, benchTabOption});
    // The Datasets page (issue 11), for scripted screenshots: index a dataset, preview a photo.
    const QCommandLineOption datasetOption(
        QStringLiteral("dataset"),
        QCoreApplication::translate("main", "Index the dataset <path> on the Datasets page."),
        QStringLiteral("path"));
    const QCommandLineOption previewOption(
        QStringLiteral("preview-image"),
        QCoreApplication::translate("main",
                                    "Preview the face crop of <file> on the Datasets page."),
        QStringLiteral("file"));
    const QCommandLineOption detectorOption(
        QStringLiteral("detector"),
        QCoreApplication::translate("main", "Detector of the crop preview: mtcnn, haar or none."),
        QStringLiteral("name"));
    parser.addOptions({datasetOption, previewOption, detectorOption});
    parser.addPositionalArgument(
        QStringLiteral("folder"),
        QCoreApplication::translate("main", "The folder to open: the one you ran facebench-cli "
                                            "in, its runs folder, or one run. Default: the "
                                            "working folder when it holds runs."),
        QStringLiteral("[folder]"));
    parser.process(app);

    fb::initRuntime();
    fb::ui::initResources();
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/facebench.svg")));

    fb::ui::MainWindow window;
    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty()) {
        if (!window.openFolder(folders.first())) {
            fprintf(stderr, "%s\n",
                    qPrintable(QCoreApplication::translate("main", "%1 is not a folder")
                                   .arg(folders.first())));
            return 2;
        }
    } else if (parser.isSet(folderOption)) {
        window.openFolder(parser.value(folderOption));
    } else {
        window.openStartFolder(QDir::currentPath());
    }
    if (auto* datasets = window.findChild<fb::ui::DatasetsPanel*>();
        datasets && (parser.isSet(datasetOption) || parser.isSet(previewOption))) {
        datasets->openForSession(parser.value(datasetOption), parser.value(previewOption),
                                 parser.value(detectorOption));
        window.showPage(QStringLiteral("datasets"));
    }
    if (parser.isSet(experimentOption))
        window.experimentPanel()->loadYaml(parser.value(experimentOption));
    if (parser.isSet(runOption)) {
        const QFileInfo run(parser.value(runOption));
        if (!parser.isSet(folderOption))
            window.runsPanel()->setRunsFolder(run.absolutePath());
        window.runsPanel()->openRunDirectory(run.absoluteFilePath());
        window.showPage(QStringLiteral("runs"));
    }
    if (auto* bench = window.findChild<fb::ui::BenchPanel*>(); bench && parser.isSet(benchOption))
        bench->openBenchJson(parser.value(benchOption));
    if (auto* bench = window.findChild<fb::ui::BenchPanel*>(); bench && parser.isSet(benchTabOption))
        bench->showTab(parser.value(benchTabOption));
    if (auto* eval = window.findChild<fb::ui::EvaluationPanel*>(); eval && parser.isSet(tabOption))
        eval->showTab(parser.value(tabOption));
    if (auto* comparison = window.findChild<fb::ui::ComparisonPanel*>())
        for (const QString& dir : parser.values(compareOption))
            comparison->addRun(dir);
    if (parser.isSet(trainOption)) {
        const int jobs = parser.value(trainOption).toInt();
        for (int i = 0; i < jobs; ++i)
            window.trainingPanel()->start();
        window.showPage(QStringLiteral("training"));
    }
    if (parser.isSet(pageOption) && !window.showPage(parser.value(pageOption))) {
        fprintf(stderr, "%s\n",
                qPrintable(QCoreApplication::translate("main", "Unknown page '%1'; pages: %2")
                               .arg(parser.value(pageOption),
                                    window.pageNames().join(QStringLiteral(", ")))));
        return 2;
    }
    window.show();
    return QApplication::exec();
}
