#pragma once
// Interactive export of one chart or table: a dialog asks for the file (PNG, PDF,
// SVG; CSV, Markdown) and the figure size in mm and DPI; the plot's context menu offers it.
#include "facebench/ui/figure_export.h"

#include <QDialog>

class QCustomPlot;
class QDoubleSpinBox;
class QSpinBox;
class QWidget;

namespace fb::ui {

class FigureSizeDialog : public QDialog {
    Q_OBJECT
public:
    explicit FigureSizeDialog(QWidget* parent = nullptr);
    FigureSize size() const;

private:
    QDoubleSpinBox* m_width;
    QDoubleSpinBox* m_height;
    QSpinBox* m_dpi;
    QDoubleSpinBox* m_scale;
};

// Asks for a file and a size, writes the figure; errors go to a message box. Returns the path
// written or "".
QString exportChartInteractively(QWidget* parent, QCustomPlot* plot, const QString& baseName);
QString exportTableInteractively(QWidget* parent, const TableData& table, const QString& baseName);
// Where an export dialog starts: the folder of the last export (remembered across sessions),
// else the user's documents folder; rememberExportFolder records it after a save.
QString exportStartPath(const QString& fileName);
void rememberExportFolder(const QString& writtenPath);
// Right-click on the plot: "Export figure…".
void addChartContextMenu(QCustomPlot* plot, const QString& baseName);

} // namespace fb::ui
