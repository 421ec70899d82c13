#pragma once
// IJB-C-style meta files of the synthetic data (`data synth` writes them under ijb/), in IJB's
// own layout (facebench/ijb_protocol.h): ijb/meta/ijbc_face_tid_mid.txt,
// ijbc_template_pair_label.txt, ijbc_name_5pts_score.txt, ijbc_1N_gallery_G1.csv,
// ijbc_1N_gallery_G2.csv, ijbc_1N_probe_mixed.csv; image names relative to test/ (real IJB-C
// names its images relative to loose_crop/; the ijb protocol looks in both).
#include "synth_plan.h"

#include <filesystem>

namespace fb::synth {

struct IjbSizes {
    long long images = 0, templates = 0, pairs = 0;
};

// Per test identity 4 templates of 10 images, each template's images in media of 3 frames and
// one still; the 1:1 list pairs every two templates; gallery G1 holds template 1 of every other
// identity, G2 that of the rest, and the probes are every identity's other 3 templates.
IjbSizes writeSynthIjb(const Plan& plan, const std::filesystem::path& root);

} // namespace fb::synth
