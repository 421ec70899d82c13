#pragma once
// The run directory (docs/ARCHITECTURE.md, "The run directory"): everything one training run and
// the work done on it later produce lives in one folder, so the GUI, the CLI and a later session
// read the same files. This unit is the only place that spells the layout; every other file asks it
// for a path, and packaging/check_run_layout.py fails the build's tests when one spells a name.
//
//   <output.dir>/<output.name>-<YYYYmmdd-HHMMSS>[-2|-3|...]/   one run (-2.. when two start
//   |                                                          in the same second)
//   |-- config.yaml            the fully resolved config, every default written out
//   |-- metrics.jsonl          one JSON object per logged step: "train", "val" and "nan" rows
//   |-- train.log              "YYYY-mm-dd HH:MM:SS  text" lines: start, notes, the end line
//   |-- checkpoints/
//   |   |-- last.pt            weights at the last checkpoint (FaceBench weights format)
//   |   |-- last.state.pt      what an exact resume needs beside them (head, SGD, loader, RNG)
//   |   |-- prev.state.pt      the state before, kept only while a checkpoint is committed
//   |   `-- best.pt            weights at the best validation metric (no resume state)
//   |-- eval/
//   |   |-- <protocol>.json    a protocol's results (lfw, pairs, templates, cross-quality, dfw,
//   |   |                      tracks) with its failure pairs
//   |   `-- <name>-scores.csv  every scored pair of one verification set: score,label,a,b
//   |-- bench/
//   |   |-- bench.json         benchmark rows (a benchmark's own run is bench-<time>/bench/)
//   |   |-- bench.csv          the same rows as CSV
//   |   `-- bench.md           the same rows as a Markdown table
//   |-- figures/               exported plots (PNG, PDF, SVG), `report --figures`
//   `-- tb/
//       `-- events.out.tfevents.<seconds>.<host>.<pid>[.eval]   TensorBoard scalars
//
// A folder is a run when it holds config.yaml or metrics.jsonl (isRun): a run being set up has
// only its config, and an imported run may have only its metrics. Torch-free and Qt-free.
#include "facebench/experiment_config.h"

#include <string>
#include <vector>

namespace fb {

// The typed readers' results, declared where they are read (callers include those headers):
struct EvalResult; // facebench/eval_results.h
struct RunMetrics; // facebench/run_metrics.h
struct RunSummary; // facebench/run_metrics.h

// The files of a checkpoints folder: a run's checkpoints/, or any folder the checkpoint code
// is given (a copy of one, in tests).
struct CheckpointFiles {
    std::string dir;
    std::string last() const;          // last.pt
    std::string lastState() const;     // last.state.pt
    std::string previousState() const; // prev.state.pt
    std::string best() const;          // best.pt
};

// The files of an evaluation results folder: a run's eval/, or `eval --out DIR`.
struct EvalFiles {
    std::string dir;
    std::string result(const std::string& protocol) const; // <protocol>.json
    std::string scores(const std::string& name) const;     // <name>-scores.csv
    // Every result file (*.json) there, sorted; none when the folder does not exist.
    std::vector<std::string> resultFiles() const;
};

// The files of a benchmark's output folder: a run's bench/, or `bench --out DIR`.
struct BenchFiles {
    std::string dir;
    std::string json() const;     // bench.json
    std::string csv() const;      // bench.csv
    std::string markdown() const; // bench.md
    // bench.json when it exists, else the first *.json there by name, else "".
    std::string resultFile() const;
};

// One run directory. A plain value naming a folder: constructing one touches no file. With an
// empty path the accessors give the names relative to a run ("config.yaml",
// "checkpoints/best.pt"), and RunDirectory("RUN") the placeholders of help texts ("RUN/eval").
// A study's cells are ordinary runs too: RunDirectory(study + "/cells/" + id) reads one.
struct RunDirectory {
    std::string path;

    RunDirectory() = default;
    explicit RunDirectory(std::string folder) : path(std::move(folder)) {}

    // ---- Finding and making runs ----

    // The one rule for "is this folder a run?": it holds config.yaml or metrics.jsonl.
    static bool isRun(const std::string& folder);
    // The runs directly under runsDir, newest first (by the name's time stamp, else by the
    // folder's modification time). Empty when runsDir does not exist.
    static std::vector<RunDirectory> list(const std::string& runsDir);
    // Local time as YYYYmmdd-HHMMSS, the suffix of a run's folder name.
    static std::string timestamp();
    // parent/<name>-<timestamp>: where a run started now goes (nothing is created, no -2).
    static RunDirectory stamped(const std::string& parent, const std::string& name);
    // Creates parent/<name>-<timestamp>/ (-2, -3, ... when that exists: two runs started in the
    // same second) and its checkpoints/. Throws InputError with key `option` naming the parent
    // when it cannot be created.
    static RunDirectory create(const std::string& parent, const std::string& name,
                               const std::string& option = "output.dir");
    // A training run: create(output.dir or ".", output.name), then its config.yaml.
    static RunDirectory create(const ExperimentConfig& config);
    // An existing run by isRun's rule, for `option` (the CLI option that named it, or "").
    // Throws InputError naming the folder when it does not exist or is not a run.
    static RunDirectory require(const std::string& folder, const std::string& option);
    // An existing run for `option` ("--run", "--resume"). Throws InputError naming the folder
    // when it does not exist or has no config.yaml.
    static RunDirectory open(const std::string& folder, const std::string& option);
    // open() for --resume, which also needs checkpoints/last.pt; the path comes back
    // normalised ("runs/a/" and "runs/./a" are "runs/a").
    static RunDirectory openForResume(const std::string& folder);

    // ---- The layout ----

    std::string name() const; // the folder's name, "quickstart-20261128-233047"
    std::string configFile() const;
    std::string metricsFile() const;
    std::string logFile() const;
    std::string checkpointDir() const;
    CheckpointFiles checkpoints() const { return {checkpointDir()}; }
    std::string evalDir() const;
    EvalFiles eval() const { return {evalDir()}; }
    std::string benchDir() const;
    BenchFiles bench() const { return {benchDir()}; }
    std::string figuresDir() const;
    std::string tensorBoardDir() const;

    // TensorBoard's event file naming (PyTorch's SummaryWriter's pattern, so the files of one
    // folder sort by the time they were started): events.out.tfevents.<10-digit
    // seconds>.<host>.<pid><suffix>, and the test whether a file name is one.
    static std::string newTensorBoardEventFileName(const std::string& suffix = {});
    static bool isTensorBoardEventFile(const std::string& fileName);

    // ---- Writing ----

    // config.yaml from the resolved config, atomically.
    void writeConfig(const ExperimentConfig& config) const;

    // ---- Reading ----

    // config.yaml with `overrides` ("a.b=value") applied. Throws InputError naming the file
    // and key when it is missing or does not load.
    ExperimentConfig readConfig(const std::vector<std::string>& overrides = {}) const;
    // metrics.jsonl (run_metrics.h's lenient reader: a line being written is skipped).
    // Throws InputError when the file cannot be opened.
    RunMetrics readMetrics() const;
    bool hasMetrics() const;
    // Every eval/*.json, sorted by protocol name (eval_results.h); none without eval/.
    std::vector<EvalResult> readEvalResults() const;
    bool hasEvalResults() const; // eval/ exists
    // The checkpoint evaluation uses: best.pt, else last.pt, else "".
    std::string bestOrLastCheckpoint() const;
    bool hasLastCheckpoint() const;
    // The summary of run_metrics.h (config, status, last loss, checkpoints, evaluations).
    RunSummary summary() const;
};

} // namespace fb
