#pragma once
// NumPy .npy files of float32 (format 1.0, C order): what `extract` writes and
// `--input-tensor` reads, so features and inputs move between FaceBench and numpy.
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct NpyArray {
    std::vector<std::int64_t> shape;
    std::vector<float> values; // C order, product(shape) values
};

// Throws InputError naming the path: not an .npy file, not little-endian float32, Fortran order.
NpyArray readNpy(const std::string& path);
// Written atomically; numpy.load reads it.
void writeNpy(const std::string& path, const NpyArray& array);

} // namespace fb
