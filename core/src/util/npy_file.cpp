#include "facebench/npy_file.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <string_view>

namespace fb {

namespace {
const char kMagic[] = "\x93NUMPY";
// numpy.load refuses longer headers by default (max_header_size, numpy >= 1.24); a float32
// array's header is under 200 bytes.
constexpr std::size_t kMaxHeaderLength = 10000;

// The number of values of `shape`, or nothing when it does not fit in an int64.
std::optional<std::int64_t> valueCount(const std::vector<std::int64_t>& shape) {
    for (std::int64_t dim : shape)
        if (dim == 0)
            return 0;
    std::int64_t count = 1;
    for (std::int64_t dim : shape) {
        if (dim < 0 || count > std::numeric_limits<std::int64_t>::max() / dim)
            return std::nullopt;
        count *= dim;
    }
    return count;
}

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The text after "'key':" in the header's Python dict literal, leading blanks skipped; nothing
// when the key is absent. Plain string search: the header is at most kMaxHeaderLength bytes.
std::optional<std::string_view> valueOf(std::string_view header, const std::string& key) {
    const std::string quoted = "'" + key + "'";
    const std::size_t at = header.find(quoted);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = header.substr(at + quoted.size());
    rest = rest.substr(std::min(rest.size(), rest.find_first_not_of(" \t")));
    if (rest.empty() || rest.front() != ':')
        return std::nullopt;
    rest.remove_prefix(1);
    return rest.substr(std::min(rest.size(), rest.find_first_not_of(" \t")));
}

// A non-negative decimal integer that fits in an int64, or nothing.
std::optional<std::int64_t> parseDimension(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (value > (std::numeric_limits<std::int64_t>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

// The dimensions of a shape tuple's inside: "" (a scalar), "4," or "2, 3, 4".
std::vector<std::int64_t> parseShape(std::string_view inside, const SourceLocation& where) {
    std::string_view items = trimmed(inside);
    if (!items.empty() && items.back() == ',') {
        items.remove_suffix(1);
        if (trimmed(items).empty())
            throw InputError(where, "",
                             "the .npy shape '(" + std::string(inside) + ")' is not a tuple");
    }
    std::vector<std::int64_t> shape;
    while (!trimmed(items).empty()) {
        const std::size_t comma = items.find(',');
        const std::string_view item = trimmed(items.substr(0, comma));
        const std::optional<std::int64_t> dim = parseDimension(item);
        if (!dim)
            throw InputError(where, "",
                             "the .npy shape has '" + std::string(item) +
                                 "' where a non-negative integer dimension belongs");
        shape.push_back(*dim);
        items = comma == std::string_view::npos ? std::string_view() : items.substr(comma + 1);
        if (comma != std::string_view::npos && trimmed(items).empty())
            throw InputError(where, "", "the .npy shape has an empty dimension");
    }
    return shape;
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::string text;
    for (std::int64_t dim : shape)
        text += (text.empty() ? "" : ", ") + std::to_string(dim);
    return "(" + text + ")";
}
} // namespace

NpyArray readNpy(const std::string& path) {
    const SourceLocation where{path};
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        throw InputError(where, "", "cannot open the .npy file");
    // Every length in the file is checked against the bytes the file has before anything is
    // allocated: a few bytes must not make us reserve gigabytes.
    const std::streamoff fileSize = in.tellg();
    in.seekg(0);
    if (fileSize < 0 || !in)
        throw InputError(where, "", "cannot read the .npy file (not a regular file?)");
    char preamble[10] = {};
    in.read(preamble, 10);
    if (in.gcount() != 10 || std::memcmp(preamble, kMagic, 6) != 0)
        throw InputError(where, "", "not a NumPy .npy file");
    const int major = static_cast<unsigned char>(preamble[6]);
    const int minor = static_cast<unsigned char>(preamble[7]);
    if (major < 1 || major > 3)
        throw InputError(where, "",
                         "unsupported .npy format version " + std::to_string(major) + "." +
                             std::to_string(minor) + " (1.0 to 3.0 are known)");
    std::size_t headerLength =
        static_cast<unsigned char>(preamble[8]) | (static_cast<unsigned char>(preamble[9]) << 8);
    std::streamoff dataStart = 10;
    if (major >= 2) { // versions 2 and 3 have a 4-byte header length
        char more[2] = {};
        in.read(more, 2);
        if (in.gcount() != 2)
            throw InputError(where, "", "the .npy header is truncated");
        headerLength |= (static_cast<std::size_t>(static_cast<unsigned char>(more[0])) << 16) |
                        (static_cast<std::size_t>(static_cast<unsigned char>(more[1])) << 24);
        dataStart = 12;
    }
    if (headerLength > kMaxHeaderLength)
        throw InputError(where, "",
                         "the .npy header length " + std::to_string(headerLength) +
                             " is over numpy's limit of " + std::to_string(kMaxHeaderLength) +
                             " bytes");
    if (static_cast<std::streamoff>(headerLength) > fileSize - dataStart)
        throw InputError(where, "",
                         "the .npy header is truncated: it claims " + std::to_string(headerLength) +
                             " bytes, the file has " + std::to_string(fileSize - dataStart) +
                             " after the preamble");
    std::string header(headerLength, '\0');
    in.read(header.data(), static_cast<std::streamsize>(headerLength));
    if (static_cast<std::size_t>(in.gcount()) != headerLength)
        throw InputError(where, "", "the .npy header is truncated");
    dataStart += static_cast<std::streamoff>(headerLength);

    const std::optional<std::string_view> descr = valueOf(header, "descr");
    std::string dtype;
    if (descr && !descr->empty() && descr->front() == '\'' &&
        descr->find('\'', 1) != std::string_view::npos)
        dtype = std::string(descr->substr(1, descr->find('\'', 1) - 1));
    if (dtype != "<f4")
        throw InputError(where, "",
                         "expected float32 values (dtype '<f4'), found " +
                             (dtype.empty() ? std::string("no dtype") : "'" + dtype + "'") +
                             "; convert with array.astype(numpy.float32)");
    const std::optional<std::string_view> fortranOrder = valueOf(header, "fortran_order");
    if (fortranOrder && fortranOrder->substr(0, 4) == "True")
        throw InputError(
            where, "", "Fortran-ordered arrays are not supported; save numpy.ascontiguousarray(x)");
    const std::optional<std::string_view> shapeValue = valueOf(header, "shape");
    const std::size_t close = shapeValue ? shapeValue->find(')') : std::string_view::npos;
    if (!shapeValue || shapeValue->empty() || shapeValue->front() != '(' ||
        close == std::string_view::npos)
        throw InputError(where, "", "the .npy header has no shape");

    NpyArray array;
    array.shape = parseShape(shapeValue->substr(1, close - 1), where);
    const std::optional<std::int64_t> count = valueCount(array.shape);
    if (!count)
        throw InputError(where, "",
                         "the .npy shape " + shapeText(array.shape) +
                             " has more values than a 64-bit count holds");
    const std::int64_t valuesInFile =
        (fileSize - dataStart) / static_cast<std::int64_t>(sizeof(float));
    if (*count > valuesInFile)
        throw InputError(where, "",
                         "the file is truncated: the shape needs " + std::to_string(*count) +
                             " float32 values, the file holds " + std::to_string(valuesInFile));
    array.values.resize(static_cast<std::size_t>(*count));
    in.read(reinterpret_cast<char*>(array.values.data()),
            static_cast<std::streamsize>(array.values.size() * sizeof(float)));
    if (static_cast<std::size_t>(in.gcount()) != array.values.size() * sizeof(float))
        throw InputError(where, "",
                         "the file is truncated: the shape needs " +
                             std::to_string(array.values.size()) + " float32 values");
    return array;
}

void writeNpy(const std::string& path, const NpyArray& array) {
    const std::optional<std::int64_t> count = valueCount(array.shape);
    if (!count || static_cast<std::int64_t>(array.values.size()) != *count)
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
    bytes.append(reinterpret_cast<const char*>(array.values.data()),
                 array.values.size() * sizeof(float));
    writeFileAtomically(path, bytes);
}

} // namespace fb
