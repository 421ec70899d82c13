#pragma once
// Pre-processing styles of seed Table 11, as composable steps on a decoded image.
// The same spec drives training (random crop / flip) and evaluation (deterministic).
#include "data/image_decode.h" // decodeImage, which the loader pairs with preprocess()
#include "facebench/framework_style.h"

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
    // The Table 11 row; a framework's value (PyTorch, TensorFlow, Caffe) is that framework's
    // standard row here, preprocessSpecFor having picked the model's own.
    PreprocessStyle style = PreprocessStyle::PyTorch;
    bool train = false;
    std::int64_t imageHeight = 256; // resize target before cropping (Table 2 "image size")
    std::int64_t imageWidth = 256;
    std::int64_t inputHeight = 224; // network input (Table 2 "input size")
    std::int64_t inputWidth = 224;
    int channels = 3; // 1 for grayscale models (LightCNN)
    // Channel order of the output when channels == 3: Caffe's styles feed BGR (Table 11,
    // "reorder image channels to BGR"); the others RGB. preprocessSpecFor sets it per style.
    bool bgr = false;
};

// Throws InputError when the spec cannot be applied (sizes below 1, an input
// larger than the image size where the style crops after resizing, channels other than 1 or 3).
// preprocess() checks too; the loader calls this up front so a bad config fails at once.
void checkPreprocessSpec(const PreprocessSpec& spec);

// The spec a config implies for training (train = true) or evaluation. A framework's value of
// style.preprocess means Table 11's row for the model in that framework: tensorflow ->
// tensorflow-inception for googlenet / inception-v3, caffe -> lightcnn for the LightCNNs, and any
// framework -> face for the 112x112 / 112x96 face networks (sphereface-*, center-loss-net,
// iresnet*, small-resnet-*), which Table 11 does not list. The other style names are taken as
// given. Sizes from data.image_size / data.input_size, channels from the model catalog; bgr for
// caffe and lightcnn, and for face under framework caffe.
PreprocessSpec preprocessSpecFor(const ExperimentConfig& config, bool train);

// One image through the style's steps: C x H x W float32 of the spec's input size. `rng` drives
// the random steps when spec.train (crop, flip, colour distortion); eval ignores it.
torch::Tensor preprocess(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng);

// The same, written into `out`: channels x inputHeight x inputWidth contiguous float32 (a slot
// of a batch tensor, so the loader copies nothing). Equal to preprocess() for the same rng.
void preprocessInto(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                    float* out);

} // namespace fb::data
