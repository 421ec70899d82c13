// bench.json's text (benchJson, facebench/bench_job.h); bench_result_file.cpp reads it back.
// Torch-free: the fuzz harness of the reader writes with it too.
#include "facebench/bench_job.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace fb {

namespace {

using Json = nlohmann::ordered_json;

// Rounded to `perUnit` steps per unit (100: two decimals) for files a person reads; the figures
// are timings, not exact values. Dividing the whole number of steps (not multiplying by 0.01,
// which no double holds exactly) gives the double nearest the decimal, so the JSON shows
// 250.5, not 250.50000000000003, and reads back as the same double. A value with 2^52 steps or
// more has no finer steps to drop and stays as it is, so rounding twice changes nothing.
double rounded(double value, double perUnit) {
    const double steps = value * perUnit;
    return std::abs(steps) < 0x1p52 ? std::round(steps) / perUnit : value;
}

Json rowJson(const BenchRow& r) {
    Json row = {{"model", r.model},
                {"batch", r.batch},
                {"device", r.device},
                {"precision", r.precision},
                {"input", r.input},
                {"images_s", rounded(r.imagesPerSec, 1e2)},
                {"ms_median", rounded(r.msMedian, 1e3)},
                {"ms_p90", rounded(r.msP90, 1e3)},
                {"peak_mem_mb", rounded(r.peakMemMb, 1e1)},
                {"t_data", rounded(r.tData, 1e6)},
                {"t_compute", rounded(r.tCompute, 1e6)}};
    if (!std::isnan(r.tAgg)) // distributed rows only (bench_job.h)
        row["t_agg"] = rounded(r.tAgg, 1e6);
    row["bound"] = r.bound;
    row["status"] = r.status;
    row["message"] = r.message;
    return row;
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
                        {"memory_gb", rounded(g.memoryGb, 1e2)},
                        {"compute_capability", g.computeCapability}});
    Json rows = Json::array();
    for (const BenchRow& r : result.rows)
        rows.push_back(rowJson(r));
    Json scaling = Json::array();
    for (const ScalingRow& s : result.scaling)
        scaling.push_back({{"model", s.model},
                           {"batch", s.batch},
                           {"devices", s.devices},
                           {"images_s", rounded(s.imagesPerSec, 1e2)},
                           {"speedup", rounded(s.speedup, 1e4)}});
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

} // namespace fb
