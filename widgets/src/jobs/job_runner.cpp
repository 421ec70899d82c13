#include <facebench/ui/job_runner.h>
#include <facebench/ui/to_qstring.h>

#include "jobs/user_message.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <condition_variable>
#include <exception>
#include <mutex>
#include <set>
#include <vector>

namespace fb::ui {
namespace {

// Jobs compete with the GUI thread for the cores; a slightly lower CPU priority for the pool's
// threads (and the loader and LibTorch threads they start, which inherit it) keeps the event
// loop responsive on a busy machine while costing the job almost nothing when it is alone.
// Linux nice values are per thread.
void lowerWorkerPriority() {
#if defined(Q_OS_LINUX)
    static thread_local bool done = false;
    if (done)
        return;
    done = true;
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current < 5)
        ::setpriority(PRIO_PROCESS, tid, 5);
#endif
}

} // namespace

QString jobStateText(JobState state) {
    switch (state) {
    case JobState::Queued:
        return QCoreApplication::translate("JobRunner", "Queued");
    case JobState::Running:
        return QCoreApplication::translate("JobRunner", "Running");
    case JobState::Paused:
        return QCoreApplication::translate("JobRunner", "Paused");
    case JobState::Done:
        return QCoreApplication::translate("JobRunner", "Done");
    case JobState::Failed:
        return QCoreApplication::translate("JobRunner", "Failed");
    case JobState::Cancelled:
        return QCoreApplication::translate("JobRunner", "Cancelled");
    }
    return {};
}

// Shared by the worker (JobContext) and the runner; everything behind the mutex or atomic.
struct JobRecord {
    std::atomic_bool cancel{false};
    std::atomic_bool pause{false};
    mutable std::mutex mutex;
    std::condition_variable pauseChanged;
    QVariantList events;
    double fraction = -1;
    QString status;
    bool statusDirty = false;
    bool statusFinal = false; // status holds the job's outcome (setOutcome)
};

bool JobContext::isCancelled() const {
    return m_record->cancel.load();
}
bool JobContext::isPaused() const {
    return m_record->pause.load();
}

void JobContext::waitWhilePaused() const {
    std::unique_lock<std::mutex> lock(m_record->mutex);
    m_record->pauseChanged.wait(
        lock, [this] { return !m_record->pause.load() || m_record->cancel.load(); });
}

void JobContext::post(const QVariant& event) const {
    const std::lock_guard<std::mutex> lock(m_record->mutex);
    m_record->events.append(event);
}

void JobContext::setStatus(double fraction, const QString& text) const {
    const std::lock_guard<std::mutex> lock(m_record->mutex);
    m_record->fraction = fraction;
    m_record->status = text;
    m_record->statusDirty = true;
    m_record->statusFinal = false;
}

void JobContext::setOutcome(const QString& text) const {
    const std::lock_guard<std::mutex> lock(m_record->mutex);
    m_record->status = text;
    m_record->statusDirty = true;
    m_record->statusFinal = true;
}

struct JobRunner::Entry {
    JobSpec spec;
    JobInfo info;
    std::shared_ptr<JobRecord> record = std::make_shared<JobRecord>();
    bool held = false; // paused before it started
};

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<fb::ui::JobState>();
    m_pool = new QThreadPool(this);
    // Jobs are few and long; device jobs are serialised by the runner, so the pool only has to
    // hold one per device plus the small background jobs (index, thumbnails) beside them.
    m_pool->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(1000 / kUpdatesPerSecond);
    connect(m_flushTimer, &QTimer::timeout, this, &JobRunner::flush);
}

JobRunner::~JobRunner() {
    for (auto& [id, entry] : m_jobs) {
        {
            const std::lock_guard<std::mutex> lock(entry->record->mutex);
            entry->record->cancel = true;
        }
        entry->record->pauseChanged.notify_all();
        if (entry->info.state == JobState::Running || entry->info.state == JobState::Paused) {
            if (entry->spec.onCancel)
                entry->spec.onCancel();
            if (entry->spec.onResume)
                entry->spec.onResume();
        }
    }
    m_pool->waitForDone();
}

int JobRunner::submit(JobSpec spec) {
    auto entry = std::make_unique<Entry>();
    const int id = m_nextId++;
    entry->info.id = id;
    entry->info.title = spec.title;
    entry->info.kind = spec.kind;
    entry->info.device = spec.device;
    entry->info.queuedAt = QDateTime::currentDateTime();
    entry->spec = std::move(spec);
    m_jobs[id] = std::move(entry);
    m_order.append(id);
    emit jobAdded(id);
    emit activeCountChanged(activeCount());
    schedule();
    return id;
}

void JobRunner::schedule() {
    std::set<QString> busy;
    for (const auto& [id, entry] : m_jobs) {
        if (entry->info.state == JobState::Running || entry->info.state == JobState::Paused) {
            if (!entry->info.device.isEmpty() && !entry->held)
                busy.insert(entry->info.device);
        }
    }
    for (int id : m_order) {
        Entry& entry = *m_jobs[id];
        if (entry.info.state != JobState::Queued || entry.held)
            continue;
        if (!entry.info.device.isEmpty()) {
            if (busy.count(entry.info.device))
                continue;
            busy.insert(entry.info.device);
        }
        start(id);
    }
}

