#pragma once
// Distributed data-parallel training without torch in the API: where a process sits
// in the job (rank, world size, rendezvous address), read from the environment a launcher sets,
// and the launcher itself (`facebench-cli train --nproc N`), which starts N worker processes of
// the same program and stops them all when one fails. The collectives (c10d's TCPStore,
// ProcessGroupGloo on the CPU, ProcessGroupNCCL on CUDA) live in core/src/dist.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fb {

// The environment a worker reads (torchrun's names with a FACEBENCH_ prefix).
constexpr const char* kEnvRank = "FACEBENCH_RANK";
constexpr const char* kEnvLocalRank = "FACEBENCH_LOCAL_RANK";
constexpr const char* kEnvWorldSize = "FACEBENCH_WORLD_SIZE";
constexpr const char* kEnvMasterAddr = "FACEBENCH_MASTER_ADDR";
constexpr const char* kEnvMasterPort = "FACEBENCH_MASTER_PORT";
constexpr const char* kEnvTimeout = "FACEBENCH_DIST_TIMEOUT";

struct DistributedOptions {
    int rank = 0;      // global rank, 0 writes metrics and checkpoints
    int localRank = 0; // rank on this node: the CUDA device index on a GPU node
    int worldSize = 1; // 1 = not distributed (nothing of c10d is created)
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;     // rank 0's TCPStore listens here
    double timeoutSeconds = 60; // a collective or rendezvous waiting longer fails the job
    bool enabled() const { return worldSize > 1; }
};

// The worker's options from FACEBENCH_RANK, ... ; worldSize 1 when FACEBENCH_RANK is unset.
// Throws InputError naming the variable for a malformed or inconsistent value.
DistributedOptions distributedOptionsFromEnvironment();
bool isDistributedWorker(); // FACEBENCH_RANK is set

struct LaunchOptions {
    int nproc = 1; // worker processes on this node (one per GPU on CUDA)
    int nnodes = 1;
    int nodeRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 0; // 0: a free port (single node only)
    double timeoutSeconds = 60;
};

// Throws InputError ("--nproc", "--master-port", ...) for bad values; resolves port 0 to a free
// port on one node, and on node 0 refuses a master port already in use.
void checkLaunchOptions(LaunchOptions& options);

// A free TCP port on `address` (binds port 0 and reads what the kernel chose).
int freeTcpPort(const std::string& address = "127.0.0.1");
// Throws InputError naming "--master-port" when `port` cannot be bound on `address`.
void checkPortFree(const std::string& address, int port);

// Starts options.nproc copies of this program (/proc/self/exe) with `arguments` (argv without
// argv[0]) and the worker environment, then waits. When a worker exits with an error or is
// killed, the others are stopped (SIGTERM, then SIGKILL after a grace period) and the launcher
// returns 1 (2 when the worker's own exit code was 2, 130 when interrupted), `say` naming the
// rank. Returns 0 when every worker exits 0. Each worker's pid is said as "rank R: pid P".
int launchWorkers(const LaunchOptions& options, const std::vector<std::string>& arguments,
                  const std::function<void(const std::string&)>& say);

// This process's command line without argv[0] (from /proc/self/cmdline).
std::vector<std::string> ownArguments();

} // namespace fb
