#include "train/run_directory.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace fb::train {

namespace fs = std::filesystem;

namespace {
std::string timeText(const char* format) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &local);
    return buffer;
}
} // namespace

std::string runTimestamp() {
    return timeText("%Y%m%d-%H%M%S");
}

RunDirectory createRunDirectory(const ExperimentConfig& config) {
    const fs::path parent = config.output.dir.empty() ? fs::path(".") : fs::path(config.output.dir);
    std::error_code error;
    fs::create_directories(parent, error);
    if (error || !fs::is_directory(parent))
        throw InputError(SourceLocation{}, "output.dir",
                         "cannot create the output folder '" + parent.string() +
                             "': " + error.message());
    const std::string stem = config.output.name + "-" + runTimestamp();
    fs::path path = parent / stem;
    // create_directory is atomic: of two runs started in the same second, one gets "-2".
    for (int suffix = 2; !fs::create_directory(path, error); ++suffix) {
        if (error || suffix > 1000)
            throw InputError(SourceLocation{}, "output.dir",
                             "cannot create a run folder in '" + parent.string() +
                                 "': " + error.message());
        path = parent / (stem + "-" + std::to_string(suffix));
    }
    RunDirectory run{path.string()};
    fs::create_directories(run.checkpointDir(), error);
    if (error)
        throw InputError(SourceLocation{run.checkpointDir()}, "",
                         "cannot create: " + error.message());
    writeFileAtomically(run.configFile(), toYaml(config));
    return run;
}

RunDirectory openRunDirectory(const std::string& path) {
    RunDirectory run{fs::path(path).lexically_normal().string()};
    if (!run.path.empty() && run.path.back() == '/')
        run.path.pop_back();
    if (!fs::is_directory(path))
        throw InputError(SourceLocation{path}, "--resume", "no such run directory");
    if (!fs::is_regular_file(run.configFile()))
        throw InputError(SourceLocation{path}, "--resume", "not a run directory (no config.yaml)");
    if (!fs::is_regular_file(run.checkpointDir() + "/last.pt"))
        throw InputError(SourceLocation{path}, "--resume",
                         "no checkpoint to resume from (checkpoints/last.pt is missing)");
    return run;
}

void RunLog::line(const std::string& text) {
    if (m_path.empty())
        return; // a distributed rank other than 0: rank 0 writes the log
    std::lock_guard<std::mutex> lock(m_mutex);
    std::ofstream out(m_path, std::ios::app);
    out << timeText("%Y-%m-%d %H:%M:%S") << "  " << text << "\n";
}

} // namespace fb::train
