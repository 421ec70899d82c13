#pragma once
// `facebench-cli extract`: a model's embeddings (the paper's penultimate-layer features) or
// logits for images or for an already pre-processed tensor, as a float32 array.
#include "facebench/npy_file.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct ExtractRequest {
    std::string model;            // a name from modelCatalog(); may be "" with FaceBench weights
    std::string weights;          // FaceBench weights file or PyTorch state_dict, "" = random init
    std::int64_t numClasses = -1; // -1: from the weights file, else 0
    std::string layer = "embedding"; // embedding | logits
    std::string inputTensor;         // N x C x H x W float32 .npy, already pre-processed
    std::vector<std::string> images; // image files, used when inputTensor is empty
    std::int64_t batchSize = 32;
    std::vector<std::string> overrides; // "a.b=value" on the model's config, as `eval --set`
};

// Images are pre-processed as `eval --model` does: the eval transform (seed Table 11) of the
// config that names the model alone (plus `overrides`), e.g. the face networks' (x - 127.5) /
// 128 on 112 x 112 inputs, ImageNet's statistics for the torchvision models. Throws InputError
// naming the file or option at fault.
NpyArray extractFeatures(const ExtractRequest& request);

// The image paths of a list file: one per line, the first field of "path label" lines,
// relative paths resolved against the list's folder; blank lines and # comments skipped.
std::vector<std::string> imagePathsOfList(const std::string& listFile);

} // namespace fb
