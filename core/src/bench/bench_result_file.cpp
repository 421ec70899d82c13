// Reading bench.json back (facebench/bench_result_file.h): the keys bench_json.cpp's
// benchJson writes, each checked for its type, with the path of the value at fault in errors.
#include "facebench/bench_result_file.h"

#include "facebench/errors.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <limits>

namespace fb {

namespace {

using Json = nlohmann::json;

// A sweep of 10 models x 20 batch sizes x 8 devices is 1,600 rows, about 600 KB of JSON. These
// bounds are far above any real sweep and keep a hostile file from asking for more memory than
// the JSON tree of 16 MiB can take; benchJson nests values three deep.
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{16} << 20;
constexpr std::size_t kMaxEntries = 100000; // rows, scaling rows, GPUs and option lists, each
constexpr std::size_t kMaxDepth = 8;

// One JSON object at `path` ("rows[3]"; "" for the top level) of the file `source`.
class Fields {
public:
    Fields(const Json& object, std::string path, const std::string& source)
        : m_object(object), m_path(std::move(path)), m_source(source) {}

    std::string key(const std::string& name) const {
        return m_path.empty() ? name : m_path + "." + name;
    }
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw InputError(SourceLocation{m_source}, key, problem);
    }
    [[noreturn]] void wrongType(const std::string& key, const Json& value,
                                const std::string& expected) const {
        fail(key, "expected " + expected + ", found " + std::string(value.type_name()));
    }

    bool has(const char* name) const { return m_object.contains(name); }
    // The value of `name`, or nullptr when absent (a failure when required).
    const Json* find(const char* name, bool required = false) const {
        const auto it = m_object.find(name);
        if (it != m_object.end())
            return &*it;
        if (required)
            fail(key(name), "missing");
        return nullptr;
    }

    void text(const char* name, std::string& out, bool required = false) const {
        if (const Json* value = find(name, required))
            out = textValue(*value, key(name));
    }
    std::string textValue(const Json& value, const std::string& at) const {
        if (!value.is_string())
            wrongType(at, value, "a string");
        return value.get<std::string>();
    }

    // A whole number in [low, high], kept as the type of `out`.
    template <typename Whole>
    void whole(const char* name, Whole& out, std::int64_t low, bool required = false) const {
        if (const Json* value = find(name, required))
            out = static_cast<Whole>(
                wholeValue(*value, key(name), low, std::numeric_limits<Whole>::max()));
    }
    std::int64_t wholeValue(const Json& value, const std::string& at, std::int64_t low,
                            std::int64_t high) const {
        if (!value.is_number_integer())
            wrongType(at, value, "a whole number");
        // Past INT64_MAX only an unsigned number can go; below it both read as int64.
        if ((value.is_number_unsigned() &&
             value.get<std::uint64_t>() > static_cast<std::uint64_t>(high)) ||
            value.get<std::int64_t>() < low || value.get<std::int64_t>() > high)
            fail(at, "must be from " + std::to_string(low) + " to " + std::to_string(high));
        return value.get<std::int64_t>();
    }

    // A number; null is NaN, which is how benchJson writes a NaN (JSON has none).
    void real(const char* name, double& out) const {
        if (const Json* value = find(name)) {
            if (value->is_null())
                out = std::numeric_limits<double>::quiet_NaN();
            else if (value->is_number())
                out = value->get<double>();
            else
                wrongType(key(name), *value, "a number");
        }
    }

    void flag(const char* name, bool& out) const {
        if (const Json* value = find(name)) {
            if (!value->is_boolean())
                wrongType(key(name), *value, "true or false");
            out = value->get<bool>();
        }
    }

    // The array `name` (nullptr when absent and not required), at most kMaxEntries long.
    const Json* list(const char* name, bool required = false) const {
        const Json* value = find(name, required);
        if (value && !value->is_array())
            wrongType(key(name), *value, "a list");
        if (value && value->size() > kMaxEntries)
            fail(key(name), "more than " + std::to_string(kMaxEntries) + " entries");
        return value;
    }

