// The cross-run results table (facebench/eval_report.h), read from RUN/eval/*.json as the
// protocols wrote them (core/src/eval). Missing protocols show as "-".
#include "facebench/eval_report.h"

#include "facebench/errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

namespace fb {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const std::vector<double> kQualityFars{1e-2, 1e-3, 1e-4}; // Table 3 and Table 15 columns
const std::vector<double> kDfwFars{1e-2, 1e-3};

struct RunResults {
    std::string name;
    std::optional<Json> lfw, templates, quality, dfw, tracks;
};

std::optional<Json> readResult(const std::string& runDir, const std::string& protocol) {
    const fs::path path = fs::path(runDir) / "eval" / (protocol + ".json");
    if (!fs::is_regular_file(path))
        return std::nullopt;
    std::ifstream in(path);
    try {
        return Json::parse(in);
    } catch (const std::exception& e) {
        throw InputError(SourceLocation{path.string()}, "",
                         std::string("not a result file: ") + e.what());
    }
}

RunResults loadRun(const std::string& runDir) {
    if (!fs::is_directory(fs::path(runDir) / "eval"))
        throw InputError(SourceLocation{runDir}, "",
                         "no eval/ folder: run `facebench-cli eval --run " + runDir + "` first");
    RunResults r;
    r.name = fs::path(runDir).lexically_normal().filename().string();
    if (r.name.empty() || r.name == ".")
        r.name = fs::path(runDir).lexically_normal().parent_path().filename().string();
    r.lfw = readResult(runDir, "lfw");
    r.templates = readResult(runDir, "templates");
    r.quality = readResult(runDir, "cross-quality");
    r.dfw = readResult(runDir, "dfw");
    r.tracks = readResult(runDir, "tracks");
    return r;
}

// The tar_at_far row of a verification block at `far`, or nullptr.
const Json* tarRow(const Json* block, double far) {
    if (!block || !block->contains("tar_at_far"))
        return nullptr;
    for (const Json& row : (*block)["tar_at_far"])
        if (std::abs(row.value("far", 0.0) - far) <= 1e-12 * far)
            return &row;
    return nullptr;
}

// TAR (%) at `far` from a verification block, or NaN.
double tarAt(const Json* block, double far) {
    const Json* row = tarRow(block, far);
    return row ? 100.0 * row->value("tar", NAN) : NAN;
}

const Json* member(const std::optional<Json>& doc, const std::string& key) {
    if (!doc || !doc->contains(key))
        return nullptr;
    return &(*doc)[key];
}

double matrixAt(const std::optional<Json>& templates, const std::string& study, std::size_t a,
                std::size_t b) {
    const Json* s = member(templates, study);
    if (!s || !s->contains("matrix"))
        return NAN;
    const Json& m = (*s)["matrix"];
    if (a >= m.size() || b >= m[a].size())
        return NAN;
    return m[a][b].get<double>();
}

std::string cell(double v, const char* format) {
    if (std::isnan(v))
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, format, v);
    return text;
}

std::string row(const std::vector<std::string>& cells, char sep) {
    std::string line = sep == '|' ? "| " : "";
    for (std::size_t i = 0; i < cells.size(); ++i)
        line += cells[i] + (i + 1 < cells.size() ? (sep == '|' ? " | " : ",") : "");
    return line + (sep == '|' ? " |\n" : "\n");
}

// A TAR table cell; " *" marks a FAR the set cannot resolve (fewer impostor pairs than 1/FAR,
// the protocol's "resolvable": false), as the Evaluation page does.
std::string tarCell(const Json* block, double far, bool& anyUnresolvable) {
    std::string text = cell(tarAt(block, far), "%.1f");
    const Json* r = tarRow(block, far);
    if (r && !r->value("resolvable", true)) {
        text += " *";
        anyUnresolvable = true;
    }
    return text;
}

constexpr char kUnresolvableNote[] =
    "\n\\* not resolvable: the set has fewer impostor pairs than 1/FAR, so this TAR is not "
    "measured at that FAR\n";

std::string percent(double far) {
    return cell(far * 100, "%g") + "%";
}

} // namespace

