#pragma once
// A FeatureSource over a model (core-internal: torch). Images are decoded and pre-processed
// with the eval transform of the config (data/preprocess.h), run in batches under NoGradGuard
// in eval mode; flip fusion per eval.flip (facebench/evaluation.h).
#include "facebench/eval_protocols.h"
#include "facebench/experiment_config.h"
#include "models/face_model.h"

#include <memory>

namespace fb::eval {

FeatureSource modelFeatureSource(std::shared_ptr<FaceModel> model, const ExperimentConfig& config,
                                 const std::function<void(const std::string&)>& log);

} // namespace fb::eval
