// face-api's FaceRecognitionNet weights onto face-api-resnet (models/face_api_resnet.cpp, whose
// names are face-api's with '.' for '/').
#include "weights/pretrained_import.h"

#include "facebench/errors.h"
#include "weights/face_api_weights.h"

namespace fb {

namespace {

bool hasSuffix(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// A face-api name as FaceBench's, and its tensor in PyTorch's layout.
std::pair<std::string, torch::Tensor> faceApiToTorch(const FaceApiTensor& in,
                                                     const std::string& source) {
    torch::Tensor tensor =
        torch::from_blob(const_cast<float*>(in.values.data()), in.shape, torch::kFloat32).clone();
    std::string name = in.name;
    std::replace(name.begin(), name.end(), '/', '.');
    auto renamed = [&](const std::string& tail, const std::string& torchTail, std::int64_t rank) {
        if (!hasSuffix(name, tail))
            return false;
        if (tensor.dim() != rank)
            throw InputError(SourceLocation{source}, in.name,
                             "expected " + std::to_string(rank) + " dimensions, the file has " +
                                 std::to_string(tensor.dim()));
        name = name.substr(0, name.size() - tail.size()) + torchTail;
        return true;
    };
    if (renamed(".conv.filters", ".conv.weight", 4))
        tensor = tensor.permute({3, 2, 0, 1}).contiguous(); // HWIO -> OIHW
    else if (renamed(".conv.bias", ".conv.bias", 1) ||
             renamed(".scale.weights", ".scale.weight", 1) ||
             renamed(".scale.biases", ".scale.bias", 1))
        ;
    else if (name == "fc" && tensor.dim() == 2)
        name = "fc.weight", tensor = tensor.t().contiguous(); // [in, out] -> [out, in]
    else
        throw InputError(SourceLocation{source}, in.name,
                         "not a tensor of face-api's FaceRecognitionNet (another face-api model?)");
    return {name, tensor};
}

} // namespace

StateDict faceApiResNetState(const std::string& manifestPath) {
    StateDict state;
    for (const FaceApiTensor& tensor : readFaceApiWeights(manifestPath))
        state.push_back(faceApiToTorch(tensor, manifestPath));
    return state;
}

} // namespace fb
