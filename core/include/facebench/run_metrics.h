#pragma once
// Reading a run directory back (facebench/run_directory.h has the layout): the rows of its
// metrics file and a summary of the run (config, status from its log, checkpoints, evaluations).
// Torch-free and Qt-free, so the GUI's Runs panel and the CLI read runs the same way, including
// runs still being written (a half-written last line is skipped, not an error).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fb {

// One metrics.jsonl line: "type" ("train", "val", "nan"), step, epoch and every other numeric
// field by name ("loss", "acc", "lr", "img_s", "t_data", "t_compute", "val_acc", ...).
struct MetricsRow {
    std::string type;
    std::int64_t step = 0;
    std::int64_t epoch = 0;
    std::map<std::string, double> values;

    // values[key] or `fallback` when the row has no such number.
    double value(const std::string& key, double fallback = 0) const;
    bool has(const std::string& key) const { return values.count(key) > 0; }
};

struct RunMetrics {
    std::vector<MetricsRow> rows;
    // "metrics.jsonl:7: not a JSON object": lines skipped; the rest is still read.
    std::vector<std::string> problems;
};

// Parses one line; returns false (and sets *problem when given) for a line that is not a JSON
// object with a numeric "step". Blank lines return false with an empty problem.
bool parseMetricsLine(const std::string& line, MetricsRow& row, std::string* problem = nullptr);

// Reads a metrics.jsonl. Throws InputError naming the path when it cannot be opened. A last
// line without its newline is taken as still being written and skipped silently.
RunMetrics readRunMetrics(const std::string& path);

// True when the file at `path` exists but holds no settings (empty, blank lines or comments
// only): the YAML loader would take it for "every default", which no user means.
bool isBlankConfigFile(const std::string& path);

enum class RunStatus { Unknown, Running, Finished, Cancelled, Failed };
std::string runStatusName(RunStatus status); // "unknown", "running", "finished", ...

struct RunSummary {
    std::string dir;  // the run directory
    std::string name; // its folder name: "quickstart-20261128-233047"
    bool configOk = false;
    std::string configError; // when config.yaml is missing or does not load
    std::string preset, model, head, device, framework, trainData;
    std::int64_t batchSize = 0;
    std::int64_t inputHeight = 0, inputWidth = 0;
    RunStatus status = RunStatus::Unknown;
    std::string statusText;      // train.log's last line
    std::string startedAt;       // train.log's first timestamp, "2026-11-28 23:30:47"
    std::string endedAt;         // the finishing line's timestamp, if any
    std::int64_t lastStep = 0;   // last logged training step
    std::int64_t totalSteps = 0; // from the finishing line; 0 when unknown
    double lastLoss = 0, lastAcc = 0;
    bool hasLoss = false;
    std::vector<std::string> checkpoints; // file names under checkpoints/, sorted
    std::vector<std::string> evaluations; // eval/*.json names without extension, sorted
};

// Summarises one run directory; never throws for a broken run (the problem is in the fields).
RunSummary summarizeRun(const std::string& runDir);

// The paths of RunDirectory::list(runsDir) (facebench/run_directory.h): the runs under runsDir,
// newest first. Empty when runsDir does not exist.
std::vector<std::string> listRunDirectories(const std::string& runsDir);

} // namespace fb
