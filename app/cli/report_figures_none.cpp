// `report --figures` in a facebench-cli built without the GUI (report_figures.h).
#include "report_figures.h"

#include "facebench/errors.h"

namespace fb::cli {

int writeReportFigures(const std::vector<std::string>&, const FigureOptions&, bool) {
    throw InputError(SourceLocation{}, "--figures",
                     "this facebench-cli was built without the GUI (FACEBENCH_BUILD_GUI=OFF), and "
                     "figures are drawn with Qt: rebuild with -DFACEBENCH_BUILD_GUI=ON, or export "
                     "them from the workbench (Evaluation > Export all figures)");
}

int writeStudyFigures(const std::string& studyDir, const FigureOptions& options, bool json) {
    return writeReportFigures({studyDir}, options, json); // the same message
}

} // namespace fb::cli
