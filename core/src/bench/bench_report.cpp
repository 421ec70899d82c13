// The benchmark's output files: bench.json, bench.csv and bench.md.
#include "facebench/atomic_file.h"
#include "facebench/bench_job.h"
#include "facebench/errors.h"
#include "facebench/run_directory.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace fb {

namespace {

using Json = nlohmann::ordered_json;

// Rounded for files a person reads; the figures are timings, not exact values.
double rounded(double value, double unit) {
    return std::round(value / unit) * unit;
}

Json rowJson(const BenchRow& r) {
    return {{"model", r.model},
            {"batch", r.batch},
            {"device", r.device},
            {"precision", r.precision},
            {"input", r.input},
            {"images_s", rounded(r.imagesPerSec, 0.01)},
            {"ms_median", rounded(r.msMedian, 0.001)},
            {"ms_p90", rounded(r.msP90, 0.001)},
            {"peak_mem_mb", rounded(r.peakMemMb, 0.1)},
            {"t_data", rounded(r.tData, 1e-6)},
            {"t_compute", rounded(r.tCompute, 1e-6)},
            {"bound", r.bound},
            {"status", r.status},
            {"message", r.message}};
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string number(double value, const char* format) {
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

} // namespace

std::string benchJson(const BenchResult& result, int indent) {
    const BenchOptions& o = result.options;
    Json options = {{"models", o.models},
                    {"batch_sizes", o.batchSizes},
                    {"devices", o.devices},
                    {"iterations", o.iterations},
                    {"warmup", o.warmup},
                    {"input_size", o.inputHeight > 0 ? Json::array({o.inputHeight, o.inputWidth})
                                                     : Json(nullptr)},
                    {"precision", o.precision},
                    {"channels_last", o.channelsLast},
                    {"data", o.data},
                    {"memory_cap_mb", o.memoryCapMb},
                    {"head", o.head},
                    {"num_classes", o.numClasses},
                    {"threads", o.threads}};
    Json gpus = Json::array();
    for (const GpuInfo& g : result.deviceTable.gpus)
        gpus.push_back({{"index", g.index},
                        {"name", g.name},
                        {"multiprocessors", g.multiprocessors},
                        {"memory_gb", rounded(g.memoryGb, 0.01)},
                        {"compute_capability", g.computeCapability}});
    Json rows = Json::array();
    for (const BenchRow& r : result.rows)
        rows.push_back(rowJson(r));
    Json scaling = Json::array();
    for (const ScalingRow& s : result.scaling)
        scaling.push_back({{"model", s.model},
                           {"batch", s.batch},
                           {"devices", s.devices},
                           {"images_s", rounded(s.imagesPerSec, 0.01)},
                           {"speedup", rounded(s.speedup, 1e-4)}});
    const Json document = {{"started_at", result.startedAt},
                           {"options", options},
                           {"device_table",
                            {{"cpu_model", result.deviceTable.cpuModel},
                             {"cpu_cores", result.deviceTable.cpuCores},
                             {"threads", result.deviceTable.threads},
                             {"gpus", gpus}}},
                           {"rows", rows},
                           {"scaling", scaling},
                           {"scaling_note", result.scalingNote},
                           {"cancelled", result.cancelled}};
    return document.dump(indent) + "\n";
}

std::string benchCsv(const BenchResult& result) {
    std::string out =
        "model,batch,device,precision,input,images_s,ms_median,ms_p90,peak_mem_mb,t_data,t_compute,"
        "bound,status,message\n";
    for (const BenchRow& r : result.rows)
        out += csvField(r.model) + "," + std::to_string(r.batch) + "," + csvField(r.device) + "," +
               r.precision + "," + r.input + "," + number(r.imagesPerSec, "%.2f") + "," +
               number(r.msMedian, "%.3f") + "," + number(r.msP90, "%.3f") + "," +
               number(r.peakMemMb, "%.1f") + "," + number(r.tData, "%.6f") + "," +
               number(r.tCompute, "%.6f") + "," + r.bound + "," + r.status + "," +
               csvField(r.message) + "\n";
    return out;
}

std::string benchMarkdown(const BenchResult& result) {
    const DeviceTable& t = result.deviceTable;
    std::ostringstream out;
    out << "Machine: " << t.cpuModel << ", " << t.cpuCores << " logical cores, " << t.threads
        << " LibTorch threads";
    for (const GpuInfo& g : t.gpus)
        out << "; cuda:" << g.index << " " << g.name << " (" << g.multiprocessors << " SMs, "
            << number(g.memoryGb, "%.1f") << " GiB, compute " << g.computeCapability << ")";
    out << ". " << result.options.iterations << " timed iterations after " << result.options.warmup
        << " warm-up, data " << result.options.data << ".\n\n";
    out << "| model | batch | device | precision | input | images/s | ms/iter median | ms/iter p90 | peak MiB "
           "| t_data s | t_compute s | bound | status |\n";
    out << "|---|---:|---|---|---|---:|---:|---:|---:|---:|---:|---|---|\n";
    for (const BenchRow& r : result.rows) {
        const bool ok = r.status == "ok";
        out << "| " << r.model << " | " << r.batch << " | " << r.device << " | " << r.precision
            << " | " << r.input << " | " << (ok ? number(r.imagesPerSec, "%.1f") : "-") << " | "
            << (ok ? number(r.msMedian, "%.1f") : "-") << " | "
            << (ok ? number(r.msP90, "%.1f") : "-") << " | "
            << (r.peakMemMb > 0 ? number(r.peakMemMb, "%.0f") : "-") << " | "
            << (ok ? number(r.tData, "%.4f") : "-") << " | "
            << (ok ? number(r.tCompute, "%.4f") : "-") << " | " << (r.bound.empty() ? "-" : r.bound)
            << " | " << r.status << " |\n";
    }
    if (!result.scaling.empty()) {
        out << "\n| model | batch | devices | images/s | speedup (eq. 6) |\n|---|---:|---:|---:|---:|\n";
        for (const ScalingRow& s : result.scaling)
            out << "| " << s.model << " | " << s.batch << " | " << s.devices << " | "
                << number(s.imagesPerSec, "%.1f") << " | "
                << (s.devices > 1 ? number(100 * s.speedup, "%.0f%%") : "-") << " |\n";
    }
    out << "\nScaling: " << result.scalingNote << ".\n";
    return out.str();
}

void writeBenchResults(const BenchResult& result, const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error)
        throw InputError(SourceLocation{dir}, "--out",
                         "cannot create the folder: " + error.message());
    const BenchFiles files{dir};
    writeFileAtomically(files.json(), benchJson(result));
    writeFileAtomically(files.csv(), benchCsv(result));
    writeFileAtomically(files.markdown(), benchMarkdown(result));
}

} // namespace fb
