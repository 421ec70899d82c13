// The run directory's layout, creation and readers (facebench/run_directory.h): the one file
// that spells the names of a run's files.
#include "facebench/run_directory.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/eval_results.h"
#include "facebench/run_metrics.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <regex>

namespace fb {

namespace fs = std::filesystem;

namespace {

const char* const kConfigFile = "config.yaml";
const char* const kMetricsFile = "metrics.jsonl";
const char* const kLogFile = "train.log";
const char* const kCheckpointDir = "checkpoints";
const char* const kEvalDir = "eval";
const char* const kBenchDir = "bench";
const char* const kFiguresDir = "figures";
const char* const kTensorBoardDir = "tb";
const char* const kEventFileMarker = "tfevents";
const char* const kLastCheckpoint = "last.pt";

std::string join(const std::string& dir, const std::string& name) {
    return (fs::path(dir) / name).string();
}

// The regular files of `dir` with `extension`, sorted by name; none when it is no folder.
std::vector<std::string> filesWithExtension(const std::string& dir, const std::string& extension) {
    std::vector<std::string> files;
    std::error_code error;
    if (!fs::is_directory(dir, error))
        return files;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
        if (it->is_regular_file(error) && it->path().extension() == extension)
            files.push_back(it->path().string());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

std::string CheckpointFiles::last() const {
    return join(dir, kLastCheckpoint);
}
std::string CheckpointFiles::lastState() const {
    return join(dir, "last.state.pt");
}
std::string CheckpointFiles::previousState() const {
    return join(dir, "prev.state.pt");
}
std::string CheckpointFiles::best() const {
    return join(dir, "best.pt");
}

std::string EvalFiles::result(const std::string& protocol) const {
    return join(dir, protocol + ".json");
}
std::string EvalFiles::scores(const std::string& name) const {
    return join(dir, name + "-scores.csv");
}
std::vector<std::string> EvalFiles::resultFiles() const {
    return filesWithExtension(dir, ".json");
}

std::string BenchFiles::json() const {
    return join(dir, "bench.json");
}
std::string BenchFiles::csv() const {
    return join(dir, "bench.csv");
}
std::string BenchFiles::markdown() const {
    return join(dir, "bench.md");
}
std::string BenchFiles::resultFile() const {
    std::error_code error;
    if (fs::is_regular_file(json(), error))
        return json();
    const std::vector<std::string> files = filesWithExtension(dir, ".json");
    return files.empty() ? std::string() : files.front();
}

bool RunDirectory::isRun(const std::string& folder) {
    const RunDirectory run(folder);
    std::error_code error;
    return fs::is_regular_file(run.configFile(), error) ||
           fs::is_regular_file(run.metricsFile(), error);
}

std::vector<RunDirectory> RunDirectory::list(const std::string& runsDir) {
    std::vector<std::pair<std::string, fs::path>> found;
    std::error_code error;
    if (!fs::is_directory(runsDir, error))
        return {};
    static const std::regex stamp(R"(-(\d{8}-\d{6})$)");
    for (const auto& entry : fs::directory_iterator(runsDir, error)) {
        if (!entry.is_directory(error) || !isRun(entry.path().string()))
            continue;
        const fs::path p = entry.path();
        std::string key;
        std::smatch match;
        const std::string name = p.filename().string();
        if (std::regex_search(name, match, stamp))
            key = match[1];
        else {
            const auto time = fs::last_write_time(p, error);
            key = std::to_string(time.time_since_epoch().count());
        }
        found.emplace_back(key + "|" + name, p);
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<RunDirectory> runs;
    for (const auto& [key, p] : found)
        runs.emplace_back(p.string());
    return runs;
}

std::string RunDirectory::timestamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &local);
    return buffer;
}

RunDirectory RunDirectory::stamped(const std::string& parent, const std::string& name) {
    return RunDirectory(join(parent, name + "-" + timestamp()));
}

RunDirectory RunDirectory::create(const std::string& parentDir, const std::string& name,
                                  const std::string& option) {
    const fs::path parent = parentDir.empty() ? fs::path(".") : fs::path(parentDir);
    std::error_code error;
    fs::create_directories(parent, error);
    if (error || !fs::is_directory(parent))
        throw InputError(SourceLocation{}, option,
                         "cannot create the output folder '" + parent.string() +
                             "': " + error.message());
    const std::string stem = name + "-" + timestamp();
    fs::path path = parent / stem;
    // create_directory is atomic: of two runs started in the same second, one gets "-2".
    for (int suffix = 2; !fs::create_directory(path, error); ++suffix) {
        if (error || suffix > 1000)
            throw InputError(SourceLocation{}, option,
                             "cannot create a run folder in '" + parent.string() +
                                 "': " + error.message());
        path = parent / (stem + "-" + std::to_string(suffix));
    }
    RunDirectory run(path.string());
    fs::create_directories(run.checkpointDir(), error);
    if (error)
        throw InputError(SourceLocation{run.checkpointDir()}, "",
                         "cannot create: " + error.message());
    return run;
}

RunDirectory RunDirectory::create(const ExperimentConfig& config) {
    const RunDirectory run = create(config.output.dir, config.output.name);
    run.writeConfig(config);
    return run;
}

RunDirectory RunDirectory::require(const std::string& folder, const std::string& option) {
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw InputError(SourceLocation{folder}, option, "no such run directory");
    if (!isRun(folder))
        throw InputError(SourceLocation{folder}, option,
                         std::string("not a run directory (no ") + kConfigFile + " and no " +
                             kMetricsFile + ")");
    return RunDirectory(folder);
}

RunDirectory RunDirectory::open(const std::string& folder, const std::string& option) {
    const RunDirectory run(folder);
    if (!fs::is_directory(folder))
        throw InputError(SourceLocation{folder}, option, "no such run directory");
    if (!fs::is_regular_file(run.configFile()))
        throw InputError(SourceLocation{folder}, option,
                         std::string("not a run directory (no ") + kConfigFile + ")");
    return run;
}

RunDirectory RunDirectory::openForResume(const std::string& folder) {
    RunDirectory run = open(folder, "--resume");
    // The resumed run reports (and publishes to its distributed ranks) one spelling of its path.
    run.path = fs::path(folder).lexically_normal().string();
    if (run.path.size() > 1 && run.path.back() == '/')
        run.path.pop_back();
    if (!run.hasLastCheckpoint())
        throw InputError(SourceLocation{folder}, "--resume",
                         "no checkpoint to resume from (" + join(kCheckpointDir, kLastCheckpoint) +
                             " is missing)");
    return run;
}

std::string RunDirectory::name() const {
    const fs::path p(path);
    const std::string own = p.filename().string();
    return own.empty() ? p.parent_path().filename().string() : own;
}

std::string RunDirectory::configFile() const {
    return join(path, kConfigFile);
}
std::string RunDirectory::metricsFile() const {
    return join(path, kMetricsFile);
}
std::string RunDirectory::logFile() const {
    return join(path, kLogFile);
}
std::string RunDirectory::checkpointDir() const {
    return join(path, kCheckpointDir);
}
std::string RunDirectory::evalDir() const {
    return join(path, kEvalDir);
}
std::string RunDirectory::benchDir() const {
    return join(path, kBenchDir);
}
std::string RunDirectory::figuresDir() const {
    return join(path, kFiguresDir);
}
std::string RunDirectory::tensorBoardDir() const {
    return join(path, kTensorBoardDir);
}

std::string RunDirectory::newTensorBoardEventFileName(const std::string& suffix) {
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%010lld", static_cast<long long>(seconds));
    return std::string("events.out.") + kEventFileMarker + "." + stamp + "." + host + "." +
           std::to_string(getpid()) + suffix;
}

bool RunDirectory::isTensorBoardEventFile(const std::string& fileName) {
    // TensorBoard reads every file whose name contains the marker, not only its own pattern.
    return fileName.find(kEventFileMarker) != std::string::npos;
}

void RunDirectory::writeConfig(const ExperimentConfig& config) const {
    writeFileAtomically(configFile(), toYaml(config));
}

ExperimentConfig RunDirectory::readConfig(const std::vector<std::string>& overrides) const {
    return loadExperimentConfig(configFile(), overrides);
}

RunMetrics RunDirectory::readMetrics() const {
    return readRunMetrics(metricsFile());
}

bool RunDirectory::hasMetrics() const {
    std::error_code error;
    return fs::is_regular_file(metricsFile(), error);
}

std::vector<EvalResult> RunDirectory::readEvalResults() const {
    std::vector<EvalResult> results;
    for (const std::string& file : eval().resultFiles())
        results.push_back(readEvalResult(file));
    return results;
}

bool RunDirectory::hasEvalResults() const {
    std::error_code error;
    return fs::is_directory(evalDir(), error);
}

std::string RunDirectory::bestOrLastCheckpoint() const {
    const CheckpointFiles files = checkpoints();
    for (const std::string& candidate : {files.best(), files.last()})
        if (fs::is_regular_file(candidate))
            return candidate;
    return {};
}

bool RunDirectory::hasLastCheckpoint() const {
    std::error_code error;
    return fs::is_regular_file(checkpoints().last(), error);
}

RunSummary RunDirectory::summary() const {
    return summarizeRun(path);
}

} // namespace fb
