#pragma once
#include "models/face_model.h"
#include "weights/state_dict_file.h"

namespace fb {

// FaceBench weights files carry what the model was built with, so they load without asking.
struct WeightsInfo {
    std::string model;
    std::int64_t numClasses = 0;
    bool auxLogits = false;
};

// The model's parameters and buffers by name, as torchvision's state_dict() lists them.
StateDict modelState(FaceModel& model);

// Copies `state` into the model. Throws InputError naming `source` and listing every missing,
// unexpected or mis-shaped key (a state_dict for another model, or another class count).
void loadModelState(FaceModel& model, const StateDict& state, const std::string& source);

// Reads a FaceBench weights file or a plain state_dict; `info` is filled from the metadata of
// a FaceBench file and left as it is for a plain state_dict.
StateDict readModelWeights(const std::string& path, WeightsInfo& info);
void writeModelWeights(const std::string& path, const WeightsInfo& info, const StateDict& state);

} // namespace fb
