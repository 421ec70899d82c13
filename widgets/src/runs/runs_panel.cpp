#include <facebench/ui/runs_panel.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

#include <facebench/run_directory.h>
#include <facebench/ui/job_runner.h>
#include <facebench/ui/to_qstring.h>
#include <facebench/ui/training_curves.h>

namespace fb::ui {
namespace {

// Runs `work` on the runner's pool and `done` with its result on the GUI thread, unless the
// panel is gone by then. Reading runs is quick and not a job the user manages, so it bypasses
// the job list but still never blocks the GUI thread.
template <typename Result>
void inBackground(QThreadPool* pool, QObject* receiver, std::function<Result()> work,
                  std::function<void(const Result&)> done) {
    QPointer<QObject> guard(receiver);
    pool->start([guard, work = std::move(work), done = std::move(done)] {
        auto result = std::make_shared<Result>(work());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done, result] {
                if (guard)
                    done(*result);
            },
            Qt::QueuedConnection);
    });
}

enum Column { NameColumn, StatusColumn, ModelColumn, StepsColumn, LossColumn, StartedColumn };

} // namespace

QString RunsPanel::statusText(fb::RunStatus status) {
    switch (status) {
    case fb::RunStatus::Finished:
        return tr("finished");
    case fb::RunStatus::Cancelled:
        return tr("cancelled");
    case fb::RunStatus::Failed:
        return tr("failed");
    case fb::RunStatus::Running:
        return tr("running or interrupted");
    case fb::RunStatus::Unknown:
        break;
    }
    return tr("unknown");
}

RunsPanel::RunsPanel(JobRunner* runner, QWidget* parent) : QWidget(parent), m_runner(runner) {
    setObjectName(QStringLiteral("runsPanel"));
    m_folderLabel = new QLabel(tr("No runs folder. Open a folder or choose its runs/."));
    m_folderLabel->setObjectName(QStringLiteral("runsFolderLabel"));
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* choose = new QPushButton(tr("Choose Runs Folder…"));
    choose->setObjectName(QStringLiteral("chooseRunsFolderButton"));
    auto* refreshButton = new QPushButton(tr("Refresh"));
    refreshButton->setObjectName(QStringLiteral("refreshRunsButton"));
    connect(choose, &QPushButton::clicked, this, &RunsPanel::chooseFolder);
    connect(refreshButton, &QPushButton::clicked, this, &RunsPanel::refresh);
    m_compare = new QPushButton;
    m_compare->setObjectName(QStringLiteral("compareRunsButton"));
    m_compare->setToolTip(tr("Tick runs in the list, then compare their curves, ROCs and "
                             "results on the Comparison page"));
    connect(m_compare, &QPushButton::clicked, this,
            [this] { emit compareRequested(checkedRuns()); });
    m_resume = new QPushButton(tr("Resume"));
    m_resume->setObjectName(QStringLiteral("resumeRunButton"));
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (canResumeOpenRun())
            emit resumeRequested(m_openRun);
    });
    auto* top = new QHBoxLayout;
    top->addWidget(m_folderLabel, 1);
    top->addWidget(m_resume);
    top->addWidget(m_compare);
    top->addWidget(choose);
    top->addWidget(refreshButton);

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("runList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels(
        {tr("Run"), tr("Status"), tr("Model + head"), tr("Steps"), tr("Last loss"), tr("Started")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            openRunDirectory(item->data(NameColumn, Qt::UserRole).toString());
    });
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (column != NameColumn)
            return;
        const QString dir = item->data(NameColumn, Qt::UserRole).toString();
        if (item->checkState(NameColumn) == Qt::Checked)
            m_checked.insert(dir);
        else
            m_checked.remove(dir);
        updateActions();
    });

    m_summary = new QLabel(tr("Select a run to see its configuration and curves."));
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_curves = new TrainingCurves;

    // The summary grows with the run (checkpoints, evaluations, problems): it scrolls.
    auto* summaryScroll = new QScrollArea;
    summaryScroll->setWidget(m_summary);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    // The details wrap to the pane's width rather than hide behind a sideways scroll bar.
    summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* upper = new QSplitter(Qt::Horizontal);
    upper->addWidget(m_list);
    upper->addWidget(summaryScroll);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(upper);
    splitter->addWidget(m_curves);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    m_follow = new QTimer(this);
    m_follow->setInterval(3000);
    connect(m_follow, &QTimer::timeout, this, &RunsPanel::reloadOpenRun);
    updateActions();
}

