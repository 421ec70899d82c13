// Loading a run's evaluation results (run_results.h).
#include "evaluation/run_results.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <facebench/ui/to_qstring.h>

namespace fb::ui {

const EvalResult* RunResults::find(const std::string& protocol) const {
    for (const EvalResult& r : results)
        if (r.protocol == protocol)
            return &r;
    return nullptr;
}

const SimilarityMatrix* RunResults::matrix(const std::string& study) const {
    if (const EvalResult* t = find("templates"))
        for (const SimilarityMatrix& m : t->matrices)
            if (m.study == study)
                return &m;
    return nullptr;
}

std::shared_ptr<RunResults> loadRunResults(const QString& runDir, bool withScores) {
    auto out = std::make_shared<RunResults>();
    out->dir = runDir;
    out->name = QFileInfo(QDir::cleanPath(runDir)).fileName();
    if (!QFileInfo(runDir).isDir()) {
        out->error =
            QCoreApplication::translate(
                "EvaluationPanel", "%1 is not a run folder. Choose a folder inside runs/ (named "
                                   "<name>-<date>-<time>, holding config.yaml and metrics.jsonl).")
                .arg(QDir::toNativeSeparators(runDir));
        return out;
    }
    try {
        out->results = readRunEvalResults(runDir.toStdString());
        for (const EvalResult& r : out->results)
            for (const VerificationBlock& b : r.blocks) {
                LoadedBlock lb;
                lb.block = b;
                if (withScores && !b.scoresFile.empty()) {
                    for (const ScoredPair& p : readScoredPairs(b.scoresFile))
                        (p.same ? lb.scores.genuine : lb.scores.impostor).push_back(p.score);
                    lb.roc = rocSeries(toQString(b.label), lb.scores);
                    lb.roc.intervals = tarIntervalPoints(b);
                }
                out->blocks.push_back(std::move(lb));
            }
        for (const EvalResult& r : out->results)
            if (r.protocol == "ijb")
                out->identification = readIdentification(toQString(r.file));
    } catch (const std::exception& e) {
        out->error = toQString(e.what());
    }
    return out;
}

QString resolveResultPath(const QString& path, const QString& runDir) {
    if (QFileInfo(path).isAbsolute() || QFileInfo::exists(path))
        return QFileInfo(path).absoluteFilePath();
    QDir dir(QFileInfo(runDir).absoluteFilePath());
    for (int up = 0; up < 4; ++up) {
        const QString candidate = dir.filePath(path);
        if (QFileInfo::exists(candidate))
            return QDir::cleanPath(candidate);
        if (!dir.cdUp())
            break;
    }
    return path;
}

} // namespace fb::ui
