#include "facebench/npy_file.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

namespace fb {

namespace {
const char kMagic[] = "\x93NUMPY";

std::int64_t product(const std::vector<std::int64_t>& shape) {
    std::int64_t count = 1;
    for (std::int64_t dim : shape)
        count *= dim;
    return count;
}
} // namespace

NpyArray readNpy(const std::string& path) {
    const SourceLocation where{path};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(where, "", "cannot open the .npy file");
    char preamble[10] = {};
    in.read(preamble, 10);
    if (in.gcount() != 10 || std::memcmp(preamble, kMagic, 6) != 0)
        throw InputError(where, "", "not a NumPy .npy file");
    const int major = static_cast<unsigned char>(preamble[6]);
    std::size_t headerLength = static_cast<unsigned char>(preamble[8]) |
                               (static_cast<unsigned char>(preamble[9]) << 8);
    if (major >= 2) { // versions 2 and 3 have a 4-byte header length
        char more[2] = {};
        in.read(more, 2);
        headerLength |= (static_cast<std::size_t>(static_cast<unsigned char>(more[0])) << 16) |
                        (static_cast<std::size_t>(static_cast<unsigned char>(more[1])) << 24);
    }
    std::string header(headerLength, '\0');
    in.read(header.data(), static_cast<std::streamsize>(headerLength));
    if (static_cast<std::size_t>(in.gcount()) != headerLength)
        throw InputError(where, "", "the .npy header is truncated");

    std::smatch match;
    if (!std::regex_search(header, match, std::regex("'descr':\\s*'([^']*)'")) || match[1] != "<f4")
        throw InputError(where, "", "expected float32 values (dtype '<f4'), found " +
                                        (match.empty() ? std::string("no dtype") : "'" + match[1].str() + "'") +
                                        "; convert with array.astype(numpy.float32)");
    if (std::regex_search(header, std::regex("'fortran_order':\\s*True")))
        throw InputError(where, "", "Fortran-ordered arrays are not supported; save numpy.ascontiguousarray(x)");
    if (!std::regex_search(header, match, std::regex("'shape':\\s*\\(([^)]*)\\)")))
        throw InputError(where, "", "the .npy header has no shape");
    NpyArray array;
    std::stringstream dims(match[1].str());
    for (std::string item; std::getline(dims, item, ',');) {
        if (item.find_first_not_of(" ") == std::string::npos)
            continue;
        array.shape.push_back(std::stoll(item));
    }
    array.values.resize(static_cast<std::size_t>(product(array.shape)));
    in.read(reinterpret_cast<char*>(array.values.data()),
            static_cast<std::streamsize>(array.values.size() * sizeof(float)));
    if (static_cast<std::size_t>(in.gcount()) != array.values.size() * sizeof(float))
        throw InputError(where, "", "the file is truncated: the shape needs " +
                                        std::to_string(array.values.size()) + " float32 values");
    return array;
}

void writeNpy(const std::string& path, const NpyArray& array) {
    if (static_cast<std::int64_t>(array.values.size()) != product(array.shape))
        throw std::logic_error("writeNpy: shape and values disagree");
    std::string shape = "(";
    for (std::int64_t dim : array.shape)
        shape += std::to_string(dim) + ",";
    if (array.shape.size() > 1)
        shape.pop_back();
    shape += ")";
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    // Pad with spaces and a newline so the data starts at a multiple of 64 bytes (format 1.0).
    const std::size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header += '\n';
    std::string bytes(kMagic, 6);
    bytes += '\x01';
    bytes += '\x00';
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    bytes += header;
    bytes.append(reinterpret_cast<const char*>(array.values.data()), array.values.size() * sizeof(float));
    writeFileAtomically(path, bytes);
}

} // namespace fb
