// IJB-B/C template features, 1:1 scores and 1:N identification (facebench/ijb_protocol.h).
// Sized for IJB-C from given features: 470k images pooled in one sorted pass, 15.6 million pair
// cosines and the probe x gallery score matrices on two threads with dot products the compiler
// vectorises (eight independent partial sums).
#include "facebench/errors.h"
#include "facebench/ijb_protocol.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace fb {

namespace {

// 16 independent partial sums, each the same sequence of float operations whatever the vector
// width: the AVX2 clone (picked at run time where the CPU has it) and the SSE2 default give
// the same bits. No FMA: ISO C++ mode keeps multiply and add apart.
__attribute__((target_clones("avx2", "default"))) float dotFloat(const float* a, const float* b,
                                                                 std::int64_t dim) {
    float partial[16] = {};
    std::int64_t i = 0;
    for (; i + 16 <= dim; i += 16)
        for (int k = 0; k < 16; ++k)
            partial[k] += a[i + k] * b[i + k];
    for (; i < dim; ++i)
        partial[0] += a[i] * b[i];
    for (int width = 8; width > 0; width /= 2)
        for (int k = 0; k < width; ++k)
            partial[k] += partial[k + width];
    return partial[0];
}

// Runs body(begin, end) over [0, n), on two threads when the work is large.
template <typename Body> void parallelFor(std::size_t n, bool large, Body&& body) {
    if (!large || n < 2 || std::thread::hardware_concurrency() < 2) {
        body(std::size_t{0}, n);
        return;
    }
    std::thread worker([&] { body(n / 2, n); });
    body(0, n / 2);
    worker.join();
}

// Template id -> row: a dense table when the ids are small (IJB-C's are below 200 000), else a
// hash map.
class RowIndex {
public:
    explicit RowIndex(const IjbTemplates& t) : m_templates(t) {
        const std::int32_t maxId = t.ids.empty() ? 0 : t.ids.back();
        if (!t.ids.empty() && t.ids.front() >= 0 && maxId < 50000000) {
            m_dense.assign(std::size_t(maxId) + 1, -1);
            for (std::size_t r = 0; r < t.ids.size(); ++r)
                m_dense[std::size_t(t.ids[r])] = std::int32_t(r);
        }
    }
    std::int64_t operator()(std::int32_t id) const {
        if (!m_dense.empty())
            return id >= 0 && std::size_t(id) < m_dense.size() ? m_dense[std::size_t(id)] : -1;
        return m_templates.row(id);
    }

private:
    const IjbTemplates& m_templates;
    std::vector<std::int32_t> m_dense;
};

} // namespace

std::int64_t IjbTemplates::row(std::int32_t id) const {
    const auto it = std::lower_bound(ids.begin(), ids.end(), id);
    return it != ids.end() && *it == id ? std::int64_t(it - ids.begin()) : -1;
}

IjbTemplates poolIjbTemplates(const IjbImages& images, const float* features, std::int64_t dim,
                              const std::vector<float>& faceScores) {
    const std::size_t n = images.names.size();
    if (images.templateId.size() != n || images.mediaId.size() != n || dim <= 0)
        throw InputError("IJB templates: the face list and the features differ in shape");
    if (!faceScores.empty() && faceScores.size() != n)
        throw InputError("IJB templates: one face score per image expected");
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return images.templateId[a] != images.templateId[b]
                   ? images.templateId[a] < images.templateId[b]
                   : images.mediaId[a] < images.mediaId[b];
    });
    IjbTemplates out;
    out.dim = dim;
    std::vector<double> templateSum(static_cast<std::size_t>(dim)),
        mediaSum(static_cast<std::size_t>(dim));
    for (std::size_t i = 0; i < n;) {
        const std::int32_t t = images.templateId[order[i]];
        std::fill(templateSum.begin(), templateSum.end(), 0.0);
        while (i < n && images.templateId[order[i]] == t) {
            const std::int32_t m = images.mediaId[order[i]];
            std::fill(mediaSum.begin(), mediaSum.end(), 0.0);
            int count = 0;
            for (; i < n && images.templateId[order[i]] == t && images.mediaId[order[i]] == m;
                 ++i, ++count) {
                const float* f = features + std::size_t(order[i]) * std::size_t(dim);
                const double w = faceScores.empty() ? 1.0 : faceScores[order[i]];
                for (std::int64_t d = 0; d < dim; ++d)
                    mediaSum[std::size_t(d)] += w * f[d];
            }
            for (std::int64_t d = 0; d < dim; ++d) // the media's mean, summed over media
                templateSum[std::size_t(d)] += mediaSum[std::size_t(d)] / count;
        }
        double norm = 0.0;
        for (double v : templateSum)
            norm += v * v;
        norm = std::sqrt(norm);
        out.ids.push_back(t);
        for (double v : templateSum)
            out.features.push_back(static_cast<float>(norm > 0 ? v / norm : 0.0));
    }
    return out;
}

