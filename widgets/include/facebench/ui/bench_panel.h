#pragma once
// The Benchmark page (seed Section 4.3): configure a sweep (models x batch sizes x
// devices x precision), run the BenchJob through the JobRunner, and see images/s against batch
// size per model with out-of-memory batches marked (Fig. 2), scaling with eq. 6 speedups
// (Fig. 3) and t_data against t_compute (eq. 7-8). A stored bench.json opens the same way.
#include "facebench/bench_job.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace fb::ui {

class JobRunner;

class BenchPanel : public QWidget {
    Q_OBJECT
public:
    explicit BenchPanel(QWidget* parent = nullptr);

    void setJobRunner(JobRunner* runner) { m_runner = runner; }
    bool openBenchJson(const QString& path, QString* error = nullptr);
    // Rows with t_agg (a distributed sweep) add the all-reduce seconds (eq. 7) to the time split.
    void setResult(const BenchResult& result);
    // Shows the tab "throughput", "scaling", "time" or "rows" (scripted screenshots).
    void showTab(const QString& name);
    const BenchResult& result() const { return m_result; }
    // The sweep the form describes (validated by the job).
    BenchOptions options() const;
    // Where Run writes bench-<time>/bench/bench.json: the runs folder in use (the Runs page's),
    // unless the user chose another; "" = runs/ in the working folder.
    void setRunsFolder(const QString& folder);
    QString outputFolder() const;

    QCustomPlot* throughputPlot() const { return m_throughput; }
    QCustomPlot* scalingPlot() const { return m_scaling; }
    QCustomPlot* timePlot() const { return m_time; }
    QTableWidget* table() const { return m_table; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    void run();

    JobRunner* m_runner = nullptr;
    BenchResult m_result;
    QListWidget* m_models;
    QLineEdit* m_batches;
    QLineEdit* m_devices;
    QComboBox* m_precision;
    QSpinBox* m_iterations;
    QSpinBox* m_warmup;
    QSpinBox* m_memoryCap;
    QLineEdit* m_outputFolder;
    QPushButton* m_run;
    QLabel* m_status;
    QTabWidget* m_tabs;
    QCustomPlot* m_throughput;
    QCustomPlot* m_scaling;
    QCustomPlot* m_time;
    QTableWidget* m_table;
};

} // namespace fb::ui
