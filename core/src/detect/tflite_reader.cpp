// FlatBuffers layout, as the format's documentation gives it: the file starts with a uint32
// offset to the root table; a table starts with an int32 soffset back to its vtable; a vtable
// is uint16 vtable size, uint16 table size, then one uint16 offset per field (0 = absent);
// vectors and strings are reached through a uint32 offset and start with a uint32 length.
// Every read is bounds-checked: a damaged file is an InputError, never a crash.
#include "detect/tflite_reader.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

namespace fb {
namespace {

class FlatReader {
public:
    FlatReader(const std::vector<std::uint8_t>& bytes, const std::string& source)
        : m_b(bytes), m_source(source) {}

    template <typename T> T read(std::size_t pos) const {
        need(pos, sizeof(T));
        T value;
        std::memcpy(&value, m_b.data() + pos, sizeof(T));
        return value;
    }
    // Position of field `index` of the table at `table`, or 0 when absent. The vtable and the
    // table must lie in the file, and the field inside the table's own size.
    std::size_t field(std::size_t table, int index) const {
        const auto vtable = static_cast<std::int64_t>(table) - read<std::int32_t>(table);
        if (vtable < 0)
            fail("vtable before the start of the file");
        const auto vtablePos = static_cast<std::size_t>(vtable);
        const auto vsize = read<std::uint16_t>(vtablePos);
        const auto tableSize = read<std::uint16_t>(vtablePos + 2);
        need(vtablePos, vsize);
        need(table, tableSize);
        const std::size_t slot = 4 + 2 * static_cast<std::size_t>(index);
        if (slot + 2 > vsize)
            return 0;
        const auto offset = read<std::uint16_t>(vtablePos + slot);
        if (offset != 0 && offset >= tableSize)
            fail("a field outside its table");
        return offset == 0 ? 0 : table + offset;
    }
    // Follows the uint32 offset stored at `pos` (pos is inside the file, so no overflow).
    std::size_t deref(std::size_t pos) const {
        const std::size_t target = pos + read<std::uint32_t>(pos);
        need(target, 1);
        return target;
    }
    // A vector referenced from field position `pos`: {first element, length}, its elements
    // inside the file.
    std::pair<std::size_t, std::size_t> vector(std::size_t pos, std::size_t elementSize) const {
        const std::size_t start = deref(pos);
        const std::size_t length = read<std::uint32_t>(start); // so start + 4 <= size
        if (length > (m_b.size() - start - 4) / elementSize)
            fail("vector longer than the file");
        return {start + 4, length};
    }
    std::size_t tableAt(std::size_t vectorElement) const { return deref(vectorElement); }

