// `facebench-cli extract (--model NAME [--weights FILE] | --pretrained MODEL) [--classes N]
//  [--layer embedding|logits] [--set KEY=VALUE]... (--input-tensor X.npy | --list FILE | IMAGE...)
//  --out OUT.npy`
// Images are pre-processed as `eval --model` does (the model's style, seed Table 11).
#include "verbs.h"

#include "facebench/errors.h"
#include "facebench/feature_extraction.h"
#include "facebench/pretrained_weights.h"

#include <iostream>
#include <memory>

namespace fb::cli {

namespace {
struct ExtractOptions {
    ExtractRequest request;
    std::string list;
    std::string out;
    std::string pretrained; // instead of --model and --weights
};
} // namespace

void addExtractVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto opts = std::make_shared<ExtractOptions>();
    CLI::App* extract = app.add_subcommand(
        "extract",
        "Embeddings (penultimate-layer features) or logits of a model as a float32 .npy");
    ExtractRequest& r = opts->request;
    extract->add_option("--model", r.model,
                        "Model (see `models`); optional with FaceBench weights");
    extract->add_option("--weights", r.weights,
                        "FaceBench weights or a PyTorch state_dict; default: random init");
    extract
        ->add_option("--pretrained", opts->pretrained,
                     "Instead of --model and --weights: an installed pretrained network (see "
                     "`models --pretrained`), with its own pre-processing")
        ->excludes("--model")
        ->excludes("--weights");
    extract
        ->add_option("--classes", r.numClasses,
                     "Classifier size (default: the weights file's, else 0)")
        ->check(CLI::NonNegativeNumber);
    extract->add_option("--layer", r.layer, "embedding or logits")
        ->check(CLI::IsMember({"embedding", "logits"}));
    extract->add_option("--input-tensor", r.inputTensor,
                        "N x C x H x W float32 .npy, already pre-processed");
    extract->add_option("--list", opts->list, "File with one image path per line");
    extract->add_option("IMAGE", r.images, "Image files");
    extract->add_option("--batch-size", r.batchSize, "Images per forward pass")
        ->check(CLI::PositiveNumber);
    extract->add_option("--set", r.overrides,
                        "Override a key of the model's config, e.g. style.framework=caffe (the "
                        "pre-processing of images, as eval --set)");
    extract->add_option("--out", opts->out, "Output .npy (float32, N x D)")->required();
    extract->callback([&options, &action, opts] {
        action = [&options, opts] {
            ExtractRequest request = opts->request;
            const int sources =
                !request.inputTensor.empty() + !opts->list.empty() + !request.images.empty();
            if (sources != 1)
                throw InputError("give exactly one input: --input-tensor, --list or image files");
            if (!opts->pretrained.empty()) { // as eval --pretrained
                request.weights = installedPretrainedWeights(opts->pretrained);
                request.model = opts->pretrained;
                request.overrides.insert(request.overrides.begin(),
                                         "style.preprocess=" +
                                             findPretrained(opts->pretrained)->preprocess);
            }
            if (!opts->list.empty())
                request.images = imagePathsOfList(opts->list);
            const NpyArray features = extractFeatures(request);
            writeNpy(opts->out, features);
            std::cerr << opts->out << ": " << features.shape[0] << " x " << features.shape[1] << " "
                      << request.layer << "\n";
            if (options.json)
                printJson(
                    {{"file", opts->out}, {"shape", features.shape}, {"layer", request.layer}});
            return kExitDone;
        };
    });
}

} // namespace fb::cli
