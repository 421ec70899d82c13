#include "facebench/user_folders.h"

#include <cstdlib>
#include <filesystem>

namespace fb {

namespace {

// $variable/facebench, else $HOME/<underHome>/facebench; "" when neither is set.
std::string xdgFolder(const char* variable, const char* underHome) {
    if (const char* xdg = std::getenv(variable); xdg && *xdg)
        return (std::filesystem::path(xdg) / "facebench").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (std::filesystem::path(home) / underHome / "facebench").string();
    return "";
}

} // namespace

std::string userDataFolder() {
    const std::string folder = xdgFolder("XDG_DATA_HOME", ".local/share");
    return folder.empty() ? std::string("./facebench") : folder;
}

std::string userCacheFolder() {
    return xdgFolder("XDG_CACHE_HOME", ".cache");
}

} // namespace fb
