#pragma once
// The evaluation figures of the seed (Section 3.2, Tables 3-6) drawn into a QCustomPlot from
// the results a run stores (facebench/eval_results.h): ROC curves on a log FAR axis, genuine and
// impostor score histograms with the threshold, LFW's ten fold accuracies and the VGGFace2
// pose/age similarity heatmaps; IJB-B/C's 1:N identification as a CMC and a TPIR-at-FPIR
// chart; and the 95% intervals the results carry as whiskers. Used by the panels and by
// `report --figures` alike.
#include "facebench/eval_results.h"

#include <QList>
#include <QString>

#include <cmath>
#include <limits>
#include <vector>

class QCustomPlot;

namespace fb::ui {

// The FARs the seed reports TAR at (Tables 3-6): 1%, 0.1%, 0.01%.
const std::vector<double>& reportedFars();

// A rate at one operating point (a FAR, a rank, an FPIR) with its 95% interval; the bounds are
// NaN where the result file has none.
struct RatePoint {
    double x = 0;
    double rate = 0;
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
    bool resolvable = true;
    bool hasInterval() const { return std::isfinite(low) && std::isfinite(high); }
};

struct RocSeries {
    QString name;
    std::vector<double> fpr, tpr; // decimated on the log FAR axis, fpr > 0
    std::vector<double> markFar;  // the marked FARs ...
    std::vector<TarAtFar> marks;  // ... and TAR@FAR there
    // TAR at the result file's FARs with their intervals (tarIntervalPoints): whiskers.
    std::vector<RatePoint> intervals;
};

// A verification set's TAR@FAR rows that are resolvable and carry an interval: the points a ROC
// draws whiskers at (the result files hold intervals only at these FARs, not along the curve).
std::vector<RatePoint> tarIntervalPoints(const VerificationBlock& block);

// One gallery's 1:N identification (ijb.json "identification"."G1", core's ijb protocol).
struct IdentificationResult {
    QString gallery; // "G1", "G2"
    int galleryTemplates = 0, gallerySubjects = 0, matedProbes = 0, nonMatedProbes = 0;
    std::vector<RatePoint> cmc;   // x = rank 1..R, closed-set identification rate; no intervals
    std::vector<RatePoint> rankK; // ranks 1, 5, 10 with their intervals
    std::vector<RatePoint> tpir;  // x = FPIR (1e-3..1e-1), open-set TPIR with intervals
    QString intervalMethod;       // as the file words it; "" without intervals
};

// The "identification" object of an ijb result file (core/src/eval/ijb_protocol.cpp): one entry
// per gallery, G1 before G2; none when the file has no 1:N results. Throws fb::InputError naming
// the file and the key for a malformed one.
std::vector<IdentificationResult> readIdentification(const QString& ijbJsonPath);

// The ROC of a score set (verification_metrics.h), keeping at most ~`points` points spread
// evenly on the log FAR axis (the step shape is kept: each kept point is a real ROC point).
RocSeries rocSeries(const QString& name, const ScoreSet& scores, int points = 600);

// ROC curves, FAR on a log axis from 1e-5 to 1, TAR linear 0..1, dashed verticals and TAR
// markers at each reported FAR.
void plotRocCurves(QCustomPlot* plot, const QList<RocSeries>& series, const QString& title = {});

// The CMC (closed-set identification rate against rank) of each gallery, with whiskers at the
// ranks that carry intervals (1, 5, 10). The rank axis is linear up to 20 ranks, log beyond
// (IJB-C's galleries have thousands of subjects).
void plotCmcCurves(QCustomPlot* plot, const QList<IdentificationResult>& galleries,
                   const QString& title = {});

// Open-set TPIR against FPIR on a log FPIR axis, each point with its interval whisker; points that
// are not resolvable (fewer than 1/FPIR non-mated probes) are drawn hollow.
void plotTpirCurves(QCustomPlot* plot, const QList<IdentificationResult>& galleries,
                    const QString& title = {});

// The interval whiskers drawn on `plot` (x, low, high), in drawing order (for tests). Several
// series' whiskers at one x are drawn a little apart (x moved by at most 0.12 * series ranks on
// a linear axis, 0.04 * series decades on a log one); low and high are the bounds exactly.
struct Whisker {
    double x = 0, low = 0, high = 0;
};
QList<Whisker> intervalWhiskers(const QCustomPlot* plot);

// Genuine and impostor histograms (each normalised to fractions of its own set, `bins` bins over
// the common score range) and a vertical line at `threshold` labelled `thresholdLabel`.
void plotScoreHistogram(QCustomPlot* plot, const ScoreSet& scores, double threshold,
                        const QString& thresholdLabel, const QString& title = {}, int bins = 50);

// LFW's ten held-out fold accuracies (%) as bars, with the mean as a dashed line and, when the
// result has one, its Student t fold interval as a shaded band.
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
