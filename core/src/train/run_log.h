#pragma once
// A run's train.log (facebench/run_directory.h): human-readable lines with a time stamp (start,
// bad images, NaN, end), appended and flushed line by line so a killed run keeps what it
// logged. summarizeRun (run_metrics.h) reads the status back from its last line. Torch-free.
#include <mutex>
#include <string>

namespace fb::train {

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
