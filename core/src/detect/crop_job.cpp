// The crop verb's job (seed Section 4.1): detect (or take the provided box), pick one
// face, crop with the 15% margin and resize (or align it on its landmarks), write the same
// layout under outDir, and a report.
// Per-image problems are recorded, never fatal for the batch. Torch-free: the detectors behind
// FaceDetector::create hold the torch code.
#include "detect/boxes_csv.h"
#include "detect/face_alignment.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/face_detection.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace fb {
namespace fs = std::filesystem;
namespace {

bool isImageFile(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    static const std::set<std::string> known = {".jpg", ".jpeg", ".png",  ".bmp", ".ppm",
                                                ".pgm", ".tif",  ".tiff", ".webp"};
    return known.count(ext) > 0;
}

// Images below inDir, relative, sorted; the output folder is skipped when it lies inside.
std::vector<std::string> listImages(const fs::path& inDir, const fs::path& outDir) {
    std::vector<std::string> files;
    std::error_code ec;
    const fs::path outCanon = fs::weakly_canonical(outDir, ec);
    for (auto it = fs::recursive_directory_iterator(
             inDir, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
            break;
        if (it->is_directory() && fs::weakly_canonical(it->path(), ec) == outCanon) {
            it.disable_recursion_pending();
            continue;
        }
        // Lexically, not fs::relative: that resolves symbolic links, and a linked image would
        // get a "../.." path that writes its crop over the link's target outside --out.
        if (it->is_regular_file() && isImageFile(it->path()))
            files.push_back(it->path().lexically_relative(inDir).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool isTrainingPath(const std::string& rel) {
    for (const auto& part : fs::path(rel))
        if (part == "train")
            return true;
    return false;
}

struct Outcome {
    std::string kind; // cropped | discarded | flagged | failed
    std::string message;
    bool multiple = false;
    FaceBox face;
};

using BoxesByImage = std::map<std::string, std::vector<FaceBox>>;

// Everything that makes the whole request bad, before anything is written.
void validateCropRequest(const CropRequest& r) {
    if (r.inDir.empty() || !fs::is_directory(r.inDir))
        throw InputError(SourceLocation{r.inDir}, "in", "not a folder");
    if (r.outDir.empty())
        throw InputError(SourceLocation{}, "out", "an output folder is required");
    std::error_code ec;
    if (fs::exists(r.outDir) && fs::equivalent(r.inDir, r.outDir, ec))
        throw InputError(SourceLocation{r.outDir}, "out", "must differ from the input folder");
    if (r.noFace != "auto" && r.noFace != "discard" && r.noFace != "centre")
        throw InputError(SourceLocation{}, "no-face",
                         "'" + r.noFace + "' is not one of auto, discard, centre");
    if (!(r.crop.enlarge >= 0 && r.crop.enlarge <= 2))
        throw InputError(SourceLocation{}, "enlarge", "must lie in [0, 2]");
    if (r.crop.width < 0 || r.crop.height < 0 || (r.crop.width == 0) != (r.crop.height == 0))
        throw InputError(SourceLocation{}, "size", "must be WxH with both positive");
    if (r.crop.align != "none") {
        alignmentTemplateSize(r.crop.align); // InputError naming the known templates
        if (r.detector == "haar")
            throw InputError(SourceLocation{}, "align",
                             "the Haar detector gives no landmarks to align with: use mtcnn, or "
                             "boxes with landmark columns");
    }
}

// Detects (detector) or looks up (boxes) the faces of inDir/rel, picks one and writes its crop
// to outDir/rel. A problem with this one image is its outcome, not an exception.
Outcome cropImage(const CropRequest& r, const std::string& rel, FaceDetector* detector,
                  const BoxesByImage& boxes) {
    Outcome o;
    try {
        const fs::path in = fs::path(r.inDir) / rel;
        const RgbImage image = readRgbImage(in.string());
        std::vector<FaceBox> faces;
        if (!detector) {
            const auto it = boxes.find(rel);
            if (it != boxes.end())
                faces = it->second;
        } else {
            faces = detector->detect(image);
        }
        const fs::path out = fs::path(r.outDir) / rel;
        fs::create_directories(out.parent_path());
        const std::size_t pick = pickFace(faces, image.width, image.height);
        if (pick == kNoFace) {
            const bool discard =
                r.noFace == "discard" || (r.noFace == "auto" && isTrainingPath(rel));
            if (discard) {
                o.kind = "discarded";
            } else {
                writeRgbImage(out.string(), centreCrop(image, r.crop));
                o.kind = "flagged";
            }
            return o;
        }
        o.face = faces[pick];
        o.multiple = faces.size() > 1;
        if (enlargeAndClip(o.face, image.width, image.height, 0.0).empty())
            throw InputError("box [" + std::to_string(o.face.x1) + ", " +
                             std::to_string(o.face.y1) + ", " + std::to_string(o.face.x2) + ", " +
                             std::to_string(o.face.y2) + "] lies outside the " +
                             std::to_string(image.width) + "x" + std::to_string(image.height) +
                             " image");
        writeRgbImage(out.string(), cropFace(image, o.face, r.crop));
        o.kind = "cropped";
    } catch (const std::exception& e) {
        o.kind = "failed";
        o.message = e.what();
    }
    return o;
}

// crop_boxes.csv: the face each crop came from, the alignment it got and the landmarks it was
// aligned with (empty cells for a face without landmarks).
constexpr const char* kBoxesHeader =
    "image,x1,y1,x2,y2,score,align,left_eye_x,left_eye_y,right_eye_x,right_eye_y,nose_x,nose_y,"
    "mouth_left_x,mouth_left_y,mouth_right_x,mouth_right_y\n";

std::string boxRow(const FaceBox& face, const std::string& align) {
    char cell[96];
    std::snprintf(cell, sizeof cell, ",%.2f,%.2f,%.2f,%.2f,%.4f,", face.x1, face.y1, face.x2,
                  face.y2, face.score);
    std::string row = cell + align;
    for (std::size_t k = 0; k < 5; ++k) {
        if (k < face.landmarks.size()) {
            std::snprintf(cell, sizeof cell, ",%.2f,%.2f", face.landmarks[k][0],
                          face.landmarks[k][1]);
            row += cell;
        } else {
            row += ",,";
        }
    }
    return row + "\n";
}

// The counts and file lists of the outcomes; boxText gets a crop_boxes.csv row per crop. An
// outcome without a kind was never reached (cancelled).
CropResult tallyOutcomes(const std::vector<std::string>& files,
                         const std::vector<Outcome>& outcomes, const std::string& align,
                         std::string& boxText) {
    CropResult result;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Outcome& o = outcomes[i];
        if (o.kind.empty())
            continue;
        ++result.images;
        if (o.kind == "cropped") {
            ++result.cropped;
            if (o.multiple)
                ++result.multipleFaces;
            boxText += files[i] + boxRow(o.face, align);
        } else if (o.kind == "discarded") {
            ++result.discarded;
            result.discardedFiles.push_back(files[i]);
        } else if (o.kind == "flagged") {
            ++result.flagged;
            result.flaggedFiles.push_back(files[i]);
        } else {
            ++result.failed;
            result.failures.push_back({files[i], o.message});
        }
    }
    return result;
}

// crop_report.json: the request, the counts and every file that was not cropped.
nlohmann::json cropReport(const CropRequest& r, const CropResult& result) {
    nlohmann::json report;
    report["detector"] = r.detector;
    if (r.detector == "boxes")
        report["boxes"] = r.boxesFile;
    report["in"] = r.inDir;
    report["out"] = r.outDir;
    report["enlarge"] = r.crop.enlarge;
    report["size"] = {r.crop.width, r.crop.height};
    report["align"] = r.crop.align;
    report["counts"] = {{"images", result.images},       {"cropped", result.cropped},
                        {"discarded", result.discarded}, {"flagged", result.flagged},
                        {"failed", result.failed},       {"multiple_faces", result.multipleFaces}};
    report["discarded"] = result.discardedFiles;
    report["flagged"] = result.flaggedFiles;
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& f : result.failures)
        failures.push_back({{"file", f.file}, {"problem", f.problem}});
    report["failed"] = failures;
    report["cancelled"] = result.cancelled;
    report["seconds"] = result.seconds;
    return report;
}

} // namespace

CropJob::CropJob(CropRequest request) : m_request(std::move(request)) {}
CropJob::~CropJob() = default;

CropResult CropJob::run(const ProgressCallback& progress) {
    const auto start = std::chrono::steady_clock::now();
    const CropRequest& r = m_request;
    validateCropRequest(r);
    const int workers = std::max(1, r.workers);
    const bool provided = r.detector == "boxes";
    BoxesByImage boxes;
    std::vector<std::unique_ptr<FaceDetector>> detectors;
    if (provided) {
        if (r.boxesFile.empty())
            throw InputError(SourceLocation{}, "detector", "boxes needs a CSV: boxes:FILE");
        boxes = readBoxesCsv(r.boxesFile);
    } else {
        DetectorOptions d = r.detectorOptions;
        d.detector = r.detector;
        for (int i = 0; i < workers; ++i)
            detectors.push_back(FaceDetector::create(d)); // one per worker: not thread-safe
    }

    std::vector<std::string> files = listImages(r.inDir, r.outDir);
    if (provided) // images the CSV names but the folder lacks are reported as failures
        for (const auto& [image, list] : boxes)
            if (!std::binary_search(files.begin(), files.end(), image))
                files.insert(std::upper_bound(files.begin(), files.end(), image), image);
    std::error_code ec;
    fs::create_directories(r.outDir, ec);
    if (ec)
        throw InputError(SourceLocation{r.outDir}, "out", "cannot create: " + ec.message());

    // Workers take images by index, each with its own detector.
    std::vector<Outcome> outcomes(files.size());
    std::atomic<std::size_t> next{0};
    std::mutex progressMutex;
    std::size_t done = 0;
    auto worker = [&](FaceDetector* detector) {
        for (;;) {
            if (m_cancel.load())
                return;
            const std::size_t i = next.fetch_add(1);
            if (i >= files.size())
                return;
            outcomes[i] = cropImage(r, files[i], detector, boxes);
            if (progress) {
                std::lock_guard<std::mutex> lock(progressMutex);
                progress({++done, files.size(), files[i], outcomes[i].kind, outcomes[i].message});
            }
        }
    };
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w)
        threads.emplace_back(worker, provided ? nullptr : detectors[w].get());
    worker(provided ? nullptr : detectors[0].get());
    for (auto& t : threads)
        t.join();

    std::string boxText = kBoxesHeader;
    CropResult result = tallyOutcomes(files, outcomes, r.crop.align, boxText);
    result.cancelled = m_cancel.load();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.reportPath = (fs::path(r.outDir) / "crop_report.json").string();
    writeFileAtomically(result.reportPath, cropReport(r, result).dump(2) + "\n");
    writeFileAtomically((fs::path(r.outDir) / "crop_boxes.csv").string(), boxText);
    return result;
}

} // namespace fb
