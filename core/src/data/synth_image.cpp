// Whole images: background, supersampled rendering, and the quality levels. The quality steps
// follow what separates IJB-A's low, middle and high quality faces (seed Section 3.2, quality
// assessed as in its refs [39,40]): resolution, blur, sensor noise and compression.
#include "synth_face.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fb::synth {

namespace {

// Drawn at twice the size and reduced with area averaging: smooth edges at 112x96.
constexpr int kSupersample = 2;

Color lerp(const Color& a, const Color& b, double t) {
    return a * float(1 - t) + b * float(t);
}

} // namespace

void drawBackground(cv::Mat& image, const ImageFactors& f) {
    const int rows = image.rows, cols = image.cols;
    switch (f.background) {
    case 0:
        image.setTo(scalar(f.background1));
        break;
    case 1:
    case 2:
        for (int y = 0; y < rows; ++y) {
            cv::Vec3b* row = image.ptr<cv::Vec3b>(y);
            for (int x = 0; x < cols; ++x) {
                const double t = f.background == 1 ? double(y) / rows : double(x) / cols;
                const Color c = lerp(f.background1, f.background2, t);
                row[x] = cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                                   cv::saturate_cast<uchar>(c[2]));
            }
        }
        break;
    default: {
        // An indoor-ish clutter of soft rectangles.
        image.setTo(scalar(f.background1));
        Rng rng(mix(f.textureSeed, 17));
        for (int i = 0; i < 6; ++i) {
            const int x = int(rng.uniform(-0.2, 1.0) * cols),
                      y = int(rng.uniform(-0.2, 1.0) * rows);
            const int w = int(rng.uniform(0.1, 0.5) * cols), h = int(rng.uniform(0.1, 0.6) * rows);
            cv::rectangle(image, cv::Rect(x, y, w, h),
                          scalar(lerp(f.background1, f.background2, rng.uniform())), cv::FILLED);
        }
        break;
    }
    }
}

cv::Mat renderCrop(const IdentityTraits& traits, const ImageFactors& factors, int width,
                   int height) {
    cv::Mat big(height * kSupersample, width * kSupersample, CV_8UC3);
    drawBackground(big, factors);
    drawFace(big, cv::Rect2d(0, 0, big.cols, big.rows), traits, factors);
    cv::Mat out;
    cv::resize(big, out, cv::Size(width, height), 0, 0, cv::INTER_AREA);
    // Colour of the light: the camera sees all of the scene through it.
    cv::multiply(out, cv::Scalar(factors.lightTint[0], factors.lightTint[1], factors.lightTint[2]),
                 out);
    return out;
}

cv::Mat renderScene(const IdentityTraits& traits, const ImageFactors& factors, int width,
                    int height, Rng& placement, cv::Rect& faceBox) {
    // LFW-like scenes (250x250 around a face): 2.5 times the crop, the face anywhere, its crop
    // 0.3 .. 0.55 of the scene's width.
    const int sceneW = int(std::lround(width * 2.5)), sceneH = int(std::lround(height * 2.5));
    const double cropW = sceneW * placement.uniform(0.3, 0.55), cropH = cropW * height / width;
    const double x = placement.uniform(0, sceneW - cropW), y = placement.uniform(0, sceneH - cropH);
    cv::Mat big(sceneH * kSupersample, sceneW * kSupersample, CV_8UC3);
    drawBackground(big, factors);
    const cv::Rect2d crop(x * kSupersample, y * kSupersample, cropW * kSupersample,
                          cropH * kSupersample);
    drawFace(big, crop, traits, factors);
    const cv::Rect2d box = HeadView(traits, factors, crop).faceBox();
    const cv::Rect2d scaled(box.x / kSupersample, box.y / kSupersample, box.width / kSupersample,
                            box.height / kSupersample);
    faceBox = cv::Rect(int(std::lround(scaled.x)), int(std::lround(scaled.y)),
                       int(std::lround(scaled.width)), int(std::lround(scaled.height))) &
              cv::Rect(0, 0, sceneW, sceneH);
    cv::Mat out;
    cv::resize(big, out, cv::Size(sceneW, sceneH), 0, 0, cv::INTER_AREA);
    cv::multiply(out, cv::Scalar(factors.lightTint[0], factors.lightTint[1], factors.lightTint[2]),
                 out);
    return out;
}

std::vector<unsigned char> degradeAndEncode(const cv::Mat& image, Quality quality,
                                            std::uint64_t noiseSeed) {
    // (down-sampling factor, blur sigma, noise sigma, JPEG quality) per level.
    struct Level {
        double down, blur, noise;
        int jpeg;
    };
    static const Level levels[] = {{1.0, 0.0, 1.5, 95}, {0.6, 0.45, 4.0, 55}, {0.35, 0.8, 7.0, 25}};
    const Level& level = levels[int(quality)];
    cv::Mat work = image;
    if (level.down < 1.0) {
        cv::Mat small;
        cv::resize(image, small,
                   cv::Size(std::max(4, int(image.cols * level.down)),
                            std::max(4, int(image.rows * level.down))),
                   0, 0, cv::INTER_AREA);
        if (level.blur > 0)
            cv::GaussianBlur(small, small, cv::Size(0, 0), level.blur);
        cv::resize(small, work, image.size(), 0, 0, cv::INTER_LINEAR);
    } else {
        work = image.clone();
    }
    if (quality == Quality::Low)
        work.convertTo(work, -1, 0.8, 20); // washed out, as poor exposure is
    // Sensor noise, mostly luminance. A SplitMix64 counter per pixel: fast, and its values are
    // fixed by this code alone.
    std::uint64_t counter = noiseSeed;
    auto normal16 = [](std::uint64_t v) { // Irwin-Hall of three 16-bit parts, variance 1
        return ((double(v & 0xFFFF) + double((v >> 16) & 0xFFFF) + double((v >> 32) & 0xFFFF)) /
                    65536.0 -
                1.5) *
               2.0;
    };
    for (int y = 0; y < work.rows; ++y) {
        cv::Vec3b* row = work.ptr<cv::Vec3b>(y);
        for (int x = 0; x < work.cols; ++x) {
            const std::uint64_t a = mix(counter, 1), b = mix(counter, 2);
            ++counter;
            const double luma = normal16(a) * level.noise * 0.8;
            const double chroma = level.noise * 0.35;
            row[x][0] = cv::saturate_cast<uchar>(
                row[x][0] + luma + chroma * (double(b & 0xFFFF) / 32768.0 - 1.0) * 1.7);
            row[x][1] = cv::saturate_cast<uchar>(
                row[x][1] + luma + chroma * (double((b >> 16) & 0xFFFF) / 32768.0 - 1.0) * 1.7);
            row[x][2] = cv::saturate_cast<uchar>(
                row[x][2] + luma + chroma * (double((b >> 32) & 0xFFFF) / 32768.0 - 1.0) * 1.7);
        }
    }
    std::vector<unsigned char> bytes;
    // Fixed encoder parameters: baseline, no optimisation, 4:2:0, so output is reproducible.
    cv::imencode(".jpg", work, bytes,
                 {cv::IMWRITE_JPEG_QUALITY, level.jpeg, cv::IMWRITE_JPEG_OPTIMIZE, 0,
                  cv::IMWRITE_JPEG_PROGRESSIVE, 0});
    return bytes;
}

} // namespace fb::synth
