// SynthJob: validates, plans, renders on worker threads into a temporary folder beside the
// output, writes meta.csv and the protocol files, and renames the folder into place.
#include "facebench/errors.h"
#include "facebench/synthetic_data.h"
#include "synth_bin_sets.h"
#include "synth_face.h"
#include "synth_ijb.h"
#include "synth_plan.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>

namespace fb {

namespace fs = std::filesystem;
using namespace synth;

void parseSizeText(const std::string& text, const std::string& option, int& width, int& height) {
    int w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X'))
        throw InputError(SourceLocation{}, option, "'" + text + "' is not WxH (e.g. 96x112)");
    width = w;
    height = h;
}

void validateSynthOptions(const SynthOptions& o) {
    auto bad = [](const std::string& option, const std::string& problem) {
        throw InputError(SourceLocation{}, option, problem);
    };
    if (o.outDir.empty())
        bad("--out", "an output folder is required");
    if (o.identities < 1)
        bad("--identities", "must be at least 1 (got " + std::to_string(o.identities) + ")");
    if (o.imagesPerIdentity < 1)
        bad("--images-per-identity",
            "must be at least 1 (got " + std::to_string(o.imagesPerIdentity) + ")");
    if (o.testIdentities < kSynthMinTestIdentities)
        bad("--test-identities",
            "must be at least " + std::to_string(kSynthMinTestIdentities) +
                ": LFW's 10 subject-disjoint folds of 300 matched pairs need two identities a fold "
                "(got " +
                std::to_string(o.testIdentities) + ")");
    if (o.width < kSynthMinSide || o.height < kSynthMinSide)
        bad("--size", std::to_string(o.width) + "x" + std::to_string(o.height) +
                          " is too small to draw a face; the minimum is " +
                          std::to_string(kSynthMinSide) + "x" + std::to_string(kSynthMinSide));
    if (o.width > kSynthMaxSide || o.height > kSynthMaxSide)
        bad("--size", "at most " + std::to_string(kSynthMaxSide) + " a side");
    const long long images =
        (long long)o.identities * o.imagesPerIdentity +
        (long long)o.testIdentities * (kTestImagesPerIdentity + kLookalikeImages);
    if (o.identities > 1000000 || o.testIdentities > 100000 || o.imagesPerIdentity > 100000 ||
        images > 50000000)
        bad("--identities",
            "at most 50 million images in one set (asked for " + std::to_string(images) + ")");
    const fs::path out(o.outDir);
    std::error_code ec;
    if (fs::exists(out, ec)) {
        if (!fs::is_directory(out, ec))
            bad("--out", "'" + o.outDir + "' exists and is not a folder");
        if (!fs::is_empty(out, ec) && !o.force)
            bad("--out", "'" + o.outDir + "' is not empty; pass --force to replace it");
        // --force replaces the folder wholesale; never the root or a folder holding the cwd.
        const fs::path target = fs::weakly_canonical(out, ec);
        const fs::path here = fs::current_path(ec);
        const auto mismatch = std::mismatch(target.begin(), target.end(), here.begin(), here.end());
        if (target == target.root_path() || mismatch.first == target.end())
            bad("--out", "refusing to replace '" + o.outDir +
                             "': it is the root or holds the current folder");
    }
}

namespace {

void writeBytes(const fs::path& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), std::streamsize(size));
    out.close();
    if (!out)
        throw JobError("cannot write " + path.string());
}

void writeText(const fs::path& path, const std::string& text) {
    writeBytes(path, text.data(), text.size());
}