void JobRunner::start(int id) {
    Entry& entry = *m_jobs[id];
    entry.info.state = JobState::Running;
    entry.info.startedAt = QDateTime::currentDateTime();
    std::shared_ptr<JobRecord> record = entry.record;
    std::function<void(JobContext&)> run = entry.spec.run;
    QRunnable* runnable = QRunnable::create([this, id, record, run] {
        lowerWorkerPriority();
        JobContext context(record);
        bool failed = false;
        QString error;
        try {
            if (run)
                run(context);
        } catch (const std::exception& e) {
            failed = true;
            error = toQString(e.what());
        } catch (...) {
            failed = true;
            error = QCoreApplication::translate("JobRunner", "Unknown error");
        }
        // Queued to the runner's thread; dropped if the runner is gone.
        QMetaObject::invokeMethod(
            this, [this, id, failed, error] { onWorkerDone(id, failed, error); },
            Qt::QueuedConnection);
    });
    m_pool->start(runnable);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
    emit jobChanged(id);
}

void JobRunner::flush() {
    bool anyRunning = false;
    for (int id : m_order) {
        auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            continue;
        Entry& entry = *it->second;
        if (entry.info.state == JobState::Running || entry.info.state == JobState::Paused)
            anyRunning = true;
        QVariantList events;
        bool statusChanged = false;
        {
            const std::lock_guard<std::mutex> lock(entry.record->mutex);
            events.swap(entry.record->events);
            if (entry.record->statusDirty) {
                entry.info.fraction = entry.record->fraction;
                entry.info.status = entry.record->status;
                entry.record->statusDirty = false;
                statusChanged = true;
            }
        }
        if (!events.isEmpty())
            emit jobProgress(id, events);
        if (statusChanged)
            emit jobChanged(id);
    }
    if (!anyRunning)
        m_flushTimer->stop();
}

void JobRunner::onWorkerDone(int id, bool failed, const QString& error) {
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    flush(); // the job's last events arrive before its end
    Entry& entry = *it->second;
    entry.info.finishedAt = QDateTime::currentDateTime();
    if (failed) {
        entry.info.state = JobState::Failed;
        entry.info.error = userMessage(error);
    } else {
        entry.info.state = entry.record->cancel ? JobState::Cancelled : JobState::Done;
        if (entry.info.state == JobState::Done)
            entry.info.fraction = 1.0;
        // The last progress line ("Reading the cached index…") is stale once the job ended.
        const qint64 seconds = entry.info.startedAt.secsTo(entry.info.finishedAt);
        if (entry.info.state == JobState::Cancelled)
            entry.info.status = tr("Cancelled after %n s", nullptr, int(seconds));
        else if (!entry.record->statusFinal)
            entry.info.status = tr("Finished in %n s", nullptr, int(seconds));
    }
    emit jobChanged(id);
    emit jobFinished(id, entry.info.state);
    emit activeCountChanged(activeCount());
    if (entry.spec.transient && entry.info.state != JobState::Failed)
        forget(id);
    schedule();
}

void JobRunner::cancel(int id) {
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Entry& entry = *it->second;
    if (isFinished(entry.info.state))
        return;
    {
        // Under the mutex, so a worker in waitWhilePaused() cannot miss the wake-up.
        const std::lock_guard<std::mutex> lock(entry.record->mutex);
        entry.record->cancel = true;
    }
    entry.record->pauseChanged.notify_all();
    if (entry.info.state == JobState::Queued) {
        entry.info.state = JobState::Cancelled;
        entry.info.finishedAt = QDateTime::currentDateTime();
        emit jobChanged(id);
        emit jobFinished(id, JobState::Cancelled);
        emit activeCountChanged(activeCount());
        if (entry.spec.transient)
            forget(id);
        return;
    }
    if (entry.spec.onCancel)
        entry.spec.onCancel();
    // A paused core job must wake up to see its cancel flag.
    if (entry.info.state == JobState::Paused && entry.spec.onResume)
        entry.spec.onResume();
    entry.info.status = tr("Cancelling…");
    emit jobChanged(id);
}

void JobRunner::setTitle(int id, const QString& title) {
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->second->info.title == title)
        return;
    it->second->info.title = title;
    emit jobChanged(id);
}

void JobRunner::cancelAll() {
    const QList<int> ids = m_order;
    for (int id : ids)
        cancel(id);
}

void JobRunner::pause(int id) {
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Entry& entry = *it->second;
    if (entry.info.state == JobState::Queued) {
        entry.held = true;
        emit jobChanged(id);
        return;
    }
    if (entry.info.state != JobState::Running)
        return;
    entry.record->pause = true;
    if (entry.spec.onPause)
        entry.spec.onPause();
    entry.info.state = JobState::Paused;
    emit jobChanged(id);
}

void JobRunner::resume(int id) {
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Entry& entry = *it->second;
    if (entry.info.state == JobState::Queued && entry.held) {
        entry.held = false;
        emit jobChanged(id);
        schedule();
        return;
    }
    if (entry.info.state != JobState::Paused)
        return;
    {
        const std::lock_guard<std::mutex> lock(entry.record->mutex);
        entry.record->pause = false;
    }
    entry.record->pauseChanged.notify_all();
    if (entry.spec.onResume)
        entry.spec.onResume();
    entry.info.state = JobState::Running;
    emit jobChanged(id);
}

void JobRunner::clearFinished() {
    const QList<int> ids = m_order;
    for (int id : ids) {
        if (isFinished(m_jobs[id]->info.state))
            forget(id);
    }
}

void JobRunner::forget(int id) {
    m_jobs.erase(id);
    m_order.removeAll(id);
    emit jobRemoved(id);
}

QList<int> JobRunner::jobIds() const {
    return m_order;
}

JobInfo JobRunner::info(int id) const {
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return {};
    JobInfo info = it->second->info;
    if (info.state == JobState::Queued && it->second->held)
        info.state = JobState::Paused;
    return info;
}

int JobRunner::activeCount() const {
    int n = 0;
    for (const auto& [id, entry] : m_jobs)
        n += isFinished(entry->info.state) ? 0 : 1;
    return n;
}

} // namespace fb::ui
