// facebench-cli: the headless front end over libfacebench-core (docs/ARCHITECTURE.md, "CLI
// contract").
#include "cli_output.h"
#include "verbs.h"

#include "facebench/runtime.h"
#include "facebench/version.h"

#include <iostream>

int main(int argc, char** argv) {
    using namespace fb::cli;
    CLI::App app{
        "FaceBench: train, evaluate and benchmark deep face-recognition models.\n"
        "Human text and progress go to stderr; --json prints one JSON document on stdout.\n"
        "Exit codes: 0 done, 1 failed while running, 2 bad input or usage.",
        "facebench-cli"};
    app.set_version_flag("--version", fb::facebenchVersion());
    GlobalOptions options;
    app.add_flag("--json", options.json, "Print one JSON document on stdout");
    app.require_subcommand(1);
    app.fallthrough(); // global options may also follow the verb

    VerbAction action;
    addConfigVerb(app, options, action);
    addDataVerb(app, options, action);
    addPresetsVerb(app, options, action);
    addWeightsVerb(app, options, action);
    addExtractVerb(app, options, action);
    addModelsVerb(app, options, action);
    addTrainVerb(app, options, action);
    addVerifyScoresVerb(app, options, action);
    addEvalVerb(app, options, action);
    addReportVerb(app, options, action);
    addBenchVerb(app, options, action);
    addRunsVerb(app, options, action);
    addStudyVerb(app, options, action);
    addDetectVerb(app, options, action); // detect, crop (verb_detect.cpp)

    // CLI11 answers an unknown verb with "A subcommand is required"; name the verb instead.
    if (argc > 1 && argv[1][0] != '-') {
        std::string verbs;
        bool known = false;
        for (const CLI::App* verb : app.get_subcommands([](CLI::App*) { return true; })) {
            known = known || verb->get_name() == argv[1];
            verbs += (verbs.empty() ? "" : ", ") + verb->get_name();
        }
        if (!known)
            return reportError(options, kExitBadInput,
                               "unknown verb '" + std::string(argv[1]) + "' (verbs: " + verbs +
                                   ")");
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0)
            return app.exit(error); // --help, --version
        const std::string hint = "\nRun with --help for usage.";
        return reportError(options, kExitBadInput, error.what() + hint);
    }
    fb::initRuntime();
    return runVerb(options, action);
}
