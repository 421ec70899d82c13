#include "facebench/feature_extraction.h"

#include "facebench/errors.h"
#include "facebench/model_catalog.h"
#include "data/image_decode.h"
#include "weights/model_weights.h"

#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace fb {

namespace {

// PyTorch's eval pre-processing for one image: [C, H, W] float.
torch::Tensor loadImage(const std::string& path, const ModelInfo& info) {
    const bool gray = info.channels == 1;
    if (!std::filesystem::is_regular_file(path))
        throw InputError(SourceLocation{path}, "", "no such image file");
    // The evaluation loader's decoder: the same formats, size limits and errors.
    std::ifstream in(path, std::ios::binary);
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                           std::istreambuf_iterator<char>());
    cv::Mat image = data::decodeImage(bytes, path, gray ? 1 : 3);
    if (!gray)
        cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    cv::resize(image, image, cv::Size(info.inputWidth, info.inputHeight), 0, 0, cv::INTER_LINEAR);
    image.convertTo(image, CV_32F, 1.0 / 255.0);
    torch::Tensor tensor = torch::from_blob(image.data, {info.inputHeight, info.inputWidth, info.channels},
                                            torch::kFloat32).permute({2, 0, 1}).clone();
    if (!gray) {
        const torch::Tensor mean = torch::tensor({0.485f, 0.456f, 0.406f}).view({3, 1, 1});
        const torch::Tensor std = torch::tensor({0.229f, 0.224f, 0.225f}).view({3, 1, 1});
        tensor = (tensor - mean) / std;
    }
    return tensor;
}

torch::Tensor loadInputTensor(const std::string& path, const ModelInfo& info) {
    const NpyArray array = readNpy(path);
    const std::vector<std::int64_t> expected{info.channels, info.inputHeight, info.inputWidth};
    if (array.shape.size() != 4 || std::vector<std::int64_t>(array.shape.begin() + 1, array.shape.end()) != expected) {
        std::string shape;
        for (std::int64_t dim : array.shape)
            shape += (shape.empty() ? "" : ", ") + std::to_string(dim);
        throw InputError(SourceLocation{path}, "--input-tensor",
                         "expected shape (N, " + std::to_string(info.channels) + ", " +
                             std::to_string(info.inputHeight) + ", " + std::to_string(info.inputWidth) +
                             ") for " + info.name + ", got (" + shape + ")");
    }
    return torch::from_blob(const_cast<float*>(array.values.data()), array.shape, torch::kFloat32).clone();
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
        paths.push_back(std::filesystem::path(path).is_absolute() ? path : (folder / path).string());
    }
    return paths;
}

NpyArray extractFeatures(const ExtractRequest& request) {
    if (request.layer != "embedding" && request.layer != "logits")
        throw InputError(SourceLocation{}, "--layer", "unknown layer '" + request.layer + "' (embedding or logits)");
    WeightsInfo info;
    StateDict state;
    if (!request.weights.empty())
        state = readModelWeights(request.weights, info);
    const std::string modelName = request.model.empty() ? info.model : request.model;
    if (modelName.empty())
        throw InputError(SourceLocation{}, "--model", "name the model (facebench-cli models lists them)");
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

    torch::Tensor inputs;
    if (!request.inputTensor.empty()) {
        inputs = loadInputTensor(request.inputTensor, catalog);
    } else {
        if (request.images.empty())
            throw InputError("no input: give --input-tensor, --list or image files");
        std::vector<torch::Tensor> images;
        for (const std::string& path : request.images)
            images.push_back(loadImage(path, catalog));
        inputs = torch::stack(images);
    }

    model->eval();
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> outputs;
    for (std::int64_t start = 0; start < inputs.size(0); start += request.batchSize) {
        const ModelOutput out = model->forward(inputs.slice(0, start, start + request.batchSize));
        outputs.push_back(request.layer == "logits" ? out.logits : out.embedding);
    }
    const torch::Tensor result = torch::cat(outputs).contiguous().to(torch::kFloat32);
    NpyArray array;
    array.shape = result.sizes().vec();
    array.values.assign(result.data_ptr<float>(), result.data_ptr<float>() + result.numel());
    return array;
}

} // namespace fb
