#pragma once
// The evaluation figures of the seed (Section 3.2, Tables 3-6) drawn into a QCustomPlot from
// the results a run stores (facebench/eval_results.h): ROC curves on a log FAR axis, genuine and
// impostor score histograms with the threshold, LFW's ten fold accuracies and the VGGFace2
// pose/age similarity heatmaps. Used by the panels and by `report --figures` alike.
#include "facebench/eval_results.h"

#include <QList>
#include <QString>

#include <vector>

class QCustomPlot;

namespace fb::ui {

// The FARs the seed reports TAR at (Tables 3-6): 1%, 0.1%, 0.01%.
const std::vector<double>& reportedFars();

struct RocSeries {
    QString name;
    std::vector<double> fpr, tpr; // decimated on the log FAR axis, fpr > 0
    std::vector<double> markFar;  // the marked FARs ...
    std::vector<TarAtFar> marks;  // ... and TAR@FAR there
};

// The ROC of a score set (verification_metrics.h), keeping at most ~`points` points spread
// evenly on the log FAR axis (the step shape is kept: each kept point is a real ROC point).
RocSeries rocSeries(const QString& name, const ScoreSet& scores, int points = 600);

// ROC curves, FAR on a log axis from 1e-5 to 1, TAR linear 0..1, dashed verticals and TAR
// markers at each reported FAR.
void plotRocCurves(QCustomPlot* plot, const QList<RocSeries>& series, const QString& title = {});

// Genuine and impostor histograms (each normalised to fractions of its own set, `bins` bins over
// the common score range) and a vertical line at `threshold` labelled `thresholdLabel`.
void plotScoreHistogram(QCustomPlot* plot, const ScoreSet& scores, double threshold,
                        const QString& thresholdLabel, const QString& title = {}, int bins = 50);

// LFW's ten held-out fold accuracies (%) as bars, with the mean as a dashed line.
void plotLfwFolds(QCustomPlot* plot, const EvalResult& lfw, const QString& title = {});

// A similarity matrix as a colour map with each cell's value printed in it (3 decimals), rows
// (template A) top to bottom, columns (template B) left to right, as Table 3 prints them.
void plotSimilarityHeatmap(QCustomPlot* plot, const SimilarityMatrix& matrix,
                           const QString& title = {});
// The texts printed in the cells, row-major (what plotSimilarityHeatmap writes; for tests).
QStringList heatmapCellTexts(const QCustomPlot* plot);

// "front" -> "Front", "three-quarter" -> "Three-quarter".
QString levelTitle(const std::string& level);
// A FAR as a percentage label: 0.01 -> "1%", 1e-4 -> "0.01%".
QString farLabel(double far);

} // namespace fb::ui
