// `study report DIR` (facebench/study.h): the cells' eval/*.json gathered into the study's
// layout. Repeats of a condition give a mean with a 95% Student t interval and the sd; a
// 10-fold protocol's fold accuracies give a paired t-test of each condition against the first
// (the baseline), so that a difference smaller than the fold-to-fold noise is not read as a
// ranking (the seed's Table 6 differences are often within a fraction of a point).
#include "facebench/study.h"

#include "facebench/eval_results.h"
#include "facebench/run_directory.h"
#include "facebench/score_file.h"
#include "facebench/verification_intervals.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>

namespace fb {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The numbers one cell contributes: the first 10-fold protocol (LFW before others) and the
// TAR@FAR rows of its verification block (or of the first protocol with one).
struct CellNumbers {
    bool evaluated = false;
    std::string protocol;
    double accuracy = kNaN; // fraction
    ConfidenceInterval accuracyInterval{kNaN, kNaN};
    std::vector<double> folds;
    std::vector<double> fars;
    std::vector<double> tars;
    std::vector<ConfidenceInterval> tarIntervals;
    std::string accuracyMethod, tarMethod; // as the result file names them
};

CellNumbers numbersOf(const std::string& runDir) {
    CellNumbers numbers;
    const std::vector<EvalResult> results = readRunEvalResults(runDir);
    const EvalResult* chosen = nullptr;
    for (const EvalResult& result : results)
        if (result.hasFolds && (!chosen || result.protocol == "lfw") &&
            !(chosen && chosen->protocol == "lfw"))
            chosen = &result;
    if (!chosen)
        for (const EvalResult& result : results)
            if (!result.blocks.empty() && !chosen)
                chosen = &result;
    if (!chosen)
        return numbers;
    numbers.evaluated = true;
    numbers.protocol = chosen->set.empty() ? chosen->protocol : chosen->set;
    if (chosen->hasFolds) {
        numbers.accuracy = chosen->accuracy;
        numbers.folds = chosen->foldAccuracies;
        if (chosen->hasAccuracyInterval)
            numbers.accuracyInterval = chosen->accuracyInterval;
        numbers.accuracyMethod = chosen->accuracyIntervalMethod;
    }
    if (!chosen->blocks.empty()) {
        const VerificationBlock& block = chosen->blocks.front();
        numbers.tarMethod = block.intervalMethod;
        for (std::size_t i = 0; i < block.tarAtFar.size(); ++i) {
            numbers.fars.push_back(block.tarAtFar[i].far);
            numbers.tars.push_back(block.tarAtFar[i].tar);
            numbers.tarIntervals.push_back(block.hasIntervals && i < block.tarIntervals.size()
                                               ? block.tarIntervals[i]
                                               : ConfidenceInterval{kNaN, kNaN});
        }
    }
    return numbers;
}

double meanOf(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double sdOf(const std::vector<double>& values) {
    if (values.size() < 2)
        return kNaN;
    const double mean = meanOf(values);
    double squares = 0;
    for (const double v : values)
        squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

std::string repeatMethod(std::size_t n) {
    char text[120];
    std::snprintf(text, sizeof text, "mean +- t * sd / sqrt(n) over %zu repeats, Student t", n);
    return text;
}

// A metric over the repeats of a condition, in %: one repeat keeps its result file's own
// interval; several give their mean and a Student t interval over the repeats.
ReportCell percentCell(const std::vector<double>& fractions,
                       const std::vector<ConfidenceInterval>& ownIntervals,
                       const std::string& ownMethod) {
    std::vector<double> values;
    for (const double f : fractions)
        if (!std::isnan(f))
            values.push_back(100.0 * f);
    if (values.empty())
        return missingCell();
    ReportCell cell = numberCell(meanOf(values), 2);
    if (values.size() >= 2) {
        const ConfidenceInterval interval = foldInterval(values);
        cell.interval =
            ReportInterval{interval.low, interval.high, 0.95, repeatMethod(values.size())};
    } else if (ownIntervals.size() == 1 && !std::isnan(ownIntervals.front().low)) {
        cell.interval = ReportInterval{100.0 * ownIntervals.front().low,
                                       100.0 * ownIntervals.front().high, 0.95, ownMethod};
    }
    return cell;
}

ReportCell sdCell(const std::vector<double>& fractions) {
    std::vector<double> values;
    for (const double f : fractions)
        if (!std::isnan(f))
            values.push_back(100.0 * f);
    const double sd = sdOf(values);
    return std::isnan(sd) ? missingCell() : numberCell(sd, 2);
}

std::string percentText(double far) {
    char text[32];
    std::snprintf(text, sizeof text, "%g%%", 100.0 * far);
    return text;
}

std::string valueOf(const StudyCellRecord& cell, const std::string& key) {
    for (const std::string& setting : cell.settings)
        if (setting.rfind(key + "=", 0) == 0)
            return setting.substr(key.size() + 1);
    return "";
}

std::string othersOf(const StudyCellRecord& cell, const std::vector<std::string>& keys) {
    std::string text;
    for (const std::string& setting : cell.settings) {
        bool shown = false;
        for (const std::string& key : keys)
            shown = shown || (!key.empty() && setting.rfind(key + "=", 0) == 0);
        if (!shown)
            text += (text.empty() ? "" : ", ") + setting;
    }
    return text;
}

// The repeats of one condition, in the order the study lists them.
struct Condition {
    const StudyCellRecord* first = nullptr;
    std::vector<CellNumbers> repeats; // evaluated repeats only
};

std::vector<Condition> conditionsOf(const StudyState& state, const StudyFiles& files) {
    std::vector<Condition> conditions;
    for (const StudyCellRecord& cell : state.cells) {
        Condition* condition = nullptr;
        for (Condition& existing : conditions)
            if (existing.first->condition == cell.condition)
                condition = &existing;
        if (!condition) {
            conditions.push_back({&cell, {}});
            condition = &conditions.back();
        }
        if (cell.status != StudyCellStatus::Done)
            continue;
        CellNumbers numbers = numbersOf(files.cellDir(cell.id));
        if (numbers.evaluated)
            condition->repeats.push_back(std::move(numbers));
    }
    return conditions;
}

// Per fold the mean over the repeats: the fold lists a paired test compares.
std::vector<double> meanFolds(const Condition& condition) {
    std::vector<double> folds;
    for (const CellNumbers& repeat : condition.repeats) {
        if (repeat.folds.empty() || (!folds.empty() && repeat.folds.size() != folds.size()))
            return {};
        folds.resize(repeat.folds.size(), 0.0);
        for (std::size_t k = 0; k < folds.size(); ++k)
            folds[k] += repeat.folds[k] / static_cast<double>(condition.repeats.size());
    }
    return folds;
}

ReportTable conditionTable(const StudyState& state, const std::vector<Condition>& conditions) {
    const StudyLayout& layout = state.layout;
    ReportTable table;
    table.key = "study";
    table.title = state.name + ": " + (layout.name.empty() ? "cells" : layout.name) +
                  " (differences: paired t-test of the fold accuracies against the first row, "
                  "two-sided, 5%)";

    std::string protocol;
    std::vector<double> fars;
    for (const Condition& condition : conditions)
        for (const CellNumbers& numbers : condition.repeats)
            if (protocol.empty()) {
                protocol = numbers.protocol;
                fars = numbers.fars;
            }
    bool showOthers = false;
    for (const Condition& condition : conditions)
        showOthers = showOthers || !othersOf(*condition.first, {layout.rows}).empty();

    table.columns.push_back(
        {layout.rows.empty() ? "cell" : layout.rows, layout.rows.empty() ? "cell" : layout.rows});
    if (showOthers)
        table.columns.push_back({"settings", "other settings"});
    table.columns.push_back({"n", "repeats"});
    table.columns.push_back({protocol + "_acc_pct", protocol + " acc (%)"});
    table.columns.push_back({protocol + "_acc_sd", "sd"});
    for (const double far : fars)
        table.columns.push_back(
            {protocol + "_tar_pct@" + percentText(far), "TAR@FAR " + percentText(far) + " (%)"});
    table.columns.push_back({"diff_pp", "vs baseline (pp)"});
    table.columns.push_back({"paired_t", "paired t (10 folds)"});
    table.columns.push_back({"differs", "beyond noise (p<0.05)"});

    const std::vector<double> baseline =
        conditions.empty() ? std::vector<double>{} : meanFolds(conditions.front());
    for (std::size_t c = 0; c < conditions.size(); ++c) {
        const Condition& condition = conditions[c];
        std::vector<ReportCell> row;
        const std::string label = layout.rows.empty() ? condition.first->condition
                                                      : valueOf(*condition.first, layout.rows);
        row.push_back(textCell(label));
        if (showOthers)
            row.push_back(textCell(othersOf(*condition.first, {layout.rows})));
        row.push_back(numberCell(static_cast<double>(condition.repeats.size()), 0));
        std::vector<double> accuracies;
        std::vector<ConfidenceInterval> accuracyIntervals;
        std::string accuracyMethod, tarMethod;
        for (const CellNumbers& numbers : condition.repeats) {
            accuracies.push_back(numbers.accuracy);
            accuracyIntervals.push_back(numbers.accuracyInterval);
            accuracyMethod = numbers.accuracyMethod;
            tarMethod = numbers.tarMethod;
        }
        row.push_back(percentCell(accuracies, accuracyIntervals, accuracyMethod));
        row.push_back(sdCell(accuracies));
        for (std::size_t f = 0; f < fars.size(); ++f) {
            std::vector<double> tars;
            std::vector<ConfidenceInterval> intervals;
            for (const CellNumbers& numbers : condition.repeats)
                if (f < numbers.tars.size()) {
                    tars.push_back(numbers.tars[f]);
                    intervals.push_back(numbers.tarIntervals[f]);
                }
            row.push_back(percentCell(tars, intervals, tarMethod));
        }
        const std::vector<double> folds = meanFolds(condition);
        if (c == 0) {
            row.push_back(textCell("baseline"));
            row.push_back(missingCell());
            row.push_back(missingCell());
        } else if (folds.size() >= 2 && folds.size() == baseline.size()) {
            const PairedTest test = pairedTTest(baseline, folds);
            row.push_back(numberCell(100.0 * test.meanDifference, 2));
            row.push_back(numberCell(test.t, 2));
            row.push_back(textCell(test.significant ? "yes" : "no"));
        } else {
            row.push_back(missingCell());
            row.push_back(missingCell());
            row.push_back(missingCell());
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

// {rows: A, columns: B}: the accuracy of each (A, B) condition in a matrix.
ReportTable gridTable(const StudyState& state, const std::vector<Condition>& conditions) {
    const StudyLayout& layout = state.layout;
    std::vector<std::string> rowValues, columnValues;
    const auto addUnique = [](std::vector<std::string>& list, const std::string& value) {
        if (std::find(list.begin(), list.end(), value) == list.end())
            list.push_back(value);
    };
    for (const Condition& condition : conditions) {
        addUnique(rowValues, valueOf(*condition.first, layout.rows));
        addUnique(columnValues, valueOf(*condition.first, layout.columns));
    }
    ReportTable table;
    table.key = "study_grid";
    table.title = state.name + ": accuracy (%) by " + layout.rows + " and " + layout.columns;
    table.columns.push_back({layout.rows, layout.rows + " \\ " + layout.columns});
    for (const std::string& value : columnValues)
        table.columns.push_back({layout.columns + "=" + value, value});
    for (const std::string& rowValue : rowValues) {
        std::vector<ReportCell> row{textCell(rowValue)};
        for (const std::string& columnValue : columnValues) {
            ReportCell cell = missingCell();
            for (const Condition& condition : conditions)
                if (valueOf(*condition.first, layout.rows) == rowValue &&
                    valueOf(*condition.first, layout.columns) == columnValue) {
                    std::vector<double> accuracies;
                    std::vector<ConfidenceInterval> intervals;
                    std::string method;
                    for (const CellNumbers& numbers : condition.repeats) {
                        accuracies.push_back(numbers.accuracy);
                        intervals.push_back(numbers.accuracyInterval);
                        method = numbers.accuracyMethod;
                    }
                    cell = percentCell(accuracies, intervals, method);
                }
            row.push_back(cell);
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

// A number over the repeats of a condition: the mean, with a Student t interval from two on.
ReportCell meanCell(const std::vector<double>& values, int decimals) {
    if (values.empty())
        return missingCell();
    ReportCell cell = numberCell(meanOf(values), decimals);
    if (values.size() >= 2) {
        const ConfidenceInterval interval = foldInterval(values);
        cell.interval =
            ReportInterval{interval.low, interval.high, 0.95, repeatMethod(values.size())};
    }
    return cell;
}

// kind: bench (seed Fig. 2): per condition the throughput of its training step and whether its
// batch fit in memory, from the cells' metrics in study.json.
ReportTable benchTable(const StudyState& state) {
    const StudyLayout& layout = state.layout;
    ReportTable table;
    table.key = "study";
    table.title = state.name + ": training-step throughput" +
                  (layout.rows.empty() ? "" : " by " + layout.rows);
    std::vector<std::string> conditions;
    for (const StudyCellRecord& cell : state.cells)
        if (std::find(conditions.begin(), conditions.end(), cell.condition) == conditions.end())
            conditions.push_back(cell.condition);
    bool showOthers = false;
    for (const StudyCellRecord& cell : state.cells)
        showOthers = showOthers || !othersOf(cell, {layout.rows}).empty();
    table.columns.push_back(
        {layout.rows.empty() ? "cell" : layout.rows, layout.rows.empty() ? "cell" : layout.rows});
    if (showOthers)
        table.columns.push_back({"settings", "other settings"});
    table.columns.push_back({"n", "repeats"});
    table.columns.push_back({"images_per_s", "images/s"});
    table.columns.push_back({"ms_median", "ms/step (median)"});
    table.columns.push_back({"peak_mem_mb", "peak memory (MiB)"});
    table.columns.push_back({"oom", "out of memory"});
    for (const std::string& condition : conditions) {
        const StudyCellRecord* first = nullptr;
        std::vector<double> throughput, ms, memory;
        int done = 0, oom = 0;
        for (const StudyCellRecord& cell : state.cells) {
            if (cell.condition != condition)
                continue;
            first = first ? first : &cell;
            if (cell.status != StudyCellStatus::Done)
                continue;
            ++done;
            const auto value = [&](const char* key) {
                const auto found = cell.metrics.find(key);
                return found == cell.metrics.end() ? kNaN : found->second;
            };
            if (value("oom") == 1.0) {
                ++oom;
                continue;
            }
            for (auto [key, list] :
                 {std::pair{"images_per_s", &throughput}, std::pair{"ms_median", &ms},
                  std::pair{"peak_mem_mb", &memory}})
                if (!std::isnan(value(key)))
                    list->push_back(value(key));
        }
        std::vector<ReportCell> row;
        row.push_back(textCell(layout.rows.empty() ? condition : valueOf(*first, layout.rows)));
        if (showOthers)
            row.push_back(textCell(othersOf(*first, {layout.rows})));
        row.push_back(numberCell(static_cast<double>(done), 0));
        row.push_back(meanCell(throughput, 2));
        row.push_back(meanCell(ms, 3));
        row.push_back(meanCell(memory, 1));
        row.push_back(done == 0 ? missingCell()
                                : textCell(oom == 0      ? "no"
                                           : oom == done ? "yes"
                                                         : "some"));
        table.rows.push_back(std::move(row));
    }
    return table;
}

ReportTable cellTable(const StudyState& state, const StudyFiles& files) {
    ReportTable table;
    table.key = "study_cells";
    table.title = state.name + ": cells";
    table.columns = {{"id", "cell"},
                     {"repeat", "repeat"},
                     {"status", "status"},
                     {"seconds", "seconds"},
                     {"acc_pct", "acc (%)"}};
    if (state.kind == StudyKind::Bench) {
        table.columns.back() = {"images_per_s", "images/s"};
        for (const StudyCellRecord& cell : state.cells) {
            const auto found = cell.metrics.find("images_per_s");
            table.rows.push_back(
                {textCell(cell.id), numberCell(cell.repeat, 0),
                 textCell(cell.metrics.count("oom") && cell.metrics.at("oom") == 1.0
                              ? "oom"
                              : studyCellStatusName(cell.status)),
                 numberCell(cell.seconds, 1),
                 found == cell.metrics.end() ? missingCell() : numberCell(found->second, 2)});
        }
        return table;
    }
    for (const StudyCellRecord& cell : state.cells) {
        const CellNumbers numbers = cell.status == StudyCellStatus::Done
                                        ? numbersOf(files.cellDir(cell.id))
                                        : CellNumbers{};
        table.rows.push_back({textCell(cell.id), numberCell(cell.repeat, 0),
                              textCell(studyCellStatusName(cell.status)),
                              numberCell(cell.seconds, 1),
                              numberCell(100.0 * numbers.accuracy, 2)});
    }
    return table;
}

} // namespace

PairedTest pairedTTest(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size() || a.size() < 2)
        throw InputError("a paired t-test needs two lists of the same length, at least 2");
    std::vector<double> differences(a.size());
    for (std::size_t k = 0; k < a.size(); ++k)
        differences[k] = b[k] - a[k];
    PairedTest test;
    test.meanDifference = meanOf(differences);
    const double k = static_cast<double>(a.size());
    const double standardError = sdOf(differences) / std::sqrt(k);
    test.critical = studentTQuantile(0.975, k - 1.0);
    if (standardError > 0)
        test.t = test.meanDifference / standardError;
    else // identical differences on every fold: no noise to compare against
        test.t = test.meanDifference == 0
                     ? 0.0
                     : std::copysign(std::numeric_limits<double>::infinity(), test.meanDifference);
    test.significant = std::fabs(test.t) > test.critical;
    return test;
}

std::vector<ReportTable> buildStudyReport(const std::string& studyDir) {
    const StudyFiles files{studyDir};
    const StudyState state = readStudyState(files.state());
    if (state.kind == StudyKind::Bench)
        return {benchTable(state), cellTable(state, files)};
    const std::vector<Condition> conditions = conditionsOf(state, files);
    std::vector<ReportTable> tables;
    if (state.layout.name == "grid")
        tables.push_back(gridTable(state, conditions));
    tables.push_back(conditionTable(state, conditions));
    tables.push_back(cellTable(state, files));
    return tables;
}

namespace {

std::string labelOf(const std::vector<ReportCell>& row, bool withSettings) {
    std::string label = row.front().text;
    if (withSettings && row.size() > 1 && row[1].kind == ReportCell::Kind::Text &&
        !row[1].text.empty())
        label += label.empty() ? row[1].text : " (" + row[1].text + ")";
    return label;
}

// The first table's numeric columns that are a measurement of each condition: not the repeat
// count or the test statistics.
bool isMeasurement(const std::string& key) {
    return key != "n" && key != "paired_t" && key != "diff_pp" &&
           key.find("_sd") == std::string::npos;
}

} // namespace

StudyFigureData studyFigureData(const std::string& studyDir) {
    const StudyFiles files{studyDir};
    const StudyState state = readStudyState(files.state());
    const std::vector<ReportTable> tables = buildStudyReport(studyDir);
    // The grid table of a {rows, columns} layout comes first; the bars follow the condition table.
    const ReportTable& table = tables[tables.size() - 2];
    const bool withSettings = table.columns.size() > 1 && table.columns[1].key == "settings";
    StudyFigureData data;
    for (std::size_t c = 1; c < table.columns.size(); ++c) {
        if (!isMeasurement(table.columns[c].key))
            continue;
        StudyBarChart chart;
        chart.metric = table.columns[c].key;
        chart.title = table.columns[c].header;
        for (const std::vector<ReportCell>& row : table.rows) {
            const ReportCell& cell = row[c];
            if (cell.kind != ReportCell::Kind::Number)
                continue;
            StudyBar bar{labelOf(row, withSettings), cell.number, cell.number, cell.number};
            if (cell.interval) {
                bar.low = cell.interval->low;
                bar.high = cell.interval->high;
            }
            chart.bars.push_back(bar);
        }
        if (!chart.bars.empty())
            data.bars.push_back(std::move(chart));
    }

    int repeats = 1;
    for (const StudyCellRecord& cell : state.cells)
        repeats = std::max(repeats, cell.repeat + 1);
    data.throughput.metric = "images_per_s";
    data.throughput.title = state.kind == StudyKind::Bench ? "images/s (training step, timed)"
                                                           : "images/s (training, mean of the "
                                                             "logged steps)";
    for (const StudyCellRecord& cell : state.cells) {
        if (cell.status != StudyCellStatus::Done)
            continue;
        const std::string label =
            repeats > 1 ? cell.condition + " r" + std::to_string(cell.repeat) : cell.condition;
        const auto speed = cell.metrics.find(state.kind == StudyKind::Bench ? "images_per_s"
                                                                            : "train_images_per_s");
        if (speed != cell.metrics.end())
            data.throughput.bars.push_back({label, speed->second, speed->second, speed->second});
        if (state.kind == StudyKind::Bench)
            continue;
        std::vector<EvalResult> results = readRunEvalResults(files.cellDir(cell.id));
        std::stable_partition(results.begin(), results.end(),
                              [](const EvalResult& r) { return r.protocol == "lfw"; });
        // The scores file as the result names it (relative to where the study ran), else
        // beside the result in the cell's eval/.
        const auto scoresPath = [&](const VerificationBlock& block) -> std::string {
            if (block.scoresFile.empty())
                return "";
            const std::string beside =
                (std::filesystem::path(RunDirectory(files.cellDir(cell.id)).eval().dir) /
                 std::filesystem::path(block.scoresFile).filename())
                    .string();
            return std::ifstream(block.scoresFile) ? block.scoresFile
                   : std::ifstream(beside)         ? beside
                                                   : "";
        };
        const VerificationBlock* chosen = nullptr;
        for (const EvalResult& result : results)
            for (const VerificationBlock& block : result.blocks)
                if (!chosen && !scoresPath(block).empty())
                    chosen = &block;
        if (!chosen)
            continue;
        StudyRocCurve curve{label, chosen->label, {}};
        for (const ScoredPair& pair : readScoredPairs(scoresPath(*chosen)))
            (pair.same ? curve.scores.genuine : curve.scores.impostor).push_back(pair.score);
        data.rocs.push_back(std::move(curve));
    }
    return data;
}

} // namespace fb
