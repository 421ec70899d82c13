#pragma once
// A run's evaluation results loaded for display: the parsed eval/*.json, each verification set's
// scores and its ROC (with the TAR@FAR intervals), and IJB-B/C's 1:N identification per gallery.
// Loading a run reads every *-scores.csv (a million lines for IJB-A-sized sets), so panels call
// loadRunResults on a worker thread and hand the result to the GUI thread.
#include "facebench/eval_results.h"
#include "facebench/ui/eval_charts.h"

#include <QString>

#include <memory>
#include <vector>

namespace fb::ui {

struct LoadedBlock {
    VerificationBlock block;
    ScoreSet scores; // empty when the scores file is missing
    RocSeries roc;
};

struct RunResults {
    QString dir;
    QString name;
    std::vector<EvalResult> results;
    std::vector<LoadedBlock> blocks;
    std::vector<IdentificationResult> identification; // ijb.json's galleries, G1 then G2
    QString error; // a malformed file; results read before it are kept
    const EvalResult* find(const std::string& protocol) const;
    const SimilarityMatrix* matrix(const std::string& study) const;
};

// Thread-safe (no widgets). `withScores` = false skips the CSVs (tables only).
std::shared_ptr<RunResults> loadRunResults(const QString& runDir, bool withScores = true);

// A pair path as the protocol wrote it (relative to the folder `eval` ran in) made absolute:
// tried as given, then against the run folder's parents, then against `dataHint`'s parents.
QString resolveResultPath(const QString& path, const QString& runDir);

} // namespace fb::ui
