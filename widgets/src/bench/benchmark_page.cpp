// The Benchmark page in the main window (benchmark_page.h).
#include "bench/benchmark_page.h"

#include "facebench/ui/bench_panel.h"
#include "facebench/ui/main_window.h"

#include <QStyle>

namespace fb::ui {

BenchPanel* addBenchmarkPage(MainWindow* window, JobRunner* jobs) {
    auto* bench = new BenchPanel;
    bench->setObjectName(QStringLiteral("benchmarkPanel"));
    bench->setJobRunner(jobs);
    window->addPage(bench, QObject::tr("Benchmark"),
                    window->style()->standardIcon(QStyle::SP_ComputerIcon));
    return bench;
}

} // namespace fb::ui
