#include "face_crop_task.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImageReader>

#include <cstring>
#include <exception>

#include <facebench/ui/to_qstring.h>

namespace fb::ui {
namespace {

// The image as RGB: files through the core's reader (the same decoder as the crop verb),
// RecordIO records through Qt from their bytes.
fb::RgbImage decodeRgb(const fb::IndexedImage& image) {
    if (image.offset < 0)
        return fb::readRgbImage(image.path);
    const std::vector<unsigned char> data = fb::readImageBytes(image);
    QByteArray bytes(reinterpret_cast<const char*>(data.data()),
                     static_cast<qsizetype>(data.size()));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QImage decoded = reader.read();
    if (decoded.isNull())
        throw std::runtime_error(
            QCoreApplication::translate("FaceCropTask",
                                        "%1 (record at %2): cannot decode the image (%3)")
                .arg(toQString(image.path), QString::number(image.offset), reader.errorString())
                .toStdString());
    return toRgbImage(decoded);
}

} // namespace

std::vector<fb::FaceBox> DetectorCache::detect(const QString& detector, int minFace,
                                               const fb::RgbImage& image, double* seconds) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    auto& slot = m_detectors[{detector, minFace}];
    if (!slot) {
        fb::DetectorOptions options;
        options.detector = detector.toStdString();
        options.minFace = minFace;
        slot = fb::FaceDetector::create(options); // throws: nothing cached
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<fb::FaceBox> faces = slot->detect(image);
    if (seconds)
        *seconds = timer.nsecsElapsed() * 1e-9;
    return faces;
}

fb::RgbImage toRgbImage(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    fb::RgbImage out;
    out.width = rgb.width();
    out.height = rgb.height();
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    // QImage rows are 4-byte aligned; RgbImage rows are packed.
    for (int y = 0; y < out.height; ++y)
        std::memcpy(out.pixels.data() + static_cast<std::size_t>(y) * out.width * 3,
                    rgb.constScanLine(y), static_cast<std::size_t>(out.width) * 3);
    return out;
}

QImage toQImage(const fb::RgbImage& image) {
    if (image.empty())
        return {};
    QImage out(image.width, image.height, QImage::Format_RGB888);
    for (int y = 0; y < image.height; ++y)
        std::memcpy(out.scanLine(y),
                    image.pixels.data() + static_cast<std::size_t>(y) * image.width * 3,
                    static_cast<std::size_t>(image.width) * 3);
    return out;
}

FaceCropResult computeFaceCrop(const FaceCropRequest& request, DetectorCache& detectors) {
    FaceCropResult result;
    fb::RgbImage rgb;
    try {
        rgb = decodeRgb(request.image);
    } catch (const std::exception& e) {
        result.error = toQString(e.what());
        return result;
    }
    result.image = toQImage(rgb);

    fb::CropOptions crop;
    crop.enlarge = request.enlarge;
    crop.width = request.inputWidth;
    crop.height = request.inputHeight;
    try {
        if (request.detector == QLatin1String("none")) {
            // A dataset cropped already: the loader resizes the whole image.
            fb::FaceBox whole;
            whole.x2 = rgb.width;
            whole.y2 = rgb.height;
            crop.enlarge = 0;
            result.cropBox = fb::enlargeAndClip(whole, rgb.width, rgb.height, 0.0);
            result.crop = toQImage(fb::cropFace(rgb, whole, crop));
            return result;
        }
        if (request.detector == QLatin1String("boxes"))
            result.faces = request.providedFaces;
        else
            result.faces =
                detectors.detect(request.detector, request.minFace, rgb, &result.seconds);
        result.picked = fb::pickFace(result.faces, rgb.width, rgb.height);
        if (result.picked == fb::kNoFace) {
            // The crop verb's rule for a test image without a face (CropRequest::noFace "auto"):
            // centre-cropped and flagged.
            result.centreCropped = true;
            result.crop = toQImage(fb::centreCrop(rgb, crop));
            return result;
        }
        const fb::FaceBox& face = result.faces[result.picked];
        result.cropBox = fb::enlargeAndClip(face, rgb.width, rgb.height, request.enlarge);
        result.crop = toQImage(fb::cropFace(rgb, face, crop));
    } catch (const std::exception& e) {
        result.error = toQString(e.what());
    }
    return result;
}

} // namespace fb::ui
