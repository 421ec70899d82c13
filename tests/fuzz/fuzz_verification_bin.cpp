// libFuzzer harness for InsightFace .bin verification sets (core/src/data/verification_bin.cpp):
// each input is a whole .bin file, written to the harnesses' scratch folder (fuzz_support.h).
#include "facebench/errors.h"
#include "facebench/verification_bin.h"
#include "fuzz_support.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fb::fuzz::writeScratchFile("set.bin", data, size);
    try {
        fb::readVerificationBin(path);
    } catch (const fb::InputError&) {
        // expected for bad input; anything else escapes and is reported
    }
    return 0;
}
