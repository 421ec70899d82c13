#pragma once
// Figures for a paper: a QCustomPlot written as PNG, PDF or SVG at a size given in
// millimetres and a resolution in DPI, with its legend and axis labels as on screen; and tables
// as CSV or Markdown. Every file is written atomically (QSaveFile: temp file + rename), so a
// failed export never leaves half a figure behind (docs/ARCHITECTURE.md, "The run directory").
//
// Sizes: the plot is laid out at 96 logical pixels per inch (mm / 25.4 * 96), as on screen, so
// fonts in points, pen widths and margins keep their proportions whatever the output. PNG is
// that layout rendered at dpi / 96 times the pixels (times `pngScale`), i.e. round(mm / 25.4 *
// dpi * pngScale) pixels a side, with the DPI stored in the file. PDF and SVG are vector: their
// page is widthMm x heightMm; the DPI there only sets the SVG's nominal resolution.
#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QCustomPlot;

namespace fb::ui {

struct FigureSize {
    double widthMm = 160; // a two-column paper's text width is about 170 mm
    double heightMm = 100;
    int dpi = 300;
    double pngScale = 1.0; // an extra factor on the PNG's pixels (2 = retina)
};

enum class FigureFormat { Png, Pdf, Svg };

// "png", "pdf", "svg" from a file name's suffix; false for anything else.
bool figureFormatFromPath(const QString& path, FigureFormat* format);
QString figureFormatSuffix(FigureFormat format);

// The PNG's pixel size for `size` (what exportFigure writes).
int figurePixels(double mm, int dpi, double scale = 1.0);

// Writes `plot` to `path` in `format`. Returns false and sets *error (naming the path) when the
// size is out of range (1..2000 mm, 10..2400 DPI) or the file cannot be written.
bool exportFigure(QCustomPlot* plot, const QString& path, FigureFormat format,
                  const FigureSize& size, QString* error = nullptr);
// The format from the suffix of `path`.
bool exportFigure(QCustomPlot* plot, const QString& path, const FigureSize& size,
                  QString* error = nullptr);

// A table: a header row and data rows, all text.
struct TableData {
    QStringList header;
    QList<QStringList> rows;
};
TableData tableFromModel(const QAbstractItemModel* model);
// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
QString tableToCsv(const TableData& table);
// A GitHub-flavoured Markdown table; '|' in a cell is escaped.
QString tableToMarkdown(const TableData& table);
// Writes text (UTF-8) atomically; false and *error on failure.
bool writeTextFileAtomically(const QString& path, const QString& text, QString* error = nullptr);
// CSV or Markdown by the suffix (.csv, .md).
bool exportTable(const TableData& table, const QString& path, QString* error = nullptr);

} // namespace fb::ui
