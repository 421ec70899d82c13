#pragma once
// Each verb adds its subcommand to the CLI and, when the user picks it, stores the work to run
// in `action` (run after parsing, inside runVerb's error handling).
#include "cli_output.h"

#include <CLI/CLI.hpp>

#include <functional>

namespace fb::cli {

using VerbAction = std::function<int()>;

void addDataVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
// `data index|stats|overlap` (verb_data_index.cpp), added by addDataVerb.
void addDataIndexVerbs(CLI::App* data, const GlobalOptions& options, VerbAction& action);
void addConfigVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addPresetsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addWeightsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addExtractVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addModelsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addTrainVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addVerifyScoresVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addEvalVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addReportVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
void addBenchVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
// `runs export-tb` (verb_runs.cpp).
void addRunsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
// `study run|status|report` (verb_study.cpp).
void addStudyVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);
// `detect` and `crop` (verb_detect.cpp).
void addDetectVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action);

} // namespace fb::cli
