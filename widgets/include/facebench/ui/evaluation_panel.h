#pragma once
// The Evaluation page: pick a run and protocols, run the evaluation job through the
// JobRunner, and read the results the run stores: the TAR@FAR table (with the "not resolvable"
// flag and 95% intervals), ROC curves on a log FAR axis with interval whiskers, score histograms
// with the threshold, LFW's ten folds, the VGGFace2 pose/age similarity heatmaps (seed Section
// 3.2, Tables 3-6) and IJB-B/C's 1:N identification: CMC, TPIR at FPIR and their table.
#include <QString>
#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace fb {
struct EvalRequest;
} // namespace fb

namespace fb::ui {

class JobRunner;
struct RunResults;

class EvaluationPanel : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationPanel(QWidget* parent = nullptr);
    ~EvaluationPanel() override;

    void setJobRunner(JobRunner* runner) { m_runner = runner; }
    // Loads RUN/eval on a worker thread; loaded() fires when the page shows it.
    void loadRun(const QString& runDir);
    // The same, synchronously (tests, scripted screenshots).
    void loadRunNow(const QString& runDir);
    QString runDir() const { return m_runDir; }

    // For tests and the export action.
    QTableWidget* tarTable() const { return m_table; }
    QCustomPlot* rocPlot() const { return m_roc; }
    QCustomPlot* histogramPlot() const { return m_histogram; }
    QCustomPlot* foldsPlot() const { return m_folds; }
    QCustomPlot* posePlot() const { return m_pose; }
    QCustomPlot* agePlot() const { return m_age; }
    QCustomPlot* cmcPlot() const { return m_cmc; }
    QCustomPlot* tpirPlot() const { return m_tpir; }
    QTableWidget* identificationTable() const { return m_idTable; }
    QTabWidget* tabs() const { return m_tabs; }
    // "roc", "scores", "lfw", "pose", "age", "cmc", "tpir", "identification"
    void showTab(const QString& name);

signals:
    void loaded(const QString& runDir);
    void runChanged(const QString& runDir);

private:
    void showResults(std::shared_ptr<RunResults> results);
    void fillTable();
    void showIdentification();
    void drawHistogram();
    void evaluate();
    // The picker of what Evaluate runs on (evaluation_source.cpp): the run's checkpoint, or an
    // installed pretrained network whose results go to the run folder named above.
    QHBoxLayout* buildSourceRow();
    void sourceChosen();
    // Fills `request` for the chosen pretrained network into `folder`; false (said on the
    // status line) when its weights or the data folder are missing.
    bool pretrainedRequest(const QString& folder, EvalRequest& request);
    void exportAll();

    JobRunner* m_runner = nullptr;
    QString m_runDir;
    std::shared_ptr<RunResults> m_results;
    int m_generation = 0;
    QLineEdit* m_runEdit;
    QComboBox* m_source = nullptr;   // the run's checkpoint or a pretrained network
    QLineEdit* m_dataEdit = nullptr; // the protocols' data folder of a pretrained network
    QListWidget* m_protocols;
    QPushButton* m_evaluate;
    QLabel* m_status;
    QTableWidget* m_table;
    QTabWidget* m_tabs;
    QCustomPlot* m_roc;
    QCustomPlot* m_histogram;
    QCustomPlot* m_folds;
    QCustomPlot* m_pose;
    QCustomPlot* m_age;
    QCustomPlot* m_cmc;
    QCustomPlot* m_tpir;
    QTableWidget* m_idTable;
    QLabel* m_idCaption;
    QComboBox* m_histSet;
    QComboBox* m_histFar;
};

} // namespace fb::ui
