#include "facebench/feature_extraction.h"

#include "eval/model_features.h"
#include "facebench/errors.h"
#include "facebench/model_catalog.h"
#include "weights/model_weights.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fb {

namespace {

// Every image exists before any work starts: the error names the first missing one.
void requireImageFiles(const std::vector<std::string>& paths) {
    for (const std::string& path : paths)
        if (!std::filesystem::is_regular_file(path))
            throw InputError(SourceLocation{path}, "", "no such image file");
}

torch::Tensor loadInputTensor(const std::string& path, const ModelInfo& info) {
    const NpyArray array = readNpy(path);
    const std::vector<std::int64_t> expected{info.channels, info.inputHeight, info.inputWidth};
    if (array.shape.size() != 4 ||
        std::vector<std::int64_t>(array.shape.begin() + 1, array.shape.end()) != expected) {
        std::string shape;
        for (std::int64_t dim : array.shape)
            shape += (shape.empty() ? "" : ", ") + std::to_string(dim);
        throw InputError(SourceLocation{path}, "--input-tensor",
                         "expected shape (N, " + std::to_string(info.channels) + ", " +
                             std::to_string(info.inputHeight) + ", " +
                             std::to_string(info.inputWidth) + ") for " + info.name + ", got (" +
                             shape + ")");
    }
    return torch::from_blob(const_cast<float*>(array.values.data()), array.shape, torch::kFloat32)
        .clone();
}

} // namespace

std::vector<std::string> imagePathsOfList(const std::string& listFile) {
    std::ifstream in(listFile);
    if (!in)
        throw InputError(SourceLocation{listFile}, "", "cannot open the list file");
    const std::filesystem::path folder = std::filesystem::path(listFile).parent_path();
    std::vector<std::string> paths;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string path;
        if (!(fields >> path) || path[0] == '#')
            continue;
        paths.push_back(std::filesystem::path(path).is_absolute() ? path
                                                                  : (folder / path).string());
    }
    return paths;
}

NpyArray extractFeatures(const ExtractRequest& request) {
    if (request.layer != "embedding" && request.layer != "logits")
        throw InputError(SourceLocation{}, "--layer",
                         "unknown layer '" + request.layer + "' (embedding or logits)");
    WeightsInfo info;
    StateDict state;
    if (!request.weights.empty())
        state = readModelWeights(request.weights, info);
    const std::string modelName = request.model.empty() ? info.model : request.model;
    if (modelName.empty())
        throw InputError(SourceLocation{}, "--model",
                         "name the model (facebench-cli models lists them)");
    if (!info.model.empty() && info.model != modelName)
        throw InputError(SourceLocation{request.weights}, "",
                         "these weights are for " + info.model + ", not " + modelName);
    ModelOptions options;
    options.numClasses = request.numClasses >= 0 ? request.numClasses : info.numClasses;
    options.auxLogits = info.auxLogits;
    const std::shared_ptr<FaceModel> model = createModel(modelName, options);
    if (!request.weights.empty())
        loadModelState(*model, state, request.weights);
    if (request.layer == "logits" && options.numClasses == 0)
        throw InputError(SourceLocation{}, "--layer", "logits need a classifier: give --classes N");
    const ModelInfo& catalog = *findModel(modelName);

    // Images: eval's pre-processing and batches (eval/model_features.h), so extract and eval
    // give the same features.
    torch::Tensor tensorInput;
    data::PreprocessSpec spec;
    std::int64_t count = 0;
    if (!request.inputTensor.empty()) {
        tensorInput = loadInputTensor(request.inputTensor, catalog);
        count = tensorInput.size(0);
    } else {
        if (request.images.empty())
            throw InputError("no input: give --input-tensor, --list or image files");
        requireImageFiles(request.images);
        spec = data::preprocessSpecFor(eval::modelOnlyConfig(modelName, request.overrides),
                                       /*train=*/false);
        count = static_cast<std::int64_t>(request.images.size());
    }

    model->eval();
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> outputs;
    for (std::int64_t start = 0; start < count; start += request.batchSize) {
        const std::int64_t stop = std::min(count, start + request.batchSize);
        const torch::Tensor batch =
            tensorInput.defined()
                ? tensorInput.slice(0, start, stop)
                : eval::preprocessedBatch(request.images, static_cast<std::size_t>(start),
                                          static_cast<std::size_t>(stop), spec);
        const ModelOutput out = model->forward(batch);
        outputs.push_back(request.layer == "logits" ? out.logits : out.embedding);
    }
    const torch::Tensor result = torch::cat(outputs).contiguous().to(torch::kFloat32);
    NpyArray array;
    array.shape = result.sizes().vec();
    array.values.assign(result.data_ptr<float>(), result.data_ptr<float>() + result.numel());
    return array;
}

} // namespace fb
