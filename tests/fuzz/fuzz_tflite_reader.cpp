// parseTfliteTensors (core/src/detect/tflite_reader.h) on arbitrary bytes: what
// `detect --convert-weights` reads from pnet/rnet/onet.tflite. Every tensor's floats() is taken
// too, as the converter does, so element counts and buffer sizes are exercised together.
#include "detect/tflite_reader.h"
#include "facebench/errors.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<std::uint8_t> bytes(data, data + size);
    try {
        const std::vector<fb::TfliteTensor> tensors = fb::parseTfliteTensors(bytes, "fuzz.tflite");
        for (const fb::TfliteTensor& tensor : tensors) {
            if (tensor.elements() < 0)
                std::abort(); // the reader promises a checked, non-negative count
            try {
                const std::vector<float> values = tensor.floats();
                if (static_cast<std::int64_t>(values.size()) != tensor.elements())
                    std::abort();
            } catch (const fb::InputError&) {
                // not float32, or bytes that do not match the shape
            }
        }
    } catch (const fb::InputError&) {
        // Expected for bad input; anything else escapes and is reported.
    }
    return 0;
}
