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
#include <facebench/ui/study_panel.h>
#include <facebench/ui/to_qstring.h>
#include <facebench/ui/training_panel.h>
#include <facebench/version.h>

namespace {

// Qt's own strings (standard buttons, file dialog) first, then FaceBench's; either may be missing
// for a locale, and English is then the fallback. English is the source language, but its
// plurals ("%n thread(s)") still come from a translation, so any locale without its own file
// falls back to facebench_en.
void installTranslators(QTranslator& qtTranslator, QTranslator& translator) {
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    if (translator.load(QLocale(), QStringLiteral("facebench"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("facebench_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
}

// The options of scripted sessions and screenshots: open a folder, a page, a run, an experiment,
// a stored benchmark, an Evaluation tab, a comparison, a dataset or a study.
struct SessionOptions {
    const QCommandLineOption folder{
        QStringLiteral("folder"),
        QCoreApplication::translate("main", "Open <dir> as the current folder."),
        QStringLiteral("dir")};
    const QCommandLineOption page{
        QStringLiteral("page"),
        QCoreApplication::translate("main", "Show the page <name> (experiment, training, runs, "
                                            "jobs, ...)."),
        QStringLiteral("name")};
    const QCommandLineOption run{
        QStringLiteral("run"),
        QCoreApplication::translate("main", "Open the run directory <dir> on the Runs page."),
        QStringLiteral("dir")};
    const QCommandLineOption experiment{
        QStringLiteral("experiment"),
        QCoreApplication::translate("main", "Load the experiment YAML <file>."),
        QStringLiteral("file")};
    const QCommandLineOption train{
        QStringLiteral("train"),
        QCoreApplication::translate("main", "Start <n> training jobs of the experiment at once "
                                            "(they queue on its device)."),
        QStringLiteral("n")};
    // Results pages: a stored benchmark, an Evaluation tab, runs side by side.
    const QCommandLineOption bench{
        QStringLiteral("bench"),
        QCoreApplication::translate("main", "Open the benchmark result <file> (bench.json) on the "
                                            "Benchmark page."),
        QStringLiteral("file")};
    const QCommandLineOption evalTab{
        QStringLiteral("eval-tab"),
        QCoreApplication::translate("main", "Show the Evaluation tab <name> (roc, scores, lfw, "
                                            "pose, age, cmc, tpir, identification)."),
        QStringLiteral("name")};
    const QCommandLineOption compare{
        QStringLiteral("compare"),
        QCoreApplication::translate("main", "Add the run directory <dir> to the Comparison page "
                                            "(repeatable)."),
        QStringLiteral("dir")};
    const QCommandLineOption benchTab{
        QStringLiteral("bench-tab"),
        QCoreApplication::translate("main", "Show the Benchmark tab <name> (throughput, scaling, "
                                            "time, rows)."),
        QStringLiteral("name")};
    // The Datasets page: index a dataset, preview the face crop of a photo.
    const QCommandLineOption dataset{
        QStringLiteral("dataset"),
        QCoreApplication::translate("main", "Index the dataset <path> on the Datasets page."),
        QStringLiteral("path")};
    const QCommandLineOption previewImage{
        QStringLiteral("preview-image"),
        QCoreApplication::translate("main",
                                    "Preview the face crop of <file> on the Datasets page."),
        QStringLiteral("file")};
    const QCommandLineOption detector{
        QStringLiteral("detector"),
        QCoreApplication::translate("main", "Detector of the crop preview: mtcnn, haar or none."),
        QStringLiteral("name")};
    // The Study page: a study file to edit and run, or a study's output folder to read.
    const QCommandLineOption study{
        QStringLiteral("study"),
        QCoreApplication::translate("main", "Open the study file or study output folder <path> "
                                            "on the Study page."),
        QStringLiteral("path")};

    void addTo(QCommandLineParser& parser) const {
        parser.addOptions({folder, page, run, experiment, train});
        parser.addOptions({bench, evalTab, compare, benchTab});
        parser.addOptions({dataset, previewImage, detector, study});
    }
};

// The positional folder, --folder, or else the working folder when it holds runs. False when
// the positional folder is not one (reported on stderr).
bool openStartFolder(fb::ui::MainWindow& window, const QCommandLineParser& parser,
                     const SessionOptions& o) {
    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty()) {
        if (!window.openFolder(folders.first())) {
            fprintf(stderr, "%s\n",
                    qPrintable(QCoreApplication::translate("main", "%1 is not a folder")
                                   .arg(folders.first())));
            return false;
        }
    } else if (parser.isSet(o.folder)) {
        window.openFolder(parser.value(o.folder));
    } else {
        window.openStartFolder(QDir::currentPath());
    }
    return true;
}

// Opens on each page what the command line names for it, and starts the training jobs asked for.
void openSessionItems(fb::ui::MainWindow& window, const QCommandLineParser& parser,
                      const SessionOptions& o) {
    if (auto* datasets = window.findChild<fb::ui::DatasetsPanel*>();
        datasets && (parser.isSet(o.dataset) || parser.isSet(o.previewImage))) {
        datasets->openForSession(parser.value(o.dataset), parser.value(o.previewImage),
                                 parser.value(o.detector));
        window.showPage(QStringLiteral("datasets"));
    }
    if (parser.isSet(o.experiment))
        window.experimentPanel()->loadYaml(parser.value(o.experiment));
    if (parser.isSet(o.run)) {
        const QFileInfo run(parser.value(o.run));
        if (!parser.isSet(o.folder))
            window.runsPanel()->setRunsFolder(run.absolutePath());
        window.runsPanel()->openRunDirectory(run.absoluteFilePath());
        window.showPage(QStringLiteral("runs"));
    }
    if (auto* bench = window.findChild<fb::ui::BenchPanel*>(); bench && parser.isSet(o.bench))
        bench->openBenchJson(parser.value(o.bench));
    if (auto* bench = window.findChild<fb::ui::BenchPanel*>(); bench && parser.isSet(o.benchTab))
        bench->showTab(parser.value(o.benchTab));
    if (auto* eval = window.findChild<fb::ui::EvaluationPanel*>(); eval && parser.isSet(o.evalTab))
        eval->showTab(parser.value(o.evalTab));
    if (auto* comparison = window.findChild<fb::ui::ComparisonPanel*>())
        for (const QString& dir : parser.values(o.compare))
            comparison->addRun(dir);
    if (auto* study = window.findChild<fb::ui::StudyPanel*>(); study && parser.isSet(o.study)) {
        const QString path = parser.value(o.study);
        // A failure shows its message on the page, so the page is shown either way.
        if (QFileInfo(path).isDir())
            study->openStudyFolder(path);
        else
            study->openStudyFile(path);
        window.showPage(QStringLiteral("study"));
    }
    if (parser.isSet(o.train)) {
        const int jobs = parser.value(o.train).toInt();
        for (int i = 0; i < jobs; ++i)
            window.trainingPanel()->start();
        window.showPage(QStringLiteral("training"));
    }
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // These name the QSettings scope (~/.config/FaceBench/FaceBench.conf on Linux).
    QCoreApplication::setOrganizationName(QStringLiteral("FaceBench"));
    QCoreApplication::setApplicationName(QStringLiteral("FaceBench"));
    QCoreApplication::setApplicationVersion(fb::ui::toQString(fb::facebenchVersion()));
    QGuiApplication::setDesktopFileName(QStringLiteral("facebench"));
    QTranslator qtTranslator;
    QTranslator translator;
    installTranslators(qtTranslator, translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Train, evaluate and benchmark deep face-recognition models."));
    parser.addHelpOption();
    parser.addVersionOption();
    const SessionOptions options;
    options.addTo(parser);
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
    if (!openStartFolder(window, parser, options))
        return 2;
    openSessionItems(window, parser, options);
    if (parser.isSet(options.page) && !window.showPage(parser.value(options.page))) {
        fprintf(stderr, "%s\n",
                qPrintable(QCoreApplication::translate("main", "Unknown page '%1'; pages: %2")
                               .arg(parser.value(options.page),
                                    window.pageNames().join(QStringLiteral(", ")))));
        return 2;
    }
    window.show();
    return QApplication::exec();
}
