// The synthetic data's IJB-C-style files (synth_ijb.h).
#include "synth_ijb.h"

#include "facebench/errors.h"

#include <fstream>
#include <map>

namespace fb::synth {

namespace fs = std::filesystem;

namespace {

constexpr int kTemplatesPerIdentity = 4;
constexpr int kImagesPerTemplate = 10;
constexpr int kFramesPerMedia = 3; // a "video" of 3 frames; the last image of 10 is a still

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out)
        throw JobError("cannot write " + path.string());
}

double faceScore(Quality q) {
    return q == Quality::High ? 0.99 : q == Quality::Middle ? 0.9 : 0.6;
}

} // namespace

IjbSizes writeSynthIjb(const Plan& plan, const fs::path& root) {
    std::map<std::string, std::vector<std::size_t>> byIdentity; // test identities, sorted
    for (std::size_t i = 0; i < plan.images.size(); ++i)
        if (plan.images[i].split == "test" && plan.images[i].lookalikeOf.empty())
            byIdentity[plan.images[i].identity].push_back(i);
    fs::create_directories(root / "ijb/meta");
    std::string faces, scores, pairs;
    const std::string header = "TEMPLATE_ID,SUBJECT_ID,FILENAME\n";
    std::string g1 = header, g2 = header, probes = header;
    struct Template {
        int id, subject;
    };
    std::vector<Template> templates;
    IjbSizes sizes;
    int subject = 0, templateId = 0, mediaId = 0;
    for (const auto& [identity, images] : byIdentity) {
        ++subject;
        for (int t = 0; t < kTemplatesPerIdentity; ++t) {
            templates.push_back({++templateId, subject});
            std::string& list = t > 0 ? probes : subject % 2 ? g1 : g2;
            for (int k = 0; k < kImagesPerTemplate; ++k) {
                const std::size_t pick = std::size_t(t + kTemplatesPerIdentity * k);
                if (pick >= images.size())
                    break;
                if (k % kFramesPerMedia == 0)
                    ++mediaId;
                const std::size_t image = images[pick];
                // Named relative to test/ (where the ijb protocol looks after ijb/loose_crop/):
                // the images are not copied, and meta.csv already lists them.
                const std::string& path = plan.images[image].path;
                const std::string name = path.substr(path.find('/') + 1);
                ++sizes.images;
                faces +=
                    name + " " + std::to_string(templateId) + " " + std::to_string(mediaId) + "\n";
                char line[160];
                std::snprintf(line, sizeof line, "%s 0 0 0 0 0 0 0 0 0 0 %.2f\n", name.c_str(),
                              faceScore(plan.images[image].factors.quality));
                scores += line;
                list +=
                    std::to_string(templateId) + "," + std::to_string(subject) + "," + name + "\n";
            }
        }
    }
    for (std::size_t a = 0; a < templates.size(); ++a)
        for (std::size_t b = a + 1; b < templates.size(); ++b) {
            pairs += std::to_string(templates[a].id) + " " + std::to_string(templates[b].id) +
                     (templates[a].subject == templates[b].subject ? " 1\n" : " 0\n");
            ++sizes.pairs;
        }
    const fs::path meta = root / "ijb/meta";
    writeText(meta / "ijbc_face_tid_mid.txt", faces);
    writeText(meta / "ijbc_name_5pts_score.txt", scores);
    writeText(meta / "ijbc_template_pair_label.txt", pairs);
    writeText(meta / "ijbc_1N_gallery_G1.csv", g1);
    writeText(meta / "ijbc_1N_gallery_G2.csv", g2);
    writeText(meta / "ijbc_1N_probe_mixed.csv", probes);
    sizes.templates = (long long)templates.size();
    return sizes;
}

} // namespace fb::synth
