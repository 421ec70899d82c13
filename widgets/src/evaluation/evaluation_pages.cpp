// The Evaluation and Failure pairs pages in the main window (evaluation_pages.h).
#include "evaluation/evaluation_pages.h"

#include "facebench/ui/evaluation_panel.h"
#include "facebench/ui/failures_panel.h"
#include "facebench/ui/main_window.h"

#include <QStyle>

namespace fb::ui {

EvaluationPages addEvaluationPages(MainWindow* window, JobRunner* jobs) {
    auto* evaluation = new EvaluationPanel;
    evaluation->setObjectName(QStringLiteral("evaluationPanel"));
    evaluation->setJobRunner(jobs);
    auto* failures = new FailuresPanel;
    failures->setObjectName(QStringLiteral("failuresPanel"));
    QStyle* style = window->style();
    window->addPage(evaluation, QObject::tr("Evaluation"),
                    style->standardIcon(QStyle::SP_DialogApplyButton));
    window->addPage(failures, QObject::tr("Failure pairs"),
                    style->standardIcon(QStyle::SP_MessageBoxWarning));
    QObject::connect(evaluation, &EvaluationPanel::loaded, failures, &FailuresPanel::loadRun);
    return {evaluation, failures};
}

} // namespace fb::ui
