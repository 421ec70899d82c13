// The issue-12 pages in the main window (facebench/ui/analysis_pages.h).
#include "facebench/ui/analysis_pages.h"

#include "facebench/ui/bench_panel.h"
#include "facebench/ui/comparison_panel.h"
#include "facebench/ui/evaluation_panel.h"
#include "facebench/ui/failures_panel.h"
#include "facebench/ui/main_window.h"
#include "facebench/ui/runs_panel.h"

#include <QStyle>

namespace fb::ui {

void addAnalysisPages(MainWindow* window, JobRunner* jobs, RunsPanel* runs) {
    auto* evaluation = new EvaluationPanel;
    evaluation->setObjectName(QStringLiteral("evaluationPanel"));
    evaluation->setJobRunner(jobs);
    auto* failures = new FailuresPanel;
    failures->setObjectName(QStringLiteral("failuresPanel"));
    auto* bench = new BenchPanel;
    bench->setObjectName(QStringLiteral("benchmarkPanel"));
    bench->setJobRunner(jobs);
    auto* comparison = new ComparisonPanel;
    comparison->setObjectName(QStringLiteral("comparisonPanel"));
    QStyle* style = window->style();
    window->addPage(evaluation, QObject::tr("Evaluation"),
                    style->standardIcon(QStyle::SP_DialogApplyButton));
    window->addPage(failures, QObject::tr("Failure pairs"),
                    style->standardIcon(QStyle::SP_MessageBoxWarning));
    window->addPage(bench, QObject::tr("Benchmark"), style->standardIcon(QStyle::SP_ComputerIcon));
    window->addPage(comparison, QObject::tr("Comparison"),
                    style->standardIcon(QStyle::SP_FileDialogListView));
    if (runs) {
        QObject::connect(runs, &RunsPanel::runsFolderChanged, bench, &BenchPanel::setRunsFolder);
        QObject::connect(runs, &RunsPanel::compareRequested, comparison,
                         [window, comparison](const QStringList& dirs) {
                             comparison->setRuns(dirs);
                             window->showPage(QStringLiteral("comparison"));
                         });
        QObject::connect(runs, &RunsPanel::runLoaded, evaluation,
                         [evaluation, failures, comparison](const QString& dir) {
                             if (evaluation->runDir() != dir) {
                                 evaluation->loadRun(dir);
                                 failures->loadRun(dir);
                                 comparison->addRun(dir);
                             }
                         });
    }
    // A run evaluated on the Evaluation page shows its failures too.
    QObject::connect(evaluation, &EvaluationPanel::loaded, failures, &FailuresPanel::loadRun);
}

} // namespace fb::ui
