// The Haar cascade detector (Viola-Jones, OpenCV objdetect) with opencv-data's frontal face
// cascade: a detector that works with no download. Torch-free.
#include "detect/detectors.h"
#include "detect/face_image.h"

#include "facebench/errors.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <filesystem>

namespace fb {
namespace {

std::string defaultCascade() {
    for (const char* dir : {"/usr/share/opencv4/haarcascades", "/usr/share/opencv/haarcascades",
                            "/usr/local/share/opencv4/haarcascades"}) {
        const auto path = std::filesystem::path(dir) / "haarcascade_frontalface_default.xml";
        if (std::filesystem::is_regular_file(path))
            return path.string();
    }
    return "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
}

class HaarDetector : public FaceDetector {
public:
    explicit HaarDetector(const DetectorOptions& options) : m_minFace(options.minFace) {
        const std::string path =
            options.cascadePath.empty() ? defaultCascade() : options.cascadePath;
        bool ok = false;
        try {
            ok = std::filesystem::is_regular_file(path) && m_cascade.load(path);
        } catch (const cv::Exception&) {
            ok = false;
        }
        if (!ok)
            throw InputError(SourceLocation{path}, "",
                             "cannot load the Haar cascade (Debian package opencv-data; "
                             "`bash packaging/setup.sh` installs it)");
        if (m_minFace < 1)
            throw InputError(SourceLocation{}, "min-face", "must be at least 1 pixel");
    }

    using FaceDetector::detect;
    std::vector<FaceBox> detect(const RgbImage& image) override {
        cv::Mat gray;
        cv::cvtColor(toMat(image), gray, cv::COLOR_RGB2GRAY);
        cv::equalizeHist(gray, gray);
        std::vector<cv::Rect> rects;
        std::vector<int> neighbours;
        // OpenCV's usual settings: scale step 1.1, 3 neighbours.
        m_cascade.detectMultiScale(gray, rects, neighbours, 1.1, 3, 0,
                                   cv::Size(m_minFace, m_minFace));
        std::vector<FaceBox> faces;
        for (std::size_t i = 0; i < rects.size(); ++i) {
            const auto& r = rects[i];
            faces.push_back(
                {double(r.x), double(r.y), double(r.x + r.width), double(r.y + r.height), 1.0, {}});
        }
        return faces;
    }

private:
    cv::CascadeClassifier m_cascade;
    int m_minFace;
};

} // namespace

std::unique_ptr<FaceDetector> makeHaarDetector(const DetectorOptions& options) {
    return std::make_unique<HaarDetector>(options);
}

} // namespace fb