QStringList RunsPanel::checkedRuns() const {
    QStringList dirs;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QString dir = m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString();
        if (m_checked.contains(dir))
            dirs << dir;
    }
    return dirs;
}

void RunsPanel::setRunChecked(const QString& runDir, bool checked) {
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() == runDir)
            item->setCheckState(NameColumn, checked ? Qt::Checked : Qt::Unchecked);
    }
}

bool RunsPanel::canResumeOpenRun() const {
    return m_resumable;
}

void RunsPanel::updateActions() {
    const int checked = int(checkedRuns().size());
    m_compare->setText(checked > 0 ? tr("Compare %n Run(s)", nullptr, checked) : tr("Compare"));
    m_compare->setEnabled(checked > 0);
    m_resume->setEnabled(m_resumable);
    m_resume->setToolTip(m_resumable ? tr("Continue this run from its last checkpoint, as "
                                          "facebench-cli train --resume")
                                     : tr("A cancelled or interrupted run with a checkpoint can be "
                                          "continued"));
}

void RunsPanel::setProjectFolder(const QString& folder) {
    setRunsFolder(QDir(folder).filePath(QStringLiteral("runs")));
}

void RunsPanel::setRunsFolder(const QString& folder) {
    m_runsFolder = QDir::cleanPath(folder);
    // The open run belongs to the folder left behind unless it lies in the new one.
    if (!m_openRun.isEmpty() && QFileInfo(QDir::cleanPath(m_openRun)).absolutePath() !=
                                    QFileInfo(m_runsFolder).absoluteFilePath())
        closeRun();
    m_folderLabel->setText(tr("Runs in %1").arg(QDir::toNativeSeparators(m_runsFolder)));
    emit runsFolderChanged(m_runsFolder);
    refresh();
}

void RunsPanel::chooseFolder() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Choose Runs Folder"), m_runsFolder);
    if (!folder.isEmpty())
        setRunsFolder(folder);
}

void RunsPanel::refresh() {
    const std::string folder = m_runsFolder.toStdString();
    inBackground<std::vector<fb::RunSummary>>(
        m_runner->pool(), this,
        [folder] {
            std::vector<fb::RunSummary> runs;
            for (const std::string& dir : fb::listRunDirectories(folder))
                runs.push_back(fb::summarizeRun(dir));
            return runs;
        },
        [this](const std::vector<fb::RunSummary>& runs) { showRuns(runs); });
}

void RunsPanel::showRuns(const std::vector<fb::RunSummary>& runs) {
    const QSignalBlocker block(m_list);
    m_list->clear();
    QTreeWidgetItem* current = nullptr;
    for (const fb::RunSummary& run : runs) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, toQString(run.name));
        item->setData(NameColumn, Qt::UserRole, toQString(run.dir));
        item->setToolTip(NameColumn, QDir::toNativeSeparators(toQString(run.dir)));
        item->setText(StatusColumn, statusText(run.status));
        item->setToolTip(StatusColumn, toQString(run.statusText));
        item->setText(ModelColumn, run.configOk ? toQString(run.model + " + " + run.head)
                                                : tr("config: %1").arg(toQString(run.configError)));
        item->setText(StepsColumn,
                      run.totalSteps > 0
                          ? QStringLiteral("%1 / %2").arg(run.lastStep).arg(run.totalSteps)
                          : QString::number(run.lastStep));
        item->setText(LossColumn, run.hasLoss ? QString::number(run.lastLoss, 'f', 4) : QString());
        item->setText(StartedColumn, toQString(run.startedAt));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(NameColumn,
                            m_checked.contains(toQString(run.dir)) ? Qt::Checked : Qt::Unchecked);
        if (QDir::cleanPath(toQString(run.dir)) == QDir::cleanPath(m_openRun))
            current = item;
    }
    if (current)
        m_list->setCurrentItem(current);
    updateActions();
    emit runsListed(int(runs.size()));
}

void RunsPanel::openRunDirectory(const QString& runDir) {
    m_openRun = runDir;
    m_loadedRows = 0;
    m_announceOpenRun = true;
    reloadOpenRun();
}

