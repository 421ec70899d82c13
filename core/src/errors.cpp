#include "facebench/errors.h"

namespace fb {

std::string SourceLocation::toString() const {
    std::string text = file;
    if (line > 0) {
        text += ":" + std::to_string(line);
        if (column > 0)
            text += ":" + std::to_string(column);
    }
    return text;
}

namespace {
std::string formatInputError(const SourceLocation& where, const std::string& key,
                             const std::string& problem) {
    std::string text = where.toString();
    if (!text.empty())
        text += ": ";
    if (!key.empty())
        text += "'" + key + "': ";
    return text + problem;
}
} // namespace

InputError::InputError(SourceLocation where, std::string key, const std::string& problem)
    : std::runtime_error(formatInputError(where, key, problem)), m_where(std::move(where)),
      m_key(std::move(key)), m_problem(problem) {}

InputError::InputError(const std::string& problem)
    : std::runtime_error(problem), m_problem(problem) {}

} // namespace fb
