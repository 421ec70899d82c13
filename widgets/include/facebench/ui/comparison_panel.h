#pragma once
// The Comparison page: several runs side by side: their training curves (metrics.jsonl) and the
// ROCs of one verification set overlaid with a legend, and the results across runs in the layout
// of the seed's Table 3 and Table 15 (facebench/eval_report.h), copyable as Markdown and
// exportable as CSV, Markdown or JSON.
#include "facebench/report_table.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QListWidget;
class QTableWidget;
class QTabWidget;

namespace fb::ui {

class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPanel(QWidget* parent = nullptr);

    void setRuns(const QStringList& runDirs);
    void addRun(const QString& runDir);
    QStringList runs() const;

    QCustomPlot* curvesPlot() const { return m_curves; }
    QCustomPlot* rocPlot() const { return m_roc; }
    QTableWidget* table3() const { return m_table3; }
    QTableWidget* table15() const { return m_table15; }
    QTabWidget* tabs() const { return m_tabs; }
    // Shows report tables: the one keyed "table3" in table3(), "table15" in table15(). A cell
    // shows its value, its interval as " [low, high]" and " *" when not resolvable, with a
    // tooltip explaining the interval (level, method) and the mark; a number's exact value is
    // the item's Qt::UserRole data.
    void showTables(const std::vector<ReportTable>& tables);
    const std::vector<ReportTable>& tables() const { return m_tables; }
    // The tables as Markdown (facebench/report_render.h), as "Copy" puts it.
    QString tableMarkdown() const;

private:
    void refresh();
    void exportTables();
    void drawCurves();
    void drawRoc();

    QListWidget* m_runs;
    QComboBox* m_metric;
    QComboBox* m_set;
    QTabWidget* m_tabs;
    QCustomPlot* m_curves;
    QCustomPlot* m_roc;
    QTableWidget* m_table3;
    QTableWidget* m_table15;
    QLabel* m_status;
    std::vector<ReportTable> m_tables;
};

} // namespace fb::ui
