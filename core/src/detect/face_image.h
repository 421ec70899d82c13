#pragma once
// RgbImage <-> cv::Mat for the detection code (internal: OpenCV stays out of public headers).
#include "facebench/face_detection.h"

#include <opencv2/core.hpp>

namespace fb {

// A CV_8UC3 Mat in RGB order sharing nothing with `image` (a copy).
cv::Mat toMat(const RgbImage& image);
// From a CV_8UC3 RGB Mat.
RgbImage fromMat(const cv::Mat& rgb);
// Checks width * height * 3 == bytes; InputError otherwise.
void checkRgb(int width, int height, std::size_t bytes);

} // namespace fb
