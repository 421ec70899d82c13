// RUN/tb/ (facebench/tensorboard.h): metrics rows and evaluation results as scalar events.
#include "report/tensorboard_run.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/eval_results.h"
#include "facebench/run_directory.h"
#include "facebench/tensorboard.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fb {

namespace fs = std::filesystem;
using tensorboard::Scalar;

namespace tensorboard {

namespace {

const std::string kEvalSuffix = ".eval";

bool isEventFile(const fs::path& path) {
    return RunDirectory::isTensorBoardEventFile(path.filename().string()) &&
           fs::is_regular_file(path);
}

bool isEvalEventFile(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.size() >= kEvalSuffix.size() &&
           name.compare(name.size() - kEvalSuffix.size(), kEvalSuffix.size(), kEvalSuffix) == 0;
}

// The event files of `dir` of one kind (training or eval), sorted.
std::vector<fs::path> eventFiles(const std::string& dir, bool eval) {
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
        if (isEventFile(it->path()) && isEvalEventFile(it->path()) == eval)
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

std::vector<Scalar> metricsRowScalars(const nlohmann::ordered_json& row) {
    std::vector<Scalar> scalars;
    const std::string prefix = row.contains("type") && row["type"].is_string()
                                   ? row["type"].get<std::string>() + "/"
                                   : std::string();
    for (const auto& [key, value] : row.items())
        if (key != "step" && value.is_number())
            scalars.push_back({prefix + key, value.get<double>()});
    return scalars;
}

void truncateTrainingEventFilesAfter(const std::string& dir, std::int64_t step) {
    for (const fs::path& file : eventFiles(dir, false))
        truncateEventFileAfter(file.string(), step);
}

} // namespace tensorboard

namespace {

// A metrics.jsonl row is a few hundred bytes; a longer line is not one.
constexpr std::size_t kMaxMetricsLineBytes = 1 << 20;

struct MetricsRow {
    std::int64_t step = 0;
    std::vector<Scalar> scalars;
};

// Every row of RUN/metrics.jsonl (none when the file is missing). Throws InputError naming the
// file and line of a line that is too long, not a JSON object, or without an integer step.
// Not run_metrics.h's lenient reader: the export must keep each row's key order, as the live
// writer does (metricsRowScalars), and refuse a malformed row rather than skip it.
std::vector<MetricsRow> readMetricsRows(const std::string& path) {
    std::vector<MetricsRow> rows;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return rows;
    std::streambuf* buffer = in.rdbuf();
    std::string line;
    for (int lineNumber = 1;; ++lineNumber) {
        line.clear();
        int c = 0;
        while ((c = buffer->sbumpc()) != std::char_traits<char>::eof() && c != '\n') {
            if (line.size() == kMaxMetricsLineBytes)
                throw InputError(SourceLocation{path, lineNumber}, "",
                                 "line longer than " + std::to_string(kMaxMetricsLineBytes) +
                                     " bytes: not a metrics row");
            line.push_back(static_cast<char>(c));
        }
        if (!line.empty()) {
            const nlohmann::ordered_json row = nlohmann::ordered_json::parse(line, nullptr, false);
            if (row.is_discarded() || !row.is_object())
                throw InputError(SourceLocation{path, lineNumber}, "",
                                 "not a JSON object: a malformed metrics row");
            if (!row.contains("step") || !row["step"].is_number_integer())
                throw InputError(SourceLocation{path, lineNumber}, "step",
                                 "a metrics row needs an integer step");
            rows.push_back({row["step"].get<std::int64_t>(), tensorboard::metricsRowScalars(row)});
        }
        if (c == std::char_traits<char>::eof())
            return rows;
    }
}

double modificationTime(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0)
        return tensorboard::wallTimeNow();
    return static_cast<double>(info.st_mtim.tv_sec) +
           1e-9 * static_cast<double>(info.st_mtim.tv_nsec);
}

// The headline numbers of one protocol's results, as its summary line shows them.
std::vector<Scalar> evalScalars(const EvalResult& result) {
    std::vector<Scalar> scalars;
    const std::string prefix = "eval/" + result.protocol + "/"; // a tag: not-a-run-path
    if (result.hasFolds) { // bin: one result per .bin set, told apart by the set's name
        const std::string folds = result.set.empty() ? prefix : prefix + result.set + "/";
        scalars.push_back({folds + "accuracy", result.accuracy});
        scalars.push_back({folds + "standard_error", result.standardError});
    }
    for (const VerificationBlock& block : result.blocks) {
        const std::string blockPrefix = block.subset.empty() ? prefix : prefix + block.subset + "/";
        char far[32];
        for (const TarAtFar& t : block.tarAtFar) {
            std::snprintf(far, sizeof far, "%g", t.far);
            scalars.push_back({blockPrefix + "TAR@" + far, t.tar});
        }
        scalars.push_back({blockPrefix + "EER", block.eer});
        scalars.push_back({blockPrefix + "AUC", block.auc});
    }
    for (const SimilarityMatrix& matrix : result.matrices)
        for (std::size_t a = 0; a < matrix.values.size() && a < matrix.levels.size(); ++a)
            for (std::size_t b = 0; b < matrix.values[a].size() && b < matrix.levels.size(); ++b)
                scalars.push_back(
                    {prefix + matrix.study + "/" + matrix.levels[a] + "-" + matrix.levels[b],
                     matrix.values[a][b]});
    return scalars;
}

// Writes `content` as a new event file of `dir` named with `suffix`, then removes the other
// files of that kind, so the folder never lacks the scalars and never holds them twice for long.
std::string replaceEventFiles(const std::string& dir, const std::string& suffix,
                              const std::string& content) {
    const bool eval = suffix == tensorboard::kEvalSuffix;
    const std::vector<fs::path> earlier = tensorboard::eventFiles(dir, eval);
    std::string path;
    if (!content.empty()) {
        std::error_code error;
        fs::create_directories(dir, error);
        path = (fs::path(dir) / RunDirectory::newTensorBoardEventFileName(suffix)).string();
        writeFileAtomically(path, content);
    }
    for (const fs::path& file : earlier) {
        std::error_code error;
        if (file.string() != path)
            fs::remove(file, error);
    }
    return path;
}

// The eval event file's content and its number of scalars.
std::pair<std::string, std::int64_t> evalEvents(const std::string& runDir) {
    const std::vector<EvalResult> results = readRunEvalResults(runDir);
    if (results.empty())
        return {};
    std::int64_t lastStep = 0;
    for (const MetricsRow& row : readMetricsRows(RunDirectory(runDir).metricsFile()))
        lastStep = std::max(lastStep, row.step);
    std::string content =
        tensorboard::encodeRecord(tensorboard::encodeFileVersionEvent(tensorboard::wallTimeNow()));
    std::int64_t count = 0;
    for (const EvalResult& result : results) {
        const std::vector<Scalar> scalars = evalScalars(result);
        count += static_cast<std::int64_t>(scalars.size());
        content += tensorboard::encodeRecord(
            tensorboard::encodeScalarEvent(modificationTime(result.file), lastStep, scalars));
    }
    return {content, count};
}

} // namespace

std::string writeEvalEventFile(const std::string& runDir) {
    return replaceEventFiles(RunDirectory(runDir).tensorBoardDir(), tensorboard::kEvalSuffix,
                             evalEvents(runDir).first);
}

TensorBoardExport exportRunToTensorBoard(const std::string& runDir) {
    const RunDirectory run = RunDirectory::require(runDir, "");
    const std::string metrics = run.metricsFile();
    // Everything is read before anything is replaced: bad input leaves RUN/tb/ as it was.
    const std::vector<MetricsRow> rows = readMetricsRows(metrics);
    const auto [evalContent, evalCount] = evalEvents(runDir);

    TensorBoardExport result;
    std::string training;
    if (!rows.empty()) {
        // metrics.jsonl keeps no times; its last change stands for all its rows.
        const double wallTime = modificationTime(metrics);
        training = tensorboard::encodeRecord(tensorboard::encodeFileVersionEvent(wallTime));
        for (const MetricsRow& row : rows) {
            if (row.scalars.empty())
                continue;
            training += tensorboard::encodeRecord(
                tensorboard::encodeScalarEvent(wallTime, row.step, row.scalars));
            ++result.trainingEvents;
        }
    }
    const std::string dir = run.tensorBoardDir();
    result.trainingFile = replaceEventFiles(dir, "", training);
    result.evalFile = replaceEventFiles(dir, tensorboard::kEvalSuffix, evalContent);
    result.evalScalars = evalCount;
    return result;
}

} // namespace fb
