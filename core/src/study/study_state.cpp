// DIR/study.json (facebench/study.h): each cell's status, time and headline numbers, so that
// `study status` and a resumed `study run` know where the study stands.
#include "facebench/study.h"

#include "facebench/atomic_file.h"
#include "facebench/bench_result_file.h"
#include "facebench/eval_results.h"
#include "facebench/run_directory.h"
#include "facebench/run_metrics.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace fb {

namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::pair<StudyCellStatus, std::string>> kStatusNames = {
    {StudyCellStatus::Pending, "pending"},
    {StudyCellStatus::Running, "running"},
    {StudyCellStatus::Done, "done"},
    {StudyCellStatus::Failed, "failed"},
};

StudyCellStatus statusOf(const std::string& name, const std::string& file) {
    for (const auto& [status, text] : kStatusNames)
        if (text == name)
            return status;
    throw InputError(SourceLocation{file}, "cells.status", "unknown cell status '" + name + "'");
}

std::string farText(double far) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", far);
    return text;
}

} // namespace

std::string studyKindName(StudyKind kind) {
    return kind == StudyKind::Bench ? "bench" : "train";
}

std::string studyCellStatusName(StudyCellStatus status) {
    for (const auto& [value, text] : kStatusNames)
        if (value == status)
            return text;
    return "pending";
}

std::string StudyFiles::state() const {
    return dir + "/study.json";
}
std::string StudyFiles::studyCopy() const {
    return dir + "/study.yaml";
}
std::string StudyFiles::cellDir(const std::string& id) const {
    return dir + "/cells/" + id;
}

void writeStudyState(const std::string& stateFile, const StudyState& state) {
    Json cells = Json::array();
    for (const StudyCellRecord& cell : state.cells) {
        Json metrics = Json::object();
        for (const auto& [name, value] : cell.metrics)
            metrics[name] = value;
        Json row = {{"id", cell.id},
                    {"condition", cell.condition},
                    {"overrides", cell.settings},
                    {"repeat", cell.repeat},
                    {"status", studyCellStatusName(cell.status)},
                    {"seconds", cell.seconds},
                    {"metrics", metrics}};
        if (!cell.error.empty())
            row["error"] = cell.error;
        cells.push_back(row);
    }
    const Json layout = {{"name", state.layout.name},
                         {"rows", state.layout.rows},
                         {"columns", state.layout.columns}};
    const Json document = {{"name", state.name},
                           {"kind", studyKindName(state.kind)},
                           {"layout", layout},
                           {"overrides", state.overrides},
                           {"cells", cells}};
    writeFileAtomically(stateFile, document.dump(2) + "\n");
}

StudyState readStudyState(const std::string& stateFile) {
    std::ifstream in(stateFile, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{stateFile}, "", "not a study directory (no study.json)");
    StudyState state;
    try {
        const Json document = Json::parse(in);
        state.name = document.at("name").get<std::string>();
        // Written before bench studies existed: a training study.
        const std::string kind = document.value("kind", "train");
        if (kind != "train" && kind != "bench")
            throw InputError(SourceLocation{stateFile}, "kind",
                             "unknown study kind '" + kind + "'");
        state.kind = kind == "bench" ? StudyKind::Bench : StudyKind::Train;
        const Json& layout = document.at("layout");
        state.layout = {layout.at("name").get<std::string>(), layout.at("rows").get<std::string>(),
                        layout.at("columns").get<std::string>()};
        state.overrides = document.at("overrides").get<std::vector<std::string>>();
        for (const Json& row : document.at("cells")) {
            StudyCellRecord cell;
            cell.id = row.at("id").get<std::string>();
            cell.condition = row.at("condition").get<std::string>();
            cell.settings = row.at("overrides").get<std::vector<std::string>>();
            cell.repeat = row.at("repeat").get<int>();
            cell.status = statusOf(row.at("status").get<std::string>(), stateFile);
            cell.seconds = row.at("seconds").get<double>();
            for (const auto& [name, value] : row.at("metrics").items())
                cell.metrics[name] = value.get<double>();
            cell.error = row.value("error", "");
            state.cells.push_back(std::move(cell));
        }
    } catch (const nlohmann::json::exception& error) {
        throw InputError(SourceLocation{stateFile}, "",
                         std::string("malformed study state: ") + error.what());
    }
    return state;
}

std::map<std::string, double> studyHeadlineMetrics(const std::string& runDir) {
    std::map<std::string, double> metrics;
    for (const EvalResult& result : readRunEvalResults(runDir)) {
        const std::string name = result.set.empty() ? result.protocol : result.set;
        if (result.hasFolds)
            metrics[name + "_acc"] = result.accuracy;
        for (const VerificationBlock& block : result.blocks)
            for (const TarAtFar& row : block.tarAtFar)
                metrics[block.label + "_tar@" + farText(row.far)] = row.tar;
    }
    // The training throughput (img/s of the logged steps, mean), for the throughput figure.
    const std::string metricsFile = RunDirectory(runDir).metricsFile();
    std::ifstream exists(metricsFile);
    if (exists) {
        double sum = 0;
        int count = 0;
        for (const MetricsRow& row : readRunMetrics(metricsFile).rows)
            if (row.type == "train" && row.has("img_s")) {
                sum += row.value("img_s");
                ++count;
            }
        if (count > 0)
            metrics["train_images_per_s"] = sum / count;
    }
    return metrics;
}

std::map<std::string, double> studyBenchMetrics(const std::string& cellDir) {
    const std::string file = BenchFiles{cellDir}.json();
    if (!std::ifstream(file))
        throw InputError(SourceLocation{file}, "", "the bench cell has no result file");
    const BenchResult result = readBenchResult(file);
    if (result.rows.size() != 1)
        throw InputError(SourceLocation{file}, "rows", "expected the one row of the cell");
    const BenchRow& row = result.rows.front();
    if (row.status.empty())
        throw InputError(SourceLocation{file}, "rows[0].status", "missing");
    std::map<std::string, double> metrics;
    metrics["oom"] = row.status == "oom" ? 1.0 : 0.0;
    if (row.status == "ok") {
        metrics["images_per_s"] = row.imagesPerSec;
        metrics["ms_median"] = row.msMedian;
        metrics["peak_mem_mb"] = row.peakMemMb;
    }
    return metrics;
}

} // namespace fb
