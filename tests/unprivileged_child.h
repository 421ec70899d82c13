#pragma once
// Permission checks that root would pass: chmod does not stop root (CI runs as root), so such a
// check runs in a forked child that, when this process is root, drops to nobody (uid and gid
// 65534) before it runs. What the check returns comes back through a pipe as text, since the
// child cannot use QVERIFY.
#include <QByteArray>

#include <exception>
#include <functional>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

// Runs `check` in a forked child, as nobody when this process is root, and returns its answer;
// "cannot drop to nobody" when setgid/setuid fail, "exception: ..." when it throws.
inline QByteArray runInUnprivilegedChild(const std::function<std::string()>& check) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return "cannot open a pipe";
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        return "cannot fork";
    }
    if (child == 0) {
        ::close(pipeFds[0]);
        std::string answer;
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
            answer = "cannot drop to nobody";
        } else {
            try {
                answer = check();
            } catch (const std::exception& e) {
                answer = std::string("exception: ") + e.what();
            }
        }
        [[maybe_unused]] auto n = ::write(pipeFds[1], answer.data(), answer.size());
        ::_exit(0);
    }
    ::close(pipeFds[1]);
    QByteArray answer;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        answer.append(buffer, int(n));
    ::close(pipeFds[0]);
    ::waitpid(child, nullptr, 0);
    return answer;
}
