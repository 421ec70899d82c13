#pragma once
// A results table as data: what `facebench-cli report` writes (Markdown, CSV, JSON) and what the
// workbench's Comparison page shows, built once (facebench/eval_report.h) and rendered by small
// functions, one per format. Torch-free and Qt-free.
#include <optional>
#include <string>
#include <vector>

namespace fb {

// A confidence interval around a cell's value, in the cell's unit (a TAR in % has its bounds in
// %). `method` names how it was computed ("Wilson", "bootstrap", ...) and is shown with it.
struct ReportInterval {
    double low = 0;
    double high = 0;
    double level = 0.95;
    std::string method;
};

// Marks on a cell; several may be set (a bit mask).
enum class CellFlag : unsigned {
    // A TAR at a FAR the set cannot resolve: fewer impostor pairs than 1/FAR (the protocol's
    // "resolvable": false, facebench/verification_metrics.h). Shown with kNotResolvableMarker.
    NotResolvable = 1u << 0,
};

struct ReportCell {
    enum class Kind {
        Missing, // a number the runs' results do not have (shown "-")
        Number,
        Text, // labels, run names; "" is an empty layout cell
    };
    Kind kind = Kind::Missing;
    double number = 0;
    int decimals = 0; // digits after the point when shown as text (Markdown, the GUI)
    std::string text;
    std::optional<ReportInterval> interval;
    unsigned flags = 0;

    bool has(CellFlag flag) const { return (flags & static_cast<unsigned>(flag)) != 0; }
    void set(CellFlag flag) { flags |= static_cast<unsigned>(flag); }
};

// A number shown with `decimals` digits, or a Missing cell where `value` is NaN.
ReportCell numberCell(double value, int decimals);
ReportCell textCell(std::string text);
ReportCell missingCell();

struct ReportColumn {
    std::string key;    // unique within the table, machine-friendly ("Low2High_tar_pct@0.1%")
    std::string header; // as printed ("0.1%"); may repeat under a group ("Low2High 1%", "0.1%")
};

struct ReportTable {
    std::string key;   // "table3"
    std::string title; // one line
    std::vector<ReportColumn> columns;
    std::vector<std::vector<ReportCell>> rows; // each as long as columns
};

constexpr char kNotResolvableMarker[] = "*";
// The footnote explaining CellFlag::NotResolvable, without the marker.
std::string notResolvableNote();
// The names of a cell's flags as the JSON writes them ("not_resolvable").
std::vector<std::string> cellFlagNames(unsigned flags);

// A cell as one line of text, as Markdown and the GUI show it: the value ("97.2", "-", "Front"),
// then " [low, high]" with the same digits when there is an interval, then " *" when flagged
// not resolvable.
std::string cellText(const ReportCell& cell);
// A number with `decimals` digits after the point ("%.*f").
std::string fixedText(double value, int decimals);
// A number as the CSV and JSON renderers write it: 12 significant digits ("%.12g"), which keeps
// every digit a TAR or accuracy from the result files carries and drops the last-bit noise of
// scaling a fraction to percent (100 * 0.07 = 7.000000000000001 is written 7).
std::string dataNumberText(double value);

} // namespace fb
