// decodeImage (data/preprocess.h): encoded bytes -> 8-bit BGR (or gray), whatever the file
// holds, or an InputError naming the source. OpenCV decodes; this file decides what counts as
// a bad image, because libjpeg "succeeds" on a truncated JPEG (it warns "Premature end of JPEG
// file" and fills the missing rows with grey).
#include "data/preprocess.h"

#include "facebench/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace fb::data {

namespace {

bool isJpeg(const std::vector<unsigned char>& bytes) {
    return bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

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

} // namespace

cv::Mat decodeImage(const std::vector<unsigned char>& bytes, const std::string& source, int channels) {
    if (bytes.empty())
        bad(source, "empty image (0 bytes)");
    const bool jpeg = isJpeg(bytes);
    if (jpeg && !hasJpegEnd(bytes))
        bad(source, "truncated JPEG (no end-of-image marker FF D9)");

    cv::Mat raw;
    try {
        const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U,
                             const_cast<unsigned char*>(bytes.data()));
        raw = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& error) {
        bad(source, std::string("cannot decode the image: ") + error.err);
    }
    if (raw.empty())
        bad(source, jpeg ? "corrupt JPEG (the decoder rejected it)"
                         : "not an image, or a corrupt one (no decoder accepted it)");

    // Depth: 16-bit PNG/TIFF as PIL's convert("RGB") would see them, x / 257 (65535 -> 255);
    // float images (HDR, TIFF) are taken as [0, 1].
    cv::Mat depth8;
    switch (raw.depth()) {
    case CV_8U: depth8 = raw; break;
    case CV_16U: raw.convertTo(depth8, CV_8U, 1.0 / 257.0); break;
    case CV_32F: raw.convertTo(depth8, CV_8U, 255.0); break;
    default: bad(source, "unsupported pixel depth (8-bit, 16-bit or float images expected)");
    }

    // Channels: alpha is dropped, not composited (as PIL's convert("RGB"), which torchvision's
    // ImageFolder applies), so a transparent pixel keeps its stored colour.
    cv::Mat out;
    const int have = depth8.channels();
    if (channels == 1) {
        switch (have) {
        case 1: out = depth8; break;
        case 2: cv::extractChannel(depth8, out, 0); break; // gray + alpha
        case 3: cv::cvtColor(depth8, out, cv::COLOR_BGR2GRAY); break;
        case 4: cv::cvtColor(depth8, out, cv::COLOR_BGRA2GRAY); break;
        default: bad(source, std::to_string(have) + " channels: not a gray or colour image");
        }
    } else {
        switch (have) {
        case 1: cv::cvtColor(depth8, out, cv::COLOR_GRAY2BGR); break;
        case 2: {
            cv::Mat gray;
            cv::extractChannel(depth8, gray, 0);
            cv::cvtColor(gray, out, cv::COLOR_GRAY2BGR);
            break;
        }
        case 3: out = depth8; break;
        case 4: cv::cvtColor(depth8, out, cv::COLOR_BGRA2BGR); break;
        default: bad(source, std::to_string(have) + " channels: not a gray or colour image");
        }
    }
    return out;
}

} // namespace fb::data
