#include "cli_output.h"

#include "facebench/errors.h"

#include <iostream>
#include <new>

namespace fb::cli {

// Messages may echo bytes of the user's file that are not UTF-8 (a Latin-1 path, a corrupt
// score): replace them (U+FFFD) rather than throw inside the error handler.
void printJson(const nlohmann::ordered_json& document) {
    std::cout << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
}

int reportError(const GlobalOptions& options, int code, const std::string& message,
                const nlohmann::ordered_json& details) {
    std::cerr << "facebench-cli: error: " << message << "\n";
    if (options.json) {
        nlohmann::ordered_json error = {{"message", message}, {"exit_code", code}};
        error.update(details);
        printJson({{"error", error}});
    }
    return code;
}

int runVerb(const GlobalOptions& options, const std::function<int()>& verb) {
    try {
        return verb();
    } catch (const InputError& error) {
        nlohmann::ordered_json details = nlohmann::ordered_json::object();
        if (!error.where().file.empty())
            details["file"] = error.where().file;
        if (error.where().line > 0)
            details["line"] = error.where().line;
        if (error.where().column > 0)
            details["column"] = error.where().column;
        if (!error.key().empty())
            details["key"] = error.key();
        details["problem"] = error.problem();
        return reportError(options, kExitBadInput, error.what(), details);
    } catch (const std::bad_alloc&) {
        return reportError(options, kExitFailed, "out of memory");
    } catch (const std::exception& error) {
        // LibTorch's errors append a C++ backtrace: the first line is the message.
        const std::string message = error.what();
        return reportError(options, kExitFailed, message.substr(0, message.find('\n')));
    }
}

std::string extensionFormat(const std::string& path) {
    auto endsWith = [&](const std::string& e) {
        return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
    };
    if (endsWith(".csv"))
        return "csv";
    if (endsWith(".json"))
        return "json";
    if (endsWith(".md"))
        return "md";
    throw InputError(SourceLocation{path}, "--out",
                     "the report file must end in .md, .csv or .json");
}

} // namespace fb::cli
