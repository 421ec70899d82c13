#pragma once
// A study: one experiment varied along a few config keys, each variant ("cell") an ordinary run
// directory in DIR/cells/<id>/, evaluated and compared in one table. The seed's comparisons are
// studies: Table 6 (losses on one backbone), Tables 7-10 (one model under the caffe, tensorflow
// and pytorch styles), Table 3 (models) and Fig. 2 (batch size).
//
//   name: losses
//   base: {config: ../quickstart.yaml, set: {train.iterations: 200}}   # or base: resnet50
//   axes: {head.type: [softmax, center, sphereface, cosface, arcface]} # cartesian product
//   cells: [{head.type: arcface, head.m: 0.3}]                         # extra cells, optional
//   repeats: 3                                                         # train.seed = base + r
//   protocols: [lfw]
//   layout: losses            # models | losses | frameworks | training-sets | {rows: K, columns:
//   K}
//
//   DIR/study.yaml            a copy of the study file: another file against DIR is refused
//   DIR/study.json            the cells' state, rewritten atomically after each cell
//   DIR/cells/<id>/           one run directory per cell and repeat (facebench/run_directory.h)
//
// Torch-free and Qt-free.
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/report_table.h"

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace fb {

struct TrainingProgress; // facebench/training_job.h

// One key a cell sets, its value as YAML flow text ("arcface", "[112, 112]").
struct StudySetting {
    std::string key;
    std::string value;
    SourceLocation where; // the value in the study file
    std::string assignment() const { return key + "=" + value; }
};

struct StudyCell {
    // Stable and readable: the settings' slug, the repeat, and 6 hex digits of a hash of the
    // resolved config ("head.type=arcface-r0-3f2a9c").
    std::string id;
    std::string condition; // the slug alone: the repeats of one condition share it
    std::vector<StudySetting> settings;
    int repeat = 0;
    ExperimentConfig config; // resolved; train.seed = the base's seed + repeat
};

struct StudyLayout {
    std::string name;    // models | losses | frameworks | training-sets | grid
    std::string rows;    // the config key whose values label the rows
    std::string columns; // grid: the key whose values are the columns
};

struct Study {
    std::string file;
    std::string text; // the study file's bytes
    std::string name;
    std::vector<std::string> protocols;
    int repeats = 1;
    StudyLayout layout;
    std::vector<StudyCell> cells; // in file order, the repeats of a condition adjacent
};

// Reads a study file and resolves every cell through the config loader, so that every error
// (an unknown key, an empty axis, a value the config rejects, two cells with the same config)
// is an InputError naming file:line and the key before anything runs. `overrides` ("a.b=v",
// the CLI's --set) apply to every cell after the study's own settings.
Study loadStudy(const std::string& path, const std::vector<std::string>& overrides = {});
Study parseStudy(const std::string& yamlText, const std::string& sourceName,
                 const std::string& baseDir, const std::vector<std::string>& overrides = {});

// The first key (dotted, "axes.head.type") whose value differs between two study files' YAML
// texts, "" when they are the same document.
std::string firstDifferingStudyKey(const std::string& oldText, const std::string& newText);

// ---- State: DIR/study.json ----

enum class StudyCellStatus { Pending, Running, Done, Failed };
std::string studyCellStatusName(StudyCellStatus status); // "pending", "running", "done", "failed"

struct StudyCellRecord {
    std::string id;
    std::string condition;
    std::vector<std::string> settings; // "key=value"
    int repeat = 0;
    StudyCellStatus status = StudyCellStatus::Pending;
    double seconds = 0;                    // training and evaluation, summed over attempts
    std::map<std::string, double> metrics; // headline numbers of its eval/ (studyHeadlineMetrics)
    std::string error;                     // failed: the message
};

struct StudyState {
    std::string name;
    StudyLayout layout;                 // for `study report`, which reads the directory alone
    std::vector<std::string> overrides; // the --set list the study was run with
    std::vector<StudyCellRecord> cells;
};

struct StudyFiles {
    std::string dir;
    std::string state() const;                        // study.json
    std::string studyCopy() const;                    // study.yaml
    std::string cellDir(const std::string& id) const; // cells/<id>
};

// Throws InputError naming the file when it is missing or malformed.
StudyState readStudyState(const std::string& stateFile);
void writeStudyState(const std::string& stateFile, const StudyState& state);

// The numbers study.json keeps per cell from its eval/*.json: "<protocol>_acc" (10-fold
// accuracy, a fraction) and "<label>_tar@<far>" for each verification block.
std::map<std::string, double> studyHeadlineMetrics(const std::string& runDir);

// ---- Running ----

struct StudyRunOptions {
    std::string outDir;
    std::vector<std::string> overrides;
    std::function<void(const std::string&)> log;
    std::function<void(const TrainingProgress&)> progress;
};

struct StudyRunSummary {
    int done = 0, failed = 0, skipped = 0;
    bool cancelled = false;
};

// Trains and evaluates each cell not yet done: resumes a cell that has a checkpoint but did not
// finish, skips one finished and evaluated, runs a failed one again from the start.
class StudyRunner {
public:
    StudyRunner(Study study, StudyRunOptions options);
    // Throws InputError before any training when DIR holds another study file.
    StudyRunSummary run();
    // Safe from a signal handler: the running cell checkpoints and run() returns cancelled.
    void cancel();

private:
    Study m_study;
    StudyRunOptions m_options;
    std::atomic_bool m_cancel{false};
    std::atomic<void*> m_job{nullptr}; // the TrainingJob running now
};

// ---- Reporting ----

// The table of a study directory in its layout: per condition LFW accuracy (%) and TAR@FAR (%)
// of the first protocol with a verification block, repeats as mean with a 95% Student t interval
// and sd, and for 10-fold protocols a paired t-test of each condition's fold accuracies against
// the first condition's. A second table lists every cell. Throws InputError for a folder that is
// not a study directory.
std::vector<ReportTable> buildStudyReport(const std::string& studyDir);

// Paired t-test of two equally long fold lists: t = mean(d) / (sd(d) / sqrt(k)), d = b - a.
struct PairedTest {
    double meanDifference = 0;
    double t = 0;
    double critical = 0;      // t_{0.975, k-1}
    bool significant = false; // |t| > critical (two-sided, 5%)
};
PairedTest pairedTTest(const std::vector<double>& a, const std::vector<double>& b);

} // namespace fb
