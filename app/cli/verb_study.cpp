// `facebench-cli study run FILE [--out DIR] [--set KEY=VALUE]... [--devices cpu|cuda:0,...]`,
// `study status DIR` and
// `study report DIR [--out FILE.md|.csv|.json]` (facebench/study.h): the seed's comparisons
// (Table 6 losses, Tables 7-10 frameworks, Table 3 models, Fig. 2 batch size) as one resumable
// command. Every cell is resolved before the first one trains, so a bad value is exit 2 at
// once; Ctrl-C checkpoints the running cell and exits 130, and the same command continues.
#include "interrupt_guard.h"
#include "report_figures.h"
#include "verbs.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/report_render.h"
#include "facebench/run_directory.h"
#include "facebench/study.h"
#include "facebench/training_job.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <memory>

namespace fb::cli {

namespace {

struct StudyRunCliOptions {
    std::string file;
    std::string out;
    std::vector<std::string> sets;
    std::string devices;
    std::string cell; // worker mode (a --devices worker): this cell alone
    int cellThreads = 0;
};

struct StudyReportCliOptions {
    std::string dir;
    std::string out;
    std::string format;
    bool figures = false; // also draw DIR/figures/ (report_figures.h)
    FigureOptions figureOptions;
};

void studySay(const std::string& text) {
    std::fprintf(stderr, "%s\n", text.c_str());
    std::fflush(stderr);
}

// "cpu,cpu,cuda:1" as a list; an empty item is an error.
std::vector<std::string> deviceList(const std::string& text) {
    std::vector<std::string> devices;
    if (text.empty())
        return devices;
    std::stringstream list(text);
    for (std::string device; std::getline(list, device, ',');) {
        if (device.empty())
            throw InputError(SourceLocation{}, "--devices",
                             "an empty device in '" + text +
                                 "' (give cpu or cuda:N, comma-separated)");
        devices.push_back(device);
    }
    if (text.back() == ',')
        throw InputError(SourceLocation{}, "--devices", "a trailing comma in '" + text + "'");
    return devices;
}

int runStudy(const GlobalOptions& global, const StudyRunCliOptions& o) {
    const Study study = loadStudy(o.file, o.sets);
    StudyRunOptions options;
    options.outDir = o.out.empty() ? "studies/" + study.name : o.out;
    options.overrides = o.sets;
    options.devices = deviceList(o.devices);
    options.onlyCell = o.cell;
    options.cellThreads = o.cellThreads;
    // A --devices worker is this program again, on one cell of the same study and folder.
    options.workerCommand = {std::filesystem::read_symlink("/proc/self/exe").string(),
                             "study",
                             "run",
                             o.file,
                             "--out",
                             options.outDir};
    for (const std::string& set : o.sets)
        options.workerCommand.insert(options.workerCommand.end(), {"--set", set});
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
    if (!o.cell.empty()) { // a worker: its parent reports
        StudyRunner runner(study, options);
        const InterruptGuard interruptGuard(runner);
        const StudyRunSummary summary = runner.run();
        return summary.cancelled ? kExitInterrupted : summary.failed ? kExitFailed : kExitDone;
    }
    studySay("study " + study.name + ": " + std::to_string(study.cells.size()) + " cell(s) in " +
             options.outDir +
             (options.devices.size() > 1
                  ? " on " + std::to_string(options.devices.size()) + " workers (" + o.devices + ")"
                  : ""));
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

int studyReport(const GlobalOptions& global, const StudyReportCliOptions& o) {
    const std::string format = !o.format.empty() ? o.format
                               : o.out.empty()   ? "md"
                                                 : extensionFormat(o.out);
    const std::string text = renderReport(buildStudyReport(o.dir), format);
    if (o.figures) { // the figures instead of the printed tables (--out still works)
        if (!o.out.empty())
            writeFileAtomically(o.out, text);
        return writeStudyFigures(o.dir, o.figureOptions, global.json);
    }
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
    runVerb->add_option("--devices", run->devices,
                        "Run cells side by side, one worker process per device, each one cell at "
                        "a time: cpu (may repeat), cuda:N, comma-separated (e.g. cuda:0,cuda:1)");
    // Internal: how a --devices worker is started (one cell; study.json is the parent's).
    runVerb->add_option("--cell", run->cell)->group("");
    runVerb->add_option("--cell-threads", run->cellThreads)->group("");
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
    reportVerb->add_flag("--figures", report->figures,
                         "Draw the table's metrics as bars with 95% whiskers, the cells' ROC "
                         "curves and their images/s into " +
                             RunDirectory("DIR").figuresDir() +
                             "/ (PNG, PDF, SVG; needs the GUI build)");
    reportVerb->add_option("--figure-width-mm", report->figureOptions.widthMm, "Figure width (mm)")
        ->capture_default_str();
    reportVerb
        ->add_option("--figure-height-mm", report->figureOptions.heightMm, "Figure height (mm)")
        ->capture_default_str();
    reportVerb->add_option("--dpi", report->figureOptions.dpi, "PNG resolution")
        ->capture_default_str();
    reportVerb
        ->add_option("--formats", report->figureOptions.formats, "Figure formats, comma-separated")
        ->capture_default_str();
    reportVerb->add_option("--figures-out", report->figureOptions.outDir,
                           "Folder for the figures (default DIR/figures)");
    reportVerb->callback([&options, &action, report] {
        action = [&options, report] { return studyReport(options, *report); };
    });
}

} // namespace fb::cli
