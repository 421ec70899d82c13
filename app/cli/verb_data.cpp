// `facebench-cli data synth ...`: synthetic faces in the real test sets' layouts. The other
// `data` verbs (index, stats, overlap) are in verb_data_index.cpp.
#include "verbs.h"

#include "facebench/synthetic_data.h"

#include <cstdio>
#include <iostream>

namespace fb::cli {

namespace {

struct SynthCliOptions {
    SynthOptions synth;
    std::string size = "96x112";
    std::string contactSheet;
};

int runSynth(const GlobalOptions& options, SynthCliOptions& opts) {
    parseSizeText(opts.size, "--size", opts.synth.width, opts.synth.height);
    if (!opts.contactSheet.empty()) {
        writeSynthContactSheet(opts.contactSheet, opts.synth.seed, opts.synth.width,
                               opts.synth.height);
        if (options.json)
            printJson({{"contact_sheet", opts.contactSheet}});
        std::cerr << "wrote " << opts.contactSheet << "\n";
        return kExitDone;
    }
    SynthJob job(opts.synth);
    const SynthResult r = job.run([](const SynthProgress& p) {
        if (p.stage == "render" && p.total > 0)
            std::fprintf(stderr, "\rrendering %lld/%lld images (%3d%%)", p.done, p.total,
                         int(100 * p.done / p.total));
        else if (p.stage == "protocols")
            std::fprintf(stderr, "\nwriting protocol files\n");
    });
    if (options.json) {
        printJson(
            {{"out", r.outDir},
             {"seconds", r.seconds},
             {"train", {{"identities", r.trainIdentities}, {"images", r.trainImages}}},
             {"test", {{"identities", r.testIdentities}, {"images", r.testImages}}},
             {"lfw",
              {{"images", r.lfwImages},
               {"pairs", r.lfwPairs},
               {"pairs_file", r.outDir + "/lfw/pairs.txt"}}},
             {"vggface2", {{"pose_templates", r.poseTemplates}, {"age_templates", r.ageTemplates}}},
             {"dfw", {{"images", r.dfwImages}}},
             {"umdfaces", {{"pairs", r.umdPairs}}},
             {"meta", r.metaPath},
             {"size", {opts.synth.width, opts.synth.height}},
             {"seed", opts.synth.seed},
             {"canvas", opts.synth.canvas}});
    }
    std::fprintf(
        stderr,
        "%s: %lld training images of %d identities, %lld test images of %d identities in %.1f s\n",
        r.outDir.c_str(), r.trainImages, r.trainIdentities, r.testImages, r.testIdentities,
        r.seconds);
    return kExitDone;
}

} // namespace

void addDataVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    CLI::App* data = app.add_subcommand("data", "Datasets: synthetic faces, index, stats, overlap");
    data->require_subcommand(1);
    CLI::App* synth = data->add_subcommand(
        "synth",
        "Write synthetic faces with LFW, VGGFace2, IJB-A quality, DFW and UMDFaces protocol files");
    auto opts = std::make_shared<SynthCliOptions>();
    synth->add_option("--out", opts->synth.outDir,
                      "Output folder (must be empty or absent; see --force)");
    synth->add_option("--identities", opts->synth.identities, "Training identities")
        ->capture_default_str();
    synth
        ->add_option("--images-per-identity", opts->synth.imagesPerIdentity,
                     "Images per training identity")
        ->capture_default_str();
    synth
        ->add_option("--test-identities", opts->synth.testIdentities,
                     "Test identities (41 images each, plus 2 of a look-alike; at least 20)")
        ->capture_default_str();
    synth->add_option("--size", opts->size, "Crop size WxH (96x112 = the seed's 112x96 HxW)")
        ->capture_default_str();
    synth->add_option("--seed", opts->synth.seed, "Random seed; same seed and options, same bytes")
        ->capture_default_str();
    synth->add_flag("--canvas", opts->synth.canvas,
                    "Larger scenes with the face anywhere, plus boxes.csv");
    synth->add_flag("--force", opts->synth.force, "Replace a non-empty output folder");
    synth->add_option("--threads", opts->synth.threads, "Worker threads (0: one per core)")
        ->capture_default_str();
    // Hidden: regenerates docs/synthetic-contact-sheet.png.
    synth->add_option("--contact-sheet", opts->contactSheet, "Write a contact sheet PNG instead")
        ->group("");
    synth->callback([&options, &action, opts] {
        action = [&options, opts] { return runSynth(options, *opts); };
    });
    addDataIndexVerbs(data, options, action);
}

} // namespace fb::cli
