#pragma once
// The pages that show one run's evaluation: its verification results (Evaluation, named
// "evaluation" for `facebench --page`) and the pairs it got wrong (Failure pairs, "failures").
// A run evaluated on the Evaluation page shows its failures too.
namespace fb::ui {

class EvaluationPanel;
class FailuresPanel;
class JobRunner;
class MainWindow;

struct EvaluationPages {
    EvaluationPanel* evaluation = nullptr;
    FailuresPanel* failures = nullptr;
};

EvaluationPages addEvaluationPages(MainWindow* window, JobRunner* jobs);

} // namespace fb::ui
