#pragma once
// One field of a CSV line as RFC 4180 writes it.
#include <string>

namespace fb {

// The text itself when it holds no comma, quote or line break; otherwise quoted, with its
// quotes doubled ("a,b" -> "\"a,b\"", "say \"x\"" -> "\"say \"\"x\"\"\"").
std::string csvField(const std::string& text);

} // namespace fb
