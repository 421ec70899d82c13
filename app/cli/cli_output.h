#pragma once
// How facebench-cli reports: one JSON document on stdout with --json, human text and progress
// on stderr, and the exit codes of docs/ARCHITECTURE.md's CLI contract.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace fb::cli {

enum ExitCode { kExitDone = 0, kExitFailed = 1, kExitBadInput = 2 };

struct GlobalOptions {
    bool json = false;
};

// Prints a JSON document on stdout.
void printJson(const nlohmann::ordered_json& document);

// Prints "facebench-cli: error: ..." on stderr and, with --json, an {"error": ...} document on
// stdout. Returns `code`.
int reportError(const GlobalOptions& options, int code, const std::string& message,
                const nlohmann::ordered_json& details = nlohmann::ordered_json::object());

// Runs a verb and turns the core's exceptions into exit codes: InputError 2, anything else 1.
int runVerb(const GlobalOptions& options, const std::function<int()>& verb);

// The report format a --out file's extension names: "md", "csv" or "json" (`report`, `study
// report`). Throws InputError (key --out) for another extension.
std::string extensionFormat(const std::string& path);

} // namespace fb::cli
