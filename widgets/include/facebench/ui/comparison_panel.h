#pragma once
// The Comparison page (issue 12): several runs side by side: their training curves
// (metrics.jsonl) and the ROCs of one verification set overlaid with a legend, and one results
// table across runs in the layout of the seed's Table 3 (and Table 15), copyable as Markdown.
#include <QStringList>
#include <QWidget>

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
    // The Markdown of the cross-run table (facebench/eval_report.h), as "Copy" puts it.
    QString tableMarkdown() const { return m_markdown; }

private:
    void refresh();
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
    QString m_markdown;
};

} // namespace fb::ui
