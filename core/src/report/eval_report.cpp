// The cross-run results tables (facebench/eval_report.h), read from RUN/eval/*.json through
// facebench/eval_results.h as the protocols wrote them (core/src/eval).
#include "facebench/eval_report.h"

#include "facebench/errors.h"
#include "facebench/eval_results.h"
#include "facebench/run_directory.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace fb {

namespace {

namespace fs = std::filesystem;

const std::vector<double> kQualityFars{1e-2, 1e-3, 1e-4}; // Table 3 and Table 15 columns
const std::vector<double> kDfwFars{1e-2, 1e-3};
const std::vector<std::string> kPose{"Front", "Three-quarter", "Profile"};
const std::vector<std::string> kAge{"Young", "Mature"};
const std::vector<std::string> kTracks{"easy", "moderate", "difficult"};
constexpr int kPercentDecimals = 1;    // accuracy and TAR in % (the seed prints one decimal)
constexpr int kSimilarityDecimals = 3; // mean cosine similarity (Table 3's matrices)

struct RunResults {
    std::string name;
    std::optional<EvalResult> lfw, templates, quality, dfw, tracks;
};

std::optional<EvalResult> readResult(const RunDirectory& run, const std::string& protocol) {
    const std::string path = run.eval().result(protocol);
    if (!fs::is_regular_file(path))
        return std::nullopt;
    return readEvalResult(path);
}

RunResults loadRun(const std::string& runDir) {
    const RunDirectory run(runDir);
    if (!run.hasEvalResults())
        throw InputError(SourceLocation{runDir}, "",
                         "no eval/ folder: run `facebench-cli eval --run " + runDir + "` first");
    RunResults r;
    r.name = fs::path(runDir).lexically_normal().filename().string();
    if (r.name.empty() || r.name == ".")
        r.name = fs::path(runDir).lexically_normal().parent_path().filename().string();
    r.lfw = readResult(run, "lfw");
    r.templates = readResult(run, "templates");
    r.quality = readResult(run, "cross-quality");
    r.dfw = readResult(run, "dfw");
    r.tracks = readResult(run, "tracks");
    return r;
}

// The block of `result` whose subset is `subset` ("" for a whole protocol such as dfw).
const VerificationBlock* blockOf(const std::optional<EvalResult>& result,
                                 const std::string& subset) {
    if (!result)
        return nullptr;
    for (const VerificationBlock& b : result->blocks)
        if (b.subset == subset)
            return &b;
    return nullptr;
}

// A fraction's interval as the result file has it, in % like the cell; none where the file has
// none (NaN bounds).
std::optional<ReportInterval> percentInterval(const ConfidenceInterval& ci,
                                              const std::string& method) {
    if (std::isnan(ci.low) || std::isnan(ci.high))
        return std::nullopt;
    ReportInterval out;
    out.low = 100 * ci.low;
    out.high = 100 * ci.high;
    out.method = method;
    return out;
}

// TAR (%) at `far` with its interval when the result has one, flagged where the set cannot
// resolve that FAR.
ReportCell tarCell(const VerificationBlock* block, double far) {
    if (!block)
        return missingCell();
    for (std::size_t i = 0; i < block->tarAtFar.size(); ++i) {
        const TarAtFar& row = block->tarAtFar[i];
        if (std::abs(row.far - far) > 1e-12 * far)
            continue;
        ReportCell cell = numberCell(100 * row.tar, kPercentDecimals);
        if (cell.kind == ReportCell::Kind::Number && i < block->tarIntervals.size())
            cell.interval = percentInterval(block->tarIntervals[i], block->intervalMethod);
        if (!row.resolvable)
            cell.set(CellFlag::NotResolvable);
        return cell;
    }
    return missingCell();
}

ReportCell lfwCell(const std::optional<EvalResult>& lfw) {
    if (!lfw)
        return missingCell();
    ReportCell cell = numberCell(100 * lfw->accuracy, kPercentDecimals);
    if (cell.kind == ReportCell::Kind::Number && lfw->hasAccuracyInterval)
        cell.interval = percentInterval(lfw->accuracyInterval, lfw->accuracyIntervalMethod);
    return cell;
}

ReportCell similarityCell(const std::optional<EvalResult>& templates, const std::string& study,
                          std::size_t a, std::size_t b) {
    if (!templates)
        return missingCell();
    for (const SimilarityMatrix& m : templates->matrices)
        if (m.study == study && a < m.values.size() && b < m.values[a].size())
            return numberCell(m.values[a][b], kSimilarityDecimals);
    return missingCell();
}

std::string percent(double far) {
    char text[32];
    std::snprintf(text, sizeof text, "%g%%", far * 100);
    return text;
}

// The TAR columns of one set: "Low2High 1%", "0.1%", "0.01%" under keys "Low2High_tar_pct@1%"...
void addTarColumns(std::vector<ReportColumn>& columns, const std::string& key,
                   const std::string& header, const std::vector<double>& fars) {
    for (std::size_t i = 0; i < fars.size(); ++i)
        columns.push_back({key + "_tar_pct@" + percent(fars[i]),
                           i == 0 ? header + " " + percent(fars[i]) : percent(fars[i])});
}

std::string lowerCase(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

ReportTable table3(const std::vector<RunResults>& runs) {
    ReportTable t;
    t.key = "table3";
    t.title =
        "Table 3 layout: LFW (%), VGGFace2 similarity (pose, age), IJB-A cross-quality TAR (%)";
    t.columns = {{"run", "Run"}, {"lfw_accuracy_pct", "LFW (%)"}, {"pose", "Pose"}};
    for (const std::string& p : kPose)
        t.columns.push_back({"pose_" + lowerCase(p), p});
    t.columns.push_back({"age", "Age"});
    for (const std::string& a : kAge)
        t.columns.push_back({"age_" + lowerCase(a), a});
    for (const char* q : {"Low2High", "Middle2High"})
        addTarColumns(t.columns, q, q, kQualityFars);
    // Three lines per run, as the seed prints the pose matrix: line a holds pose row a, age row a
    // (two lines) and, on the first line only, the run's single numbers.
    for (const RunResults& r : runs)
        for (std::size_t a = 0; a < kPose.size(); ++a) {
            const bool first = a == 0;
            std::vector<ReportCell> row;
            row.push_back(textCell(first ? r.name : ""));
            row.push_back(first ? lfwCell(r.lfw) : textCell(""));
            row.push_back(textCell(kPose[a]));
            for (std::size_t b = 0; b < kPose.size(); ++b)
                row.push_back(similarityCell(r.templates, "pose", a, b));
            const bool ageRow = a < kAge.size();
            row.push_back(textCell(ageRow ? kAge[a] : ""));
            for (std::size_t b = 0; b < kAge.size(); ++b)
                row.push_back(ageRow ? similarityCell(r.templates, "age", a, b) : textCell(""));
            for (const char* q : {"Low2High", "Middle2High"})
                for (double far : kQualityFars)
                    row.push_back(first ? tarCell(blockOf(r.quality, q), far) : textCell(""));
            t.rows.push_back(std::move(row));
        }
    return t;
}

ReportTable table15(const std::vector<RunResults>& runs) {
    ReportTable t;
    t.key = "table15";
    t.title = "Table 15 layout: DFW and UMDFaces tracks, TAR (%) at each FAR";
    t.columns = {{"run", "Run"}};
    addTarColumns(t.columns, "dfw", "DFW", kDfwFars);
    for (const std::string& track : kTracks) {
        std::string header = track;
        header[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(header[0])));
        addTarColumns(t.columns, track, header, kQualityFars);
    }
    for (const RunResults& r : runs) {
        std::vector<ReportCell> row{textCell(r.name)};
        for (double far : kDfwFars)
            row.push_back(tarCell(blockOf(r.dfw, ""), far));
        for (const std::string& track : kTracks)
            for (double far : kQualityFars)
                row.push_back(tarCell(blockOf(r.tracks, track), far));
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace

std::vector<ReportTable> buildEvalReport(const std::vector<std::string>& runDirs) {
    if (runDirs.empty())
        throw InputError(SourceLocation{}, "RUN_DIR", "name at least one run directory");
    std::vector<RunResults> runs;
    for (const std::string& dir : runDirs)
        runs.push_back(loadRun(dir));
    return {table3(runs), table15(runs)};
}

} // namespace fb
