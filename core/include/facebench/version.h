#pragma once
#include <string>

namespace fb {

// FaceBench's own version, from the top-level CMake project().
std::string facebenchVersion();

} // namespace fb
