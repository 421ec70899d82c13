// `facebench-cli weights import FILE.pt --model NAME [--classes N] [--aux-logits] --out WEIGHTS`,
// `weights import MobileFaceNet.tflite | face_recognition_model-weights_manifest.json --out
// WEIGHTS` (pretrained networks in their authors' formats), `weights import --pretrained MODEL`
// (the copy that packaging/setup.sh fetched, into the data folder) and
// `facebench-cli weights export WEIGHTS --out FILE.pt`: weights in and out.
#include "verbs.h"

#include "facebench/errors.h"
#include "facebench/pretrained_weights.h"
#include "facebench/weights.h"

#include <iostream>
#include <memory>

namespace fb::cli {

namespace {
struct ExportOptions {
    std::string weights;
    std::string out;
};
} // namespace

void addWeightsVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    CLI::App* weights = app.add_subcommand(
        "weights", "Import and export weights: PyTorch state_dicts, pretrained face recognisers");
    weights->require_subcommand(1);

    auto in = std::make_shared<WeightsImportRequest>();
    auto pretrained = std::make_shared<std::string>();
    CLI::App* import = weights->add_subcommand(
        "import", "Read a torch.save(model.state_dict(), f) file, a MobileFaceNet .tflite or a "
                  "face-api weights manifest into a FaceBench weights file");
    import->add_option("FILE", in->source,
                       "PyTorch state_dict (.pt), MobileFaceNet.tflite or "
                       "face_recognition_model-weights_manifest.json");
    import
        ->add_option("--pretrained", *pretrained,
                     "Convert the fetched copy of a pretrained network (see `models --pretrained`)")
        ->excludes("FILE");
    import->add_option("--model", in->model,
                       "Model the weights are for (see `models`; needed for a state_dict)");
    import->add_option("--classes", in->numClasses, "Classifier size of the weights (0: none)")
        ->check(CLI::NonNegativeNumber);
    import->add_flag("--aux-logits", in->auxLogits, "The weights include auxiliary classifiers");
    import->add_option(
        "--out", in->out,
        "FaceBench weights file to write (with --pretrained: default the data folder's)");
    import->callback([&options, &action, in, pretrained] {
        action = [&options, in, pretrained] {
            WeightsImportResult result;
    std::string source = in->source, out = in->out;
    if (!pretrained->empty()) {
        result = importPretrained(*pretrained, out); // an unknown name throws
        const PretrainedWeights& known = *findPretrained(*pretrained);
        source = pretrainedSourcePath(known);
        if (out.empty())
            out = pretrainedWeightsPath(known);
    } else {
        if (source.empty() || out.empty())
            throw InputError("weights import: give FILE and --out, or --pretrained MODEL");
        result = importWeights(*in);
    }
    std::cerr << source << ": " << result.tensors << " tensors fit " << result.model << "\n";
    if (options.json)
        printJson({{"weights", out},
                   {"model", result.model},
                   {"num_classes", in->numClasses},
                   {"tensors", result.tensors},
                   {"values", result.parameters}});
    return kExitDone;
};
} // namespace fb::cli
);

auto out = std::make_shared<ExportOptions>();
CLI::App* exportVerb = weights->add_subcommand(
    "export", "Write a FaceBench weights file as a state_dict that torch.load and "
              "torchvision's load_state_dict accept");
exportVerb->add_option("WEIGHTS", out->weights, "FaceBench weights file")->required();
exportVerb->add_option("--out", out->out, "PyTorch file to write (.pt)")->required();
exportVerb->callback([&options, &action, out] {
    action = [&options, out] {
        const std::string model = exportWeights(out->weights, out->out);
        std::cerr << out->out << ": state_dict of " << model << "\n";
        if (options.json)
            printJson({{"file", out->out}, {"model", model}});
        return kExitDone;
    };
});
}

} // namespace fb::cli
