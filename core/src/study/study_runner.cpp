// Running a study (facebench/study.h): each cell trained into DIR/cells/<id>/ and evaluated
// into its eval/, study.json rewritten after each, so that the study survives Ctrl-C, a crash
// or a failed cell and continues where it stopped.
#include "facebench/study.h"

#include "facebench/atomic_file.h"
#include "facebench/evaluation.h"
#include "facebench/run_directory.h"
#include "facebench/run_metrics.h"
#include "facebench/training_job.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fb {

namespace {

namespace fs = std::filesystem;

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A cell needs no work when its run finished and every protocol has its result file.
bool finishedAndEvaluated(const RunDirectory& run, const ExperimentConfig& config) {
    if (!RunDirectory::isRun(run.path) || run.summary().status != RunStatus::Finished)
        return false;
    for (const std::string& protocol : config.eval.protocols)
        if (!fs::exists(run.eval().result(protocol)))
            return false;
    return true;
}

bool trainingFinished(const RunDirectory& run) {
    return RunDirectory::isRun(run.path) && run.summary().status == RunStatus::Finished;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : " ") + item;
    return text.empty() ? "(none)" : text;
}

} // namespace

StudyRunner::StudyRunner(Study study, StudyRunOptions options)
    : m_study(std::move(study)), m_options(std::move(options)) {}

void StudyRunner::cancel() {
    m_cancel.store(true);
    if (void* job = m_job.load())
        static_cast<TrainingJob*>(job)->cancel();
}

StudyRunSummary StudyRunner::run() {
    const StudyFiles files{m_options.outDir};
    const auto log = [&](const std::string& text) {
        if (m_options.log)
            m_options.log(text);
    };

    // One folder, one study: refuse another file (or other --set overrides) before any work.
    StudyState previous;
    if (fs::exists(files.studyCopy())) {
        const std::string key =
            firstDifferingStudyKey(readWholeFile(files.studyCopy()), m_study.text);
        if (!key.empty())
            throw InputError(SourceLocation{m_study.file}, key,
                             "'" + m_options.outDir +
                                 "' holds another study (its study.yaml "
                                 "differs first at this key): give another --out or the same file");
        if (fs::exists(files.state())) {
            previous = readStudyState(files.state());
            if (previous.overrides != m_options.overrides)
                throw InputError(SourceLocation{files.state()}, "--set",
                                 "the study in '" + m_options.outDir + "' was run with --set " +
                                     joined(previous.overrides) + ", now " +
                                     joined(m_options.overrides));
        }
    }
    std::error_code error;
    fs::create_directories(fs::path(m_options.outDir) / "cells", error);
    if (error)
        throw InputError(SourceLocation{m_options.outDir}, "--out",
                         "cannot create the study folder: " + error.message());
    writeFileAtomically(files.studyCopy(), m_study.text);

    StudyState state;
    state.name = m_study.name;
    state.layout = m_study.layout;
    state.overrides = m_options.overrides;
    for (const StudyCell& cell : m_study.cells) {
        StudyCellRecord record;
        for (const StudyCellRecord& old : previous.cells)
            if (old.id == cell.id)
                record = old;
        record.id = cell.id;
        record.condition = cell.condition;
        record.repeat = cell.repeat;
        record.settings.clear();
        for (const StudySetting& setting : cell.settings)
            record.settings.push_back(setting.assignment());
        state.cells.push_back(record);
    }
    writeStudyState(files.state(), state);

    StudyRunSummary summary;
    for (std::size_t i = 0; i < m_study.cells.size() && !m_cancel.load(); ++i) {
        const StudyCell& cell = m_study.cells[i];
        StudyCellRecord& record = state.cells[i];
        const RunDirectory run(files.cellDir(cell.id));
        if (record.status != StudyCellStatus::Failed && finishedAndEvaluated(run, cell.config)) {
            record.status = StudyCellStatus::Done;
            ++summary.skipped;
            log("cell " + cell.id + ": done, skipped");
            continue;
        }
        const bool trained = record.status != StudyCellStatus::Failed && trainingFinished(run);
        const bool resume = !trained && record.status != StudyCellStatus::Failed &&
                            run.hasLastCheckpoint() && fs::exists(run.configFile());
        if (!trained && !resume && fs::exists(run.path)) {
            fs::remove_all(run.path, error); // failed, or set up without a checkpoint: anew
            if (error)
                throw JobError("cannot remove '" + run.path + "': " + error.message());
        }
        record.status = StudyCellStatus::Running;
        record.error.clear();
        writeStudyState(files.state(), state);
        log("cell " + std::to_string(i + 1) + "/" + std::to_string(m_study.cells.size()) + " " +
            cell.id +
            (trained  ? ": evaluating"
             : resume ? ": resuming"
                      : ": training"));

        const auto started = std::chrono::steady_clock::now();
        const auto elapsed = [&] {
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                .count();
        };
        try {
            if (!trained) {
                ExperimentConfig config = cell.config;
                config.output.dir = (fs::path(m_options.outDir) / "cells").string();
                config.output.name = cell.id;
                TrainingOptions options;
                (resume ? options.resumeDir : options.runDir) = run.path;
                TrainingJob job(config, options);
                m_job.store(&job);
                if (m_cancel.load())
                    job.cancel();
                TrainingResult result;
                try {
                    result = job.run(m_options.progress);
                } catch (...) {
                    m_job.store(nullptr);
                    throw;
                }
                m_job.store(nullptr);
                if (result.cancelled) {
                    record.seconds += elapsed();
                    writeStudyState(files.state(), state); // stays "running": resumed next time
                    summary.cancelled = true;
                    break;
                }
            }
            EvalRequest request;
            request.runDir = run.path;
            request.protocols = cell.config.eval.protocols;
            evaluate(request, log);
            record.metrics = studyHeadlineMetrics(run.path);
            record.status = StudyCellStatus::Done;
            ++summary.done;
        } catch (const InputError& failure) {
            // Bad input (a missing data folder) would fail every cell alike: stop here.
            record.status = StudyCellStatus::Failed;
            record.error = failure.what();
            record.seconds += elapsed();
            writeStudyState(files.state(), state);
            throw;
        } catch (const std::exception& failure) {
            record.status = StudyCellStatus::Failed;
            record.error = failure.what();
            ++summary.failed;
            log("cell " + cell.id + " failed: " + failure.what());
        }
        record.seconds += elapsed();
        writeStudyState(files.state(), state);
    }
    summary.cancelled = summary.cancelled || m_cancel.load();
    return summary;
}

} // namespace fb
