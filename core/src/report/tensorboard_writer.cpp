#include "report/tensorboard_writer.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/run_directory.h"

#include <array>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <optional>

namespace fb::tensorboard {

namespace fs = std::filesystem;

namespace {

// Protocol buffers wire types (encoding.md): the three this format uses.
enum WireType : std::uint32_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

void putVarint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

void putLittleEndian(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void putKey(std::string& out, std::uint32_t field, WireType type) {
    putVarint(out, (static_cast<std::uint64_t>(field) << 3) | type);
}

void putBytes(std::string& out, std::uint32_t field, const std::string& bytes) {
    putKey(out, field, kLengthDelimited);
    putVarint(out, bytes.size());
    out += bytes;
}

void putDouble(std::string& out, std::uint32_t field, double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    putKey(out, field, kFixed64);
    putLittleEndian(out, bits, 8);
}

void putFloat(std::string& out, std::uint32_t field, float value) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    putKey(out, field, kFixed32);
    putLittleEndian(out, bits, 4);
}

std::uint64_t getLittleEndian(const std::string& bytes, std::size_t at, int count) {
    std::uint64_t value = 0;
    for (int i = 0; i < count; ++i)
        value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

std::optional<std::uint64_t> getVarint(const std::string& bytes, std::size_t& at, std::size_t end) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && at < end; shift += 7) {
        const auto byte = static_cast<unsigned char>(bytes[at++]);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
    return std::nullopt;
}

// The step of an encoded Event (0 when absent, as in protobuf); nullopt when the bytes are not
// a well-formed message.
std::optional<std::int64_t> eventStep(const std::string& bytes, std::size_t at, std::size_t end) {
    std::int64_t step = 0;
    while (at < end) {
        const std::optional<std::uint64_t> key = getVarint(bytes, at, end);
        if (!key)
            return std::nullopt;
        std::optional<std::uint64_t> length;
        switch (*key & 7) {
        case kVarint: {
            const std::optional<std::uint64_t> value = getVarint(bytes, at, end);
            if (!value)
                return std::nullopt;
            if ((*key >> 3) == 2)
                step = static_cast<std::int64_t>(*value);
            continue;
        }
        case kFixed64:
            length = 8;
            break;
        case kFixed32:
            length = 4;
            break;
        case kLengthDelimited:
            length = getVarint(bytes, at, end);
            break;
        default:
            return std::nullopt;
        }
        if (!length || *length > end - at)
            return std::nullopt;
        at += static_cast<std::size_t>(*length);
    }
    return step;
}

const std::array<std::uint32_t, 256>& crcTable() {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ 0x82f63b78u
                            : c >> 1; // the reflected Castagnoli polynomial
            t[i] = c;
        }
        return t;
    }();
    return table;
}

constexpr std::size_t kHeaderBytes = 12; // length and its CRC
constexpr std::size_t kFooterBytes = 4;  // the data's CRC

} // namespace

std::uint32_t crc32c(const std::string& bytes) {
    const auto& table = crcTable();
    std::uint32_t crc = 0xffffffffu;
    for (const char byte : bytes)
        crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

std::uint32_t maskCrc(std::uint32_t crc) {
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

std::string encodeRecord(const std::string& data) {
    std::string length;
    putLittleEndian(length, data.size(), 8);
    std::string record = length;
    putLittleEndian(record, maskCrc(crc32c(length)), 4);
    record += data;
    putLittleEndian(record, maskCrc(crc32c(data)), 4);
    return record;
}

std::string encodeFileVersionEvent(double wallTime) {
    std::string event;
    putDouble(event, 1, wallTime);
    putBytes(event, 3, "brain.Event:2");
    return event;
}

std::string encodeScalarEvent(double wallTime, std::int64_t step,
                              const std::vector<Scalar>& scalars) {
    std::string summary;
    for (const Scalar& scalar : scalars) {
        std::string value;
        putBytes(value, 1, scalar.tag);
        putFloat(value, 2, static_cast<float>(scalar.value));
        putBytes(summary, 1, value);
    }
    std::string event;
    putDouble(event, 1, wallTime);
    putKey(event, 2, kVarint);
    putVarint(event, static_cast<std::uint64_t>(step)); // int64: negatives as two's complement
    putBytes(event, 5, summary);
    return event;
}

double wallTimeNow() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void EventFileWriter::write(std::int64_t step, const std::vector<Scalar>& scalars,
                            double wallTime) {
    if (m_dir.empty() || scalars.empty())
        return;
    if (!m_out.is_open()) {
        std::error_code error;
        fs::create_directories(m_dir, error);
        m_path = (fs::path(m_dir) / RunDirectory::newTensorBoardEventFileName()).string();
        m_out.open(m_path, std::ios::binary | std::ios::app);
        m_out << encodeRecord(encodeFileVersionEvent(wallTime));
    }
    m_out << encodeRecord(encodeScalarEvent(wallTime, step, scalars));
    m_out.flush();
    if (!m_out)
        throw JobError(m_path + ": cannot write a TensorBoard event");
}

void truncateEventFileAfter(const std::string& path, std::int64_t step) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t keep = 0;
    while (bytes.size() - keep >= kHeaderBytes + kFooterBytes) {
        const std::uint64_t length = getLittleEndian(bytes, keep, 8);
        const bool lengthOk =
            maskCrc(crc32c(bytes.substr(keep, 8))) == getLittleEndian(bytes, keep + 8, 4) &&
            length <= bytes.size() - keep - kHeaderBytes - kFooterBytes;
        if (!lengthOk)
            break;
        const std::size_t data = keep + kHeaderBytes;
        const std::size_t end = data + static_cast<std::size_t>(length);
        if (maskCrc(crc32c(bytes.substr(data, end - data))) != getLittleEndian(bytes, end, 4))
            break;
        const std::optional<std::int64_t> recordStep = eventStep(bytes, data, end);
        if (!recordStep || *recordStep > step)
            break;
        keep = end + kFooterBytes;
    }
    if (keep < bytes.size())
        writeFileAtomically(path, bytes.substr(0, keep));
}

} // namespace fb::tensorboard