std::string fixed(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string metaRow(const PlannedImage& image, const std::string& path, const std::string& split) {
    const ImageFactors& f = image.factors;
    return path + "," + split + "," + image.identity + "," + image.lookalikeOf + "," +
           yawName(f.yaw) + "," + fixed(f.yawDeg, 1) + "," + ageName(f.age) + "," +
           qualityName(f.quality) + "," + disguiseName(f.disguise) + "," +
           expressionName(f.expression) + "," + fixed(f.lightAzimuth * 57.29577951308232, 1) + "," +
           fixed(f.lightIntensity, 2) + "," + std::to_string(f.background) + "," + fixed(f.dx, 3) +
           "," + fixed(f.dy, 3) + "," + fixed(f.roll, 1) + "\n";
}

const char* const kLayoutNote =
    "Synthetic faces written by `facebench-cli data synth` (FaceBench). Layout:\n"
    "  train/<identity>/<n>.jpg       training identities (disjoint from test/)\n"
    "  test/<identity>/<n>.jpg        test identities, 41 images each on a fixed schedule\n"
    "  test/<identity>-lookalike/     two images of a look-alike (DFW impersonator)\n"
    "  meta.csv                       every image: identity and factors\n"
    "  boxes.csv                      with --canvas: face box (image,x,y,w,h)\n"
    "  lfw/Name/Name_0001.jpg         LFW layout (hard links into test/), lfw/pairs.txt\n"
    "                                 (10 folds of 300 matched + 300 mismatched), lfw-names.txt\n"
    "  vggface2/test_posetemp_imglist.txt  per identity 2 frontal, 2 three-quarter, 2 profile\n"
    "                                 templates of 5 images; test_agetemp_imglist.txt: 2 young,\n"
    "                                 2 mature; paths relative to test/\n"
    "  quality/{low,middle,high}.txt  IJB-A-style quality lists (Low2High, Middle2High)\n"
    "  dfw/test_image_list.txt, dfw/mask_matrix_test.txt  1 genuine, 2 impostor, 0 ignored\n"
    "  umdfaces/{easy,moderate,difficult}.txt  image1<TAB>image2<TAB>label by yaw difference\n"
    "  bin/{lfw,cfp_fp,agedb_30}.bin  InsightFace .bin sets: LFW's pairs, frontal-profile and\n"
    "                                 young-mature pairs in 10 subject-disjoint folds\n"
    "  ijb/meta/ijbc_*                IJB-C-style templates (media of 3 frames), 1:1 pairs,\n"
    "                                 face scores, 1:N galleries G1/G2 and mixed probes\n";

// Removes the temporary folder unless the job got as far as renaming it.
struct TempFolder {
    fs::path path;
    bool keep = false;
    ~TempFolder() {
        std::error_code ec;
        if (!keep && !path.empty())
            fs::remove_all(path, ec);
    }
};

using ProgressCallback = SynthJob::ProgressCallback;

void report(const ProgressCallback& progress, const std::string& stage, long long done,
            long long total) {
    if (progress)
        progress({stage, done, total});
}

// The output folder as an absolute path without a trailing separator.
fs::path outputPath(const SynthOptions& o) {
    const fs::path out = fs::absolute(fs::path(o.outDir)).lexically_normal();
    return out.filename().empty() ? out.parent_path() : out;
}

// A hidden temporary folder beside the output, with every folder the plan writes into.
void createTempFolder(TempFolder& temp, const fs::path& outPath, const Plan& plan) {
    const fs::path parent = outPath.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        throw InputError(SourceLocation{}, "--out",
                         "cannot create '" + parent.string() + "': " + ec.message());
    temp.path = parent / ("." + outPath.filename().string() + ".synth-tmp-" +
                          std::to_string(std::random_device{}()));
    fs::create_directories(temp.path, ec);
    if (ec)
        throw InputError(SourceLocation{}, "--out",
                         "cannot write in '" + parent.string() + "': " + ec.message());
    for (const char* folder : {"lfw", "vggface2", "quality", "dfw", "umdfaces"})
        fs::create_directories(temp.path / folder);
    for (const PlannedImage& image : plan.images)
        fs::create_directories((temp.path / image.path).parent_path());
}

// Renders and writes every planned image into folder. Workers take images by index; each image
// has its own seed, so the bytes do not depend on the thread count or the order. Returns each
// image's face box on its canvas (empty without --canvas).
std::vector<cv::Rect> renderImages(const SynthOptions& o, const Plan& plan, const fs::path& folder,
                                   const std::atomic_bool& cancel,
                                   const ProgressCallback& progress) {
    const std::size_t total = plan.images.size();
    std::vector<cv::Rect> boxes(o.canvas ? total : 0);
    std::atomic<std::size_t> next{0}, done{0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&](bool reporter) {
        auto lastReport = std::chrono::steady_clock::now();
        for (;;) {
            if (cancel || failure)
                return;
            const std::size_t i = next++;
            if (i >= total)
                return;
            try {
                const PlannedImage& image = plan.images[i];
                const IdentityTraits& traits = plan.people[std::size_t(image.person)];
                cv::Mat pixels;
                if (o.canvas) {
                    Rng placement(mix(image.seed, 1));
                    pixels =
                        renderScene(traits, image.factors, o.width, o.height, placement, boxes[i]);
                } else {
                    pixels = renderCrop(traits, image.factors, o.width, o.height);
                }
                const std::vector<unsigned char> bytes =
                    degradeAndEncode(pixels, image.factors.quality, image.seed);
                writeBytes(folder / image.path, bytes.data(), bytes.size());
            } catch (...) {
                std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                return;
            }
            ++done;
            const auto now = std::chrono::steady_clock::now();
            if (reporter && now - lastReport > std::chrono::milliseconds(100)) {
                report(progress, "render", (long long)done, (long long)total);
                lastReport = now;
            }
        }
    };
    const int threads =
        o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, false);
    work(true);
    for (std::thread& thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
    if (cancel)
        throw JobError("cancelled");
    report(progress, "render", (long long)total, (long long)total);
    return boxes;
}

// LFW's layout and the protocol lists of every evaluation set.
void writeProtocolFiles(const Plan& plan, const fs::path& folder) {
    // LFW's layout as hard links to the test images (a copy where links are not possible).
    std::error_code ec;
    for (const LfwLink& link : plan.lfwLinks) {
        const fs::path target = folder / link.target;
        fs::create_directories(target.parent_path());
        fs::create_hard_link(folder / link.source, target, ec);
        if (ec)
            fs::copy_file(folder / link.source, target);
    }
    std::string names;
    for (const auto& [name, count] : plan.lfwNames)
        names += name + "\t" + std::to_string(count) + "\n";
    writeText(folder / "lfw/lfw-names.txt", names);
    writeText(folder / "lfw/pairs.txt", formatLfwPairs(plan.lfwPairs));
    writeText(folder / "vggface2/test_posetemp_imglist.txt", formatImageList(plan.poseTemplates));
    writeText(folder / "vggface2/test_agetemp_imglist.txt", formatImageList(plan.ageTemplates));
    writeText(folder / "quality/low.txt", formatImageList(plan.qualityLow));
    writeText(folder / "quality/middle.txt", formatImageList(plan.qualityMiddle));
    writeText(folder / "quality/high.txt", formatImageList(plan.qualityHigh));
    writeText(folder / "dfw/test_image_list.txt", formatImageList(plan.dfwImages));
    writeText(folder / "dfw/mask_matrix_test.txt", formatDfwMask(plan.dfwMask));
    static const char* tracks[] = {"easy", "moderate", "difficult"};
    for (int t = 0; t < 3; ++t)
        writeText(folder / ("umdfaces/" + std::string(tracks[t]) + ".txt"),
                  formatPairList(plan.umdTracks[t]));
}

// meta.csv (every image with its factors, LFW's links too), README.txt and, with --canvas,
// boxes.csv.
void writeMetadata(const Plan& plan, const std::vector<cv::Rect>& boxes, bool canvas,
                   const fs::path& folder) {
    std::string meta =
        "path,split,identity,lookalike_of,yaw,yaw_deg,age,quality,disguise,expression,"
        "light_azimuth_deg,light_intensity,background,dx,dy,roll_deg\n";
    std::string boxText = "image,x,y,w,h\n";
    auto boxRow = [&](const std::string& path, const cv::Rect& box) {
        boxText += path + "," + std::to_string(box.x) + "," + std::to_string(box.y) + "," +
                   std::to_string(box.width) + "," + std::to_string(box.height) + "\n";
    };
    for (std::size_t i = 0; i < plan.images.size(); ++i) {
        meta += metaRow(plan.images[i], plan.images[i].path, plan.images[i].split);
        if (canvas)
            boxRow(plan.images[i].path, boxes[i]);
    }
    for (const LfwLink& link : plan.lfwLinks) {
        meta += metaRow(plan.images[link.image], link.target, "lfw");
        if (canvas)
            boxRow(link.target, boxes[link.image]);
    }
    writeText(folder / "meta.csv", meta);
    writeText(folder / "README.txt", kLayoutNote);
    if (canvas)
        writeText(folder / "boxes.csv", boxText);
}

// Renames the finished temporary folder to outPath: an existing (empty, or --force) folder
// moves aside first, and comes back if the rename fails.
void moveIntoPlace(TempFolder& temp, const fs::path& outPath) {
    std::error_code ec;
    fs::path aside;
    if (fs::exists(outPath)) {
        aside = outPath.parent_path() / ("." + outPath.filename().string() + ".synth-old-" +
                                         std::to_string(std::random_device{}()));
        fs::rename(outPath, aside, ec);
        if (ec)
            throw JobError("cannot replace '" + outPath.string() + "': " + ec.message());
    }
    fs::rename(temp.path, outPath, ec);
    if (ec) {
        if (!aside.empty())
            fs::rename(aside, outPath);
        throw JobError("cannot move the dataset to '" + outPath.string() + "': " + ec.message());
    }
    temp.keep = true;
    if (!aside.empty())
        fs::remove_all(aside, ec);
}

// What the plan wrote, counted for the CLI's summary.
SynthResult summarize(const Plan& plan, const fs::path& outPath) {
    SynthResult result;
    result.outDir = outPath.string();
    result.metaPath = (outPath / "meta.csv").string();
    for (const PlannedImage& image : plan.images)
        (image.split == "train" ? result.trainImages : result.testImages)++;
    result.lfwImages = (long long)plan.lfwLinks.size();
    result.trainIdentities = int(plan.trainIdentities.size());
    result.testIdentities = int(plan.testIdentities.size());
    result.lfwPairs = (long long)plan.lfwPairs.pairs.size();
    result.poseTemplates = (long long)plan.poseTemplates.size() / kTemplateSize;
    result.ageTemplates = (long long)plan.ageTemplates.size() / kTemplateSize;
    result.dfwImages = (long long)plan.dfwImages.size();
    for (const auto& track : plan.umdTracks)
        result.umdPairs += (long long)track.size();
    return result;
}

} // namespace

