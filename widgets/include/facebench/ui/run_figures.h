#pragma once
// "Export all figures" of a run: every chart the panels draw for the run's stored
// results (RUN/eval/*.json and *-scores.csv, RUN/metrics.jsonl, RUN/bench/bench.json) written
// into RUN/figures/ as PNG, PDF and SVG. The GUI's Export action and `facebench-cli report RUN
// --figures` both call exportRunFigures, so they write the same files.
#include "facebench/run_metrics.h"
#include "facebench/ui/figure_export.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class QCustomPlot;

namespace fb::ui {

struct RunFiguresOptions {
    FigureSize size;
    QList<FigureFormat> formats{FigureFormat::Png, FigureFormat::Pdf, FigureFormat::Svg};
    QString outDir; // "" = RUN/figures
};

// Training curves of several runs overlaid (metrics.jsonl "train" rows): `metric` against step
// ("loss" or "acc"), one series per run, with a legend.
void plotTrainingCurves(QCustomPlot* plot, const QList<QPair<QString, RunMetrics>>& runs,
                        const QString& metric, const QString& title = {});

// Writes every figure the run's results allow; `written` receives the paths in order. Returns
// false with *error (naming the file) on a malformed result or a write failure; a run with no
// results at all is an error too ("nothing to draw"). Needs a QApplication (widgets).
bool exportRunFigures(const QString& runDir, const RunFiguresOptions& options, QStringList* written,
                      QString* error = nullptr);

} // namespace fb::ui
