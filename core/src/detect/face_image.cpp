// Reading, writing, cropping and aligning face images (seed Section 4.1). Torch-free.
#include "detect/face_image.h"

#include "data/image_decode.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fb {

void checkRgb(int width, int height, std::size_t bytes) {
    if (width <= 0 || height <= 0 ||
        bytes != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)
        throw InputError("RGB image of " + std::to_string(width) + "x" + std::to_string(height) +
                         " needs " + std::to_string(std::max(0, width) * std::max(0, height) * 3) +
                         " bytes, got " + std::to_string(bytes));
}

cv::Mat toMat(const RgbImage& image) {
    checkRgb(image.width, image.height, image.pixels.size());
    cv::Mat wrapped(image.height, image.width, CV_8UC3,
                    const_cast<std::uint8_t*>(image.pixels.data()));
    return wrapped.clone();
}

RgbImage fromMat(const cv::Mat& rgb) {
    RgbImage out;
    out.width = rgb.cols;
    out.height = rgb.rows;
    out.pixels.resize(static_cast<std::size_t>(rgb.cols) * rgb.rows * 3);
    cv::Mat dst(rgb.rows, rgb.cols, CV_8UC3, out.pixels.data());
    rgb.copyTo(dst);
    return out;
}

RgbImage readRgbImage(const std::string& path) {
    // Read the bytes ourselves: imread cannot tell "missing" from "corrupt". decodeImage then
    // refuses formats and sizes OpenCV must not be handed (see data/image_decode.h).
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the image file");
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                           std::istreambuf_iterator<char>());
    const cv::Mat bgr = data::decodeImage(bytes, path, 3);
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return fromMat(rgb);
}

void writeRgbImage(const std::string& path, const RgbImage& image) {
    cv::Mat bgr;
    cv::cvtColor(toMat(image), bgr, cv::COLOR_RGB2BGR);
    std::string ext = std::filesystem::path(path).extension().string();
    if (ext.empty())
        ext = ".png";
    std::vector<std::uint8_t> encoded;
    bool ok = false;
    try {
        ok = cv::imencode(ext, bgr, encoded, {cv::IMWRITE_JPEG_QUALITY, 95});
    } catch (const cv::Exception&) {
        ok = false;
    }
    if (!ok)
        throw InputError(SourceLocation{path}, "", "cannot encode an image as " + ext);
    writeFileAtomically(path, std::string(encoded.begin(), encoded.end()));
}

namespace {

cv::Mat resizeTo(const cv::Mat& crop, const CropOptions& options) {
    if (options.width <= 0 || options.height <= 0 ||
        (crop.cols == options.width && crop.rows == options.height))
        return crop.clone();
    // facenet: misc.imresize(cropped, (size, size), interp='bilinear'): aspect not kept.
    cv::Mat out;
    cv::resize(crop, out, cv::Size(options.width, options.height), 0, 0, cv::INTER_LINEAR);
    return out;
}

// ArcFace's 112x112 five-point template (insightface, src/common/face_align.py `arcface_src`).
constexpr double kArcfaceTemplate[5][2] = {{38.2946, 51.6963},
                                           {73.5318, 51.5014},
                                           {56.0252, 71.7366},
                                           {41.5493, 92.3655},
                                           {70.7299, 92.2041}};

// Least-squares similarity (rotation, uniform scale, translation) mapping src onto dst: the
// closed form of Umeyama (1991) for 2-D without reflection. Returns the 2x3 matrix.
cv::Mat similarity(const std::vector<std::array<double, 2>>& src, const double dst[5][2], double sx,
                   double sy) {
    double mx = 0, my = 0, nx = 0, ny = 0;
    for (int i = 0; i < 5; ++i) {
        mx += src[i][0] / 5;
        my += src[i][1] / 5;
        nx += dst[i][0] * sx / 5;
        ny += dst[i][1] * sy / 5;
    }
    double dot = 0, cross = 0, norm = 0;
    for (int i = 0; i < 5; ++i) {
        const double x = src[i][0] - mx, y = src[i][1] - my;
        const double u = dst[i][0] * sx - nx, v = dst[i][1] * sy - ny;
        dot += x * u + y * v;
        cross += x * v - y * u;
        norm += x * x + y * y;
    }
    if (norm <= 1e-12)
        throw InputError("landmarks coincide: cannot align the face");
    const double a = dot / norm, b = cross / norm;
    cv::Mat m =
        (cv::Mat_<double>(2, 3) << a, -b, nx - (a * mx - b * my), b, a, ny - (b * mx + a * my));
    return m;
}

} // namespace

RgbImage cropFace(const RgbImage& image, const FaceBox& face, const CropOptions& options) {
    const cv::Mat rgb = toMat(image);
    if (options.align && face.landmarks.size() == 5) {
        const int w = options.width > 0 ? options.width : 112;
        const int h = options.height > 0 ? options.height : 112;
        const cv::Mat m = similarity(face.landmarks, kArcfaceTemplate, w / 112.0, h / 112.0);
        cv::Mat out;
        cv::warpAffine(rgb, out, m, cv::Size(w, h), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
        return fromMat(out);
    }
    const CropBox c = enlargeAndClip(face, image.width, image.height, options.enlarge);
    if (c.empty())
        throw InputError("face box [" + std::to_string(face.x1) + ", " + std::to_string(face.y1) +
                         ", " + std::to_string(face.x2) + ", " + std::to_string(face.y2) +
                         "] lies outside the " + std::to_string(image.width) + "x" +
                         std::to_string(image.height) + " image");
    return fromMat(resizeTo(rgb(cv::Rect(c.x1, c.y1, c.width(), c.height())), options));
}

RgbImage centreCrop(const RgbImage& image, const CropOptions& options) {
    const cv::Mat rgb = toMat(image);
    const int side = std::min(image.width, image.height);
    const cv::Rect r((image.width - side) / 2, (image.height - side) / 2, side, side);
    CropOptions o = options;
    if (o.align && o.width <= 0) {
        o.width = 112;
        o.height = 112;
    }
    return fromMat(resizeTo(rgb(r), o));
}

} // namespace fb
