#pragma once
// `facebench-cli report RUN_DIR...`: one table across runs from their eval/*.json files, in the
// seed's layout: Table 3 (LFW accuracy, VGGFace2 pose 3x3 and age 2x2 similarity matrices,
// IJB-A Low2High and Middle2High TAR at 1%, 0.1%, 0.01%) and Table 15 (DFW TAR at 1%, 0.1%;
// UMDFaces easy / moderate / difficult TAR at 1%, 0.1%, 0.01%).
#include <string>
#include <vector>

namespace fb {

// format: "md" (Markdown), "csv" (one row per run, every cell a column) or "json".
// Throws InputError naming a run directory without eval/ results or a malformed result file.
std::string formatEvalReport(const std::vector<std::string>& runDirs, const std::string& format);

} // namespace fb
