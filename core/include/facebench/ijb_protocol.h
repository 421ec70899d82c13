#pragma once
// IJB-B / IJB-C template protocols (Whitelam et al. 2017, Maze et al. 2018) as arcface_torch's
// eval_ijbc.py runs them, on image features from any source. Torch-free.
//
// Native meta files (prefix ijbb_ or ijbc_):
//   *_face_tid_mid.txt            "image template_id media_id" per image
//   *_template_pair_label.txt     "template1 template2 label" per 1:1 pair (1 genuine)
//   *_name_5pts_score.txt         optional: "image x1 y1 ... x5 y5 face_score"
//   *_1N_gallery_G1.csv, *_1N_gallery_G2.csv, *_1N_probe_mixed.csv   optional 1:N lists: a
//       header naming TEMPLATE_ID and SUBJECT_ID (other columns ignored), a row per image; the
//       template ids index the templates of *_face_tid_mid.txt.
//
// Template features (arcface_torch's image2template_feature): each image's feature (times its
// face score when scores are given), the mean over the images of each media (a video's frames,
// or one still), the sum over the template's media, L2-normalised. 1:1: the cosine of the two
// templates; TAR at FAR 1e-6 .. 1e-1 by the exact ROC core (verification_metrics.h). 1:N, per
// gallery: a probe's score for a gallery subject is the best over the subject's templates;
// closed set over the mated probes (subject in the gallery): rank = 1 + the number of other
// subjects scoring strictly higher, CMC(k) = share of mated probes with rank <= k; open set:
// tau at FPIR f is the TAR@FAR envelope threshold over the non-mated probes' best scores
// (k = floor(f |N|), tau = the (k+1)-th largest, a probe is "returned" iff score > tau),
// TPIR(f) = share of mated probes with rank 1 and mate score > tau.
#include "facebench/verification_intervals.h"
#include "facebench/verification_metrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fb {

// Readers bound every count before allocating: at most kIjbMaxRows rows a file; ids fit in 32
// bits. They throw InputError naming file:line for a malformed row.
constexpr std::size_t kIjbMaxRows = 100000000;

struct IjbImages {
    std::vector<std::string> names; // as listed ("1.jpg")
    std::vector<std::int32_t> templateId;
    std::vector<std::int32_t> mediaId;
};
IjbImages readIjbFaceList(const std::string& path);

struct IjbPairs {
    std::vector<std::int32_t> template1, template2;
    std::vector<bool> same;
};
IjbPairs readIjbTemplatePairs(const std::string& path);

// Face scores in the order of `names` (the face list's). Throws InputError naming the file for
// an image it lacks.
std::vector<float> readIjbFaceScores(const std::string& path,
                                     const std::vector<std::string>& names);

struct IjbTemplateSubjects {
    std::vector<std::int32_t> templateId; // one per template, in order of first appearance
    std::vector<std::int32_t> subjectId;
};
IjbTemplateSubjects readIjbTemplateSubjects(const std::string& csvPath);

// Pooled, L2-normalised template features.
struct IjbTemplates {
    std::int64_t dim = 0;
    std::vector<std::int32_t> ids;           // sorted ascending
    std::vector<float> features;             // ids.size() x dim
    std::int64_t row(std::int32_t id) const; // -1 when unknown
};
// `features`: images.names.size() x dim; `faceScores` empty or one per image.
IjbTemplates poolIjbTemplates(const IjbImages& images, const float* features, std::int64_t dim,
                              const std::vector<float>& faceScores = {});

// The 1:1 cosine of every pair (two threads). Throws InputError naming `source` for a template
// id the face list lacks.
std::vector<double> scoreIjbPairs(const IjbTemplates& templates, const IjbPairs& pairs,
                                  const std::string& source);

struct IjbIdentification {
    std::string gallery;
    std::int64_t galleryTemplates = 0, gallerySubjects = 0;
    std::int64_t matedProbes = 0, nonMatedProbes = 0;
    std::vector<int> ranks;  // CMC ranks reported: 1 .. min(gallery subjects, 20)
    std::vector<double> cmc; // identification rate at each of `ranks`
    std::vector<ConfidenceInterval> cmcIntervals; // rank 1, 5, 10 (when present) ...
    std::vector<int> intervalRanks;               // ... at these ranks
    std::vector<double> fpirs;
    std::vector<double> tpir;
    std::vector<double> tpirThresholds;
    std::vector<bool> tpirResolvable; // false when non-mated probes < 1/FPIR
    std::vector<ConfidenceInterval> tpirIntervals;
    std::string intervalMethod;
};

// Closed- and open-set identification of `probes` against one gallery. Probes and gallery
// templates must exist in `templates` (InputError naming `source` otherwise). Intervals: the
// percentile bootstrap over probe subjects (options.replicates = 0: none).
IjbIdentification identifyIjb(const IjbTemplates& templates, const IjbTemplateSubjects& gallery,
                              const IjbTemplateSubjects& probes, const std::vector<double>& fpirs,
                              const BootstrapOptions& options, const std::string& source);

} // namespace fb
