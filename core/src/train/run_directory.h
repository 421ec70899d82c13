#pragma once
// The run directory of DESIGN.md: runs/<name>-<YYYYmmdd-HHMMSS>/ with config.yaml,
// metrics.jsonl, train.log and checkpoints/. Torch-free.
#include "facebench/experiment_config.h"

#include <mutex>
#include <string>

namespace fb::train {

struct RunDirectory {
    std::string path;
    std::string configFile() const { return path + "/config.yaml"; }
    std::string metricsFile() const { return path + "/metrics.jsonl"; }
    std::string logFile() const { return path + "/train.log"; }
    std::string checkpointDir() const { return path + "/checkpoints"; }
};

// Local time as YYYYmmdd-HHMMSS, the run directory's suffix.
std::string runTimestamp();

// Creates <output.dir>/<output.name>-<timestamp>/ (with -2, -3, ... when two runs start in the
// same second) and checkpoints/, and writes the resolved config.yaml. Throws InputError naming
// output.dir when it cannot be created.
RunDirectory createRunDirectory(const ExperimentConfig& config);

// An existing run for --resume. Throws InputError naming the folder when it is not a run
// directory (no config.yaml) or has no checkpoint to resume from.
RunDirectory openRunDirectory(const std::string& path);

// train.log: human-readable lines with a time stamp (start, bad images, NaN, end), appended
// and flushed line by line so a killed run keeps what it logged.
class RunLog {
public:
    // An empty path writes nothing (distributed ranks other than 0).
    explicit RunLog(std::string path) : m_path(std::move(path)) {}
    void line(const std::string& text);

private:
    std::string m_path;
    std::mutex m_mutex;
};

} // namespace fb::train
