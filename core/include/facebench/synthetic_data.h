#pragma once
// Synthetic face data: procedurally drawn identities under the nuisance factors of the
// seed's test sets (Section 3.2), written in the real datasets' own layouts so the same readers
// and protocols run on it as on LFW, VGGFace2, IJB-A, DFW and UMDFaces. Torch-free; the GUI
// runs SynthJob on a worker thread, the CLI in `data synth`.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace fb {

struct SynthOptions {
    std::string outDir;
    int identities = 200;       // training identities (--identities)
    int imagesPerIdentity = 20; // images per training identity (--images-per-identity)
    // Test identities. Each gets a fixed schedule of images (the protocols need it, see
    // synth_plan.cpp); LFW's 10 subject-disjoint folds of 300 matched pairs need at least 20.
    int testIdentities = 100;
    int width = 96; // crop width; 96x112 (WxH) is SphereFace's 112x96 (HxW), seed Table 2
    int height = 112;
    std::uint64_t seed = 1;
    bool canvas = false; // larger scenes with the face anywhere, plus boxes.csv
    bool force = false;  // replace a non-empty outDir
    int threads = 0;     // 0: one per hardware thread
};

// Smallest crop side a face can be drawn at with its features still distinguishable.
constexpr int kSynthMinSide = 32;
constexpr int kSynthMaxSide = 1024;
constexpr int kSynthMinTestIdentities = 20;

struct SynthProgress {
    std::string stage; // "plan", "render", "protocols", "done"
    long long done = 0;
    long long total = 0;
};

struct SynthResult {
    std::string outDir;
    long long trainImages = 0;
    long long testImages = 0;
    long long lfwImages = 0;
    int trainIdentities = 0;
    int testIdentities = 0;
    long long lfwPairs = 0;
    long long poseTemplates = 0;
    long long ageTemplates = 0;
    long long dfwImages = 0;
    long long umdPairs = 0; // all three tracks together
    // InsightFace .bin sets under bin/: lfw.bin, cfp_fp.bin (frontal-profile), agedb_30.bin
    // (young-mature)
    long long binLfwPairs = 0, binCfpFpPairs = 0, binAgedbPairs = 0;
    long long ijbTemplates = 0, ijbPairs = 0; // IJB-C-style files under ijb/
    double seconds = 0.0;
    std::string metaPath;
};

// Parses "WxH" (e.g. "96x112"). Throws InputError naming `option` on anything else.
void parseSizeText(const std::string& text, const std::string& option, int& width, int& height);

// Checks every option before anything is written; throws InputError naming the option at fault.
void validateSynthOptions(const SynthOptions& options);

// The long job of docs/ARCHITECTURE.md: run() writes the whole dataset into a temporary folder
// beside outDir and renames it into place at the end, so an error or cancel() leaves nothing
// behind.
class SynthJob {
public:
    using ProgressCallback = std::function<void(const SynthProgress&)>;

    explicit SynthJob(SynthOptions options);
    // Throws InputError for bad options, JobError when writing fails or the job was cancelled.
    SynthResult run(const ProgressCallback& progress = {});
    void cancel() { m_cancel = true; }
    bool cancelled() const { return m_cancel; }

private:
    SynthOptions m_options;
    std::atomic_bool m_cancel{false};
};

// Writes a PNG contact sheet: one row per nuisance factor (yaw, age, quality, disguise,
// look-alike, illumination, expression, background), crops of `width` x `height`.
void writeSynthContactSheet(const std::string& path, std::uint64_t seed, int width, int height);

} // namespace fb
