// readImageHeader (data/image_header.h): format by magic bytes, size from the header. Every
// read is checked against the buffer's end; numbers are widened before they are combined.
#include "data/image_header.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cstring>

namespace fb::data {

const char* const kSupportedImageFormats = "JPEG, PNG, BMP, WebP, PBM/PGM/PPM and TIFF";

namespace {

using Bytes = std::vector<unsigned char>;

// True when bytes [at, at + count) lie inside the buffer (no overflow for any at).
bool fits(const Bytes& bytes, std::size_t at, std::size_t count) {
    return at <= bytes.size() && count <= bytes.size() - at;
}

bool hasAt(const Bytes& bytes, std::size_t at, const char* magic, std::size_t length) {
    return fits(bytes, at, length) && std::memcmp(bytes.data() + at, magic, length) == 0;
}

// An unsigned integer of `count` bytes at `at` (the caller checked fits()).
std::uint32_t unsignedAt(const Bytes& bytes, std::size_t at, int count, bool bigEndian) {
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i) {
        const std::uint32_t byte = bytes[at + (bigEndian ? i : count - 1 - i)];
        value = (value << 8) | byte;
    }
    return value;
}

bool isBlank(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Formats OpenCV 4.6 would decode (or try to) that FaceBench does not read. PFM and Sun raster
// are decoded through a temporary file that OpenCV leaves behind when the decoder throws; none
// of them is a format face datasets come in.
struct RefusedFormat {
    const char* magic;
    std::size_t length;
    const char* name;
};
const RefusedFormat kRefusedFormats[] = {
    {"PF", 2, "PFM (portable float map)"},
    {"Pf", 2, "PFM (portable float map)"},
    {"P7", 2, "PAM (portable arbitrary map)"},
    {"\x59\xA6\x6A\x95", 4, "Sun raster"},
    {"#?", 2, "Radiance HDR"},
    {"\x76\x2F\x31\x01", 4, "OpenEXR"},
    {"\xFF\x4F\xFF\x51", 4, "JPEG 2000"},
    {"\x00\x00\x00\x0C\x6A\x50\x20\x20", 8, "JPEG 2000"},
    {"GIF8", 4, "GIF"},
    {"II\x2B\x00", 4, "BigTIFF"},
    {"MM\x00\x2B", 4, "BigTIFF"},
};

// Baseline and progressive JPEG: the frame header (SOFn) gives height and width. Segments before
// it are skipped by their lengths; bytes between segments are skipped as libjpeg does.
bool readJpegSize(const Bytes& bytes, ImageHeader& header) {
    std::size_t at = 2;
    while (at < bytes.size()) {
        if (bytes[at] != 0xFF) {
            ++at;
            continue;
        }
        while (at < bytes.size() && bytes[at] == 0xFF)
            ++at; // fill bytes
        if (at >= bytes.size())
            return false;
        const unsigned marker = bytes[at++];
        const bool standalone = marker == 0x00 || marker == 0x01 || marker == 0xD8 ||
                                (marker >= 0xD0 && marker <= 0xD7);
        if (standalone)
            continue;
        if (marker == 0xD9 || marker == 0xDA)
            return false; // end of image, or scan data, before any frame header
        if (!fits(bytes, at, 2))
            return false;
        const std::size_t length = unsignedAt(bytes, at, 2, true);
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                           marker != 0xCC; // DHT, JPG and DAC share the range
        if (frame) {
            if (length < 7 || !fits(bytes, at, 7))
                return false;
            header.height = unsignedAt(bytes, at + 3, 2, true);
            header.width = unsignedAt(bytes, at + 5, 2, true);
            return true;
        }
        if (length < 2)
            return false;
        at += length;
    }
    return false;
}

// The IHDR chunk comes first in every PNG.
bool readPngSize(const Bytes& bytes, ImageHeader& header) {
    if (!hasAt(bytes, 12, "IHDR", 4) || !fits(bytes, 16, 8))
        return false;
    header.width = unsignedAt(bytes, 16, 4, true);
    header.height = unsignedAt(bytes, 20, 4, true);
    return true;
}

// As OpenCV's BMP reader: the OS/2 1.x header (12 bytes) has 16-bit sizes, all later ones
// (36 bytes and more) signed 32-bit sizes, a negative height meaning top-down rows.
bool readBmpSize(const Bytes& bytes, ImageHeader& header) {
    if (!fits(bytes, 14, 4))
        return false;
    const std::uint32_t infoSize = unsignedAt(bytes, 14, 4, false);
    if (infoSize == 12) {
        if (!fits(bytes, 18, 4))
            return false;
        header.width = unsignedAt(bytes, 18, 2, false);
        header.height = unsignedAt(bytes, 20, 2, false);
        return true;
    }
    if (infoSize < 36 || !fits(bytes, 18, 8))
        return false;
    header.width = static_cast<std::int32_t>(unsignedAt(bytes, 18, 4, false));
    const std::int64_t height = static_cast<std::int32_t>(unsignedAt(bytes, 22, 4, false));
    header.height = height < 0 ? -height : height;
    return true;
}

// PBM/PGM/PPM: "Pn", then width and height in ASCII, with blanks and # comments between.
bool readPnmSize(const Bytes& bytes, ImageHeader& header) {
    std::size_t at = 2;
    const auto number = [&](std::int64_t& value) {
        for (;;) {
            while (at < bytes.size() && isBlank(bytes[at]))
                ++at;
            if (at >= bytes.size() || bytes[at] != '#')
                break;
            while (at < bytes.size() && bytes[at] != '\n' && bytes[at] != '\r')
                ++at;
        }
        if (at >= bytes.size() || bytes[at] < '0' || bytes[at] > '9')
            return false;
        value = 0;
        constexpr std::int64_t kSaturated = std::int64_t(1) << 40; // far above any limit
        for (; at < bytes.size() && bytes[at] >= '0' && bytes[at] <= '9'; ++at)
            value = std::min(kSaturated, value * 10 + (bytes[at] - '0'));
        return true;
    };
    return number(header.width) && number(header.height);
}

// RIFF "WEBP" with one of the three first chunks: lossy VP8 (14-bit sizes in the key frame
// header), lossless VP8L (14-bit sizes minus one) or extended VP8X (24-bit canvas sizes minus one).
bool readWebpSize(const Bytes& bytes, ImageHeader& header) {
    if (hasAt(bytes, 12, "VP8 ", 4)) {
        if (!fits(bytes, 20, 10) || !hasAt(bytes, 23, "\x9D\x01\x2A", 3))
            return false;
        header.width = unsignedAt(bytes, 26, 2, false) & 0x3FFF;
        header.height = unsignedAt(bytes, 28, 2, false) & 0x3FFF;
        return true;
    }
    if (hasAt(bytes, 12, "VP8L", 4)) {
        if (!fits(bytes, 20, 5) || bytes[20] != 0x2F)
            return false;
        const std::uint32_t bits = unsignedAt(bytes, 21, 4, false);
        header.width = (bits & 0x3FFF) + 1;
        header.height = ((bits >> 14) & 0x3FFF) + 1;
        return true;
    }
    if (hasAt(bytes, 12, "VP8X", 4)) {
        if (!fits(bytes, 20, 10))
            return false;
        header.width = std::int64_t(unsignedAt(bytes, 24, 3, false)) + 1;
        header.height = std::int64_t(unsignedAt(bytes, 27, 3, false)) + 1;
        return true;
    }
    return false;
}

// Classic TIFF: the first directory's ImageWidth and ImageLength, and TileWidth and TileLength
// when tiled (OpenCV allocates one tile's buffer before reading it).
bool readTiffSize(const Bytes& bytes, ImageHeader& header) {
    const bool bigEndian = bytes[0] == 'M';
    if (!fits(bytes, 4, 4))
        return false;
    const std::size_t directory = unsignedAt(bytes, 4, 4, bigEndian);
    if (!fits(bytes, directory, 2))
        return false;
    const std::uint32_t entries = unsignedAt(bytes, directory, 2, bigEndian);
    for (std::uint32_t i = 0; i < entries; ++i) {
        const std::size_t entry = directory + 2 + 12 * std::size_t(i);
        if (!fits(bytes, entry, 12))
            return false;
        const std::uint32_t tag = unsignedAt(bytes, entry, 2, bigEndian);
        const std::uint32_t type = unsignedAt(bytes, entry + 2, 2, bigEndian);
        if (type != 3 && type != 4) // SHORT or LONG, the types these tags come in
            continue;
        const std::int64_t value = unsignedAt(bytes, entry + 8, type == 3 ? 2 : 4, bigEndian);
        switch (tag) {
        case 256:
            header.width = value;
            break;
        case 257:
            header.height = value;
            break;
        case 322:
            header.tileWidth = value;
            break;
        case 323:
            header.tileHeight = value;
            break;
        default:
            break;
        }
    }
    return header.width > 0 && header.height > 0;
}

[[noreturn]] void bad(const std::string& source, const std::string& problem) {
    throw InputError(SourceLocation{source}, "", problem);
}

} // namespace

ImageHeader readImageHeader(const Bytes& bytes, const std::string& source) {
    for (const RefusedFormat& refused : kRefusedFormats)
        if (hasAt(bytes, 0, refused.magic, refused.length))
            bad(source, std::string("unsupported image format: ") + refused.name +
                            "; FaceBench reads " + kSupportedImageFormats);
    ImageHeader header;
    bool sized = false;
    if (hasAt(bytes, 0, "\xFF\xD8\xFF", 3)) {
        header.format = "JPEG";
        sized = readJpegSize(bytes, header);
    } else if (hasAt(bytes, 0, "\x89PNG\r\n\x1A\n", 8)) {
        header.format = "PNG";
        sized = readPngSize(bytes, header);
    } else if (hasAt(bytes, 0, "BM", 2)) {
        header.format = "BMP";
        sized = readBmpSize(bytes, header);
    } else if (hasAt(bytes, 0, "RIFF", 4) && hasAt(bytes, 8, "WEBP", 4)) {
        header.format = "WebP";
        sized = readWebpSize(bytes, header);
    } else if (fits(bytes, 0, 3) && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '6' &&
               isBlank(bytes[2])) {
        header.format = "PNM";
        sized = readPnmSize(bytes, header);
    } else if (hasAt(bytes, 0, "II\x2A\x00", 4) || hasAt(bytes, 0, "MM\x00\x2A", 4)) {
        header.format = "TIFF";
        sized = readTiffSize(bytes, header);
    } else {
        bad(source, std::string("not an image: the bytes match none of the formats FaceBench "
                                "reads (") +
                        kSupportedImageFormats + ")");
    }
    if (!sized)
        bad(source, "truncated or corrupt " + header.format + " header (no image size)");
    return header;
}

} // namespace fb::data
