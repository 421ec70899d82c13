#pragma once
// Numbers in messages and written configs as the shortest text that reads back the same.
#include <string>

namespace fb {

// Shortest decimal text that reads back as the same double ("0.0005", not
// "0.00050000000000000001"); whole numbers without exponent ("1000", not "1e+03").
std::string realToText(double value);

} // namespace fb
