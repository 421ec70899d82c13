#include "data/face_api_input.h"

#include <algorithm>
#include <cmath>

namespace fb::data {

cv::Mat faceApiInput(const cv::Mat& image, int size) {
    cv::Mat square;
    const int diff = std::abs(image.rows - image.cols);
    // JavaScript's Math.round(diff * 0.5) goes after the image, the rest before it.
    const int after = static_cast<int>(std::floor(diff * 0.5 + 0.5));
    const int before = diff - after;
    if (image.rows < image.cols)
        cv::copyMakeBorder(image, square, before, after, 0, 0, cv::BORDER_CONSTANT,
                           cv::Scalar::all(0));
    else
        cv::copyMakeBorder(image, square, 0, 0, before, after, cv::BORDER_CONSTANT,
                           cv::Scalar::all(0));
    cv::Mat source;
    square.convertTo(source, CV_32F);
    if (source.rows == size && source.cols == size)
        return source;
    const int channels = source.channels();
    cv::Mat out(size, size, CV_MAKETYPE(CV_32F, channels));
    const double scale = static_cast<double>(source.rows) / size; // square: one scale
    for (int y = 0; y < size; ++y) {
        const double sy = y * scale;
        const int y0 = static_cast<int>(sy), y1 = std::min(y0 + 1, source.rows - 1);
        const float fy = static_cast<float>(sy - y0);
        const float* row0 = source.ptr<float>(y0);
        const float* row1 = source.ptr<float>(y1);
        float* dst = out.ptr<float>(y);
        for (int x = 0; x < size; ++x) {
            const double sx = x * scale;
            const int x0 = static_cast<int>(sx), x1 = std::min(x0 + 1, source.cols - 1);
            const float fx = static_cast<float>(sx - x0);
            for (int c = 0; c < channels; ++c) {
                const float top = row0[x0 * channels + c] +
                                  (row0[x1 * channels + c] - row0[x0 * channels + c]) * fx;
                const float bottom = row1[x0 * channels + c] +
                                     (row1[x1 * channels + c] - row1[x0 * channels + c]) * fx;
                dst[x * channels + c] = top + (bottom - top) * fy;
            }
        }
    }
    return out;
}

} // namespace fb::data
