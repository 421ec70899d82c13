// `facebench-cli weights import FILE.pt --model NAME [--classes N] [--aux-logits] --out WEIGHTS`
// and `facebench-cli weights export WEIGHTS --out FILE.pt`: PyTorch state_dicts in and out.
#include "verbs.h"

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
    CLI::App* weights = app.add_subcommand("weights", "Import and export PyTorch weights");
    weights->require_subcommand(1);

    auto in = std::make_shared<WeightsImportRequest>();
    CLI::App* import = weights->add_subcommand(
        "import", "Read a torch.save(model.state_dict(), f) file into a FaceBench weights file");
    import->add_option("FILE", in->source, "PyTorch state_dict (.pt)")->required();
    import->add_option("--model", in->model, "Model the weights are for (see `models`)")->required();
    import->add_option("--classes", in->numClasses, "Classifier size of the weights (0: none)")
        ->check(CLI::NonNegativeNumber);
    import->add_flag("--aux-logits", in->auxLogits, "The weights include auxiliary classifiers");
    import->add_option("--out", in->out, "FaceBench weights file to write")->required();
    import->callback([&options, &action, in] {
        action = [&options, in] {
            const WeightsImportResult result = importWeights(*in);
            std::cerr << in->source << ": " << result.tensors << " tensors fit " << in->model << "\n";
            if (options.json)
                printJson({{"weights", in->out}, {"model", in->model}, {"num_classes", in->numClasses},
                           {"tensors", result.tensors}, {"values", result.parameters}});
            return kExitDone;
        };
    });

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
