// VGGFace2 pose and age templates (Cao et al. 2018; seed Section 3.2, Table 3 "VGGFace2
// (Similarity Score)"): a template is the mean of its 5 images' L2-normalised features. Each
// subject has two templates per level. M[a][b] is a mean over subjects of template cosines:
//  - probe-gallery (the default): the cosine of the subject's first level-a template (the probe)
//    with its second level-b template (the gallery). Table 3's matrices are not symmetric
//    (AlexNet-v2: front/three-quarter 0.595, three-quarter/front 0.599; young/mature 0.231,
//    mature/young 0.259), which a mean over all (a, b) pairs cannot give; one probe and one
//    gallery template per level gives both that asymmetry and the diagonal, cos(T_a1, T_a2).
//  - symmetric: off the diagonal the mean over every (level-a, level-b) template pair (2 x 2),
//    on it the pair of the two level-a templates; M[a][b] = M[b][a].
#include "eval/protocol_common.h"

#include "facebench/errors.h"
#include "facebench/protocol_files.h"

#include <cstdio>
#include <map>

namespace fb::eval {

namespace {

constexpr int kTemplateSize = 5; // VGGFace2's test templates
constexpr std::size_t kTemplatesPerLevel = 2;
// Probe-gallery rule: a subject's templates of a level in list order, the first the probe.
constexpr std::size_t kProbe = 0;
constexpr std::size_t kGallery = 1;

enum class TemplateRule { ProbeGallery, Symmetric };

TemplateRule templateRule(const std::string& name) {
    if (name == "probe-gallery")
        return TemplateRule::ProbeGallery;
    if (name == "symmetric")
        return TemplateRule::Symmetric;
    throw InputError(SourceLocation{}, "eval.template_matrix",
                     "unknown value '" + name + "' (one of: probe-gallery, symmetric)");
}

std::string ruleText(TemplateRule rule) {
    return rule == TemplateRule::ProbeGallery
               ? "probe-gallery: template = mean of L2-normalised image features; each "
                 "subject's first template of a level (list order) is its probe, the second its "
                 "gallery; M[a][b] = mean over subjects of cos(level-a probe, level-b gallery)"
               : "symmetric: template = mean of L2-normalised image features; M[a][b] = mean over "
                 "subjects of the mean cosine over every (level-a, level-b) template pair "
                 "(diagonal: the two level-a templates)";
}

struct Study {
    std::string name;
    std::string file;
    std::vector<std::string> levels;
};

// The similarity matrix of one template list (levels x levels).
Json templateMatrix(const Study& study, TemplateRule rule,
                    const std::vector<FaceTemplate>& templates,
                    const std::vector<std::vector<std::string>>& resolved,
                    const FeatureTable& features, std::vector<std::vector<double>>& matrix) {
    const std::int64_t dim = features.dim();
    const std::size_t levels = study.levels.size();
    // Template features: mean of normalised image features, normalised (the cosine ignores scale).
    std::map<std::string, std::vector<std::vector<std::vector<float>>>>
        bySubject; // subject -> level -> templates
    for (std::size_t t = 0; t < templates.size(); ++t) {
        std::vector<float> mean(static_cast<std::size_t>(dim), 0.0f);
        for (const std::string& image : resolved[t]) {
            const float* row = features.row(image);
            for (std::int64_t d = 0; d < dim; ++d)
                mean[static_cast<std::size_t>(d)] +=
                    row[d] / static_cast<float>(resolved[t].size());
        }
        normalize(mean.data(), dim);
        auto& subject = bySubject[templates[t].identity];
        subject.resize(levels);
        subject[static_cast<std::size_t>(templates[t].level)].push_back(std::move(mean));
    }
    matrix.assign(levels, std::vector<double>(levels, 0.0));
    for (std::size_t a = 0; a < levels; ++a)
        for (std::size_t b = 0; b < levels; ++b) {
            double total = 0.0;
            for (const auto& [identity, subject] : bySubject) {
                const auto& ta = subject[a];
                const auto& tb = subject[b];
                if (ta.size() < kTemplatesPerLevel || tb.size() < kTemplatesPerLevel)
                    throw InputError(SourceLocation{study.file}, "",
                                     "subject '" + identity + "' lacks the templates for " +
                                         study.levels[a] + "/" + study.levels[b]);
                double sum = 0.0;
                int count = 0;
                if (rule == TemplateRule::ProbeGallery) {
                    sum = dot(ta[kProbe].data(), tb[kGallery].data(), dim);
                    count = 1;
                } else if (a == b) {
                    for (std::size_t i = 0; i < ta.size(); ++i)
                        for (std::size_t j = i + 1; j < ta.size(); ++j, ++count)
                            sum += dot(ta[i].data(), ta[j].data(), dim);
                } else {
                    for (const auto& x : ta)
                        for (const auto& y : tb)
                            sum += dot(x.data(), y.data(), dim), ++count;
                }
                total += sum / count;
            }
            matrix[a][b] = total / static_cast<double>(bySubject.size());
        }
    return Json{{"list", study.file},
                {"levels", study.levels},
                {"subjects", bySubject.size()},
                {"templates", templates.size()},
                {"matrix", matrix}};
}

} // namespace

ProtocolResult runTemplatesProtocol(const ProtocolRequest& request) {
    const TemplateRule rule = templateRule(request.templateMatrix);
    const std::vector<Study> studies{
        {"pose",
         requireFile(request.dataDir, "vggface2/test_posetemp_imglist.txt", "templates"),
         {"front", "three-quarter", "profile"}},
        {"age",
         requireFile(request.dataDir, "vggface2/test_agetemp_imglist.txt", "templates"),
         {"young", "mature"}}};
    std::vector<std::vector<FaceTemplate>> templates;
    std::vector<std::vector<std::vector<std::string>>> resolved;
    std::vector<std::string> images;
    for (const Study& study : studies) {
        templates.push_back(readTemplateList(study.file, kTemplateSize,
                                             static_cast<int>(study.levels.size()),
                                             static_cast<int>(kTemplatesPerLevel)));
        PathResolver resolver({joinPath(request.dataDir, "test"), request.dataDir}, study.file);
        resolved.emplace_back();
        for (const FaceTemplate& t : templates.back()) {
            resolved.back().emplace_back();
            for (const std::string& image : t.images) {
                resolved.back().back().push_back(resolver.resolve(image));
                images.push_back(resolved.back().back().back());
            }
        }
        resolver.throwIfMissing();
    }
    const FeatureTable features(request.features, images);
    Json doc{{"protocol", "templates"},
             {"images", features.size()},
             {"template_matrix", request.templateMatrix},
             {"rule", ruleText(rule)}};
    std::string summary = "templates:";
    for (std::size_t s = 0; s < studies.size(); ++s) {
        std::vector<std::vector<double>> m;
        doc[studies[s].name] =
            templateMatrix(studies[s], rule, templates[s], resolved[s], features, m);
        char cell[96];
        const std::size_t last = m.size() - 1;
        std::snprintf(cell, sizeof cell, " %s %s-%s %.3f, %s-%s %.3f", studies[s].name.c_str(),
                      studies[s].levels[0].c_str(), studies[s].levels[0].c_str(), m[0][0],
                      studies[s].levels[0].c_str(), studies[s].levels[last].c_str(), m[0][last]);
        summary += cell;
    }
    writeResult(request, "templates", doc);
    return {"templates", doc.dump(2), summary};
}

} // namespace fb::eval
