// The local launcher of distributed training, torchrun's job without Python: one
// worker process per rank on this node, each the same program and arguments with the rank in
// its environment. Workers detect a dead or hung peer themselves (the collectives' timeout);
// the launcher additionally notices a worker that exited with an error or was killed and stops
// the others at once, so a job never hangs on a dead child.
#include "facebench/distributed.h"

#include "facebench/errors.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

namespace fb {

namespace {

std::string envText(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

long envInteger(const char* name, long low, long high) {
    const std::string text = envText(name);
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno != 0 || value < low || value > high)
        throw InputError(SourceLocation{}, name,
                         "expected an integer in [" + std::to_string(low) + ", " +
                             std::to_string(high) + "], got '" + text + "'");
    return value;
}

// An IPv4 socket bound to address:port, or -1 with errno set.
int bindSocket(const std::string& address, int port) {
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(address.c_str(), nullptr, &hints, &found) != 0 || !found) {
        errno = EADDRNOTAVAIL;
        return -1;
    }
    sockaddr_in where{};
    std::memcpy(&where, found->ai_addr, sizeof where);
    freeaddrinfo(found);
    where.sin_port = htons(static_cast<std::uint16_t>(port));
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    // As TCPStore's server does, so a port in TIME_WAIT from a previous run is not "in use".
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&where), sizeof where) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

std::string exitText(int status) {
    if (WIFSIGNALED(status))
        return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    return "exited with code " + std::to_string(WEXITSTATUS(status));
}

} // namespace

bool isDistributedWorker() {
    return std::getenv(kEnvRank) != nullptr;
}

DistributedOptions distributedOptionsFromEnvironment() {
    DistributedOptions options;
    if (!isDistributedWorker())
        return options;
    options.worldSize = static_cast<int>(envInteger(kEnvWorldSize, 1, 1 << 16));
    options.rank = static_cast<int>(envInteger(kEnvRank, 0, options.worldSize - 1));
    options.localRank = std::getenv(kEnvLocalRank)
                            ? static_cast<int>(envInteger(kEnvLocalRank, 0, options.worldSize - 1))
                            : options.rank;
    if (std::getenv(kEnvMasterAddr))
        options.masterAddr = envText(kEnvMasterAddr);
    options.masterPort = static_cast<int>(envInteger(kEnvMasterPort, 1, 65535));
    if (std::getenv(kEnvTimeout))
        options.timeoutSeconds = static_cast<double>(envInteger(kEnvTimeout, 1, 86400));
    return options;
}

int freeTcpPort(const std::string& address) {
    const int fd = bindSocket(address, 0);
    if (fd < 0)
        throw InputError(SourceLocation{}, "--master-addr",
                         "cannot bind a socket on '" + address + "': " + std::strerror(errno));
    sockaddr_in where{};
    socklen_t size = sizeof where;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&where), &size);
    ::close(fd);
    return ntohs(where.sin_port);
}

void checkPortFree(const std::string& address, int port) {
    const int fd = bindSocket(address, port);
    if (fd < 0) {
        const int error = errno;
        throw InputError(SourceLocation{}, "--master-port",
                         "port " + std::to_string(port) + " on " + address +
                             " cannot be used for the rendezvous: " + std::strerror(error) +
                             (error == EADDRINUSE ? " (another job or program listens there; pick "
                                                    "another --master-port, or 0 for a free one)"
                                                  : ""));
    }
    ::close(fd);
}

void checkLaunchOptions(LaunchOptions& o) {
    if (o.nproc < 1 || o.nproc > 1024)
        throw InputError(SourceLocation{}, "--nproc",
                         "the number of processes must be in [1, 1024], got " +
                             std::to_string(o.nproc));
    if (o.nnodes < 1)
        throw InputError(SourceLocation{}, "--nnodes", "must be at least 1");
    if (o.nodeRank < 0 || o.nodeRank >= o.nnodes)
        throw InputError(SourceLocation{}, "--node-rank",
                         "must be in [0, " + std::to_string(o.nnodes - 1) + "], got " +
                             std::to_string(o.nodeRank));
    if (o.masterPort < 0 || o.masterPort > 65535)
        throw InputError(SourceLocation{}, "--master-port",
                         "must be in [0, 65535], got " + std::to_string(o.masterPort));
    if (!(o.timeoutSeconds >= 1))
        throw InputError(SourceLocation{}, "--dist-timeout", "must be at least 1 second");
    if (o.masterPort == 0) {
        if (o.nnodes > 1)
            throw InputError(SourceLocation{}, "--master-port",
                             "give the master port explicitly with several nodes (every node "
                             "must use the same one)");
        o.masterPort = freeTcpPort(o.masterAddr);
    } else if (o.nodeRank == 0) {
        checkPortFree(o.masterAddr, o.masterPort);
    }
}

