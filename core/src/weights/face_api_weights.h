#pragma once
// face-api's (TensorFlow.js) weights: a JSON manifest, [{"paths": [...], "weights": [{"name",
// "shape", "dtype", "quantization": {"dtype", "scale", "min"}}]}], whose tensors lie one after
// another in the files of "paths", concatenated. Quantised tensors hold uint8 or uint16 codes q
// of the value min + scale * q (tfjs io/io_utils.ts, decodeWeights). Torch-free.
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct FaceApiTensor {
    std::string name;                // "conv32_1/conv1/conv/filters"
    std::vector<std::int64_t> shape; // TensorFlow's layout: HWIO filters, [in, out] fc
    std::vector<float> values;
};

// Reads the manifest and the files it names (beside it), checks that their bytes are exactly
// what the manifest declares, and decodes every tensor to float32. Throws InputError naming the
// manifest or data file at fault: missing file, JSON that is not such a manifest, an unknown
// dtype, a negative or oversized shape, bytes short or left over.
std::vector<FaceApiTensor> readFaceApiWeights(const std::string& manifestPath);

// The same from memory: the manifest's text and the concatenated bytes of its files.
std::vector<FaceApiTensor> parseFaceApiWeights(const std::string& manifestText,
                                               const std::vector<std::uint8_t>& data,
                                               const std::string& source);

} // namespace fb
