// Cells of a results table and their one-line text (facebench/report_table.h).
#include "facebench/report_table.h"

#include <cmath>
#include <cstdio>

namespace fb {

ReportCell numberCell(double value, int decimals) {
    if (std::isnan(value))
        return missingCell();
    ReportCell cell;
    cell.kind = ReportCell::Kind::Number;
    cell.number = value;
    cell.decimals = decimals;
    return cell;
}

ReportCell textCell(std::string text) {
    ReportCell cell;
    cell.kind = ReportCell::Kind::Text;
    cell.text = std::move(text);
    return cell;
}

ReportCell missingCell() {
    return ReportCell{};
}

std::string notResolvableNote() {
    return "not resolvable: the set has fewer impostor pairs than 1/FAR, so this TAR is not "
           "measured at that FAR";
}

std::vector<std::string> cellFlagNames(unsigned flags) {
    std::vector<std::string> names;
    if (flags & static_cast<unsigned>(CellFlag::NotResolvable))
        names.push_back("not_resolvable");
    return names;
}

std::string fixedText(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string dataNumberText(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.12g", value);
    return text;
}

std::string cellText(const ReportCell& cell) {
    std::string text;
    switch (cell.kind) {
    case ReportCell::Kind::Missing:
        text = "-";
        break;
    case ReportCell::Kind::Number:
        text = fixedText(cell.number, cell.decimals);
        break;
    case ReportCell::Kind::Text:
        text = cell.text;
        break;
    }
    if (cell.interval)
        text += " [" + fixedText(cell.interval->low, cell.decimals) + ", " +
                fixedText(cell.interval->high, cell.decimals) + "]";
    if (cell.has(CellFlag::NotResolvable))
        text += std::string(" ") + kNotResolvableMarker;
    return text;
}

} // namespace fb
