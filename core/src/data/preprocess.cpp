// The pre-processing styles of seed Table 11, each a composition of the steps in image_steps.h.
// Every style ends in one pass that writes planar floats (channel order, flip and the affine
// normalisation at once), straight into the caller's memory (a batch slot).
#include "data/preprocess.h"

#include "data/face_api_input.h"
#include "data/image_steps.h"
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/model_catalog.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fb::data {

namespace {

namespace S = steps;

// Table 11, PyTorch rows: ImageNet statistics on [0, 1] pixels (RGB).
constexpr double kImageNetMean[3] = {0.485, 0.456, 0.406};
constexpr double kImageNetStd[3] = {0.229, 0.224, 0.225};
// Table 11, TensorFlow rows (VGG preprocessing): means subtracted on the 0-255 scale (RGB).
constexpr double kTensorFlowMean[3] = {123.68, 116.779, 103.939};
// Table 11, Caffe rows: "reorder image channels to BGR, subtract mean [87.1, 102.7, 134.6]":
// the mean is given after the reorder, so B = 87.1, G = 102.7, R = 134.6 (faces are red-heavy).
// Stored here in RGB order like the others.
constexpr double kCaffeMean[3] = {134.6, 102.7, 87.1};
constexpr double kOnes[3] = {1.0, 1.0, 1.0};

bool isFaceModel(const std::string& model) {
    // The 112x112 / 112x96 rows of Table 2 (Softmax, Center-loss, SphereFace, CosFace,
    // ArcFace) and the small CPU networks built like them.
    for (const char* prefix :
         {"sphereface", "center-loss", "iresnet", "mobilefacenet", "small-resnet"})
        if (model.rfind(prefix, 0) == 0)
            return true;
    return false;
}

// A framework's value as pre-processing means "Table 11's row for this model in that
// framework"; the face networks, which Table 11 does not list, keep their papers'
// (x - 127.5) / 128.
PreprocessStyle tableRow(PreprocessStyle requested, const std::string& model) {
    using P = PreprocessStyle;
    if (requested != P::PyTorch && requested != P::TensorFlow && requested != P::Caffe)
        return requested; // a row chosen explicitly
    if (isFaceModel(model))
        return P::Face;
    if (model == "face-api-resnet") // trained with one pre-processing whatever the framework
        return P::FaceApi;
    if (requested == P::TensorFlow && (model == "googlenet" || model == "inception-v3"))
        return P::TensorFlowInception;
    if (requested == P::Caffe && model.rfind("lightcnn", 0) == 0)
        return P::LightCnn;
    return requested;
}

int h(std::int64_t value) {
    return static_cast<int>(value);
}

// Random or centre crop of the spec's input size (Caffe and TF floor the centre offset).
cv::Rect cropRect(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng) {
    return spec.train
               ? S::randomCropRect(image.size(), h(spec.inputHeight), h(spec.inputWidth), rng)
               : S::centreCropRect(image.size(), h(spec.inputHeight), h(spec.inputWidth),
                                   S::CentreRounding::Floor);
}

// PyTorch (torchvision ImageNet recipe). Train: RandomResizedCrop(input), RandomHorizontalFlip,
// ToTensor, Normalize. Eval: Resize(image size), CenterCrop(input), ToTensor, Normalize. The
// resizes are PIL's bilinear (antialiased), bit for bit, as torchvision runs them on PIL images;
// the other styles resize as their frameworks do, without antialias (OpenCV, TF1).
void pytorchStyle(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                  float* out) {
    const S::Affine affine = S::normaliseRgb(1.0 / 255.0, kImageNetMean, kImageNetStd, spec.bgr);
    if (spec.train) {
        const cv::Rect box = S::randomResizedCropRect(image.size(), rng);
        const cv::Mat resized =
            S::resizeBilinearPil(image(box), h(spec.inputHeight), h(spec.inputWidth));
        S::writePlanar(resized, S::coin(rng), spec.bgr, affine, out);
        return;
    }
    const cv::Mat resized = S::resizeBilinearPil(image, h(spec.imageHeight), h(spec.imageWidth));
    const cv::Rect box = S::centreCropRect(resized.size(), h(spec.inputHeight), h(spec.inputWidth),
                                           S::CentreRounding::HalfEven);
    S::writePlanar(resized(box), false, spec.bgr, affine, out);
}

// TensorFlow (slim vgg_preprocessing): shorter side to the image size, aspect kept; random crop
// and flip (eval: centre crop); subtract the means on the 0-255 scale.
void tensorflowStyle(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                     float* out) {
    // The shorter side goes to the (smaller) image size; for a non-square input on a source of
    // another aspect ratio, enlarged so that the crop still fits (TF would fail there).
    int side = h(std::min(spec.imageHeight, spec.imageWidth));
    const double shorter = std::min(image.rows, image.cols);
    side = std::max({side, h(std::ceil(spec.inputHeight * shorter / image.rows)),
                     h(std::ceil(spec.inputWidth * shorter / image.cols))});
    const cv::Mat resized = S::resizeShorterSide(image, side);
    const cv::Rect box = cropRect(resized, spec, rng);
    const bool flip = spec.train && S::coin(rng);
    S::writePlanar(resized(box), flip, spec.bgr,
                   S::normaliseRgb(1.0, kTensorFlowMean, kOnes, spec.bgr), out);
}

// TensorFlow, GoogLeNet and Inception-v3 (slim inception_preprocessing). Train: [0, 1], a
// distorted bounding-box crop resized to the input, flip, colour distortion in one of four
// orders, clip, then 2x - 1. Eval: [0, 1], central crop of 0.875, resize, 2x - 1.
void inceptionStyle(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                    float* out) {
    const cv::Rect box = spec.train ? S::distortedBoundingBoxRect(image.size(), rng)
                                    : S::tfCentralCropRect(image.size(), 0.875);
    cv::Mat unit;
    image(box).convertTo(unit, CV_32F, 1.0 / 255.0); // TF converts to float before resizing
    // A fresh float image either way, so distortColour may work in place.
    cv::Mat resized = S::resizeBilinear(unit, h(spec.inputHeight), h(spec.inputWidth));
    bool flip = false;
    if (spec.train) {
        flip = S::coin(rng);
        if (resized.channels() == 3)
            S::distortColour(resized, static_cast<int>(S::uniformInt(rng, 4)), rng);
    }
    const double half[3] = {0.5, 0.5, 0.5};
    // 2x - 1 = (x - 0.5) / 0.5
    S::writePlanar(resized, flip, spec.bgr, S::normaliseRgb(1.0, half, half, spec.bgr), out);
}

// Caffe (transform_param): the stored image resized to the image size, random crop (eval:
// centre), mirror, BGR, (x - mean) scaled to [0, 1] (Table 11: "subtract mean [87.1, 102.7,
// 134.6] and scale the image to range [0, 1]", i.e. x 1/255 after the subtraction).
void caffeStyle(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                float* out) {
    const cv::Mat resized = S::resizeBilinear(image, h(spec.imageHeight), h(spec.imageWidth));
    const cv::Rect box = cropRect(resized, spec, rng);
    const bool flip = spec.train && S::coin(rng);
    const double std255[3] = {255.0, 255.0, 255.0};
    S::writePlanar(resized(box), flip, spec.bgr, S::normaliseRgb(1.0, kCaffeMean, std255, spec.bgr),
                   out);
}

// LightCNN-29 (Caffe), Table 11: grayscale 144x144, random 128 crop (eval: centre), mirror,
// "subtract mean [127.5, 127.5, 127.5] and scale the image to range [-1, 1]". The extracted
// table's evaluation column for this row runs into the next row's ("... [87.1, 102.7, 134.6]
// ... [0, 1]"); a network trained on [-1, 1] inputs is evaluated on the same scale, so eval
// uses (x - 127.5) / 127.5 too.
void lightcnnStyle(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                   float* out) {
    const cv::Mat resized = S::resizeBilinear(image, h(spec.imageHeight), h(spec.imageWidth));
    const cv::Rect box = cropRect(resized, spec, rng);
    const bool flip = spec.train && S::coin(rng);
    const double mean[3] = {127.5, 127.5, 127.5};
    S::writePlanar(resized(box), flip, spec.bgr, S::normaliseRgb(1.0, mean, mean, spec.bgr), out);
}

// The face networks (SphereFace, CosFace, ArcFace, Center-loss; 112x112 / 112x96 aligned
// crops): resized to the image size when needed, cropped to the input when it is smaller
// (random in training, centre in evaluation), mirrored, (x - 127.5) / 128.
void faceStyle(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng, float* out) {
    const cv::Mat resized = S::resizeBilinear(image, h(spec.imageHeight), h(spec.imageWidth));
    const cv::Rect box = cropRect(resized, spec, rng);
    const bool flip = spec.train && S::coin(rng);
    const double mean[3] = {127.5, 127.5, 127.5};
    const double scale[3] = {128.0, 128.0, 128.0};
    S::writePlanar(resized(box), flip, spec.bgr, S::normaliseRgb(1.0, mean, scale, spec.bgr), out);
}

// face-api's FaceRecognitionNet (FaceRecognitionNet.forwardInput): padded to a square and
// resized to the input size as face-api does (data/face_api_input.h), mirrored in training,
// (x - mean RGB) / 255 with its mean RGB [122.782, 117.001, 104.298].
void faceApiStyle(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                  float* out) {
    const cv::Mat input = faceApiInput(image, h(spec.inputHeight));
    const bool flip = spec.train && S::coin(rng);
    const double mean[3] = {122.782, 117.001, 104.298};
    const double scale[3] = {255.0, 255.0, 255.0};
    S::writePlanar(input, flip, spec.bgr, S::normaliseRgb(1.0, mean, scale, spec.bgr), out);
}

} // namespace

void checkPreprocessSpec(const PreprocessSpec& spec) {
    if (spec.inputHeight < 1 || spec.inputWidth < 1 || spec.imageHeight < 1 || spec.imageWidth < 1)
        throw InputError(SourceLocation{}, "data.input_size",
                         "image and input sizes must be positive");
    // Only RandomResizedCrop and the Inception crops resize after cropping.
    const bool cropsThenResizes = spec.style == PreprocessStyle::TensorFlowInception ||
                                  (spec.style == PreprocessStyle::PyTorch && spec.train) ||
                                  spec.style == PreprocessStyle::FaceApi;
    if (!cropsThenResizes &&
        (spec.inputHeight > spec.imageHeight || spec.inputWidth > spec.imageWidth))
        throw InputError(SourceLocation{}, "data.input_size",
                         "input size is larger than the image size for style '" +
                             std::string(styleName(spec.style)) + "'");
    if (spec.channels != 1 && spec.channels != 3)
        throw InputError(SourceLocation{}, "", "1 or 3 input channels expected");
    if (spec.style == PreprocessStyle::FaceApi && spec.inputHeight != spec.inputWidth)
        throw InputError(SourceLocation{}, "data.input_size",
                         "style 'face-api' takes a square input");
}

PreprocessSpec preprocessSpecFor(const ExperimentConfig& config, bool train) {
    PreprocessSpec spec;
    spec.style = tableRow(config.style.preprocess, config.model.name);
    spec.train = train;
    if (config.data.imageSize.size() == 2) {
        spec.imageHeight = config.data.imageSize[0];
        spec.imageWidth = config.data.imageSize[1];
    }
    if (config.data.inputSize.size() == 2) {
        spec.inputHeight = config.data.inputSize[0];
        spec.inputWidth = config.data.inputSize[1];
    }
    if (const ModelInfo* model = findModel(config.model.name))
        spec.channels = model->channels;
    // Caffe reads images with OpenCV and feeds BGR (Table 11); the face networks trained in
    // Caffe (SphereFace, Center-loss) do as well, InsightFace's and PyTorch's feed RGB.
    spec.bgr = spec.style == PreprocessStyle::Caffe || spec.style == PreprocessStyle::LightCnn ||
               (spec.style == PreprocessStyle::Face && config.style.framework == Framework::Caffe);
    return spec;
}

void preprocessInto(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng,
                    float* out) {
    checkPreprocessSpec(spec);
    if (image.empty() || image.depth() != CV_8U || image.channels() != spec.channels)
        throw JobError("preprocess: expected an 8-bit image with " + std::to_string(spec.channels) +
                       " channel(s) (decodeImage's output)");
    switch (spec.style) {
    case PreprocessStyle::PyTorch:
        return pytorchStyle(image, spec, rng, out);
    case PreprocessStyle::TensorFlow:
        return tensorflowStyle(image, spec, rng, out);
    case PreprocessStyle::TensorFlowInception:
        return inceptionStyle(image, spec, rng, out);
    case PreprocessStyle::Caffe:
        return caffeStyle(image, spec, rng, out);
    case PreprocessStyle::LightCnn:
        return lightcnnStyle(image, spec, rng, out);
    case PreprocessStyle::Face:
        return faceStyle(image, spec, rng, out);
    case PreprocessStyle::FaceApi:
        return faceApiStyle(image, spec, rng, out);
    }
}

torch::Tensor preprocess(const cv::Mat& image, const PreprocessSpec& spec, std::mt19937_64& rng) {
    torch::Tensor out =
        torch::empty({spec.channels, spec.inputHeight, spec.inputWidth}, torch::kFloat32);
    preprocessInto(image, spec, rng, out.data_ptr<float>());
    return out;
}

} // namespace fb::data
