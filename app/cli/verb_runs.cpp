// `facebench-cli runs export-tb RUN_DIR...`: TensorBoard event files (RUN/tb/) for runs made
// before training wrote them, from RUN/metrics.jsonl and RUN/eval/*.json (facebench/tensorboard.h).
#include "verbs.h"

#include "facebench/run_directory.h"
#include "facebench/tensorboard.h"

#include <iostream>
#include <memory>

namespace fb::cli {

void addRunsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    CLI::App* runs = app.add_subcommand("runs", "Work on existing run directories");
    runs->require_subcommand(1);
    auto runDirs = std::make_shared<std::vector<std::string>>();
    CLI::App* exportTb = runs->add_subcommand(
        "export-tb", "Write " + RunDirectory("RUN").tensorBoardDir() +
                         "/ TensorBoard event files from " + RunDirectory("RUN").metricsFile() +
                         " and " + RunDirectory("RUN").eval().result("*") +
                         ", replacing the event files there");
    exportTb->add_option("RUN_DIR", *runDirs, "Run directories")->required();
    exportTb->callback([&options, &action, runDirs] {
        action = [&options, runDirs] {
            // Runs are independent: an error names the run at fault, and the runs before it
            // keep their new files.
            nlohmann::ordered_json exported = nlohmann::ordered_json::array();
            for (const std::string& run : *runDirs) {
                const TensorBoardExport result = exportRunToTensorBoard(run);
                exported.push_back({{"run", run},
                                    {"training_file", result.trainingFile},
                                    {"training_events", result.trainingEvents},
                                    {"eval_file", result.evalFile},
                                    {"eval_scalars", result.evalScalars}});
                if (!options.json)
                    std::cout << RunDirectory(run).tensorBoardDir() << "\n";
                std::cerr << run << ": " << result.trainingEvents << " training events, "
                          << result.evalScalars << " evaluation scalars\n";
            }
            if (options.json)
                printJson({{"runs", exported}});
            return kExitDone;
        };
    });
}

} // namespace fb::cli
