#pragma once
// The GUI's job runner (docs/ARCHITECTURE.md, "Data flow"): every long core job (training,
// evaluation, benchmark, indexing, detection) runs as a QRunnable on the runner's QThreadPool,
// never on the GUI thread. Progress posted by a job is buffered and delivered to the GUI thread in
// batches by a timer, at most kUpdatesPerSecond times a second, however fast the job posts: a
// training job logging every step cannot flood the event loop.
//
// Jobs that name a device ("cpu", "cuda:0") wait their turn: one job runs per device at a time,
// as experiments do on a shared machine; jobs with an empty device (an index, a thumbnail batch)
// run as soon as the pool has a thread.
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

class QThreadPool;
class QTimer;

namespace fb::ui {

enum class JobState { Queued, Running, Paused, Done, Failed, Cancelled };

QString jobStateText(JobState state);
inline bool isFinished(JobState s) {
    return s == JobState::Done || s == JobState::Failed || s == JobState::Cancelled;
}

struct JobRecord;

// What a job's function sees on the worker thread. Thread-safe.
class JobContext {
public:
    explicit JobContext(std::shared_ptr<JobRecord> record) : m_record(std::move(record)) {}

    // The job should return soon after this turns true (checked between steps).
    bool isCancelled() const;
    bool isPaused() const;
    // Blocks the worker (not the GUI) while the job is paused; returns at resume or cancel.
    void waitWhilePaused() const;
    // Queues one progress event for the GUI thread; events arrive in order, in batches.
    void post(const QVariant& event) const;
    // The fraction done (0..1, < 0 unknown) and a short status line for the job list; only
    // the latest value is delivered.
    void setStatus(double fraction, const QString& text) const;
    // The line the job list keeps once the job has ended well ("36 identities, 216 images");
    // a job that sets none shows how long it ran, not its last, stale status.
    void setOutcome(const QString& text) const;

private:
    std::shared_ptr<JobRecord> m_record;
};

struct JobSpec {
    QString title;  // shown in the job list: "Train resnet50 on synthetic"
    QString kind;   // "training", "evaluation", "benchmark", "index", ...
    QString device; // "cpu", "cuda:N": one job at a time per device; "" = no limit
    // Runs on a worker thread. Return normally when done or cancelled; throw to fail (the
    // exception's what() becomes the job's error text).
    std::function<void(JobContext&)> run;
    // Called on the GUI thread when the user cancels, pauses or resumes a running job, for core
    // jobs with their own flags (TrainingJob::cancel/pause/resume). Optional.
    std::function<void()> onCancel;
    std::function<void()> onPause;
    std::function<void()> onResume;
    // Forgotten as soon as it ends well (done or cancelled), e.g. the detection behind one
    // preview click: the job list keeps lasting work and failures, not every click.
    bool transient = false;
};

struct JobInfo {
    int id = 0;
    QString title;
    QString kind;
    QString device;
    JobState state = JobState::Queued;
    double fraction = -1;
    QString status;
    QString error;
    QDateTime queuedAt;
    QDateTime startedAt;
    QDateTime finishedAt;
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    static constexpr int kUpdatesPerSecond = 20;

    explicit JobRunner(QObject* parent = nullptr);
    // Cancels every job and waits for the running ones to return (application exit only).
    ~JobRunner() override;

    // Queues a job and returns its id (> 0). It starts when its device is free.
    int submit(JobSpec spec);

    // A queued job is dropped at once; a running one is asked to stop and ends Cancelled.
    void cancel(int id);
    void cancelAll();
    // Pause holds a running job between steps (and a queued one from starting); resume frees it.
    void pause(int id);
    void resume(int id);
    // Renames a job in the list (a training job names its run once the run folder exists).
    void setTitle(int id, const QString& title);
    // Forgets finished jobs (the job list's "Clear finished").
    void clearFinished();

    QList<int> jobIds() const; // in submission order
    JobInfo info(int id) const;
    int activeCount() const; // queued, running or paused
    QThreadPool* pool() const { return m_pool; }

signals:
    void jobAdded(int id);
    void jobChanged(int id); // state, status or fraction changed
    void jobRemoved(int id);
    // The events the job posted since the last batch, in order (GUI thread, <= 20 batches/s).
    void jobProgress(int id, const QVariantList& events);
    void jobFinished(int id, fb::ui::JobState state);
    void activeCountChanged(int count);

private:
    void schedule();
    void forget(int id); // drops a finished job from the list
    void start(int id);
    void flush();
    void onWorkerDone(int id, bool failed, const QString& error);

    struct Entry;
    std::map<int, std::unique_ptr<Entry>> m_jobs;
    QList<int> m_order;
    int m_nextId = 1;
    QThreadPool* m_pool = nullptr;
    QTimer* m_flushTimer = nullptr;
};

} // namespace fb::ui

Q_DECLARE_METATYPE(fb::ui::JobState)
