// `facebench-cli eval --run RUN_DIR [--protocol P]... [--data DIR] [--pairs FILE] [--json]`
// (or `--model NAME [--weights FILE] --out DIR`, or `--pretrained MODEL --out DIR`) and
// `facebench-cli report RUN_DIR...
// [--out FILE.md|.csv|.json] [--format md|csv|json]`: the seed's test protocols (Section 3.2)
// and the cross-run tables of Tables 3 and 15.
#include "verbs.h"

#include "report_figures.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/eval_report.h"
#include "facebench/evaluation.h"
#include "facebench/pretrained_weights.h"
#include "facebench/report_render.h"
#include "facebench/run_directory.h"

#include <iostream>
#include <memory>

namespace fb::cli {

namespace {
struct ReportOptions {
    std::vector<std::string> runs;
    std::string out;
    std::string format;   // "" = from --out's extension, else Markdown
    bool figures = false; // also draw RUN/figures/ (report_figures.h)
    FigureOptions figureOptions;
};

} // namespace

void addEvalVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto request = std::make_shared<EvalRequest>();
    CLI::App* eval =
        app.add_subcommand("eval", "Evaluate a trained model on the test protocols (lfw, pairs, "
                                   "templates, cross-quality, dfw, tracks, bin)");
    eval->add_option("--run", request->runDir,
                     "Run directory (" + RunDirectory().configFile() + ", " +
                         RunDirectory().checkpoints().best() + " or " +
                         RunDirectory().checkpoints().last() + ")");
    eval->add_option("--model", request->model, "Instead of --run: a model name (see `models`)");
    eval->add_option("--weights", request->weights,
                     "Weights file (default: the run's checkpoint; random init with --model)");
    auto pretrained = std::make_shared<std::string>();
    eval->add_option("--pretrained", *pretrained,
                     "Instead of --run or --model: an installed pretrained network (see `models "
                     "--pretrained`), with its own pre-processing")
        ->excludes("--run")
        ->excludes("--model")
        ->excludes("--weights");
    eval->add_option("--out", request->outDir,
                     "Results folder (default " + RunDirectory("RUN").evalDir() + ")");
    eval->add_option("--protocol", request->protocols,
                     "Protocol, repeatable (default: the config's eval.protocols)");
    eval->add_option("--data", request->dataDir,
                     "Protocol data folder (default: the config's eval.data)");
    eval->add_option("--pairs", request->pairsFile,
                     "Pair list for the pairs protocol (image1<TAB>image2<TAB>label)");
    eval->add_option("--bin", request->binFiles,
                     "InsightFace .bin set for the bin protocol (lfw.bin, cfp_fp.bin, "
                     "agedb_30.bin), repeatable; evaluated as arcface_torch does");
    eval->add_option("--set", request->overrides,
                     "Override a config key, KEY=VALUE (e.g. eval.flip=sum)");
    eval->add_option("--bootstrap", request->bootstrap.replicates,
                     "Replicates of the subject bootstrap behind the 95% intervals (0: none)")
        ->capture_default_str()
        ->check(CLI::Range(0, 1000000));
    eval->add_option("--bootstrap-seed", request->bootstrap.seed, "Seed of the subject bootstrap")
        ->capture_default_str();
    eval->callback([&options, &action, request, pretrained] {
        action = [&options, request, pretrained] {
            if (!pretrained->empty()) {
                request->weights = installedPretrainedWeights(*pretrained);
                request->model = *pretrained;
                // Its authors' pre-processing whatever style.framework says; --set still wins.
                request->overrides.insert(request->overrides.begin(),
                                          "style.preprocess=" +
                                              findPretrained(*pretrained)->preprocess);
            }
            const EvalOutcome outcome =
                evaluate(*request, [](const std::string& line) { std::cerr << line << "\n"; });
            if (options.json) {
                nlohmann::ordered_json results = nlohmann::ordered_json::object();
                for (const ProtocolResult& r : outcome.results)
                    results[r.protocol] = nlohmann::ordered_json::parse(r.json);
                printJson({{"model", outcome.model},
                           {"weights", outcome.weights},
                           {"data", outcome.dataDir},
                           {"out", outcome.outDir},
                           {"results", results}});
            } else {
                for (const ProtocolResult& r : outcome.results)
                    std::cout << r.summary << "\n";
                std::cout << "results in " << outcome.outDir << "\n";
            }
            return kExitDone;
        };
    });
}

void addReportVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto opts = std::make_shared<ReportOptions>();
    CLI::App* report =
        app.add_subcommand("report", "One results table across runs (seed Tables 3 and 15) from " +
                                         RunDirectory("RUN").eval().result("*"));
    report->add_option("RUN_DIR", opts->runs, "Run directories")->required();
    report->add_option("--out", opts->out, "Write the tables to FILE.md, FILE.csv or FILE.json");
    report
        ->add_option("--format", opts->format,
                     "md, csv or json (default: by --out's extension, else md)")
        ->check(CLI::IsMember({"md", "csv", "json"}));
    report->add_flag("--figures", opts->figures,
                     "Write every figure of each run (PNG, PDF, SVG) into " +
                         RunDirectory("RUN").figuresDir() + "/ (needs the GUI build)");
    report->add_option("--figure-width-mm", opts->figureOptions.widthMm, "Figure width (mm)")
        ->capture_default_str();
    report->add_option("--figure-height-mm", opts->figureOptions.heightMm, "Figure height (mm)")
        ->capture_default_str();
    report->add_option("--dpi", opts->figureOptions.dpi, "PNG resolution")->capture_default_str();
    report->add_option("--formats", opts->figureOptions.formats, "Figure formats, comma-separated")
        ->capture_default_str();
    report->add_option("--figures-out", opts->figureOptions.outDir,
                       "Folder for the figures (one run; default " +
                           RunDirectory("RUN").figuresDir() + ")");
    report->callback([&options, &action, opts] {
        action = [&options, opts]() -> int {
            const std::string format = !opts->format.empty() ? opts->format
                                       : opts->out.empty()   ? "md"
                                                             : extensionFormat(opts->out);
            if (opts->figures) { // the figures instead of the printed tables (--out still works)
                if (!opts->out.empty())
                    writeFileAtomically(opts->out,
                                        renderReport(buildEvalReport(opts->runs), format));
                return writeReportFigures(opts->runs, opts->figureOptions, options.json);
            }
            const std::vector<ReportTable> tables = buildEvalReport(opts->runs);
            if (!opts->out.empty()) {
                writeFileAtomically(opts->out, renderReport(tables, format));
                std::cerr << "wrote " << opts->out << "\n";
            }
            if (options.json)
                printJson(nlohmann::ordered_json::parse(renderJson(tables)));
            else if (opts->out.empty())
                std::cout << renderReport(tables, format);
            return kExitDone;
        };
    });
}

} // namespace fb::cli
