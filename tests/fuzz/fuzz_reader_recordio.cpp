// libFuzzer harness for the RecordIO reader (core/src/data/reader_recordio.cpp) through
// indexDataset, on a folder holding train.rec and, optionally, train.idx. One input makes both:
//   byte 0      bit 0 set: write train.idx; clear: no .idx, the .rec is walked record by record
//   bytes 1-2   n, the length of the .idx part (uint16, little-endian)
//   n bytes     train.idx
//   the rest    train.rec
// The folder is made once per process, rewritten for every input and removed at exit.
#include "facebench/dataset_index.h"
#include "facebench/errors.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

char folderPath[] = "/tmp/fuzz_reader_recordio.XXXXXX"; // mkdtemp fills in the X's

void removeFolder() {
    for (const char* name : {"/train.rec", "/train.idx"})
        std::remove((std::string(folderPath) + name).c_str());
    ::rmdir(folderPath);
}

const std::string& folder() {
    static const std::string path = [] {
        if (!::mkdtemp(folderPath))
            std::abort();
        std::atexit(removeFolder);
        return std::string(folderPath);
    }();
    return path;
}

void writeFile(const std::string& path, const uint8_t* data, size_t size) {
    FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size)
        std::abort();
    std::fclose(file);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 3)
        return 0;
    const bool withIdx = data[0] & 1;
    const size_t idxSize = std::min(size - 3, size_t(data[1]) | size_t(data[2]) << 8);
    const std::string rec = folder() + "/train.rec", idx = folder() + "/train.idx";
    writeFile(rec, data + 3 + idxSize, size - 3 - idxSize);
    if (withIdx)
        writeFile(idx, data + 3, idxSize);
    else
        std::remove(idx.c_str());
    fb::IndexOptions options;
    options.format = "recordio";
    options.useCache = false; // nothing may be written beside the data
    try {
        fb::indexDataset(folder(), options);
    } catch (const fb::InputError&) {
        // expected for bad input; anything else escapes and is reported
    }
    return 0;
}
