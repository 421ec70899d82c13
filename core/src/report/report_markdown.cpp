// Results tables as GitHub-flavoured Markdown (facebench/report_render.h).
#include "facebench/report_render.h"

#include <cstdio>

namespace fb {

namespace {

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text)
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

std::string line(const std::vector<std::string>& cells) {
    std::string out = "| ";
    for (std::size_t i = 0; i < cells.size(); ++i)
        out += escaped(cells[i]) + (i + 1 < cells.size() ? " | " : "");
    return out + " |\n";
}

// "95% interval (Wilson score); 90% interval (bootstrap)": each level and method once, in the
// order the cells have them.
std::string intervalNote(const ReportTable& table) {
    std::vector<std::string> seen;
    for (const auto& row : table.rows)
        for (const ReportCell& cell : row) {
            if (!cell.interval)
                continue;
            char level[32];
            std::snprintf(level, sizeof level, "%g%%", 100 * cell.interval->level);
            std::string text = std::string(level) + " interval";
            if (!cell.interval->method.empty())
                text += " (" + cell.interval->method + ")";
            bool known = false;
            for (const std::string& s : seen)
                known = known || s == text;
            if (!known)
                seen.push_back(text);
        }
    std::string note;
    for (const std::string& s : seen)
        note += (note.empty() ? "" : "; ") + s;
    return note;
}

} // namespace

std::string renderMarkdown(const std::vector<ReportTable>& tables) {
    std::string md;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const ReportTable& table = tables[t];
        if (t > 0)
            md += "\n";
        md += table.title + "\n\n";
        std::vector<std::string> header;
        for (const ReportColumn& c : table.columns)
            header.push_back(c.header);
        md += line(header);
        md += line(std::vector<std::string>(table.columns.size(), "---"));
        bool flagged = false;
        for (const auto& row : table.rows) {
            std::vector<std::string> cells;
            for (const ReportCell& cell : row) {
                cells.push_back(cellText(cell));
                flagged = flagged || cell.has(CellFlag::NotResolvable);
            }
            md += line(cells);
        }
        if (flagged)
            md += std::string("\n\\") + kNotResolvableMarker + " " + notResolvableNote() + "\n";
        const std::string intervals = intervalNote(table);
        if (!intervals.empty())
            md += "\n[low, high]: " + intervals + "\n";
    }
    return md;
}

} // namespace fb
