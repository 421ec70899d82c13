#pragma once
// One look for every FaceBench chart, on screen and in exported figures: the same
// fonts, a white background, labelled axes (the label carries the unit, "Throughput (images/s)"),
// a light grid and a framed legend. Charts built by the panels, the live training plots and
// `facebench-cli report --figures` all go through styleChart, so a figure exported from the GUI
// and one written by the CLI look the same.
#include <QColor>
#include <QPen>
#include <QString>

class QCustomPlot;
class QCPAxis;

namespace fb::ui {

struct ChartLabels {
    QString title;  // "" = no title row
    QString xLabel; // with the unit in parentheses: "False accept rate (FAR)"
    QString yLabel;
    bool legend = true;
    Qt::Alignment legendAlignment = Qt::AlignBottom | Qt::AlignRight;
};

// Clears nothing: styles the axes, grid, fonts, legend and title of `plot` (call before or after
// adding graphs; calling twice does not add a second title).
void styleChart(QCustomPlot* plot, const ChartLabels& labels);

// Removes every graph, item, colour scale, the title and the legend, and puts the axes back to
// linear with default tickers, so one QCustomPlot can draw one figure after another (export of all
// figures).
void resetChart(QCustomPlot* plot);

// A log-10 axis with powers of ten as tick labels ("10^-3" written as 1e-3 style superscripts).
void setLogAxis(QCPAxis* axis, double lower, double upper);

// The palette (colour-blind safe, Okabe-Ito) used for series i; it cycles.
QColor seriesColor(int index);
QPen seriesPen(int index, double width = 2.0);

// Point size of the base font; titles are +2, tick labels -1.
constexpr int kChartFontPointSize = 9;

} // namespace fb::ui
