#pragma once
// What the harnesses share. Parsers that take a path read the fuzzer's bytes from a file in a
// scratch folder made once per process (fuzzing with -jobs runs several processes at once) and
// removed when the process exits normally; a crash leaves it for inspection.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace fb::fuzz {

// "$TMPDIR/facebench-fuzz-XXXXXX", made on first use.
inline const std::string& scratchFolder() {
    struct Folder {
        std::string path;
        Folder() {
            const char* tmp = std::getenv("TMPDIR");
            std::string pattern =
                std::string(tmp && *tmp ? tmp : "/tmp") + "/facebench-fuzz-XXXXXX";
            if (!::mkdtemp(pattern.data())) {
                std::perror("facebench fuzz: cannot make a scratch folder");
                std::abort();
            }
            path = pattern;
        }
        ~Folder() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const Folder folder;
    return folder.path;
}

// Writes `size` bytes to `path`, replacing the file. Aborts when it cannot: the harness would
// otherwise fuzz "cannot open" over and over.
inline void writeFile(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file || (size > 0 && std::fwrite(data, 1, size, file) != size) || std::fclose(file) != 0) {
        std::perror(("facebench fuzz: cannot write " + path).c_str());
        std::abort();
    }
}

// Writes the bytes to scratchFolder()/name and returns that path.
inline std::string writeScratchFile(const std::string& name, const std::uint8_t* data,
                                    std::size_t size) {
    const std::string path = scratchFolder() + "/" + name;
    writeFile(path, data, size);
    return path;
}

} // namespace fb::fuzz
