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
//   kind: train               # or bench: each cell a throughput measurement (Fig. 2), no training
//   bench: {iterations: 20, warmup: 3, memory_cap_mb: 0}               # kind: bench only
//   datasets:                 # synthetic sets generated before the first cell when missing
//     runs/synth-broad: {identities: 400, images_per_identity: 10, seed: 2}
//
//   DIR/study.yaml            a copy of the study file: another file against DIR is refused
//   DIR/study.json            the cells' state, rewritten atomically after each cell
//   DIR/cells/<id>/           one run directory per cell and repeat (facebench/run_directory.h)
//
// Torch-free and Qt-free.
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/report_table.h"
#include "facebench/synthetic_data.h"
#include "facebench/verification_metrics.h"

#include <atomic>
#include <cstdint>
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

// train: each cell trained and evaluated; bench: each cell's training step timed by the bench
// engine (facebench/bench_job.h) at the cell's model, batch size and device, nothing trained.
enum class StudyKind { Train, Bench };
std::string studyKindName(StudyKind kind); // "train", "bench"

struct StudyBenchSettings {
    int iterations = 20;          // timed steps per cell
    int warmup = 3;               // untimed steps before them
    std::int64_t memoryCapMb = 0; // CPU: a batch growing the resident set beyond it is "oom"
};

// A synthetic set the study generates (SynthJob) into options.outDir, relative to the working
// directory like data.train, before its first cell; one already there must hold the identities
// and images asked for.
struct StudyDataset {
    SynthOptions options;
    SourceLocation where; // its entry in the study file
};

struct Study {
    std::string file;
    std::string text; // the study file's bytes
    std::string name;
    std::vector<std::string> protocols;
    int repeats = 1;
    StudyLayout layout;
    StudyKind kind = StudyKind::Train;
    StudyBenchSettings bench;
    std::vector<StudyDataset> datasets;
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
    double seconds = 0; // training and evaluation (or the benchmark), summed over attempts
    // train: headline numbers of its eval/ (studyHeadlineMetrics); bench: studyBenchMetrics
    std::map<std::string, double> metrics;
    std::string error; // failed: the message
};

struct StudyState {
    std::string name;
    StudyKind kind = StudyKind::Train;
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

// A bench cell's numbers from its bench.json: "images_per_s", "ms_median", "peak_mem_mb" (those
// of a batch that ran) and "oom" (1 when the batch ran out of memory, else 0).
std::map<std::string, double> studyBenchMetrics(const std::string& cellDir);

// ---- Running ----

struct StudyRunOptions {
    std::string outDir;
    std::vector<std::string> overrides;
    // One worker per entry ("cpu" may repeat, "cuda:N"), each running one cell at a time in a
    // process of its own (workerCommand), cells taken in study order. Empty: the cells one
    // after another in this process, on their own device.name.
    std::vector<std::string> devices;
    // The program and arguments that run `study run FILE --out DIR [--set ...]`; a worker
    // appends "--cell ID --devices DEVICE". Needed with two or more devices.
    std::vector<std::string> workerCommand;
    // Worker mode: run this one cell here on devices[0] (train and evaluate, or bench) and
    // leave study.json to the parent; cellThreads > 0 replaces a device.threads of 0.
    std::string onlyCell;
    int cellThreads = 0;
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
    struct CellOutcome;
    CellOutcome runCellHere(const StudyCell& cell, const std::string& device, int threads);
    CellOutcome runCellInWorker(const StudyCell& cell, const std::string& device, int slot);
    void generateDatasets();

    Study m_study;
    StudyRunOptions m_options;
    std::atomic_bool m_cancel{false};
    std::atomic<void*> m_job{nullptr};   // the TrainingJob running now
    std::atomic<void*> m_bench{nullptr}; // the BenchJob running now
    std::atomic<void*> m_synth{nullptr}; // the SynthJob running now
    int m_cpuWorkerThreads = 0;          // threads of each CPU worker when several share the cores
    static constexpr int kMaxWorkers = 64;
    std::atomic<int> m_workerPids[kMaxWorkers] = {}; // worker processes running now (0: none)
};

// ---- Reporting ----

// The table of a study directory in its layout: per condition LFW accuracy (%) and TAR@FAR (%)
// of the first protocol with a verification block, repeats as mean with a 95% Student t interval
// and sd, and for 10-fold protocols a paired t-test of each condition's fold accuracies against
// the first condition's. A second table lists every cell. Throws InputError for a folder that is
// not a study directory.
// A bench study's first table instead: per condition images/s (mean over the repeats with its
// 95% interval), ms per step, peak memory and whether it ran out of memory.
std::vector<ReportTable> buildStudyReport(const std::string& studyDir);

// ---- Figures (drawn by `study report --figures`) ----

// One bar: a condition's mean and its 95% interval (low = high = value without one).
struct StudyBar {
    std::string label;
    double value = 0, low = 0, high = 0;
};
// The bars of one metric (a numeric column of the report's first table), in row order.
struct StudyBarChart {
    std::string metric; // the column's key, e.g. "lfw_acc_pct" or "images_per_s"
    std::string title;  // the column's title
    std::vector<StudyBar> bars;
};
// One cell's scores for its ROC: the first verification block whose scores file is on disk
// (LFW's before the others).
struct StudyRocCurve {
    std::string label; // the condition, with the repeat when there are several
    std::string protocol;
    ScoreSet scores;
};
struct StudyFigureData {
    std::vector<StudyBarChart> bars;
    std::vector<StudyRocCurve> rocs;
    StudyBarChart throughput; // images/s per cell (training log or bench), empty when none
};
// What the figures draw, taken from the same tables `study report` prints.
StudyFigureData studyFigureData(const std::string& studyDir);

// Paired t-test of two equally long fold lists: t = mean(d) / (sd(d) / sqrt(k)), d = b - a.
struct PairedTest {
    double meanDifference = 0;
    double t = 0;
    double critical = 0;      // t_{0.975, k-1}
    bool significant = false; // |t| > critical (two-sided, 5%)
};
PairedTest pairedTTest(const std::vector<double>& a, const std::vector<double>& b);

} // namespace fb
