#pragma once
// The small steps the pre-processing styles of seed Table 11 are made of (preprocess.cpp
// composes them). Torch-free: OpenCV images in, OpenCV images, rectangles or floats out.
// Images are 8-bit (or float, for the Inception colour distortion) in OpenCV's BGR order; the
// channel order of the network input is chosen only when writing the floats (writePlanar).
#include <opencv2/core.hpp>

#include <cstdint>
#include <random>

namespace fb::data::steps {

// --- Random numbers. Own formulas rather than std:: distributions, whose output the C++
// standard leaves to the library: a seed gives the same augmentation with any compiler.
double uniform01(std::mt19937_64& rng);                            // [0, 1), 53 bits
double uniform(std::mt19937_64& rng, double low, double high);     // [low, high)
std::int64_t uniformInt(std::mt19937_64& rng, std::int64_t count); // [0, count), count >= 1
bool coin(std::mt19937_64& rng);                                   // p = 0.5

// --- Geometry.
// Bilinear resize with half-pixel centres (as PIL, torchvision and TF2), bit-exact across CPUs
// (INTER_LINEAR_EXACT). Unlike PIL and torchvision's antialias=True it does not widen the
// filter when shrinking: a 250 -> 112 downscale reads 2x2 source pixels per output pixel
// where PIL reads ~5x5, so the result is sharper (more aliased) by up to a few grey levels on
// fine texture. Upscales agree with PIL to within rounding (+-1 grey level). Returns `image`
// itself (no copy) when the size already matches.
cv::Mat resizeBilinear(const cv::Mat& image, int height, int width);
// Bilinear resize exactly as PIL's Image.resize(size, BILINEAR) (what torchvision's Resize and
// RandomResizedCrop run on PIL images): the triangle filter widened by the scale when shrinking
// (antialias), coefficients normalised per output pixel and rounded to 22-bit fixed point,
// horizontal pass then vertical. 8-bit images with 1 or 3 channels; `image` itself when the
// size already matches.
cv::Mat resizeBilinearPil(const cv::Mat& image, int height, int width);
// Aspect-preserving resize so that the shorter side equals `side` (TF's
// _aspect_preserving_resize: the other side is rint(side * long / short)).
cv::Mat resizeShorterSide(const cv::Mat& image, int side);

// A height x width window in the centre. torchvision rounds the offset half to even
// (int(round((H - h) / 2.0))); Caffe and TF's _central_crop floor it.
enum class CentreRounding { HalfEven, Floor };
cv::Rect centreCropRect(cv::Size image, int height, int width, CentreRounding rounding);
// A height x width window at a uniform offset (Caffe: Rand(H - h + 1); TF: random_uniform).
// Draws the row offset, then the column offset.
cv::Rect randomCropRect(cv::Size image, int height, int width, std::mt19937_64& rng);
// torchvision RandomResizedCrop.get_params: scale (0.08, 1), ratio (3/4, 4/3) sampled in log
// space, 10 attempts, then the central crop of the ratio-clamped whole image.
cv::Rect randomResizedCropRect(cv::Size image, std::mt19937_64& rng);
// TF slim inception_preprocessing.distorted_bounding_box_crop with the whole image as the
// object box: min_object_covered 0.1, aspect_ratio_range (0.75, 1.33), area_range (0.05, 1),
// 100 attempts, else the whole image (as tf.image.sample_distorted_bounding_box).
cv::Rect distortedBoundingBoxRect(cv::Size image, std::mt19937_64& rng);
// tf.image.central_crop(image, fraction): start = int((H - H * fraction) / 2), size = H - 2 start.
cv::Rect tfCentralCropRect(cv::Size image, double fraction);

// --- Colour (TF slim inception_preprocessing.distort_color, fast_mode = False), on a float
// BGR image in [0, 1], in place; the result is clipped to [0, 1]. `ordering` 0-3 picks one of
// the four step orders of distort_color; the factors are drawn in the order the steps run:
// brightness delta U(-32/255, 32/255), saturation U(0.5, 1.5), hue delta U(-0.2, 0.2) (of a
// full turn), contrast U(0.5, 1.5).
void distortColour(cv::Mat& imageBgr01, int ordering, std::mt19937_64& rng);

// --- Output: channels x height x width floats, out = pixel * scale[c] + offset[c], where c
// counts the OUTPUT channels. With `bgr` false the BGR image's channels are written as R, G,
// B; with `bgr` true as B, G, R. `flip` mirrors left-right while writing (no extra copy).
// Accepts CV_8UC1/3 and CV_32FC1/3 images, continuous or not (crop views).
struct Affine {
    float scale[3] = {1.f, 1.f, 1.f};
    float offset[3] = {0.f, 0.f, 0.f};
};
// (x * pixelScale - mean[c]) / std[c] with mean and std given in RGB order, as the papers
// give them; the returned Affine is in the output order `bgr` selects.
Affine normaliseRgb(double pixelScale, const double meanRgb[3], const double stdRgb[3], bool bgr);
void writePlanar(const cv::Mat& image, bool flip, bool bgr, const Affine& affine, float* out);

} // namespace fb::data::steps
