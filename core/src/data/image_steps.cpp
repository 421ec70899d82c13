#include "data/image_steps.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace fb::data::steps {

namespace {
// Python's round() (and C's nearbyint under the default mode): half to even.
int roundHalfEven(double value) {
    return static_cast<int>(std::nearbyint(value));
}
} // namespace

double uniform01(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

double uniform(std::mt19937_64& rng, double low, double high) {
    return low + (high - low) * uniform01(rng);
}

std::int64_t uniformInt(std::mt19937_64& rng, std::int64_t count) {
    // Always one draw, so the draws that follow do not depend on `count`.
    const double u = uniform01(rng);
    if (count <= 1)
        return 0;
    return std::min<std::int64_t>(static_cast<std::int64_t>(u * static_cast<double>(count)),
                                  count - 1);
}

bool coin(std::mt19937_64& rng) {
    return (rng() >> 63) != 0;
}

cv::Mat resizeBilinear(const cv::Mat& image, int height, int width) {
    if (image.rows == height && image.cols == width)
        return image;
    cv::Mat resized;
    // INTER_LINEAR_EXACT is OpenCV's bit-exact bilinear for 8-bit images; floats take the
    // ordinary path (the same half-pixel-centre formula).
    const int method = image.depth() == CV_8U ? cv::INTER_LINEAR_EXACT : cv::INTER_LINEAR;
    cv::resize(image, resized, cv::Size(width, height), 0, 0, method);
    return resized;
}

namespace {

// PIL's precompute_coeffs (Resample.c) for the bilinear filter (support 1), as fixed point.
constexpr int kPilPrecision = 32 - 8 - 2;

struct PilTaps {
    std::vector<int> first;   // first input index of each output pixel
    std::vector<int> count;   // taps of each output pixel
    std::vector<int> weights; // outSize x taps, fixed point
    int taps = 0;
};

PilTaps pilTaps(int inSize, int outSize) {
    const double scale = static_cast<double>(inSize) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = 1.0 * filterScale;
    PilTaps t;
    t.taps = static_cast<int>(std::ceil(support)) * 2 + 1;
    t.first.resize(outSize);
    t.count.resize(outSize);
    t.weights.assign(static_cast<std::size_t>(outSize) * t.taps, 0);
    std::vector<double> w(t.taps);
    const double inverse = 1.0 / filterScale; // PIL multiplies by it
    for (int xx = 0; xx < outSize; ++xx) {
        const double centre = (xx + 0.5) * scale;
        const int xmin = std::max(static_cast<int>(centre - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(centre + support + 0.5), inSize) - xmin;
        double total = 0;
        for (int x = 0; x < xmax; ++x) {
            const double d = std::abs((x + xmin - centre + 0.5) * inverse);
            w[x] = d < 1.0 ? 1.0 - d : 0.0;
            total += w[x];
        }
        for (int x = 0; x < xmax; ++x) {
            const double k = total != 0.0 ? w[x] / total : w[x];
            t.weights[static_cast<std::size_t>(xx) * t.taps + x] = static_cast<int>(
                k < 0 ? -0.5 + k * (1 << kPilPrecision) : 0.5 + k * (1 << kPilPrecision));
        }
        t.first[xx] = xmin;
        t.count[xx] = xmax;
    }
    return t;
}

std::uint8_t pilClip(int value) {
    value >>= kPilPrecision;
    return static_cast<std::uint8_t>(std::clamp(value, 0, 255));
}

} // namespace

cv::Mat resizeBilinearPil(const cv::Mat& image, int height, int width) {
    if (image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3))
        throw std::invalid_argument("resizeBilinearPil: 8-bit, 1 or 3 channels expected");
    if (image.rows == height && image.cols == width)
        return image;
    const int channels = image.channels();
    const int half = 1 << (kPilPrecision - 1);
    cv::Mat wide = image;
    if (image.cols != width) {
        const PilTaps t = pilTaps(image.cols, width);
        wide = cv::Mat(image.rows, width, image.type());
        for (int y = 0; y < image.rows; ++y) {
            const std::uint8_t* in = image.ptr<std::uint8_t>(y);
            std::uint8_t* out = wide.ptr<std::uint8_t>(y);
            for (int xx = 0; xx < width; ++xx) {
                const int* k = &t.weights[static_cast<std::size_t>(xx) * t.taps];
                for (int c = 0; c < channels; ++c) {
                    int sum = half;
                    for (int x = 0; x < t.count[xx]; ++x)
                        sum += in[(t.first[xx] + x) * channels + c] * k[x];
                    out[xx * channels + c] = pilClip(sum);
                }
            }
        }
    }
    if (wide.rows == height)
        return wide;
    const PilTaps t = pilTaps(wide.rows, height);
    cv::Mat tall(height, width, image.type());
    const int rowLength = width * channels;
    for (int yy = 0; yy < height; ++yy) {
        const int* k = &t.weights[static_cast<std::size_t>(yy) * t.taps];
        std::uint8_t* out = tall.ptr<std::uint8_t>(yy);
        for (int i = 0; i < rowLength; ++i) {
            int sum = half;
            for (int y = 0; y < t.count[yy]; ++y)
                sum += wide.ptr<std::uint8_t>(t.first[yy] + y)[i] * k[y];
            out[i] = pilClip(sum);
        }
    }
    return tall;
}

cv::Mat resizeShorterSide(const cv::Mat& image, int side) {
    const double scale = static_cast<double>(side) / std::min(image.rows, image.cols);
    // TF: new = rint(old * scale), rint being half to even.
    const int height = std::max(1, roundHalfEven(image.rows * scale));
    const int width = std::max(1, roundHalfEven(image.cols * scale));
    return resizeBilinear(image, height, width);
}

cv::Rect centreCropRect(cv::Size image, int height, int width, CentreRounding rounding) {
    if (height > image.height || width > image.width)
        throw std::invalid_argument("centre crop larger than the image");
    const int top = rounding == CentreRounding::HalfEven
                        ? roundHalfEven((image.height - height) / 2.0)
                        : (image.height - height) / 2;
    const int left = rounding == CentreRounding::HalfEven
                         ? roundHalfEven((image.width - width) / 2.0)
                         : (image.width - width) / 2;
    return {left, top, width, height};
}

cv::Rect randomCropRect(cv::Size image, int height, int width, std::mt19937_64& rng) {
    if (height > image.height || width > image.width)
        throw std::invalid_argument("random crop larger than the image");
    const int top = static_cast<int>(uniformInt(rng, image.height - height + 1));
    const int left = static_cast<int>(uniformInt(rng, image.width - width + 1));
    return {left, top, width, height};
}

cv::Rect randomResizedCropRect(cv::Size image, std::mt19937_64& rng) {
    const double height = image.height;
    const double width = image.width;
    const double area = height * width;
    const double minRatio = 3.0 / 4.0;
    const double maxRatio = 4.0 / 3.0;
    const double logLow = std::log(minRatio);
    const double logHigh = std::log(maxRatio);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double targetArea = area * uniform(rng, 0.08, 1.0);
        const double aspect = std::exp(uniform(rng, logLow, logHigh));
        const int w = roundHalfEven(std::sqrt(targetArea * aspect));
        const int h = roundHalfEven(std::sqrt(targetArea / aspect));
        if (w > 0 && w <= image.width && h > 0 && h <= image.height) {
            const int top = static_cast<int>(uniformInt(rng, image.height - h + 1));
            const int left = static_cast<int>(uniformInt(rng, image.width - w + 1));
            return {left, top, w, h};
        }
    }
    // Fallback: the central crop of the whole image with its ratio clamped to [3/4, 4/3].
    const double inRatio = width / height;
    int w = image.width;
    int h = image.height;
    if (inRatio < minRatio)
        h = roundHalfEven(w / minRatio);
    else if (inRatio > maxRatio)
        w = roundHalfEven(h * maxRatio);
    return {(image.width - w) / 2, (image.height - h) / 2, w, h};
}

