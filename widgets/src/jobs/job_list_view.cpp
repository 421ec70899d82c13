#include <facebench/ui/job_list_view.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <facebench/ui/job_runner.h>

namespace fb::ui {

JobListModel::JobListModel(JobRunner* runner, QObject* parent)
    : QAbstractTableModel(parent), m_runner(runner) {
    m_ids = m_runner->jobIds();
    connect(m_runner, &JobRunner::jobAdded, this, [this](int id) {
        beginInsertRows({}, m_ids.size(), m_ids.size());
        m_ids.append(id);
        endInsertRows();
    });
    connect(m_runner, &JobRunner::jobRemoved, this, [this](int id) {
        const int row = m_ids.indexOf(id);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_ids.removeAt(row);
        endRemoveRows();
    });
    connect(m_runner, &JobRunner::jobChanged, this, &JobListModel::jobChanged);
}

int JobListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_ids.size();
}

int JobListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int JobListModel::jobId(int row) const {
    return row >= 0 && row < m_ids.size() ? m_ids[row] : 0;
}

void JobListModel::jobChanged(int id) {
    const int row = m_ids.indexOf(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QVariant JobListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const JobInfo info = m_runner->info(jobId(index.row()));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TitleColumn:
            return info.title;
        case KindColumn:
            return info.kind;
        case DeviceColumn:
            return info.device.isEmpty() ? tr("any") : info.device;
        case StateColumn:
            return jobStateText(info.state);
        case ProgressColumn:
            return info.fraction < 0 ? QString()
                                     : QStringLiteral("%1 %").arg(qRound(info.fraction * 100));
        case StatusColumn:
            return info.state == JobState::Failed ? info.error : info.status;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == StatusColumn)
        return info.state == JobState::Failed ? info.error : info.status;
    if (role == Qt::ForegroundRole && index.column() == StateColumn &&
        info.state == JobState::Failed)
        return QColor(Qt::red);
    if (role == Qt::TextAlignmentRole && index.column() == ProgressColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Job");
    case KindColumn:
        return tr("Kind");
    case DeviceColumn:
        return tr("Device");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

JobListView::JobListView(JobRunner* runner, QWidget* parent) : QWidget(parent), m_runner(runner) {
    setObjectName(QStringLiteral("jobListView"));
    m_model = new JobListModel(runner, this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("jobTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(JobListModel::TitleColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);

    m_pause = new QPushButton(tr("Pause"));
    m_pause->setObjectName(QStringLiteral("pauseJobButton"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_clear = new QPushButton(tr("Clear Finished"));
    m_clear->setObjectName(QStringLiteral("clearJobsButton"));
    connect(m_pause, &QPushButton::clicked, this, [this] {
        const int id = selectedJob();
        const JobState state = m_runner->info(id).state;
        if (state == JobState::Paused)
            m_runner->resume(id);
        else
            m_runner->pause(id);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_runner->cancel(selectedJob()); });
    connect(m_clear, &QPushButton::clicked, m_runner, &JobRunner::clearFinished);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobListView::updateButtons);
    connect(m_runner, &JobRunner::jobChanged, this, &JobListView::updateButtons);

    auto* title = new QLabel(tr("<b>Jobs</b> — experiments on one device run one after the "
                                "other; other work runs beside them."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    updateButtons();
}

int JobListView::selectedJob() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->jobId(rows.first().row());
}

void JobListView::selectJob(int id) {
    const int row = m_runner->jobIds().indexOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

void JobListView::updateButtons() {
    const int id = selectedJob();
    const JobState state = id ? m_runner->info(id).state : JobState::Done;
    const bool active = id && !isFinished(state);
    m_pause->setEnabled(active);
    m_pause->setText(state == JobState::Paused ? tr("Resume") : tr("Pause"));
    m_cancel->setEnabled(active);
}

} // namespace fb::ui