    // The object at `at`.
    Fields object(const Json& value, const std::string& at) const {
        if (!value.is_object())
            wrongType(at, value, "an object");
        return Fields(value, at, m_source);
    }
    // The object `name`; an absent one reads as empty, so its keys keep their defaults.
    Fields member(const char* name) const {
        static const Json empty = Json::object();
        const Json* value = find(name);
        return object(value ? *value : empty, key(name));
    }

private:
    const Json& m_object;
    std::string m_path;
    const std::string& m_source;
};

InputError tooLarge(const std::string& source) {
    return InputError(SourceLocation{source}, "",
                      "larger than " + std::to_string(kMaxFileBytes >> 20) +
                          " MiB, more than a benchmark result holds");
}

std::string indexed(const std::string& key, std::size_t index) {
    return key + "[" + std::to_string(index) + "]";
}

std::vector<std::string> texts(const Fields& parent, const char* name) {
    std::vector<std::string> out;
    if (const Json* list = parent.list(name))
        for (std::size_t i = 0; i < list->size(); ++i)
            out.push_back(parent.textValue((*list)[i], indexed(parent.key(name), i)));
    return out;
}

BenchOptions readOptions(const Fields& o) {
    BenchOptions options;
    options.models = texts(o, "models");
    if (const Json* list = o.list("batch_sizes")) {
        options.batchSizes.clear();
        for (std::size_t i = 0; i < list->size(); ++i)
            options.batchSizes.push_back(o.wholeValue((*list)[i], indexed(o.key("batch_sizes"), i),
                                                      std::numeric_limits<std::int64_t>::min(),
                                                      std::numeric_limits<std::int64_t>::max()));
    }
    if (o.has("devices"))
        options.devices = texts(o, "devices");
    o.whole("iterations", options.iterations, 0);
    o.whole("warmup", options.warmup, 0);
    // [height, width], or null for each model's own input size.
    if (const Json* size = o.find("input_size"); size && !size->is_null()) {
        const std::string at = o.key("input_size");
        if (!size->is_array() || size->size() != 2)
            o.fail(at, "expected [height, width] or null");
        constexpr std::int64_t kMaxSide = std::numeric_limits<int>::max();
        options.inputHeight = static_cast<int>(o.wholeValue((*size)[0], at + "[0]", 1, kMaxSide));
        options.inputWidth = static_cast<int>(o.wholeValue((*size)[1], at + "[1]", 1, kMaxSide));
    }
    o.text("precision", options.precision);
    o.flag("channels_last", options.channelsLast);
    o.text("data", options.data);
    o.whole("memory_cap_mb", options.memoryCapMb, 0);
    o.text("head", options.head);
    o.whole("num_classes", options.numClasses, 0);
    o.whole("threads", options.threads, 0);
    return options;
}

DeviceTable readDeviceTable(const Fields& t) {
    DeviceTable table;
    t.text("cpu_model", table.cpuModel);
    t.whole("cpu_cores", table.cpuCores, 0);
    t.whole("threads", table.threads, 0);
    if (const Json* gpus = t.list("gpus"))
        for (std::size_t i = 0; i < gpus->size(); ++i) {
            const Fields g = t.object((*gpus)[i], indexed(t.key("gpus"), i));
            GpuInfo gpu;
            g.whole("index", gpu.index, 0);
            g.text("name", gpu.name);
            g.whole("multiprocessors", gpu.multiprocessors, 0);
            g.real("memory_gb", gpu.memoryGb);
            g.text("compute_capability", gpu.computeCapability);
            table.gpus.push_back(std::move(gpu));
        }
    return table;
}

BenchRow readRow(const Fields& r) {
    BenchRow row;
    r.text("model", row.model, true);
    r.whole("batch", row.batch, 1, true);
    r.text("device", row.device);
    r.text("precision", row.precision);
    r.text("input", row.input);
    r.real("images_s", row.imagesPerSec);
    r.real("ms_median", row.msMedian);
    r.real("ms_p90", row.msP90);
    r.real("peak_mem_mb", row.peakMemMb);
    r.real("t_data", row.tData);
    r.real("t_compute", row.tCompute);
    r.real("t_agg", row.tAgg);
    r.text("bound", row.bound);
    r.text("status", row.status);
    r.text("message", row.message);
    return row;
}

ScalingRow readScalingRow(const Fields& s) {
    ScalingRow row;
    s.text("model", row.model, true);
    s.whole("batch", row.batch, 1, true);
    // Device-count rows say "devices"; bench_dist.sh's process-count rows say "processes": both
    // are the n of eq. 6.
    s.whole(s.has("devices") || !s.has("processes") ? "devices" : "processes", row.devices, 1,
            true);
    s.real("images_s", row.imagesPerSec);
    s.real("speedup", row.speedup);
    return row;
}

} // namespace

BenchResult parseBenchResult(const std::string& text, const std::string& source) {
    const auto fail = [&](const std::string& key, const std::string& problem) {
        throw InputError(SourceLocation{source}, key, problem);
    };
    if (text.size() > kMaxFileBytes)
        throw tooLarge(source);
    Json document;
    try {
        // Nesting is bounded before the tree grows: deeper than any bench.json is not one.
        document = Json::parse(text, [&](int depth, Json::parse_event_t event, Json&) {
            if ((event == Json::parse_event_t::object_start ||
                 event == Json::parse_event_t::array_start) &&
                static_cast<std::size_t>(depth) >= kMaxDepth)
                fail("", "nested deeper than " + std::to_string(kMaxDepth) +
                             " levels: not a benchmark result");
            return true;
        });
    } catch (const Json::exception& error) {
        fail("", std::string("not JSON: ") + error.what());
    }
    if (!document.is_object())
        fail("", std::string("not a benchmark result: the top level is ") + document.type_name() +
                     ", not an object");
    const Fields root(document, "", source);
    const Json* rows = root.list("rows", true);
    BenchResult result;
    root.text("started_at", result.startedAt);
    result.options = readOptions(root.member("options"));
    result.deviceTable = readDeviceTable(root.member("device_table"));
    for (std::size_t i = 0; i < rows->size(); ++i)
        result.rows.push_back(readRow(root.object((*rows)[i], indexed("rows", i))));
    if (const Json* scaling = root.list("scaling"))
        for (std::size_t i = 0; i < scaling->size(); ++i)
            result.scaling.push_back(
                readScalingRow(root.object((*scaling)[i], indexed("scaling", i))));
    root.text("scaling_note", result.scalingNote);
    root.flag("cancelled", result.cancelled);
    return result;
}

BenchResult readBenchResult(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the benchmark result");
    // Read in blocks, stopping one block past the cap: the file's size is never trusted.
    std::string text;
    char block[1 << 16];
    while (in.read(block, sizeof block) || in.gcount() > 0) {
        text.append(block, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxFileBytes)
            throw tooLarge(path);
    }
    if (in.bad())
        throw InputError(SourceLocation{path}, "", "cannot read the benchmark result");
    return parseBenchResult(text, path);
}

} // namespace fb