cv::Rect distortedBoundingBoxRect(cv::Size image, std::mt19937_64& rng) {
    const double area = static_cast<double>(image.height) * image.width;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const double aspect = uniform(rng, 0.75, 1.33); // width / height, sampled linearly as TF
        const double targetArea = area * uniform(rng, 0.05, 1.0);
        const int h = roundHalfEven(std::sqrt(targetArea / aspect));
        const int w = roundHalfEven(h * aspect);
        // The object box is the whole image, so "covers at least 10% of it" is an area test.
        if (h < 1 || w < 1 || h > image.height || w > image.width ||
            static_cast<double>(h) * w < 0.1 * area)
            continue;
        const int top = static_cast<int>(uniformInt(rng, image.height - h + 1));
        const int left = static_cast<int>(uniformInt(rng, image.width - w + 1));
        return {left, top, w, h};
    }
    return {0, 0, image.width, image.height};
}

cv::Rect tfCentralCropRect(cv::Size image, double fraction) {
    const int top = static_cast<int>((image.height - image.height * fraction) / 2);
    const int left = static_cast<int>((image.width - image.width * fraction) / 2);
    return {left, top, image.width - 2 * left, image.height - 2 * top};
}

namespace {

void adjustBrightness(cv::Mat& image, double delta) {
    image += cv::Scalar::all(delta);
}

void adjustContrast(cv::Mat& image, double factor) {
    // tf.image.adjust_contrast: per channel, (x - mean) * factor + mean.
    const cv::Scalar mean = cv::mean(image);
    image = (image - mean) * factor + mean;
}

// Saturation and hue go through HSV (TF converts RGB <-> HSV the same way); OpenCV's float HSV
// has H in degrees [0, 360) and S, V in [0, 1]. The input is clipped to [0, 1] first, as HSV
// is only defined there.
void adjustHsv(cv::Mat& image, double saturationFactor, double hueDelta) {
    cv::Mat hsv;
    cv::min(cv::max(image, 0.0), 1.0, image);
    cv::cvtColor(image, hsv, cv::COLOR_BGR2HSV);
    for (int y = 0; y < hsv.rows; ++y) {
        auto* row = hsv.ptr<cv::Vec3f>(y);
        for (int x = 0; x < hsv.cols; ++x) {
            float hue = row[x][0] + static_cast<float>(hueDelta * 360.0);
            hue = std::fmod(hue, 360.f);
            if (hue < 0)
                hue += 360.f;
            row[x][0] = hue;
            row[x][1] = std::clamp(row[x][1] * static_cast<float>(saturationFactor), 0.f, 1.f);
        }
    }
    cv::cvtColor(hsv, image, cv::COLOR_HSV2BGR);
}

} // namespace

