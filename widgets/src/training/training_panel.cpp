#include <facebench/ui/training_panel.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <chrono>

#include <facebench/errors.h>
#include <facebench/run_directory.h>
#include <facebench/run_metrics.h>
#include <facebench/training_job.h>
#include <facebench/ui/job_runner.h>
#include <facebench/ui/to_qstring.h>
#include <facebench/ui/training_curves.h>

#include "jobs/user_message.h"

namespace {
// One progress event as it crosses to the GUI thread, stamped with the wall time since the job
// started (the x axis "wall time"; metrics.jsonl has no clock).
struct TrainingEvent {
    fb::TrainingProgress progress;
    double wallSeconds = 0;
};
} // namespace
Q_DECLARE_METATYPE(TrainingEvent)

namespace fb::ui {
namespace {

QString durationText(double seconds) {
    const qint64 s = qRound64(std::max(0.0, seconds));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainingPanel::TrainingPanel(JobRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner) {
    setObjectName(QStringLiteral("trainingPanel"));
    m_start = new QPushButton(tr("Start"));
    m_start->setObjectName(QStringLiteral("startTrainingButton"));
    m_start->setToolTip(tr("Train the experiment of the Experiment page"));
    m_pause = new QPushButton(tr("Pause"));
    m_pause->setObjectName(QStringLiteral("pauseTrainingButton"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelTrainingButton"));
    m_cancel->setToolTip(tr("Stop after the current step; a checkpoint is written"));
    connect(m_start, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(m_pause, &QPushButton::clicked, this, &TrainingPanel::pauseOrResume);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancel);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("not started"));
    m_status = new QLabel(tr("No training yet."));
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_eta = new QLabel;
    m_eta->setObjectName(QStringLiteral("trainingEta"));
    m_runLabel = new QLabel;
    m_runLabel->setObjectName(QStringLiteral("trainingRun"));
    m_runLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_eta);

    m_curves = new TrainingCurves;
    m_checkpoints = new QListWidget;
    m_checkpoints->setObjectName(QStringLiteral("checkpointList"));
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("trainingLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);

    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("<b>Checkpoints</b>")));
    sideLayout->addWidget(m_checkpoints, 1);
    sideLayout->addWidget(new QLabel(tr("<b>Log</b>")));
    sideLayout->addWidget(m_log, 2);

    auto* splitter = new QSplitter;
    splitter->addWidget(m_curves);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    side->setMinimumWidth(260);
    splitter->setSizes({1000, 360});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_runLabel);
    layout->addWidget(splitter, 1);

