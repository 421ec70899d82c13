#pragma once
// What an encoded image is, read from its first bytes before any decoder sees them: the format
// (by its magic bytes) and the pixel size its header declares. decodeImage uses it to hand
// OpenCV only the formats FaceBench reads, and only images it can afford to allocate.
// Torch-free and OpenCV-free.
#include <cstdint>
#include <string>
#include <vector>

namespace fb::data {

struct ImageHeader {
    std::string format; // "JPEG", "PNG", "BMP", "WebP", "PNM" or "TIFF"
    std::int64_t width = 0;
    std::int64_t height = 0;
    // TIFF only: the size of one tile, which the decoder buffers whole (0 when untiled).
    std::int64_t tileWidth = 0;
    std::int64_t tileHeight = 0;
};

// The formats FaceBench reads, as the folder readers' extensions name them (dataset_index.h):
// JPEG, PNG, BMP, WebP, PBM/PGM/PPM and TIFF.
extern const char* const kSupportedImageFormats;

// 2^25 pixels (8192 x 4096, 33.5 megapixels): far above the images of face datasets (LFW,
// CASIA-WebFace, VGGFace2 and MS1M are all under one megapixel) and room for a 30-megapixel
// photograph. OpenCV allocates the whole image before decoding it; at the widest pixels it
// decodes these formats to (64-bit float RGBA TIFF, 32 bytes) that is 1 GiB, at 16-bit RGBA
// (PNG) 256 MB.
constexpr std::int64_t kMaxImagePixels = std::int64_t(1) << 25;

// Throws InputError naming `source`: bytes of no known image format, a format FaceBench does not
// read (PFM, Sun raster, HDR, OpenEXR, JPEG 2000, PAM, GIF, ...), or a header too short to give
// the size. The size is as declared, not yet checked against kMaxImagePixels.
ImageHeader readImageHeader(const std::vector<unsigned char>& bytes, const std::string& source);

} // namespace fb::data