SynthJob::SynthJob(SynthOptions options) : m_options(std::move(options)) {}

SynthResult SynthJob::run(const ProgressCallback& progress) {
    const auto start = std::chrono::steady_clock::now();
    validateSynthOptions(m_options);
    report(progress, "plan", 0, 1);
    const Plan plan = makePlan(m_options);
    const fs::path outPath = outputPath(m_options);
    TempFolder temp;
    createTempFolder(temp, outPath, plan);
    const std::vector<cv::Rect> boxes =
        renderImages(m_options, plan, temp.path, m_cancel, progress);
    report(progress, "protocols", 0, 1);
    writeProtocolFiles(plan, temp.path);
    const BinSetSizes bins = writeSynthBinSets(plan, temp.path, m_options.seed);
    const IjbSizes ijb = writeSynthIjb(plan, temp.path);
    writeMetadata(plan, boxes, m_options.canvas, temp.path);
    if (m_cancel)
        throw JobError("cancelled");
    moveIntoPlace(temp, outPath);
    SynthResult result = summarize(plan, outPath);
    result.binLfwPairs = bins.lfwPairs;
    result.binCfpFpPairs = bins.cfpFpPairs;
    result.binAgedbPairs = bins.agedbPairs;
    result.ijbTemplates = ijb.templates;
    result.ijbPairs = ijb.pairs;
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report(progress, "done", 1, 1);
    return result;
}

} // namespace fb
