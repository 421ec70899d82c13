// Reads run directories back for the GUI's Runs panel and the CLI (facebench/run_metrics.h).
#include "facebench/run_metrics.h"

#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/run_directory.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fb {
namespace fs = std::filesystem;

double MetricsRow::value(const std::string& key, double fallback) const {
    const auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
}

bool parseMetricsLine(const std::string& line, MetricsRow& row, std::string* problem) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
        if (problem)
            problem->clear();
        return false;
    }
    nlohmann::json json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) {
        if (problem)
            *problem = "not a JSON object";
        return false;
    }
    const auto step = json.find("step");
    if (step == json.end() || !step->is_number()) {
        if (problem)
            *problem = "no numeric \"step\"";
        return false;
    }
    row = MetricsRow{};
    row.step = step->get<std::int64_t>();
    row.type = json.value("type", std::string("train"));
    for (const auto& [key, value] : json.items()) {
        if (key == "step" || key == "type")
            continue;
        if (key == "epoch" && value.is_number())
            row.epoch = value.get<std::int64_t>();
        else if (value.is_number())
            row.values[key] = value.get<double>();
    }
    return true;
}

RunMetrics readRunMetrics(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the metrics file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    RunMetrics result;
    const std::string name = fs::path(path).filename().string();
    std::size_t begin = 0;
    int lineNumber = 0;
    while (begin < text.size()) {
        const std::size_t end = text.find('\n', begin);
        ++lineNumber;
        // The writer flushes whole lines; a tail without '\n' is a line being written.
        if (end == std::string::npos)
            break;
        MetricsRow row;
        std::string problem;
        if (parseMetricsLine(text.substr(begin, end - begin), row, &problem))
            result.rows.push_back(std::move(row));
        else if (!problem.empty())
            result.problems.push_back(name + ":" + std::to_string(lineNumber) + ": " + problem);
        begin = end + 1;
    }
    return result;
}

std::string runStatusName(RunStatus status) {
    switch (status) {
    case RunStatus::Unknown:
        return "unknown";
    case RunStatus::Running:
        return "running";
    case RunStatus::Finished:
        return "finished";
    case RunStatus::Cancelled:
        return "cancelled";
    case RunStatus::Failed:
        return "failed";
    }
    return "unknown";
}

namespace {

std::vector<std::string> fileNames(const fs::path& dir, const std::string& extension,
                                   bool stripExtension) {
    std::vector<std::string> names;
    std::error_code error;
    if (!fs::is_directory(dir, error))
        return names;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        if (!entry.is_regular_file(error))
            continue;
        const fs::path p = entry.path();
        if (!extension.empty() && p.extension() != extension)
            continue;
        names.push_back(stripExtension ? p.stem().string() : p.filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// train.log lines are "YYYY-mm-dd HH:MM:SS  text" (train/run_log).
void readTrainLog(const fs::path& path, RunSummary& summary) {
    std::ifstream in(path);
    if (!in)
        return;
    static const std::regex ended(R"((finished|cancelled) at step (\d+) of (\d+))");
    std::string line, first, last;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        if (first.empty())
            first = line;
        last = line;
    }
    if (first.size() >= 19)
        summary.startedAt = first.substr(0, 19);
    const std::string text = last.size() > 21 ? last.substr(21) : last;
    summary.statusText = text;
    std::smatch match;
    if (std::regex_search(last, match, ended)) {
        summary.status = match[1] == "finished" ? RunStatus::Finished : RunStatus::Cancelled;
        summary.totalSteps = std::stoll(match[3]);
        summary.endedAt = last.size() >= 19 ? last.substr(0, 19) : std::string();
    } else if (last.find("training stopped") != std::string::npos) {
        summary.status = RunStatus::Failed; // a NaN/Inf stop (training_job.cpp)
        summary.endedAt = last.size() >= 19 ? last.substr(0, 19) : std::string();
    } else {
        // No end line: still running, or killed without a chance to say so.
        summary.status = RunStatus::Running;
    }
}

} // namespace

bool isBlankConfigFile(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        return false;
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#')
            continue;
        const std::string text = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
        if (text != "---" && text != "...")
            return false;
    }
    return true;
}

RunSummary summarizeRun(const std::string& runDir) {
    RunSummary summary;
    const RunDirectory run(runDir);
    summary.dir = runDir;
    summary.name = run.name();
    const std::string config = run.configFile();
    const std::string configName = fs::path(config).filename().string();
    std::error_code error;
    if (!fs::exists(config, error)) {
        summary.configError = "no " + configName;
    } else if (isBlankConfigFile(config)) {
        summary.configError = configName + " is empty";
    } else {
        try {
            const ExperimentConfig c = run.readConfig();
            summary.configOk = true;
            summary.preset = c.preset;
            summary.model = c.model.name;
            summary.head = c.head.type;
            summary.device = c.device.name;
            summary.framework = styleName(c.style.framework);
            summary.trainData = c.data.train;
            summary.batchSize = c.train.batchSize;
            if (c.data.inputSize.size() == 2) {
                summary.inputHeight = c.data.inputSize[0];
                summary.inputWidth = c.data.inputSize[1];
            }
        } catch (const std::exception& e) {
            summary.configError = e.what();
        }
    }
    readTrainLog(run.logFile(), summary);
    if (fs::exists(run.metricsFile(), error)) {
        try {
            const RunMetrics rows = run.readMetrics();
            for (auto it = rows.rows.rbegin(); it != rows.rows.rend(); ++it) {
                if (it->type != "train" || !it->has("loss"))
                    continue;
                summary.lastStep = it->step;
                summary.lastLoss = it->value("loss");
                summary.lastAcc = it->value("acc");
                summary.hasLoss = true;
                break;
            }
            if (!rows.rows.empty() && rows.rows.back().type == "nan")
                summary.status = RunStatus::Failed;
        } catch (const InputError&) {
        }
    }
    summary.checkpoints = fileNames(run.checkpointDir(), ".pt", false);
    summary.evaluations = fileNames(run.evalDir(), ".json", true);
    return summary;
}

std::vector<std::string> listRunDirectories(const std::string& runsDir) {
    std::vector<std::string> dirs;
    for (const RunDirectory& run : RunDirectory::list(runsDir))
        dirs.push_back(run.path);
    return dirs;
}

} // namespace fb
