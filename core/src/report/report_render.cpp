// The renderer for a format name (facebench/report_render.h).
#include "facebench/report_render.h"

#include "facebench/errors.h"

namespace fb {

std::string renderReport(const std::vector<ReportTable>& tables, const std::string& format) {
    if (format == "md")
        return renderMarkdown(tables);
    if (format == "csv")
        return renderCsv(tables);
    if (format == "json")
        return renderJson(tables);
    throw InputError(SourceLocation{}, "--format",
                     "unknown report format '" + format + "' (md, csv, json)");
}

} // namespace fb