std::vector<double> scoreIjbPairs(const IjbTemplates& templates, const IjbPairs& pairs,
                                  const std::string& source) {
    const RowIndex rowOf(templates);
    const std::size_t n = pairs.same.size();
    if (n >= (std::size_t{1} << 32))
        throw InputError(SourceLocation{source}, "", "more than 2^32 template pairs");
    std::vector<std::int32_t> r1(n), r2(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t a = rowOf(pairs.template1[i]), b = rowOf(pairs.template2[i]);
        if (a < 0 || b < 0)
            throw InputError(SourceLocation{source, int(std::min<std::size_t>(i + 1, 2147483647))},
                             "template id",
                             "template " +
                                 std::to_string(a < 0 ? pairs.template1[i] : pairs.template2[i]) +
                                 " has no images in the face list");
        r1[i] = std::int32_t(a);
        r2[i] = std::int32_t(b);
    }
    // IJB-C's pair list runs through the first templates in order but jumps between second
    // templates at random: 15.6 million random 2 KB reads from 47 MB of features. Pairs are
    // visited by blocks of second templates small enough to stay in cache (a counting sort,
    // stable, so the first templates still stream in order): about 5x faster on 2 cores.
    const std::size_t dim = std::size_t(templates.dim);
    const std::size_t rowsPerBlock =
        std::max<std::size_t>(1, (std::size_t(256) << 10) / (dim * sizeof(float)));
    const std::size_t blocks = templates.ids.size() / rowsPerBlock + 1;
    struct Job {
        std::int32_t row1, row2;
        std::uint32_t pair;
    };
    std::vector<std::uint32_t> start(blocks + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        ++start[std::size_t(r2[i]) / rowsPerBlock + 1];
    for (std::size_t b = 0; b < blocks; ++b)
        start[b + 1] += start[b];
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    std::vector<Job> jobs(n); // read in order below, so the rows are the only random reads
    for (std::size_t i = 0; i < n; ++i)
        jobs[fill[std::size_t(r2[i]) / rowsPerBlock]++] = {r1[i], r2[i], std::uint32_t(i)};
    std::vector<double> scores(n);
    const float* f = templates.features.data();
    parallelFor(n, n >= 100000, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k)
            scores[jobs[k].pair] = dotFloat(f + std::size_t(jobs[k].row1) * dim,
                                            f + std::size_t(jobs[k].row2) * dim, templates.dim);
    });
    return scores;
}

