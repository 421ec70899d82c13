#pragma once
// `facebench-cli report RUN_DIR... --figures`: every figure of each run (ROC, score histograms,
// LFW folds, pose/age heatmaps, training curves, benchmark charts) into RUN/figures/ as PNG, PDF
// and SVG, drawn by the GUI's own chart code (facebench-figures) on Qt's offscreen platform. A
// facebench-cli built without the GUI (FACEBENCH_BUILD_GUI=OFF) has no Qt: the flag is then a
// usage error (exit 2) that says so.
#include <string>
#include <vector>

namespace fb::cli {

struct FigureOptions {
    double widthMm = 160;
    double heightMm = 100;
    int dpi = 300;
    std::string formats = "png,pdf,svg";
    std::string outDir; // "" = RUN/figures (one run only when set)
};

// Returns the exit code; prints the files written (JSON with --json). Throws InputError for bad
// options or results.
int writeReportFigures(const std::vector<std::string>& runs, const FigureOptions& options,
                       bool json);

// `study report DIR --figures` (facebench/study.h, studyFigureData): per metric of the study's
// table grouped bars with 95% interval whiskers (study-<metric>), the cells' ROC curves overlaid
// (study-roc) and each cell's images/s (study-throughput), into DIR/figures/ or outDir.
int writeStudyFigures(const std::string& studyDir, const FigureOptions& options, bool json);

} // namespace fb::cli
