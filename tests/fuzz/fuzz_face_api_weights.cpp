// parseFaceApiWeights (core/src/weights/face_api_weights.h) on arbitrary bytes: what `weights
// import` reads from face-api's weights manifest and .bin. The input up to the first NUL byte is
// the manifest, the rest the data files' bytes; each decoded tensor must hold its shape's count.
#include "facebench/errors.h"
#include "weights/face_api_weights.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const uint8_t* end = data + size;
    const uint8_t* split = std::find(data, end, uint8_t{0});
    const std::string manifest(data, split);
    const std::vector<std::uint8_t> bytes(split == end ? end : split + 1, end);
    try {
        for (const fb::FaceApiTensor& tensor :
             fb::parseFaceApiWeights(manifest, bytes, "fuzz.json")) {
            std::int64_t count = 1;
            for (const std::int64_t dim : tensor.shape)
                count *= dim;
            if (count != static_cast<std::int64_t>(tensor.values.size()))
                std::abort();
        }
    } catch (const fb::InputError&) {
        // Expected for bad input; anything else escapes and is reported.
    }
    return 0;
}
