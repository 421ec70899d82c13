#pragma once
// The page that shows how fast models train and infer: the Benchmark page (named "benchmark"
// for `facebench --page`), running its sweeps through the window's job runner.
namespace fb::ui {

class BenchPanel;
class JobRunner;
class MainWindow;

BenchPanel* addBenchmarkPage(MainWindow* window, JobRunner* jobs);

} // namespace fb::ui
