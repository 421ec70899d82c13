// The benchmark's output files: bench.json (bench_json.cpp), bench.csv and bench.md.
#include "facebench/atomic_file.h"
#include "facebench/bench_job.h"
#include "facebench/errors.h"
#include "facebench/run_directory.h"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace fb {

namespace {

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