    [[noreturn]] void fail(const std::string& what) const {
        throw InputError(SourceLocation{m_source}, "",
                         "not a readable TensorFlow Lite model: " + what);
    }

private:
    void need(std::size_t pos, std::size_t n) const {
        if (pos > m_b.size() || n > m_b.size() - pos)
            fail("offset " + std::to_string(pos) + " outside the file (" +
                 std::to_string(m_b.size()) + " bytes)");
    }
    const std::vector<std::uint8_t>& m_b;
    const std::string& m_source;
};

} // namespace

std::vector<float> TfliteTensor::floats() const {
    if (type != 0)
        throw InputError(SourceLocation{m_file->source}, "",
                         "tensor " + name + " is not float32 (type " + std::to_string(type) + ")");
    // Compared without multiplying: the element count may be near the int64 limit.
    if (m_byteCount % 4 != 0 || m_elements != static_cast<std::int64_t>(m_byteCount / 4))
        throw InputError(SourceLocation{m_file->source}, "",
                         "tensor " + name + " holds " + std::to_string(m_byteCount) +
                             " bytes, its shape needs " + std::to_string(m_elements) +
                             " float32 values");
    std::vector<float> out(m_byteCount / 4);
    if (!out.empty()) // an empty tensor has no bytes to copy, and memcpy may not take null
        std::memcpy(out.data(), m_file->bytes.data() + m_offset, m_byteCount);
    return out;
}

std::vector<TfliteTensor> parseTfliteTensors(const std::vector<std::uint8_t>& bytes,
                                             const std::string& source) {
    const auto file = std::make_shared<const TfliteFile>(TfliteFile{source, bytes});
    FlatReader r(file->bytes, source);
    if (bytes.size() < 8)
        r.fail("file too short");
    // "TFL3" is the file identifier right after the root offset.
    if (std::memcmp(bytes.data() + 4, "TFL3", 4) != 0)
        r.fail("no TFL3 identifier");
    const std::size_t model = r.deref(0);

    const std::size_t buffersField = r.field(model, 4);
    const std::size_t subgraphsField = r.field(model, 2);
    if (!buffersField || !subgraphsField)
        r.fail("model without buffers or subgraphs");
    const auto [bufferStart, bufferCount] = r.vector(buffersField, 4);
    const auto [graphStart, graphCount] = r.vector(subgraphsField, 4);
    if (graphCount == 0)
        r.fail("no subgraph");
    const std::size_t graph = r.tableAt(graphStart);
    const std::size_t tensorsField = r.field(graph, 0);
    if (!tensorsField)
        r.fail("subgraph without tensors");
    const auto [tensorStart, tensorCount] = r.vector(tensorsField, 4);

    // Shapes and names are copied out of the file. In a well-formed file each tensor has its
    // own, so together they fit in the file; tensors that all point at one long shape or name
    // would otherwise copy it once each.
    std::size_t copiedBytes = 0;
    const auto copying = [&](std::size_t count, const std::string& what) {
        if (count > bytes.size() - copiedBytes)
            r.fail("tensor " + what + "s repeat: more shape and name bytes than the file holds");
        copiedBytes += count;
    };

    std::vector<TfliteTensor> tensors;
    tensors.reserve(tensorCount);
    for (std::size_t i = 0; i < tensorCount; ++i) {
        const std::size_t t = r.tableAt(tensorStart + 4 * i);
        TfliteTensor tensor;
        tensor.m_file = file;
        if (const auto f = r.field(t, 3)) {
            const auto [s, n] = r.vector(f, 1);
            copying(n, "name");
            tensor.name.assign(reinterpret_cast<const char*>(bytes.data() + s), n);
        }
        if (const auto f = r.field(t, 0)) {
            const auto [s, n] = r.vector(f, 4);
            copying(4 * n, "shape");
            tensor.shape.reserve(n);
            for (std::size_t k = 0; k < n; ++k)
                tensor.shape.push_back(r.read<std::int32_t>(s + 4 * k));
        }
        // The element count, checked: a zero dimension makes it 0 whatever the others are.
        const bool empty =
            std::find(tensor.shape.begin(), tensor.shape.end(), 0) != tensor.shape.end();
        tensor.m_elements = empty ? 0 : 1;
        for (const std::int32_t dim : tensor.shape)
            if (dim < 0 || (!empty && __builtin_mul_overflow(tensor.m_elements, std::int64_t(dim),
                                                             &tensor.m_elements)))
                r.fail("tensor " + tensor.name +
                       " has a negative shape or more elements than a "
                       "64-bit count holds");
        if (const auto f = r.field(t, 1))
            tensor.type = r.read<std::int8_t>(f);
        std::uint32_t buffer = 0;
        if (const auto f = r.field(t, 2))
            buffer = r.read<std::uint32_t>(f);
        if (buffer >= bufferCount)
            r.fail("tensor " + tensor.name + " names buffer " + std::to_string(buffer) + " of " +
                   std::to_string(bufferCount));
        const std::size_t b = r.tableAt(bufferStart + 4 * std::size_t(buffer));
        if (const auto f = r.field(b, 0)) {
            const auto [s, n] = r.vector(f, 1);
            tensor.m_offset = s;
            tensor.m_byteCount = n;
        }
        tensors.push_back(std::move(tensor));
    }
    return tensors;
}

std::vector<TfliteTensor> readTfliteTensors(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the TensorFlow Lite file");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    return parseTfliteTensors(bytes, path);
}

} // namespace fb
