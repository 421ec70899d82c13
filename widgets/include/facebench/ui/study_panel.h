#pragma once
// The Study panel: a study (facebench/study.h) opened from its file or its output folder, edited
// in a form (base, axes, protocols, repeats) checked by the study loader itself as one types,
// run on the job runner (Run, Pause: the running cell checkpoints and Run resumes it, Cancel),
// and shown as a grid of cells: two axes as rows and columns, the others as filters, each cell
// its status and the chosen metric with its 95% interval over the repeats on a sequential
// colour scale, following study.json while the study runs. The table exports through the core
// report renderers (Markdown, CSV), the grouped bar figure as PNG, PDF or SVG.
#include <QMap>
#include <QString>
#include <QWidget>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QCustomPlot;
class QFileSystemWatcher;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTableWidgetItem;
class QTabWidget;
class QTimer;

namespace fb {
class StudyRunner;
struct Study;
} // namespace fb

namespace fb::ui {

class ColourScaleLegend;
class JobRunner;
class StudyEditor;
class StudyGrid;

class StudyPanel : public QWidget {
    Q_OBJECT
public:
    explicit StudyPanel(JobRunner* jobs, QWidget* parent = nullptr);
    ~StudyPanel() override;

    // A study file, run into `outDir` (default: a folder named after the file, beside it).
    // False and the error shown when the file cannot be read.
    bool openStudyFile(const QString& file, const QString& outDir = {});
    // A study's output folder (its study.yaml and study.json). False when it is not one.
    bool openStudyFolder(const QString& dir);

    QString studyFile() const { return m_file; }
    QString studyFolder() const { return m_dir; }
    QString errorText() const;
    bool isRunning() const { return m_jobId > 0; }

    // The grid's axes and metric; "" for no column axis.
    void setAxes(const QString& rowKey, const QString& columnKey);
    void setMetric(const QString& metric);
    QTableWidget* grid() const { return m_grid; }
    StudyEditor* editor() const { return m_editor; }

    // The study report (buildStudyReport) rendered by the core as Markdown (.md) or CSV (.csv).
    bool exportTable(const QString& path, QString* error = nullptr);
    // The figure as PNG, PDF or SVG by the suffix.
    bool exportFigure(const QString& path, QString* error = nullptr);

    // Item data of a grid cell: the metric's mean (absent without a value), the status name.
    static constexpr int kValueRole = Qt::UserRole;
    static constexpr int kStatusRole = Qt::UserRole + 1;
    static constexpr int kRunDirRole = Qt::UserRole + 2;

public slots:
    // Trains and evaluates every cell not yet done, in the background (saves the editor first).
    bool run();
    // The running cell checkpoints and the run stops; Run continues it.
    void pause();
    void cancel();
    // Reads study.json again (the folder watcher calls it).
    void reload();

signals:
    // A cell's run directory, to be shown on the Runs, Training and Evaluation pages.
    void runOpenRequested(const QString& runDir);
    // The grid was filled again from study.json.
    void gridUpdated();
    // The background run ended (done, paused, cancelled or failed).
    void runEnded();

private:
    bool open(const QString& file, const QString& dir, const QString& baseDir);
    // The study file as saved, resolved from the editor's base folder with the --set list.
    fb::Study currentStudy() const;
    void showError(const QString& text);
    void watchFolder();
    void updateChoices();
    void fillGrid();
    void updateActions();
    void onProgress(int id, const QVariantList& events);
    void onJobFinished(int id);
    void openCell(QTableWidgetItem* item);
    // A cell study.json calls running that nothing runs now: paused or cancelled here, or its
    // run log untouched for a while (a `study run` stopped by Ctrl-C or a crash).
    bool isStopped(const std::string& cellId) const;
    std::map<std::string, std::string> filters() const;
    void chooseFile();
    void chooseFolder();
    void chooseTableExport();

    JobRunner* m_jobs;
    QString m_file;
    QString m_dir;
    std::vector<std::string> m_overrides; // the --set list study.json records
    std::unique_ptr<StudyGrid> m_model;
    std::shared_ptr<fb::StudyRunner> m_runner;
    int m_jobId = 0;
    bool m_pausing = false;
    bool m_stoppedHere = false; // this panel's run ended by Pause or Cancel
    QString m_progressText;     // the running cell's step and ETA

    QLabel* m_title = nullptr;
    QLineEdit* m_outDir = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_exportTable = nullptr;
    QPushButton* m_exportFigure = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QTabWidget* m_tabs = nullptr;
    QStackedWidget* m_gridPages = nullptr; // what to do while no study is open, else the grid
    QComboBox* m_rows = nullptr;
    QComboBox* m_columns = nullptr;
    QComboBox* m_metric = nullptr;
    QHBoxLayout* m_filterRow = nullptr;
    QMap<QString, QComboBox*> m_filters; // by axis key
    QTableWidget* m_grid = nullptr;
    ColourScaleLegend* m_legend = nullptr;
    QCustomPlot* m_figure = nullptr;
    StudyEditor* m_editor = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_reloadTimer = nullptr;
};

} // namespace fb::ui