std::string formatEvalReport(const std::vector<std::string>& runDirs, const std::string& format) {
    if (runDirs.empty())
        throw InputError(SourceLocation{}, "RUN_DIR", "name at least one run directory");
    if (format != "md" && format != "csv" && format != "json")
        throw InputError(SourceLocation{}, "--format",
                         "unknown report format '" + format + "' (md, csv, json)");
    std::vector<RunResults> runs;
    for (const std::string& dir : runDirs)
        runs.push_back(loadRun(dir));
    const std::vector<std::string> pose{"Front", "Three-quarter", "Profile"},
        age{"Young", "Mature"};
    const std::vector<std::string> tracks{"easy", "moderate", "difficult"};

    // Every number of one run, flat, in table order (the CSV row and the JSON object).
    std::vector<std::pair<std::string, double>> flat;
    auto flatten = [&](const RunResults& r) {
        flat.clear();
        const Json* lfw = r.lfw ? &*r.lfw : nullptr;
        flat.push_back({"lfw_accuracy_pct", lfw ? 100 * lfw->value("accuracy", NAN) : NAN});
        flat.push_back(
            {"lfw_standard_error_pct", lfw ? 100 * lfw->value("standard_error", NAN) : NAN});
        for (std::size_t a = 0; a < 3; ++a)
            for (std::size_t b = 0; b < 3; ++b)
                flat.push_back(
                    {"pose_" + pose[a] + "_" + pose[b], matrixAt(r.templates, "pose", a, b)});
        for (std::size_t a = 0; a < 2; ++a)
            for (std::size_t b = 0; b < 2; ++b)
                flat.push_back(
                    {"age_" + age[a] + "_" + age[b], matrixAt(r.templates, "age", a, b)});
        for (const char* q : {"Low2High", "Middle2High"})
            for (double far : kQualityFars)
                flat.push_back({std::string(q) + "_tar_pct@" + percent(far),
                                tarAt(member(r.quality, q), far)});
        for (double far : kDfwFars)
            flat.push_back({"dfw_tar_pct@" + percent(far), tarAt(r.dfw ? &*r.dfw : nullptr, far)});
        for (const std::string& t : tracks)
            for (double far : kQualityFars) {
                const Json* all = member(r.tracks, "tracks");
                const Json* block = all && all->contains(t) ? &(*all)[t] : nullptr;
                flat.push_back({t + "_tar_pct@" + percent(far), tarAt(block, far)});
            }
    };

    if (format == "json") {
        Json doc = Json::array();
        for (const RunResults& r : runs) {
            flatten(r);
            Json o{{"run", r.name}};
            for (const auto& [k, v] : flat)
                o[k] = std::isnan(v) ? Json(nullptr) : Json(v);
            doc.push_back(o);
        }
        return Json{{"runs", doc}}.dump(2) + "\n";
    }
    if (format == "csv") {
        std::string out;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            flatten(runs[i]);
            if (i == 0) {
                std::vector<std::string> header{"run"};
                for (const auto& kv : flat)
                    header.push_back(kv.first);
                out += row(header, ',');
            }
            std::vector<std::string> cells{runs[i].name};
            for (const auto& kv : flat)
                cells.push_back(std::isnan(kv.second) ? "" : cell(kv.second, "%.6g"));
            out += row(cells, ',');
        }
        return out;
    }

    // Markdown: Table 3 (three lines per run, as the seed prints the pose matrix) and Table 15.
    std::string md =
        "Table 3 layout: LFW (%), VGGFace2 similarity (pose, age), IJB-A cross-quality TAR (%)\n\n";
    md += row({"Run", "LFW (%)", "Pose", "Front", "Three-quarter", "Profile", "Age", "Young",
               "Mature", "Low2High 1%", "0.1%", "0.01%", "Middle2High 1%", "0.1%", "0.01%"},
              '|');
    md += row(std::vector<std::string>(15, "---"), '|');
    bool unresolvable3 = false;
    for (const RunResults& r : runs) {
        for (std::size_t a = 0; a < 3; ++a) {
            std::vector<std::string> cells;
            cells.push_back(a == 0 ? r.name : "");
            cells.push_back(a == 0 && r.lfw ? cell(100 * r.lfw->value("accuracy", NAN), "%.1f")
                                            : "");
            cells.push_back(pose[a]);
            for (std::size_t b = 0; b < 3; ++b)
                cells.push_back(cell(matrixAt(r.templates, "pose", a, b), "%.3f"));
            cells.push_back(a < 2 ? age[a] : "");
            for (std::size_t b = 0; b < 2; ++b)
                cells.push_back(a < 2 ? cell(matrixAt(r.templates, "age", a, b), "%.3f") : "");
            for (const char* q : {"Low2High", "Middle2High"})
                for (double far : kQualityFars)
                    cells.push_back(a == 0 ? tarCell(member(r.quality, q), far, unresolvable3)
                                           : "");
            md += row(cells, '|');
        }
    }
    if (unresolvable3)
        md += kUnresolvableNote;
    md += "\nTable 15 layout: DFW and UMDFaces tracks, TAR (%) at each FAR\n\n";
    md += row({"Run", "DFW 1%", "0.1%", "Easy 1%", "0.1%", "0.01%", "Moderate 1%", "0.1%", "0.01%",
               "Difficult 1%", "0.1%", "0.01%"},
              '|');
    md += row(std::vector<std::string>(12, "---"), '|');
    bool unresolvable15 = false;
    for (const RunResults& r : runs) {
        std::vector<std::string> cells{r.name};
        for (double far : kDfwFars)
            cells.push_back(tarCell(r.dfw ? &*r.dfw : nullptr, far, unresolvable15));
        const Json* all = member(r.tracks, "tracks");
        for (const std::string& t : tracks)
            for (double far : kQualityFars)
                cells.push_back(tarCell(all && all->contains(t) ? &(*all)[t] : nullptr, far,
                                        unresolvable15));
        md += row(cells, '|');
    }
    if (unresolvable15)
        md += kUnresolvableNote;
    return md;
}

} // namespace fb
