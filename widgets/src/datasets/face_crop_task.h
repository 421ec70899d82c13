#pragma once
// The work behind the face-crop preview (the crop verb's crop, seed Section 4.1 and Fig. 1), for
// one image, on a worker thread: decode, detect (MTCNN, Haar, or none), pick the face facenet would
// (pickFace), enlarge the box by 15% on each side and clip it (enlargeAndClip), and crop it to
// the model's input size (cropFace). Uses only the torch-free core API.
#include <QImage>
#include <QString>

#include <facebench/dataset_index.h>
#include <facebench/face_detection.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace fb::ui {

struct FaceCropRequest {
    fb::IndexedImage image;
    // "mtcnn", "haar", "none" (the whole image resized: a dataset already cropped), or
    // "boxes" (providedFaces, e.g. from a dataset's boxes.csv).
    QString detector = QStringLiteral("mtcnn");
    std::vector<fb::FaceBox> providedFaces;
    int inputWidth = 96; // the model's input (Table 2), the crop's output size
    int inputHeight = 112;
    double enlarge = 0.15; // Section 4.1: 15% of the box on each side
    int minFace = 20;      // facenet's minimum face size (pixels)
};

struct FaceCropResult {
    QImage image; // the whole image, RGB888; null when it could not be decoded
    std::vector<fb::FaceBox> faces;
    std::size_t picked = fb::kNoFace; // index into faces
    fb::CropBox cropBox;              // enlargeAndClip(faces[picked]); the whole image for "none"
    QImage crop;                      // inputWidth x inputHeight
    bool centreCropped = false;       // no face found: the test-set fallback (centreCrop)
    QString error;                    // decode or detector problem, to show as is
    double seconds = 0;               // detection time (without loading the detector)
};

// Detectors by name, created on first use and reused: MTCNN loads its weights once. A
// FaceDetector is not thread-safe, so detect() holds the cache's lock while it runs.
class DetectorCache {
public:
    // Runs `detector` on `image`; throws what FaceDetector::create throws (missing MTCNN weights:
    // InputError naming the setup command).
    // seconds: the detection alone, without creating the detector (loading MTCNN's weights).
    std::vector<fb::FaceBox> detect(const QString& detector, int minFace, const fb::RgbImage& image,
                                    double* seconds = nullptr);

private:
    std::mutex m_mutex;
    std::map<std::pair<QString, int>, std::unique_ptr<fb::FaceDetector>> m_detectors;
};

fb::RgbImage toRgbImage(const QImage& image);
QImage toQImage(const fb::RgbImage& image);

// Never throws: problems end up in result.error.
FaceCropResult computeFaceCrop(const FaceCropRequest& request, DetectorCache& detectors);

} // namespace fb::ui
