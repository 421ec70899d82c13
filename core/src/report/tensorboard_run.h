#pragma once
// What of a run goes into its TensorBoard files (facebench/tensorboard.h): the mapping from
// metrics.jsonl rows to scalars, shared by training (train/metrics_log.cpp) and `runs
// export-tb`, and which files of RUN/tb/ training owns. Torch-free.
#include "report/tensorboard_writer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace fb::tensorboard {

// "T/k" for every number k of a row of type T (booleans, text, null and "step" left out).
std::vector<Scalar> metricsRowScalars(const nlohmann::ordered_json& row);

// Every event file of `dir` that training writes or exports (those not ending in ".eval")
// loses its events after `step`: for --resume, the steps the resumed process runs again.
void truncateTrainingEventFilesAfter(const std::string& dir, std::int64_t step);

} // namespace fb::tensorboard