std::vector<std::string> ownArguments() {
    std::ifstream in("/proc/self/cmdline", std::ios::binary);
    const std::string all((std::istreambuf_iterator<char>(in)), {});
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    while (start < all.size()) {
        const auto end = all.find('\0', start);
        parts.push_back(all.substr(start, end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    if (!parts.empty())
        parts.erase(parts.begin());
    return parts;
}

int launchWorkers(const LaunchOptions& o, const std::vector<std::string>& arguments,
                  const std::function<void(const std::string&)>& say) {
    const int world = o.nproc * o.nnodes;
    char self[4096];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0)
        throw JobError("cannot find this program's path (/proc/self/exe)");
    self[length] = '\0';

    // Ctrl-C reaches the workers from the terminal; the launcher waits for them to checkpoint.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction oldInt {};
    ::sigaction(SIGINT, &ignore, &oldInt);

    std::vector<pid_t> pids(static_cast<std::size_t>(o.nproc), -1);
    const pid_t parent = ::getpid();
    for (int local = 0; local < o.nproc; ++local) {
        const int rank = o.nodeRank * o.nproc + local;
        std::vector<std::string> env{
            std::string(kEnvRank) + "=" + std::to_string(rank),
            std::string(kEnvLocalRank) + "=" + std::to_string(local),
            std::string(kEnvWorldSize) + "=" + std::to_string(world),
            std::string(kEnvMasterAddr) + "=" + o.masterAddr,
            std::string(kEnvMasterPort) + "=" + std::to_string(o.masterPort),
            std::string(kEnvTimeout) + "=" + std::to_string(static_cast<long>(o.timeoutSeconds))};
        // The whole environment is built before fork(): the child only calls async-signal-safe
        // functions until execve.
        std::vector<char*> envp;
        for (char** item = environ; *item; ++item)
            if (std::strncmp(*item, "FACEBENCH_RANK=", 15) != 0 &&
                std::strncmp(*item, "FACEBENCH_LOCAL_RANK=", 21) != 0 &&
                std::strncmp(*item, "FACEBENCH_WORLD_SIZE=", 21) != 0 &&
                std::strncmp(*item, "FACEBENCH_MASTER_", 17) != 0 &&
                std::strncmp(*item, "FACEBENCH_DIST_TIMEOUT=", 23) != 0)
                envp.push_back(*item);
        for (const std::string& e : env)
            envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
        std::vector<char*> argv{self};
        for (const std::string& a : arguments)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const pid_t pid = ::fork();
        if (pid < 0) {
            for (pid_t started : pids)
                if (started > 0)
                    ::kill(started, SIGKILL);
            throw JobError(std::string("cannot start a worker process: ") + std::strerror(errno));
        }
        if (pid == 0) {
            // A worker must not outlive a launcher killed outright.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent)
                ::_exit(1);
            ::sigaction(SIGINT, &oldInt, nullptr);
            ::execve(self, argv.data(), envp.data());
            ::_exit(127);
        }
        pids[static_cast<std::size_t>(local)] = pid;
        say("rank " + std::to_string(rank) + ": pid " + std::to_string(pid));
    }

    int code = 0;
    int running = o.nproc;
    bool stopping = false;
    auto stopDeadline = std::chrono::steady_clock::now();
    while (running > 0) {
        int status = 0;
        const pid_t done = ::waitpid(-1, &status, WNOHANG);
        if (done <= 0) {
            if (stopping && std::chrono::steady_clock::now() > stopDeadline)
                for (pid_t pid : pids)
                    if (pid > 0)
                        ::kill(pid, SIGKILL); // hung or stopped: no more grace
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        int local = -1;
        for (int i = 0; i < o.nproc; ++i)
            if (pids[static_cast<std::size_t>(i)] == done)
                local = i;
        if (local < 0)
            continue;
        pids[static_cast<std::size_t>(local)] = -1;
        --running;
        const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (ok || stopping)
            continue;
        const int rank = o.nodeRank * o.nproc + local;
        const bool interrupted = WIFEXITED(status) && WEXITSTATUS(status) == 130;
        if (interrupted) {
            code = 130; // the others were interrupted too and are checkpointing
            continue;
        }
        code = WIFEXITED(status) && WEXITSTATUS(status) == 2 ? 2 : 1;
        // A peer's death makes the survivors fail too: name every rank already gone, so the
        // one that died first (often killed by a signal) is in the message.
        std::string message = "rank " + std::to_string(rank) + " (pid " + std::to_string(done) +
                              ") " + exitText(status);
        for (int i = 0; i < o.nproc; ++i) {
            const pid_t other = pids[static_cast<std::size_t>(i)];
            int otherStatus = 0;
            if (other > 0 && ::waitpid(other, &otherStatus, WNOHANG) == other) {
                pids[static_cast<std::size_t>(i)] = -1;
                --running;
                message += "; rank " + std::to_string(o.nodeRank * o.nproc + i) + " (pid " +
                           std::to_string(other) + ") " + exitText(otherStatus);
            }
        }
        say(message + "; stopping the other " + std::to_string(running) + " rank(s)");
        stopping = true;
        stopDeadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        for (pid_t pid : pids)
            if (pid > 0)
                ::kill(pid, SIGTERM);
    }
    ::sigaction(SIGINT, &oldInt, nullptr);
    return code;
}

} // namespace fb
