#pragma once
// Ctrl-C during a long verb (train, bench): the first SIGINT asks the job to stop after its
// current step (it checkpoints or keeps what it measured) and the verb exits with 130, as shells
// expect after SIGINT; the handler resets itself, so a second Ctrl-C ends the process at once.
#include <atomic>
#include <csignal>

namespace fb::cli {

constexpr int kExitInterrupted = 130; // 128 + SIGINT

// Installs the handler for the guard's lifetime. `Job` has cancel(), an atomic store and so
// safe to call from a signal handler.
template <typename Job> class InterruptGuard {
public:
    explicit InterruptGuard(Job& job) {
        s_job.store(&job);
        struct sigaction action {};
        action.sa_handler = &InterruptGuard::onInterrupt;
        action.sa_flags = SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previous);
    }
    ~InterruptGuard() {
        s_job.store(nullptr);
        sigaction(SIGINT, &m_previous, nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    static void onInterrupt(int) {
        if (Job* job = s_job.load())
            job->cancel();
    }
    static inline std::atomic<Job*> s_job{nullptr};
    struct sigaction m_previous {};
};

} // namespace fb::cli
