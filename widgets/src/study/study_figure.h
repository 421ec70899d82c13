#pragma once
// The study figure: the chosen metric per table cell as grouped bars (a group per row value, a
// bar per column value) with whiskers for the 95% interval over the repeats, in the chart style
// every FaceBench figure shares, so it exports like the others (PNG, PDF, SVG).
#include <QString>

#include <map>
#include <string>

class QCustomPlot;

namespace fb::ui {

class StudyGrid;

void plotStudyFigure(QCustomPlot* plot, const StudyGrid& grid, const std::string& rowKey,
                     const std::string& columnKey,
                     const std::map<std::string, std::string>& filters, const std::string& metric,
                     const QString& title);

} // namespace fb::ui
