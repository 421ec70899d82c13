// Reading, writing, cropping and aligning face images (seed Section 4.1). Torch-free.
#include "detect/face_image.h"

#include "data/image_decode.h"
#include "detect/face_alignment.h"

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

// The face warped so that its landmarks land on the template's points: insightface's norm_crop
// (cv2.warpAffine, bilinear, border 0).
cv::Mat alignFace(const cv::Mat& rgb, const FaceBox& face, const CropOptions& options) {
    if (face.landmarks.size() != 5)
        throw InputError("no five landmarks to align the face with (--align needs MTCNN or a "
                         "boxes CSV with landmark columns)");
    const int size = alignmentTemplateSize(options.align);
    const int w = options.width > 0 ? options.width : size;
    const int h = options.height > 0 ? options.height : size;
    const Affine2x3 t = similarityTransform(face.landmarks, alignmentTemplate(options.align, w, h));
    const cv::Mat m = (cv::Mat_<double>(2, 3) << t[0], t[1], t[2], t[3], t[4], t[5]);
    cv::Mat out;
    cv::warpAffine(rgb, out, m, cv::Size(w, h), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar::all(0));
    return out;
}

} // namespace

RgbImage cropFace(const RgbImage& image, const FaceBox& face, const CropOptions& options) {
    const cv::Mat rgb = toMat(image);
    if (options.align != "none")
        return fromMat(alignFace(rgb, face, options));
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
    if (o.align != "none" && o.width <= 0) // the size the aligned faces have
        o.width = o.height = alignmentTemplateSize(o.align);
    return fromMat(resizeTo(rgb(r), o));
}

} // namespace fb
