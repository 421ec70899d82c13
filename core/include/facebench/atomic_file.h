#pragma once
#include <string>

namespace fb {

// Writes `content` to `path` so that readers see either the old file or the whole new one,
// never half of it: write a temporary file beside it, flush, then rename over `path`.
// Throws InputError naming the path when the folder is missing or not writable.
void writeFileAtomically(const std::string& path, const std::string& content);

} // namespace fb