void distortColour(cv::Mat& image, int ordering, std::mt19937_64& rng) {
    enum Step { Brightness, Saturation, Hue, Contrast };
    // inception_preprocessing.distort_color's four orders.
    static const Step orders[4][4] = {{Brightness, Saturation, Hue, Contrast},
                                      {Saturation, Brightness, Contrast, Hue},
                                      {Contrast, Hue, Brightness, Saturation},
                                      {Hue, Saturation, Contrast, Brightness}};
    for (const Step step : orders[ordering & 3]) {
        switch (step) {
        case Brightness:
            adjustBrightness(image, uniform(rng, -32.0 / 255.0, 32.0 / 255.0));
            break;
        case Saturation:
            adjustHsv(image, uniform(rng, 0.5, 1.5), 0.0);
            break;
        case Hue:
            adjustHsv(image, 1.0, uniform(rng, -0.2, 0.2));
            break;
        case Contrast:
            adjustContrast(image, uniform(rng, 0.5, 1.5));
            break;
        }
    }
    cv::min(cv::max(image, 0.0), 1.0, image);
}

Affine normaliseRgb(double pixelScale, const double meanRgb[3], const double stdRgb[3], bool bgr) {
    Affine affine;
    for (int c = 0; c < 3; ++c) {
        const int rgb = bgr ? 2 - c : c;
        affine.scale[c] = static_cast<float>(pixelScale / stdRgb[rgb]);
        affine.offset[c] = static_cast<float>(-meanRgb[rgb] / stdRgb[rgb]);
    }
    return affine;
}

namespace {

template <class Pixel>
void writeTyped(const cv::Mat& image, bool flip, bool bgr, const Affine& affine, float* out) {
    const int height = image.rows;
    const int width = image.cols;
    const int channels = image.channels();
    const std::size_t plane = static_cast<std::size_t>(height) * width;
    for (int c = 0; c < channels; ++c) {
        // Output channel c reads BGR channel c (bgr) or 2 - c (RGB).
        const int source = channels == 3 && !bgr ? 2 - c : c;
        const float scale = affine.scale[c];
        const float offset = affine.offset[c];
        float* planeOut = out + c * plane;
        for (int y = 0; y < height; ++y) {
            const Pixel* row = image.ptr<Pixel>(y) + source;
            float* rowOut = planeOut + static_cast<std::size_t>(y) * width;
            if (flip)
                for (int x = 0; x < width; ++x)
                    rowOut[width - 1 - x] = static_cast<float>(row[x * channels]) * scale + offset;
            else
                for (int x = 0; x < width; ++x)
                    rowOut[x] = static_cast<float>(row[x * channels]) * scale + offset;
        }
    }
}

} // namespace

void writePlanar(const cv::Mat& image, bool flip, bool bgr, const Affine& affine, float* out) {
    if (image.channels() != 1 && image.channels() != 3)
        throw std::invalid_argument("writePlanar: 1 or 3 channels expected");
    if (image.depth() == CV_8U)
        writeTyped<std::uint8_t>(image, flip, bgr, affine, out);
    else if (image.depth() == CV_32F)
        writeTyped<float>(image, flip, bgr, affine, out);
    else
        throw std::invalid_argument("writePlanar: 8-bit or float image expected");
}

} // namespace fb::data::steps