void RunsPanel::closeRun() {
    m_openRun.clear();
    m_loadedRows = 0;
    m_announceOpenRun = false;
    ++m_generation; // a read under way is not shown
    m_follow->stop();
    m_summary->setText(tr("Select a run to see its configuration and curves."));
    m_curves->clear();
    m_resumable = false;
    updateActions();
}

void RunsPanel::reloadOpenRun() {
    if (m_openRun.isEmpty())
        return;
    const int generation = ++m_generation;
    const std::string dir = m_openRun.toStdString();
    using Loaded = std::pair<fb::RunSummary, fb::RunMetrics>;
    inBackground<Loaded>(
        m_runner->pool(), this,
        [dir] {
            Loaded loaded;
            loaded.first = fb::summarizeRun(dir);
            try {
                loaded.second = fb::RunDirectory(dir).readMetrics();
            } catch (const std::exception& e) {
                loaded.second.problems.push_back(e.what());
            }
            return loaded;
        },
        [this, generation](const Loaded& loaded) {
            if (generation == m_generation) // a later request supersedes this one
                showRun(loaded.first, loaded.second);
        });
}

void RunsPanel::showRun(const fb::RunSummary& run, const fb::RunMetrics& metrics) {
    QStringList lines;
    lines << tr("<b>%1</b> — %2").arg(toQString(run.name).toHtmlEscaped(), statusText(run.status));
    if (run.configOk) {
        lines << tr("Preset: %1").arg(run.preset.empty() ? tr("none") : toQString(run.preset));
        lines << tr("Model: %1 at %2×%3 px, head %4")
                     .arg(toQString(run.model))
                     .arg(run.inputHeight)
                     .arg(run.inputWidth)
                     .arg(toQString(run.head));
        lines << tr("Batch %1, style %2, device %3")
                     .arg(run.batchSize)
                     .arg(toQString(run.framework), toQString(run.device));
        lines << tr("Training data: %1").arg(toQString(run.trainData).toHtmlEscaped());
    } else {
        lines << tr("Config: %1").arg(toQString(run.configError).toHtmlEscaped());
    }
    lines << tr("Started %1%2")
                 .arg(run.startedAt.empty() ? tr("(unknown)") : toQString(run.startedAt))
                 .arg(run.endedAt.empty() ? QString()
                                          : tr(", ended %1").arg(toQString(run.endedAt)));
    if (!run.statusText.empty())
        lines << tr("Last log line: %1").arg(toQString(run.statusText).toHtmlEscaped());
    QStringList checkpoints;
    for (const std::string& c : run.checkpoints)
        checkpoints << toQString(c);
    lines << tr("Checkpoints: %1")
                 .arg(checkpoints.isEmpty() ? tr("none") : checkpoints.join(QStringLiteral(", ")));
    QStringList evaluations;
    for (const std::string& e : run.evaluations)
        evaluations << toQString(e);
    lines << tr("Evaluations: %1")
                 .arg(evaluations.isEmpty() ? tr("none") : evaluations.join(QStringLiteral(", ")));
    lines << tr("%n metrics row(s)", nullptr, int(metrics.rows.size()));
    for (const std::string& problem : metrics.problems)
        lines
            << tr("<span style='color:#c0392b'>%1</span>").arg(toQString(problem).toHtmlEscaped());
    m_summary->setText(lines.join(QStringLiteral("<br>")));

    m_curves->loadMetrics(metrics);
    m_loadedRows = int(metrics.rows.size());
    // Follow a run that is still being written, by the GUI or a CLI in a terminal.
    if (run.status == fb::RunStatus::Running)
        m_follow->start();
    else
        m_follow->stop();
    // A run written to within the last half minute is still being trained (here or by a CLI).
    const QFileInfo metricsFile(toQString(fb::RunDirectory(run.dir).metricsFile()));
    const bool recentlyWritten = metricsFile.exists() && metricsFile.lastModified().secsTo(
                                                             QDateTime::currentDateTime()) < 30;
    m_resumable = (run.status == fb::RunStatus::Cancelled ||
                   (run.status == fb::RunStatus::Running && !recentlyWritten)) &&
                  fb::RunDirectory(run.dir).hasLastCheckpoint();
    updateActions();
    if (std::exchange(m_announceOpenRun, false))
        emit runLoaded(toQString(run.dir));
}

QStringList RunsPanel::runNames() const {
    QStringList names;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        names << m_list->topLevelItem(i)->text(NameColumn);
    return names;
}

} // namespace fb::ui
