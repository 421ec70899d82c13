#include "facebench/atomic_file.h"

#include "facebench/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

namespace fb {

void writeFileAtomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder))
        throw InputError(SourceLocation{path}, "",
                         "cannot write: folder '" + folder.string() + "' does not exist");
    std::random_device entropy;
    const fs::path temporary =
        folder / ("." + target.filename().string() + ".tmp-" + std::to_string(entropy()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw InputError(SourceLocation{path}, "",
                             "cannot write: " + std::string(std::strerror(errno)));
        out << content;
        out.flush();
        if (!out) {
            const std::string reason = std::strerror(errno);
            out.close();
            fs::remove(temporary);
            throw InputError(SourceLocation{path}, "", "cannot write: " + reason);
        }
    }
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        fs::remove(temporary);
        throw InputError(SourceLocation{path}, "", "cannot replace the file: " + reason);
    }
}

} // namespace fb
