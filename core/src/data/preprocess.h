#pragma once
// Pre-processing styles of seed Table 11, as composable steps on a decoded image (issue 6).
// The same spec drives training (random crop / flip) and evaluation (deterministic).
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace fb {
struct ExperimentConfig;
}

namespace fb::data {

struct PreprocessSpec {
    // pytorch | tensorflow | tensorflow-inception | caffe | lightcnn | face
    std::string style = "pytorch";
    bool train = false;
    std::int64_t imageHeight = 256; // resize target before cropping (Table 2 "image size")
    std::int64_t imageWidth = 256;
    std::int64_t inputHeight = 224; // network input (Table 2 "input size")
    std::int64_t inputWidth = 224;
    int channels = 3;               // 1 for grayscale models (LightCNN)
};

// The spec a config implies for training (train = true) or evaluation.
PreprocessSpec preprocessSpecFor(const ExperimentConfig& config, bool train);

// Decodes an encoded image to 8-bit BGR, or 8-bit gray when channels == 1; grayscale, RGBA and
// 16-bit inputs are converted. Throws InputError naming `source` for empty, truncated or
// non-image data.
cv::Mat decodeImage(const std::vector<unsigned char>& bytes, const std::string& source, int channels);

// One image through the style's steps: C x H x W float32 of the spec's input size. `rng` drives
// the random steps when spec.train (crop, flip, colour distortion); eval ignores it.
torch::Tensor preprocess(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng);

} // namespace fb::data
