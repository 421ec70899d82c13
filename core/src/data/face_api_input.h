#pragma once
// face-api's input steps (NetInput.toBatchTensor(150, true) in @vladmandic/face-api 1.7.15):
// the image padded with zeros to a square, the padding split between both sides of the shorter
// dimension (padToSquare with isCenterImage: round(diff / 2) after, the rest before), then
// tf.image.resizeBilinear(alignCorners = false, halfPixelCenters = false) to size x size:
// TensorFlow 1's bilinear resize, which maps output pixel i to source i * in / out (no half
// pixel offset) and clamps the neighbour at the edge. Torch-free.
#include <opencv2/core.hpp>

namespace fb::data {

// An 8-bit image (1 or 3 channels) as face-api feeds it: CV_32F of size x size, the channels
// as given. The resize is skipped when the square already has the size (as face-api does).
cv::Mat faceApiInput(const cv::Mat& image, int size);

} // namespace fb::data
