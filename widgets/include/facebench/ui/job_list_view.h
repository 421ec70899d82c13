#pragma once
// The job list: every job the runner knows, queued, running, paused, done, failed or
// cancelled, with its device, progress and status line, and buttons to pause, resume and
// cancel the selected job.
#include <QAbstractTableModel>
#include <QWidget>

class QPushButton;
class QTableView;

namespace fb::ui {

class JobRunner;

class JobListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        KindColumn,
        DeviceColumn,
        StateColumn,
        ProgressColumn,
        StatusColumn,
        ColumnCount
    };
    explicit JobListModel(JobRunner* runner, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    int jobId(int row) const;

private:
    void jobChanged(int id);

    JobRunner* m_runner;
    QList<int> m_ids;
};

class JobListView : public QWidget {
    Q_OBJECT
public:
    explicit JobListView(JobRunner* runner, QWidget* parent = nullptr);

    JobListModel* model() const { return m_model; }
    // The id of the selected job, 0 when none.
    int selectedJob() const;
    void selectJob(int id);

private:
    void updateButtons();

    JobRunner* m_runner;
    JobListModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace fb::ui
