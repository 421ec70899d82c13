#pragma once
// `facebench-cli report RUN_DIR...`: the results across runs from their eval/*.json files, as two
// tables in the seed's layout: Table 3 (LFW accuracy, VGGFace2 pose 3x3 and age 2x2 similarity
// matrices, IJB-A Low2High and Middle2High TAR at 1%, 0.1%, 0.01%) and Table 15 (DFW TAR at 1%,
// 0.1%; UMDFaces easy / moderate / difficult TAR at 1%, 0.1%, 0.01%). The workbench's Comparison
// page shows the same tables; facebench/report_render.h writes them as Markdown, CSV or JSON.
#include "facebench/report_table.h"

#include <string>
#include <vector>

namespace fb {

// Table 3 (key "table3": three rows per run, one per pose level) and Table 15 (key "table15": one
// row per run). Values are the result files' numbers (accuracy and TAR times 100, in %); a
// protocol or value a run lacks is a Missing cell; LFW accuracy and each TAR carry the 95%
// interval the result file has (eval_results.h), in %; a TAR the set cannot resolve is flagged
// CellFlag::NotResolvable. Throws InputError naming a run directory without eval/ results or a
// malformed result file.
std::vector<ReportTable> buildEvalReport(const std::vector<std::string>& runDirs);

} // namespace fb
