// readNpy (facebench/npy_file.h) on arbitrary bytes: what `extract --input-tensor` reads. The
// parser takes a path, so each input is written to the harnesses' scratch folder (fuzz_support.h).
#include "facebench/errors.h"
#include "facebench/npy_file.h"
#include "fuzz_support.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fb::fuzz::writeScratchFile("input.npy", data, size);
    try {
        const fb::NpyArray array = fb::readNpy(path);
        // What the caller relies on: as many values as the shape says (a zero dimension makes
        // none, however large the others).
        const auto& shape = array.shape;
        const bool empty = std::find(shape.begin(), shape.end(), 0) != shape.end();
        std::int64_t count = empty ? 0 : 1;
        for (std::int64_t dim : shape)
            if (dim < 0 || (!empty && __builtin_mul_overflow(count, dim, &count)))
                std::abort();
        if (static_cast<std::size_t>(count) != array.values.size())
            std::abort();
    } catch (const fb::InputError&) {
        // Expected for bad input; anything else escapes and is reported.
    }
    return 0;
}