    connect(m_runner, &JobRunner::jobProgress, this, &TrainingPanel::onProgress);
    connect(m_runner, &JobRunner::jobFinished, this, &TrainingPanel::onFinished);
    connect(m_runner, &JobRunner::jobChanged, this, &TrainingPanel::onJobChanged);
    updateButtons();
}

void TrainingPanel::setConfigProvider(std::function<fb::ExperimentConfig()> provider) {
    m_provider = std::move(provider);
}

void TrainingPanel::setProcessCountProvider(std::function<int()> provider) {
    m_processCount = std::move(provider);
}

bool TrainingPanel::start() {
    if (!m_provider) {
        m_status->setText(tr("No experiment to train: set one up on the Experiment page."));
        return false;
    }
    const int processes = m_processCount ? m_processCount() : 1;
    if (processes > 1) {
        // Not started rather than started wrongly: the GUI runs one process's job.
        m_status->setText(
            tr("Data-parallel training with %1 processes runs from the command line: save the "
               "experiment as YAML and run  facebench-cli train FILE.yaml --nproc %1  (the run "
               "then appears on the Runs page, followed live). Set Processes to 1 to train "
               "here.")
                .arg(processes));
        return false;
    }
    try {
        return startTraining(m_provider()) > 0;
    } catch (const std::exception& e) {
        m_status->setText(
            tr("Cannot start: %1 (see the Experiment page)").arg(userMessage(toQString(e.what()))));
        m_status->setStyleSheet(QStringLiteral("color: #c0392b;"));
        return false;
    }
}

int TrainingPanel::resumeTraining(const QString& runDir) {
    try {
        return startTraining(fb::loadRunConfig(runDir.toStdString()), runDir);
    } catch (const std::exception& e) {
        m_status->setText(
            tr("Cannot resume %1: %2")
                .arg(QDir::toNativeSeparators(runDir), userMessage(toQString(e.what()))));
        m_status->setStyleSheet(QStringLiteral("color: #c0392b;"));
        return 0;
    }
}

int TrainingPanel::startTraining(const fb::ExperimentConfig& config, const QString& resumeDir) {
    fb::TrainingOptions options;
    options.resumeDir = resumeDir.toStdString();
    auto job = std::make_shared<fb::TrainingJob>(config, options);
    JobSpec spec;
    // Until the run folder exists (its name carries the start time) the title names the run.
    spec.title = resumeDir.isEmpty()
                     ? tr("Train %1 (%2 + %3)")
                           .arg(toQString(config.output.name.empty() ? std::string("run")
                                                                     : config.output.name),
                                toQString(config.model.name), toQString(config.head.type))
                     : tr("Resume %1").arg(QFileInfo(resumeDir).fileName());
    spec.kind = tr("training");
    spec.device =
        toQString(config.device.name == "cuda" ? std::string("cuda:0") : config.device.name);
    spec.run = [job](JobContext& context) {
        const auto started = std::chrono::steady_clock::now();
        job->run([&](const fb::TrainingProgress& p) {
            const double wall =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            context.post(QVariant::fromValue(TrainingEvent{p, wall}));
            if (p.totalSteps > 0)
                context.setStatus(double(p.step) / double(p.totalSteps),
                                  QCoreApplication::translate("TrainingPanel", "step %1 of %2")
                                      .arg(p.step)
                                      .arg(p.totalSteps));
        });
    };
    spec.onCancel = [job] { job->cancel(); };
    spec.onPause = [job] { job->pause(); };
    spec.onResume = [job] { job->resume(); };

    const int id = m_runner->submit(std::move(spec));
    m_submitted.append(id);
    if (!resumeDir.isEmpty())
        m_resumedJobs.insert(id);
    // The panel shows one job: this one, unless another of its jobs is still going, in which
    // case this one waits in the job list and the panel switches to it when it starts.
    if (!m_jobId || isFinished(m_runner->info(m_jobId).state))
        follow(id);
    log(tr("Queued: %1 on %2.").arg(m_runner->info(id).title, toQString(config.device.name)));
    emit trainingStarted(id);
    return id;
}

void TrainingPanel::follow(int id) {
    m_jobId = id;
    m_stepEvents = 0;
    m_runDir.clear();
    m_curves->clear();
    m_curves->setWallTimeAvailable(true);
    m_checkpoints->clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    m_eta->clear();
    m_runLabel->clear();
    m_status->setText(tr("Starting %1…").arg(m_runner->info(id).title));
    m_status->setStyleSheet(QString());
    onJobChanged(id);
}

void TrainingPanel::pauseOrResume() {
    if (!m_jobId)
        return;
    if (m_runner->info(m_jobId).state == JobState::Paused)
        m_runner->resume(m_jobId);
    else
        m_runner->pause(m_jobId);
}

void TrainingPanel::cancel() {
    if (m_jobId)
        m_runner->cancel(m_jobId);
}

void TrainingPanel::onProgress(int id, const QVariantList& events) {
    if (id != m_jobId)
        return;
    for (const QVariant& v : events) {
        if (!v.canConvert<TrainingEvent>())
            continue;
        const TrainingEvent event = v.value<TrainingEvent>();
        const fb::TrainingProgress& p = event.progress;
        using Kind = fb::TrainingProgress::Kind;
        if (!p.runDir.empty() && m_runDir.isEmpty()) {
            m_runDir = toQString(p.runDir);
            m_runLabel->setText(tr("Run: %1").arg(QDir::toNativeSeparators(m_runDir)));
            // Two runs of one experiment differ by their folders' time stamps.
            if (!m_resumedJobs.contains(id)) // "Resume <run>" names it already
                m_runner->setTitle(id, tr("Train %1").arg(QFileInfo(m_runDir).fileName()));
        }
        if (p.totalSteps > 0) {
            m_progress->setFormat(tr("step %v of %m"));
            m_progress->setRange(0, int(p.totalSteps));
            m_progress->setValue(int(p.step));
        }
        switch (p.kind) {
        case Kind::Start:
            log(tr("Started: %1").arg(toQString(p.message)));
            break;
        case Kind::Step: {
            fb::MetricsRow row;
            row.type = "train";
            row.step = p.step;
            row.epoch = p.epoch;
            row.values = {{"loss", p.loss},       {"acc", p.acc},      {"lr", p.lr},
                          {"img_s", p.imgPerSec}, {"t_data", p.tData}, {"t_compute", p.tCompute}};
            if (p.worldSize > 1)
                row.values["t_agg"] = p.tAgg;
            m_curves->addRow(row, event.wallSeconds);
            ++m_stepEvents;
            m_eta->setText(tr("ETA %1").arg(durationText(p.etaSeconds)));
            m_status->setText(tr("Epoch %1, step %2 of %3: loss %4, accuracy %5, %6 images/s")
                                  .arg(p.epoch + 1)
                                  .arg(p.step)
                                  .arg(p.totalSteps)
                                  .arg(p.loss, 0, 'f', 4)
                                  .arg(p.acc, 0, 'f', 3)
                                  .arg(p.imgPerSec, 0, 'f', 0));
            break;
        }
        case Kind::Validation: {
            fb::MetricsRow row;
            row.type = "val";
            row.step = p.step;
            row.epoch = p.epoch;
            row.values = p.metrics;
            m_curves->addRow(row, event.wallSeconds);
            QStringList parts;
            for (const auto& [key, value] : p.metrics)
                parts << QStringLiteral("%1 %2").arg(toQString(key)).arg(value, 0, 'g', 4);
            log(tr("Validation at step %1: %2").arg(p.step).arg(parts.join(QStringLiteral(", "))));
            break;
        }
        case Kind::Checkpoint: {
            log(tr("Checkpoint at step %1: %2").arg(p.step).arg(toQString(p.message)));
            rescanCheckpoints();
            break;
        }
        case Kind::BadImage:
            log(tr("Bad image: %1").arg(toQString(p.message)));
            break;
        case Kind::Done:
            m_eta->clear();
            break;
        }
    }
    m_curves->refresh();
}

void TrainingPanel::onFinished(int id, JobState state) {
    if (id != m_jobId)
        return;
    const JobInfo info = m_runner->info(id);
    switch (state) {
    case JobState::Done:
        m_status->setText(tr("Finished: %1").arg(m_status->text()));
        break;
    case JobState::Cancelled:
        m_status->setText(
            tr("Cancelled at step %1; a checkpoint was written.").arg(m_progress->value()));
        break;
    case JobState::Failed:
        m_status->setText(tr("Failed: %1").arg(info.error));
        log(tr("Failed: %1").arg(info.error));
        break;
    default:
        break;
    }
    m_status->setStyleSheet(state == JobState::Failed ? QStringLiteral("color: #c0392b;")
                                                      : QString());
    rescanCheckpoints();
    updateButtons();
    emit trainingFinished(id, m_runDir);
}

void TrainingPanel::onJobChanged(int id) {
    if (id != m_jobId && m_submitted.contains(id) &&
        m_runner->info(id).state == JobState::Running &&
        (!m_jobId || isFinished(m_runner->info(m_jobId).state))) {
        log(tr("Started: %1.").arg(m_runner->info(id).title));
        follow(id); // the next of this panel's queued jobs
        return;
    }
    if (id != m_jobId)
        return;
    const JobInfo info = m_runner->info(id);
    if (info.state == JobState::Queued)
        m_status->setText(tr("Queued: waiting for %1.").arg(info.device));
    else if (info.state == JobState::Paused)
        m_status->setText(tr("Paused at step %1.").arg(m_progress->value()));
    m_status->setStyleSheet(QString());
    updateButtons();
}

void TrainingPanel::updateButtons() {
    const JobState state = m_jobId ? m_runner->info(m_jobId).state : JobState::Done;
    const bool active = m_jobId && !isFinished(state);
    m_pause->setEnabled(active);
    m_pause->setText(state == JobState::Paused ? tr("Resume") : tr("Pause"));
    m_cancel->setEnabled(active);
}

void TrainingPanel::rescanCheckpoints() {
    if (m_runDir.isEmpty())
        return;
    const QDir dir(toQString(fb::RunDirectory(m_runDir.toStdString()).checkpointDir()));
    m_checkpoints->clear();
    const QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*.pt")}, QDir::Files, QDir::Name);
    for (const QFileInfo& file : files) {
        auto* item = new QListWidgetItem(
            tr("%1  (%2 MB, %3)")
                .arg(file.fileName())
                .arg(double(file.size()) / 1e6, 0, 'f', 1)
                .arg(QLocale().toString(file.lastModified(), QLocale::ShortFormat)));
        item->setData(Qt::UserRole, file.absoluteFilePath());
        item->setToolTip(file.absoluteFilePath());
        m_checkpoints->addItem(item);
    }
}

QStringList TrainingPanel::checkpoints() const {
    QStringList files;
    for (int i = 0; i < m_checkpoints->count(); ++i)
        files << QFileInfo(m_checkpoints->item(i)->data(Qt::UserRole).toString()).fileName();
    return files;
}

void TrainingPanel::log(const QString& line) {
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

} // namespace fb::ui
