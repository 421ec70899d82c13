#include "weights/model_weights.h"

#include "facebench/errors.h"
#include "facebench/weights.h"
#include "weights/pretrained_import.h"

#include <sstream>

namespace fb {

namespace {

constexpr const char* kFormat = "facebench-weights";

std::string shapeText(const torch::Tensor& tensor) {
    std::ostringstream text;
    text << tensor.sizes();
    return text.str();
}

// "  missing: a, b, c (and 12 more)"
std::string listLine(const char* label, const std::vector<std::string>& names) {
    if (names.empty())
        return {};
    std::string line = std::string("\n  ") + label + " (" + std::to_string(names.size()) + "): ";
    const std::size_t shown = std::min<std::size_t>(names.size(), 12);
    for (std::size_t i = 0; i < shown; ++i)
        line += (i ? ", " : "") + names[i];
    if (shown < names.size())
        line += ", ...";
    return line;
}

// The model a file in a pretrained network's own format is for, by its name; "" for a
// state_dict (.pt, .pth, anything else).
std::string importFormatModel(const std::string& source) {
    auto endsWith = [&](const std::string& tail) {
        return source.size() >= tail.size() &&
               source.compare(source.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (endsWith(".tflite"))
        return "mobilefacenet-tf192";
    if (endsWith("weights_manifest.json"))
        return "face-api-resnet";
    return {};
}

} // namespace

StateDict modelState(FaceModel& model) {
    StateDict state;
    for (const auto& item : model.named_parameters())
        state.emplace_back(item.key(), item.value());
    for (const auto& item : model.named_buffers())
        state.emplace_back(item.key(), item.value());
    return state;
}

void loadModelState(FaceModel& model, const StateDict& state, const std::string& source) {
    const StateDict own = modelState(model);
    std::map<std::string, torch::Tensor> given(state.begin(), state.end());
    std::vector<std::string> missing, misShaped, unexpected;
    for (const auto& [name, tensor] : own) {
        const auto found = given.find(name);
        if (found == given.end())
            missing.push_back(name);
        else if (found->second.sizes() != tensor.sizes())
            misShaped.push_back(name + " " + shapeText(found->second) + " in the file, " +
                                shapeText(tensor) + " in the model");
    }
    std::map<std::string, torch::Tensor> ownByName(own.begin(), own.end());
    for (const auto& [name, tensor] : state)
        if (!ownByName.count(name))
            unexpected.push_back(name);
    if (!missing.empty() || !misShaped.empty() || !unexpected.empty())
        throw InputError(SourceLocation{source}, "",
                         "the weights do not fit the model (another model, or another number of "
                         "classes?)" +
                             listLine("missing", missing) + listLine("mis-shaped", misShaped) +
                             listLine("unexpected", unexpected));
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : own)
        tensor.copy_(given.at(name).to(tensor.options()));
}

StateDict readModelWeights(const std::string& path, WeightsInfo& info) {
    WeightsFile file = readWeightsFile(path);
    if (file.metadata.count("format")) {
        if (file.metadata["format"] != kFormat)
            throw InputError(SourceLocation{path}, "",
                             "unknown weights format '" + file.metadata["format"] + "'");
        info.model = file.metadata["model"];
        info.numClasses = std::stoll(file.metadata["num_classes"]);
        info.auxLogits = file.metadata["aux_logits"] == "true";
    }
    return std::move(file.state);
}

void writeModelWeights(const std::string& path, const WeightsInfo& info, const StateDict& state) {
    writeWeightsFile(path, {state,
                            {{"format", kFormat},
                             {"model", info.model},
                             {"num_classes", std::to_string(info.numClasses)},
                             {"aux_logits", info.auxLogits ? "true" : "false"}}});
}

WeightsImportResult importWeights(const WeightsImportRequest& request) {
    // The authors' formats of the pretrained networks fix the model; a state_dict needs it named.
    const std::string format = importFormatModel(request.source);
    if (!format.empty() && !request.model.empty() && request.model != format)
        throw InputError(SourceLocation{request.source}, "--model",
                         "this file holds " + format + " weights, not " + request.model);
    if (!format.empty() && (request.numClasses != 0 || request.auxLogits))
        throw InputError(SourceLocation{request.source}, "--classes",
                         "the pretrained " + format + " has no classifier");
    const std::string modelName = format.empty() ? request.model : format;
    if (modelName.empty())
        throw InputError(SourceLocation{request.source}, "--model",
                         "name the model the state_dict is for (facebench-cli models lists them)");
    ModelOptions options;
    options.numClasses = request.numClasses;
    options.auxLogits = request.auxLogits;
    const std::shared_ptr<FaceModel> model = createModel(modelName, options);
    const StateDict state = format == "mobilefacenet-tf192"
                                ? mobileFaceNetTfliteState(request.source)
                            : format == "face-api-resnet" ? faceApiResNetState(request.source)
                                                          : readStateDict(request.source);
    loadModelState(*model, state, request.source);
    writeModelWeights(request.out, {modelName, request.numClasses, request.auxLogits},
                      modelState(*model));
    WeightsImportResult result;
    result.model = modelName;
    for (const auto& [name, tensor] : state) {
        ++result.tensors;
        result.parameters += tensor.numel();
    }
    return result;
}

std::string exportWeights(const std::string& weightsFile, const std::string& out) {
    WeightsInfo info;
    const StateDict state = readModelWeights(weightsFile, info);
    if (info.model.empty())
        throw InputError(
            SourceLocation{weightsFile}, "",
            "not a FaceBench weights file (make one with `facebench-cli weights import`)");
    writeStateDict(out, state);
    return info.model;
}

} // namespace fb
