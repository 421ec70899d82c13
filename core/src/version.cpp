#include "facebench/version.h"

namespace fb {

std::string facebenchVersion() {
    return FACEBENCH_VERSION;
}

} // namespace fb
