// `facebench-cli study run FILE [--out DIR] [--set KEY=VALUE]...`, `study status DIR` and
// `study report DIR [--out FILE.md|.csv|.json]` (facebench/study.h): the seed's comparisons
// (Table 6 losses, Tables 7-10 frameworks, Table 3 models, Fig. 2 batch size) as one resumable
// command. Every cell is resolved before the first one trains, so a bad value is exit 2 at
// once; Ctrl-C checkpoints the running cell and exits 130, and the same command continues.
#include "interrupt_guard.h"
#include "verbs.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/report_render.h"
#include "facebench/study.h"
#include "facebench/training_job.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace fb::cli {

namespace {

struct StudyRunCliOptions {
    std::string file;
    std::string out;
    std::vector<std::string> sets;
    std::string devices;
};

struct StudyReportCliOptions {
    std::string dir;
    std::string out;
    std::string format;
};

void studySay(const std::string& text) {
    std::fprintf(stderr, "%s\n", text.c_str());
    std::fflush(stderr);
}

int runStudy(const GlobalOptions& global, const StudyRunCliOptions& o) {
    if (!o.devices.empty() && o.devices != "cpu")
        throw InputError(
            SourceLocation{}, "--devices",
            "only 'cpu' is supported for studies so far (cells run one after another)");
    const Study study = loadStudy(o.file, o.sets);
    StudyRunOptions options;
    options.outDir = o.out.empty() ? "studies/" + study.name : o.out;
    options.overrides = o.sets;
    options.log = studySay;
    options.progress = [](const TrainingProgress& p) {
        if (p.kind == TrainingProgress::Kind::Start && p.step == 0 && p.runDir.empty())
            studySay("  " + p.message); // data preparation: generating, indexing
        if (p.kind != TrainingProgress::Kind::Step)
            return;
        char line[160];
        std::snprintf(line, sizeof line, "  step %lld/%lld loss %.4f acc %.3f %.1f img/s",
                      (long long)p.step, (long long)p.totalSteps, p.loss, p.acc, p.imgPerSec);
        studySay(line);
    };
    studySay("study " + study.name + ": " + std::to_string(study.cells.size()) + " cell(s) in " +
             options.outDir);
    StudyRunner runner(study, options);
    const InterruptGuard interruptGuard(runner);
    const StudyRunSummary summary = runner.run();
    studySay(std::string(summary.cancelled ? "interrupted" : "finished") + ": " +
             std::to_string(summary.done) + " run, " + std::to_string(summary.skipped) +
             " already done, " + std::to_string(summary.failed) + " failed");
    if (summary.cancelled)
        studySay("continue with: facebench-cli study run " + o.file + " --out " + options.outDir);
    if (global.json)
        printJson({{"study_dir", options.outDir},
                   {"cells", study.cells.size()},
                   {"done", summary.done},
                   {"skipped", summary.skipped},
                   {"failed", summary.failed},
                   {"cancelled", summary.cancelled}});
    else
        std::cout << options.outDir << "\n";
    if (summary.cancelled)
        return kExitInterrupted;
    return summary.failed > 0 ? kExitFailed : kExitDone;
}

int studyStatus(const GlobalOptions& global, const std::string& dir) {
    const StudyState state = readStudyState(StudyFiles{dir}.state());
    std::map<StudyCellStatus, int> counts;
    double measured = 0;
    int measuredCells = 0;
    for (const StudyCellRecord& cell : state.cells) {
        ++counts[cell.status];
        if (cell.status == StudyCellStatus::Done) {
            measured += cell.seconds;
            ++measuredCells;
        }
    }
    const int remaining = counts[StudyCellStatus::Pending] + counts[StudyCellStatus::Running] +
                          counts[StudyCellStatus::Failed];
    // The mean time of the finished cells times the cells still to run.
    const double eta = measuredCells > 0 ? measured / measuredCells * remaining : -1;
    if (global.json) {
        nlohmann::ordered_json cells = nlohmann::ordered_json::array();
        for (const StudyCellRecord& cell : state.cells)
            cells.push_back({{"id", cell.id},
                             {"status", studyCellStatusName(cell.status)},
                             {"seconds", cell.seconds}});
        printJson({{"name", state.name},
                   {"done", counts[StudyCellStatus::Done]},
                   {"running", counts[StudyCellStatus::Running]},
                   {"failed", counts[StudyCellStatus::Failed]},
                   {"pending", counts[StudyCellStatus::Pending]},
                   {"eta_seconds", eta >= 0 ? nlohmann::ordered_json(eta) : nullptr},
                   {"cells", cells}});
        return kExitDone;
    }
    char line[256];
    std::snprintf(line, sizeof line, "%s: %d done, %d running, %d failed, %d pending",
                  state.name.c_str(), counts[StudyCellStatus::Done],
                  counts[StudyCellStatus::Running], counts[StudyCellStatus::Failed],
                  counts[StudyCellStatus::Pending]);
    std::cout << line;
    if (eta >= 0) {
        std::snprintf(line, sizeof line, ", ETA %.0f s (mean of %d finished cell(s))", eta,
                      measuredCells);
        std::cout << line;
    }
    std::cout << "\n";
    for (const StudyCellRecord& cell : state.cells) {
        std::snprintf(line, sizeof line, "  %-8s %7.1f s  %s",
                      studyCellStatusName(cell.status).c_str(), cell.seconds, cell.id.c_str());
        std::cout << line << (cell.error.empty() ? "" : "  (" + cell.error + ")") << "\n";
    }
    return kExitDone;
}

int studyReport(const StudyReportCliOptions& o) {
    const std::string format = !o.format.empty() ? o.format
                               : o.out.empty()   ? "md"
                                                 : extensionFormat(o.out);
    const std::string text = renderReport(buildStudyReport(o.dir), format);
    if (o.out.empty())
        std::cout << text;
    else
        writeFileAtomically(o.out, text);
    return kExitDone;
}

} // namespace

void addStudyVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    CLI::App* study = app.add_subcommand(
        "study", "Run a study: one experiment varied along config keys (losses, models, "
                 "frameworks, batch size), each cell trained, evaluated and compared");
    study->require_subcommand(1);

    auto run = std::make_shared<StudyRunCliOptions>();
    CLI::App* runVerb = study->add_subcommand(
        "run", "Train and evaluate every cell not yet done (resumable: run it again to continue)");
    runVerb->add_option("FILE", run->file, "Study YAML")->required();
    runVerb->add_option("--out", run->out, "Study folder (default: studies/<name>)");
    runVerb->add_option(
        "--set", run->sets,
        "Override a key in every cell, e.g. --set train.iterations=50 (repeatable)");
    runVerb->add_option("--devices", run->devices, "Devices to run cells on (only cpu so far)");
    runVerb->callback(
        [&options, &action, run] { action = [&options, run] { return runStudy(options, *run); }; });

    auto statusDir = std::make_shared<std::string>();
    CLI::App* statusVerb =
        study->add_subcommand("status", "Cells done, running, failed and pending, with an ETA");
    statusVerb->add_option("DIR", *statusDir, "Study folder")->required();
    statusVerb->callback([&options, &action, statusDir] {
        action = [&options, statusDir] { return studyStatus(options, *statusDir); };
    });

    auto report = std::make_shared<StudyReportCliOptions>();
    CLI::App* reportVerb = study->add_subcommand(
        "report", "The study's table in its layout, repeats as mean +- sd with 95% intervals "
                  "and a paired t-test of each row against the first");
    reportVerb->add_option("DIR", report->dir, "Study folder")->required();
    reportVerb->add_option("--out", report->out,
                           "Write the tables to FILE.md, FILE.csv or FILE.json");
    reportVerb
        ->add_option("--format", report->format,
                     "md, csv or json (default: by --out's extension, else md)")
        ->check(CLI::IsMember({"md", "csv", "json"}));
    reportVerb->callback([&action, report] { action = [report] { return studyReport(*report); }; });
}

} // namespace fb::cli
