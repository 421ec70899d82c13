#pragma once
// Registers the issue-12 pages (Evaluation, Failure pairs, Benchmark, Comparison) in the main
// window, wired to the job runner and to the Runs page: a run opened there is shown on the
// Evaluation and Failure pairs pages and added to the Comparison. Pages are named
// "evaluation", "failures", "benchmark", "comparison" for `facebench --page NAME`.
namespace fb::ui {

class JobRunner;
class MainWindow;
class RunsPanel;

void addAnalysisPages(MainWindow* window, JobRunner* jobs, RunsPanel* runs);

} // namespace fb::ui
