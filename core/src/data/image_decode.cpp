// decodeImage (data/image_decode.h): encoded bytes -> 8-bit BGR (or gray), whatever the file
// holds, or an InputError naming the source. OpenCV decodes; this file decides what counts as
// a bad image, because libjpeg "succeeds" on a truncated JPEG (it warns "Premature end of JPEG
// file" and fills the missing rows with grey), and because OpenCV allocates the whole image as
// its header declares before it reads a pixel.
#include "data/image_decode.h"

#include "data/image_header.h"
#include "facebench/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <climits>

namespace fb::data {

namespace {

// A complete JPEG ends with the EOI marker FF D9. Writers may pad after it, so the marker is
// looked for in the last 256 bytes; inside entropy-coded data 0xFF is always followed by 0x00
// (byte stuffing) or a restart marker, so a truncated scan cannot end in FF D9 by accident. An
// EXIF thumbnail's own EOI sits near the start of the file, outside that window for any real
// photograph.
bool hasJpegEnd(const std::vector<unsigned char>& bytes) {
    const std::size_t window = std::min<std::size_t>(bytes.size(), 256);
    for (std::size_t i = bytes.size() - 1; i + window > bytes.size() && i >= 3; --i)
        if (bytes[i - 1] == 0xFF && bytes[i] == 0xD9)
            return true;
    return false;
}

[[noreturn]] void bad(const std::string& source, const std::string& problem) {
    throw InputError(SourceLocation{source}, "", problem);
}

bool overPixelLimit(std::int64_t width, std::int64_t height) {
    return width > 0 && height > kMaxImagePixels / width;
}

std::string sizeText(std::int64_t width, std::int64_t height) {
    return std::to_string(width) + " x " + std::to_string(height);
}

} // namespace

cv::Mat decodeImage(const std::vector<unsigned char>& bytes, const std::string& source,
                    int channels) {
    if (bytes.empty())
        bad(source, "empty image (0 bytes)");
    // OpenCV takes the buffer as one row of int columns.
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        bad(source, "image file of " + std::to_string(bytes.size()) + " bytes: over 2 GiB");
    const ImageHeader header = readImageHeader(bytes, source);
    if (header.format == "JPEG" && !hasJpegEnd(bytes))
        bad(source, "truncated JPEG (no end-of-image marker FF D9)");
    if (header.width <= 0 || header.height <= 0)
        bad(source, header.format + " header declares an empty image (" +
                        sizeText(header.width, header.height) + " pixels)");
    if (overPixelLimit(header.width, header.height))
        bad(source, header.format + " image of " + sizeText(header.width, header.height) +
                        " pixels: over FaceBench's limit of " + std::to_string(kMaxImagePixels) +
                        " pixels");
    if (overPixelLimit(header.tileWidth, header.tileHeight))
        bad(source, header.format + " tiles of " + sizeText(header.tileWidth, header.tileHeight) +
                        " pixels: over FaceBench's limit of " + std::to_string(kMaxImagePixels) +
                        " pixels");

    cv::Mat raw;
    try {
        const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U,
                             const_cast<unsigned char*>(bytes.data()));
        raw = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& error) {
        bad(source, std::string("cannot decode the image: ") + error.err);
    }
    if (raw.empty())
        bad(source, "corrupt " + header.format + " (the decoder rejected it)");

    // Depth: 16-bit PNG/TIFF as PIL's convert("RGB") would see them, x / 257 (65535 -> 255);
    // float images (TIFF) are taken as [0, 1].
    cv::Mat depth8;
    switch (raw.depth()) {
    case CV_8U:
        depth8 = raw;
        break;
    case CV_16U:
        raw.convertTo(depth8, CV_8U, 1.0 / 257.0);
        break;
    case CV_32F:
        raw.convertTo(depth8, CV_8U, 255.0);
        break;
    default:
        bad(source, "unsupported pixel depth (8-bit, 16-bit or float images expected)");
    }

    // Channels: alpha is dropped, not composited (as PIL's convert("RGB"), which torchvision's
    // ImageFolder applies), so a transparent pixel keeps its stored colour.
    cv::Mat out;
    const int have = depth8.channels();
    if (channels == 1) {
        switch (have) {
        case 1:
            out = depth8;
            break;
        case 2:
            cv::extractChannel(depth8, out, 0);
            break; // gray + alpha
        case 3:
            cv::cvtColor(depth8, out, cv::COLOR_BGR2GRAY);
            break;
        case 4:
            cv::cvtColor(depth8, out, cv::COLOR_BGRA2GRAY);
            break;
        default:
            bad(source, std::to_string(have) + " channels: not a gray or colour image");
        }
    } else {
        switch (have) {
        case 1:
            cv::cvtColor(depth8, out, cv::COLOR_GRAY2BGR);
            break;
        case 2: {
            cv::Mat gray;
            cv::extractChannel(depth8, gray, 0);
            cv::cvtColor(gray, out, cv::COLOR_GRAY2BGR);
            break;
        }
        case 3:
            out = depth8;
            break;
        case 4:
            cv::cvtColor(depth8, out, cv::COLOR_BGRA2BGR);
            break;
        default:
            bad(source, std::to_string(have) + " channels: not a gray or colour image");
        }
    }
    return out;
}

} // namespace fb::data
