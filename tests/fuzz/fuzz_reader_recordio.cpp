// libFuzzer harness for the RecordIO reader (core/src/data/reader_recordio.cpp) through
// indexDataset, on a folder holding train.rec and, optionally, train.idx. One input makes both:
//   byte 0      bit 0 set: write train.idx; clear: no .idx, the .rec is walked record by record
//   bytes 1-2   n, the length of the .idx part (uint16, little-endian)
//   n bytes     train.idx
//   the rest    train.rec
// The files live in the harnesses' scratch folder (fuzz_support.h), rewritten for every input.
#include "facebench/dataset_index.h"
#include "facebench/errors.h"
#include "fuzz_support.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 3)
        return 0;
    const bool withIdx = data[0] & 1;
    const size_t idxSize = std::min(size - 3, size_t(data[1]) | size_t(data[2]) << 8);
    const std::string& folder = fb::fuzz::scratchFolder();
    const std::string rec = folder + "/train.rec", idx = folder + "/train.idx";
    fb::fuzz::writeFile(rec, data + 3 + idxSize, size - 3 - idxSize);
    if (withIdx)
        fb::fuzz::writeFile(idx, data + 3, idxSize);
    else
        std::remove(idx.c_str());
    fb::IndexOptions options;
    options.format = "recordio";
    options.useCache = false; // nothing may be written beside the data
    try {
        fb::indexDataset(folder, options);
    } catch (const fb::InputError&) {
        // expected for bad input; anything else escapes and is reported
    }
    return 0;
}