namespace {

// Every probe searched against the gallery: the rank of its mate's subject (0: non-mated, its
// subject has no gallery template), the mate's best score and the best score of all subjects.
struct GallerySearch {
    std::vector<int> rank;
    std::vector<double> mateScore, topScore;
    std::vector<std::int32_t> unit; // the probe's subject as 0 .. U-1: the bootstrap unit
    std::int32_t units = 0;
    std::vector<std::size_t> nonMated; // by descending top score
    std::int64_t gallerySubjects = 0;
};

GallerySearch searchGallery(const IjbTemplates& templates, const IjbTemplateSubjects& gallery,
                            const IjbTemplateSubjects& probes, const std::string& source) {
    const RowIndex rowOf(templates);
    auto rowsOf = [&](const IjbTemplateSubjects& list) {
        std::vector<std::int32_t> rows;
        for (std::int32_t id : list.templateId) {
            const std::int64_t r = rowOf(id);
            if (r < 0)
                throw InputError(SourceLocation{source}, "TEMPLATE_ID",
                                 "template " + std::to_string(id) +
                                     " has no images in the face list");
            rows.push_back(std::int32_t(r));
        }
        return rows;
    };
    const std::vector<std::int32_t> galleryRows = rowsOf(gallery), probeRows = rowsOf(probes);
    // Gallery subjects as 0 .. S-1.
    std::unordered_map<std::int32_t, std::int32_t> subjectIndex;
    std::vector<std::int32_t> galleryColumn; // per gallery template: its subject's index
    for (std::int32_t s : gallery.subjectId)
        galleryColumn.push_back(
            subjectIndex.emplace(s, std::int32_t(subjectIndex.size())).first->second);
    const std::size_t subjects = subjectIndex.size();

    GallerySearch out;
    out.gallerySubjects = std::int64_t(subjects);
    const std::size_t p = probeRows.size();
    out.rank.assign(p, 0);
    out.mateScore.assign(p, 0.0);
    out.topScore.assign(p, 0.0);
    const std::size_t dim = std::size_t(templates.dim);
    const float* f = templates.features.data();
    parallelFor(p, p * galleryRows.size() >= 1000000, [&](std::size_t begin, std::size_t end) {
        std::vector<float> best(subjects);
        for (std::size_t i = begin; i < end; ++i) {
            std::fill(best.begin(), best.end(), -INFINITY);
            const float* probe = f + std::size_t(probeRows[i]) * dim;
            for (std::size_t g = 0; g < galleryRows.size(); ++g) {
                const float s =
                    dotFloat(probe, f + std::size_t(galleryRows[g]) * dim, templates.dim);
                float& b = best[std::size_t(galleryColumn[g])];
                b = std::max(b, s);
            }
            out.topScore[i] = *std::max_element(best.begin(), best.end());
            const auto mate = subjectIndex.find(probes.subjectId[i]);
            if (mate == subjectIndex.end())
                continue;
            const float m = best[std::size_t(mate->second)];
            out.mateScore[i] = m;
            out.rank[i] =
                1 + int(std::count_if(best.begin(), best.end(), [m](float s) { return s > m; }));
        }
    });

    std::unordered_map<std::int32_t, std::int32_t> unitIndex;
    out.unit.resize(p);
    for (std::size_t i = 0; i < p; ++i)
        out.unit[i] =
            unitIndex.emplace(probes.subjectId[i], std::int32_t(unitIndex.size())).first->second;
    out.units = std::int32_t(unitIndex.size());
    for (std::size_t i = 0; i < p; ++i)
        if (out.rank[i] == 0)
            out.nonMated.push_back(i);
    std::sort(out.nonMated.begin(), out.nonMated.end(),
              [&](std::size_t a, std::size_t b) { return out.topScore[a] > out.topScore[b]; });
    return out;
}

// The CMC and TPIR of one weighting of the probe subjects (all 1 for the point estimate, the
// bootstrap's counts for a replicate).
struct IdentificationNumbers {
    bool defined = false; // a replicate without mated probes, or without the non-mated ones
    std::vector<double> cmc, tpir, thresholds;
};

IdentificationNumbers identificationNumbers(const GallerySearch& search,
                                            const std::vector<std::int32_t>& weight,
                                            const std::vector<int>& ranks,
                                            const std::vector<double>& fpirs) {
    IdentificationNumbers r;
    const std::size_t p = search.rank.size();
    auto w = [&](std::size_t probe) { return double(weight[std::size_t(search.unit[probe])]); };
    double mated = 0, nonMatedWeight = 0;
    std::vector<double> hits(ranks.size(), 0.0);
    for (std::size_t i = 0; i < p; ++i) {
        if (search.rank[i] == 0) {
            nonMatedWeight += w(i);
            continue;
        }
        mated += w(i);
        for (std::size_t k = 0; k < ranks.size(); ++k)
            if (search.rank[i] <= ranks[k])
                hits[k] += w(i);
    }
    if (mated == 0)
        return r;
    r.defined = nonMatedWeight > 0 || search.nonMated.empty();
    for (double h : hits)
        r.cmc.push_back(h / mated);
    for (double fpir : fpirs) {
        // tau: the (k+1)-th largest non-mated top score, duplicates counted by weight.
        const double k = std::floor(fpir * nonMatedWeight + 1e-9);
        double tau = -INFINITY, seen = 0;
        for (std::size_t j : search.nonMated) {
            seen += w(j);
            if (seen > k) {
                tau = search.topScore[j];
                break;
            }
        }
        double returned = 0;
        for (std::size_t i = 0; i < p; ++i)
            if (search.rank[i] == 1 && search.mateScore[i] > tau)
                returned += w(i);
        r.tpir.push_back(returned / mated);
        r.thresholds.push_back(tau);
    }
    return r;
}

// The percentile bootstrap over probe subjects of rank-k identification rates and TPIRs.
void addIdentificationIntervals(const GallerySearch& search, const BootstrapOptions& options,
                                IjbIdentification& out) {
    std::vector<IdentificationNumbers> replicates(std::size_t(options.replicates));
    for (int r = 0; r < options.replicates; ++r)
        replicates[std::size_t(r)] = identificationNumbers(
            search, bootstrapDraw(search.units, options.seed, r), out.ranks, out.fpirs);
    const double low = (1.0 - options.level) / 2.0, high = 1.0 - low;
    auto interval = [&](auto&& value) {
        std::vector<double> v;
        for (const IdentificationNumbers& n : replicates)
            if (n.defined)
                v.push_back(value(n));
        return ConfidenceInterval{percentile(v, low), percentile(v, high)};
    };
    for (int k : out.intervalRanks)
        out.cmcIntervals.push_back(
            interval([k](const IdentificationNumbers& n) { return n.cmc[std::size_t(k - 1)]; }));
    for (std::size_t j = 0; j < out.fpirs.size(); ++j)
        out.tpirIntervals.push_back(
            interval([j](const IdentificationNumbers& n) { return n.tpir[j]; }));
    out.intervalMethod =
        std::to_string(int(std::lround(100 * options.level))) +
        "% interval: percentile bootstrap over probe subjects (" + std::to_string(search.units) +
        " subjects resampled with replacement, each with all its probes), " +
        std::to_string(options.replicates) + " replicates, seed " + std::to_string(options.seed);
}

} // namespace

