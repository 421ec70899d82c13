// libFuzzer harness for InsightFace .bin verification sets (core/src/data/verification_bin.cpp):
// each input is a whole .bin file, written to a folder made once per process and removed at
// exit.
#include "facebench/errors.h"
#include "facebench/verification_bin.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

char folderPath[] = "/tmp/fuzz_verification_bin.XXXXXX"; // mkdtemp fills in the X's

void removeFolder() {
    std::remove((std::string(folderPath) + "/set.bin").c_str());
    ::rmdir(folderPath);
}

const std::string& binPath() {
    static const std::string path = [] {
        if (!::mkdtemp(folderPath))
            std::abort();
        std::atexit(removeFolder);
        return std::string(folderPath) + "/set.bin";
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FILE* file = std::fopen(binPath().c_str(), "wb");
    if (!file)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size)
        std::abort();
    std::fclose(file);
    try {
        fb::readVerificationBin(binPath());
    } catch (const fb::InputError&) {
        // expected for bad input; anything else escapes and is reported
    }
    return 0;
}
