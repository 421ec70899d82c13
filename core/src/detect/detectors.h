#pragma once
// Factories behind FaceDetector::create (internal).
#include "facebench/face_detection.h"

#include <memory>

namespace fb {

std::unique_ptr<FaceDetector> makeMtcnnDetector(const DetectorOptions& options); // mtcnn.cpp
std::unique_ptr<FaceDetector> makeHaarDetector(const DetectorOptions& options);  // haar
// The message for missing MTCNN weights: names the path looked at and the setup command.
std::string missingMtcnnWeightsMessage(const std::string& path);

} // namespace fb
