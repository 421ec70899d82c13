#pragma once
// Errors the core raises. The split follows the CLI contract (docs/ARCHITECTURE.md): bad input a
// user can fix (exit code 2) versus a failure while running (exit code 1).
#include <stdexcept>
#include <string>

namespace fb {

// Where in a file a bad value sits. line and column are 1-based; 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    // "file:line:column", "file:line" or "file", whichever parts are known.
    std::string toString() const;
};

// Bad input: a file, key, value, path or name the user has to change. CLI exit code 2.
class InputError : public std::runtime_error {
public:
    InputError(SourceLocation where, std::string key, const std::string& problem);
    explicit InputError(const std::string& problem);

    const SourceLocation& where() const { return m_where; }
    // Dotted key path at fault ("model.name"), empty when the error is not about a key.
    const std::string& key() const { return m_key; }
    // The problem alone, without location and key.
    const std::string& problem() const { return m_problem; }

private:
    SourceLocation m_where;
    std::string m_key;
    std::string m_problem;
};

// A failure while running (I/O error mid-run, NaN loss, out of memory). CLI exit code 1.
class JobError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace fb