IjbIdentification identifyIjb(const IjbTemplates& templates, const IjbTemplateSubjects& gallery,
                              const IjbTemplateSubjects& probes, const std::vector<double>& fpirs,
                              const BootstrapOptions& options, const std::string& source) {
    const GallerySearch search = searchGallery(templates, gallery, probes, source);
    IjbIdentification out;
    out.gallery = source;
    out.galleryTemplates = std::int64_t(gallery.templateId.size());
    out.gallerySubjects = search.gallerySubjects;
    out.nonMatedProbes = std::int64_t(search.nonMated.size());
    out.matedProbes = std::int64_t(search.rank.size() - search.nonMated.size());
    if (out.matedProbes == 0)
        throw InputError(SourceLocation{source}, "",
                         "no probe's subject is in this gallery: identification is undefined");
    for (int k = 1; k <= int(std::min<std::int64_t>(search.gallerySubjects, 20)); ++k)
        out.ranks.push_back(k);
    out.fpirs = fpirs;
    const IdentificationNumbers point = identificationNumbers(
        search, std::vector<std::int32_t>(std::size_t(search.units), 1), out.ranks, fpirs);
    out.cmc = point.cmc;
    out.tpir = point.tpir;
    out.tpirThresholds = point.thresholds;
    for (double fpir : fpirs)
        out.tpirResolvable.push_back(fpir * double(search.nonMated.size()) >= 1.0 - 1e-9);
    for (int k : {1, 5, 10})
        if (k <= int(out.ranks.size()))
            out.intervalRanks.push_back(k);
    if (options.replicates > 0)
        addIdentificationIntervals(search, options, out);
    return out;
}

} // namespace fb
