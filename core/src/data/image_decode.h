#pragma once
// decodeImage: encoded image bytes -> an 8-bit OpenCV image. Torch-free, so the fuzz harness
// builds it without LibTorch; preprocess.h includes it for the loader.
#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace fb::data {

// Decodes an encoded image to 8-bit BGR, or 8-bit gray when channels == 1; grayscale, RGBA and
// 16-bit inputs are converted. Only the formats of kSupportedImageFormats (image_header.h) reach
// OpenCV, and only up to kMaxImagePixels. Throws InputError naming `source` for empty, truncated,
// oversized, unsupported or non-image data.
cv::Mat decodeImage(const std::vector<unsigned char>& bytes, const std::string& source,
                    int channels);

} // namespace fb::data
