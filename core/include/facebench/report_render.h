#pragma once
// Renderers of results tables (facebench/report_table.h), one per format. Each takes the tables
// in order and returns the whole text; none reads or writes files.
#include "facebench/report_table.h"

#include <string>
#include <vector>

namespace fb {

// GitHub-flavoured Markdown: per table its title, a blank line, the table (cells as cellText,
// '|' escaped), then the footnotes the table needs: "\* not resolvable: ..." when a cell is
// flagged, "[low, high]: 95% interval (method)" when a cell has an interval. Tables are
// separated by a blank line.
std::string renderMarkdown(const std::vector<ReportTable>& tables);

// CSV (RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; lines end in
// LF). Per table a header line of the column keys, then its rows; tables are separated by an
// empty line. Numbers are written with 12 significant digits (no rounding to the displayed
// decimals), a missing number as an empty field. A column with any interval is followed by
// KEY_low, KEY_high and KEY_method; a column with any flag by KEY_flags (names joined by ';').
std::string renderCsv(const std::vector<ReportTable>& tables);

// JSON: {"tables": [{"key", "title", "columns": [{"key", "header"}], "rows": [{COLUMN_KEY:
// CELL}]}], "notes": {FLAG: explanation}}. A cell is {"value": number | string | null} plus
// "interval": {"low", "high", "level", "method"} and "flags": [names] when it has them. Numbers
// as in the CSV (12 significant digits).
std::string renderJson(const std::vector<ReportTable>& tables);

// The renderer for `format`: "md", "csv" or "json". Throws InputError (key --format) for another.
std::string renderReport(const std::vector<ReportTable>& tables, const std::string& format);

} // namespace fb
