// Running a study (facebench/study.h): its synthetic sets generated first, then each cell
// trained into DIR/cells/<id>/ and evaluated into its eval/ (or, for a bench study, its
// training step timed into DIR/cells/<id>/bench.json), study.json rewritten after each, so that
// the study survives Ctrl-C, a crash or a failed cell and continues where it stopped. With
// several devices each runs one cell at a time in a worker process of its own: a process, not a
// thread, because LibTorch's random generator and its intra-op thread count are global to a
// process, and a cell is deterministic given its seed only when nothing else draws from them.
#include "facebench/study.h"

#include "facebench/atomic_file.h"
#include "facebench/bench_job.h"
#include "facebench/evaluation.h"
#include "facebench/run_directory.h"
#include "facebench/run_metrics.h"
#include "facebench/runtime.h"
#include "facebench/training_job.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

extern char** environ;

namespace fb {

namespace {

namespace fs = std::filesystem;

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A cell needs no work when its run finished and every protocol has its result file, or, in a
// bench study, when its bench.json is there.
bool cellFinished(const StudyKind kind, const std::string& cellDir,
                  const ExperimentConfig& config) {
    if (kind == StudyKind::Bench)
        return fs::exists(BenchFiles{cellDir}.json());
    const RunDirectory run(cellDir);
    if (!RunDirectory::isRun(run.path) || run.summary().status != RunStatus::Finished)
        return false;
    for (const std::string& protocol : config.eval.protocols)
        if (!fs::exists(run.eval().result(protocol)))
            return false;
    return true;
}

bool trainingFinished(const RunDirectory& run) {
    return RunDirectory::isRun(run.path) && run.summary().status == RunStatus::Finished;
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : " ") + item;
    return text.empty() ? "(none)" : text;
}

void removeCellDir(const std::string& dir) {
    std::error_code error;
    fs::remove_all(dir, error);
    if (error)
        throw JobError("cannot remove '" + dir + "': " + error.message());
}

// "cpu", "cuda" (= cuda:0) or "cuda:N" of a device present; InputError naming "--devices".
void checkDevice(const std::string& device, const RuntimeInfo& runtime) {
    if (device == "cpu")
        return;
    int index = -1;
    char rest = 0;
    if (device == "cuda")
        index = 0;
    else if (device.rfind("cuda:", 0) != 0 ||
             std::sscanf(device.c_str() + 5, "%d%c", &index, &rest) != 1 || index < 0)
        throw InputError(SourceLocation{}, "--devices",
                         "'" + device + "' is not a device: give cpu or cuda:N, comma-separated");
    if (!runtime.cudaAvailable)
        throw InputError(SourceLocation{}, "--devices",
                         "'" + device +
                             "' is not available: this LibTorch sees no CUDA GPU (a CPU build, "
                             "or no driver or GPU)");
    if (index >= static_cast<int>(runtime.cudaDevices.size()))
        throw InputError(SourceLocation{}, "--devices",
                         "'" + device + "' is not available: this machine has " +
                             std::to_string(runtime.cudaDevices.size()) + " CUDA device(s)");
}

// The identities and images of a synthetic set's train/ folder.
std::pair<long long, long long> countTrainSet(const fs::path& train) {
    long long identities = 0, images = 0;
    for (const auto& identity : fs::directory_iterator(train)) {
        if (!identity.is_directory())
            continue;
        ++identities;
        for (const auto& image : fs::directory_iterator(identity.path()))
            images += image.is_regular_file() ? 1 : 0;
    }
    return {identities, images};
}

// What one cell's BenchJob measures: the cell's model, batch, head, device, precision and
// memory format, at the model's own input size, on one random batch reused (as `bench`).
BenchOptions benchOptionsOf(const ExperimentConfig& config, const StudyBenchSettings& bench) {
    BenchOptions options;
    options.models = {config.model.name};
    options.batchSizes = {config.train.batchSize};
    options.devices = {config.device.name};
    options.iterations = bench.iterations;
    options.warmup = bench.warmup;
    options.memoryCapMb = bench.memoryCapMb;
    options.precision = config.device.amp ? "amp" : "fp32";
    options.channelsLast = config.style.memoryFormat == MemoryFormat::ChannelsLast;
    options.head = config.head.type;
    if (config.train.numClasses > 0)
        options.numClasses = config.train.numClasses;
    options.threads = static_cast<int>(config.device.threads);
    return options;
}

// The last line of a worker's stderr that says why it stopped.
bool isFailureLine(const std::string& line) {
    return line.find("error: ") != std::string::npos || line.find(" failed: ") != std::string::npos;
}

} // namespace

struct StudyRunner::CellOutcome {
    enum class Kind { Done, Failed, Cancelled, BadInput };
    Kind kind = Kind::Done;
    std::map<std::string, double> metrics;
    std::string error;
};

StudyRunner::StudyRunner(Study study, StudyRunOptions options)
    : m_study(std::move(study)), m_options(std::move(options)) {}

void StudyRunner::cancel() {
    m_cancel.store(true);
    if (void* job = m_job.load())
        static_cast<TrainingJob*>(job)->cancel();
    if (void* job = m_bench.load())
        static_cast<BenchJob*>(job)->cancel();
    if (void* job = m_synth.load())
        static_cast<SynthJob*>(job)->cancel();
    // Each worker is in a process group of its own (a terminal's Ctrl-C reaches this process
    // alone): one SIGINT each, which checkpoints its cell; a second would end it at once.
    for (std::atomic<int>& pid : m_workerPids)
        if (const int worker = pid.exchange(0); worker > 0)
            ::kill(worker, SIGINT);
}

void StudyRunner::generateDatasets() {
    for (const StudyDataset& dataset : m_study.datasets) {
        if (m_cancel.load())
            return;
        const fs::path train = fs::path(dataset.options.outDir) / "train";
        const std::string key = "datasets." + dataset.options.outDir;
        if (fs::exists(dataset.options.outDir)) {
            if (!fs::is_directory(train))
                throw InputError(dataset.where, key,
                                 "'" + dataset.options.outDir +
                                     "' exists but has no train/ folder: remove it or give "
                                     "another folder");
            const auto [identities, images] = countTrainSet(train);
            const long long wanted = static_cast<long long>(dataset.options.identities) *
                                     dataset.options.imagesPerIdentity;
            if (identities != dataset.options.identities || images != wanted)
                throw InputError(dataset.where, key,
                                 "'" + train.string() + "' holds " + std::to_string(identities) +
                                     " identities and " + std::to_string(images) +
                                     " images, the study asks for " +
                                     std::to_string(dataset.options.identities) + " and " +
                                     std::to_string(wanted) +
                                     ": remove the folder or give another one");
            continue;
        }
        try { // what only a generation checks, such as the total image count
            validateSynthOptions(dataset.options);
        } catch (const InputError& error) {
            throw InputError(dataset.where, key, error.problem());
        }
        if (m_options.log)
            m_options.log("generating the synthetic set " + dataset.options.outDir + " (" +
                          std::to_string(dataset.options.identities) + " identities x " +
                          std::to_string(dataset.options.imagesPerIdentity) + " images)");
        SynthJob job(dataset.options);
        m_synth.store(&job);
        if (m_cancel.load())
            job.cancel();
        try {
            job.run();
        } catch (...) {
            m_synth.store(nullptr);
            if (m_cancel.load())
                return; // cancelled: the job leaves nothing behind
            throw;
        }
        m_synth.store(nullptr);
    }
}

StudyRunner::CellOutcome StudyRunner::runCellHere(const StudyCell& cell, const std::string& device,
                                                  int threads) {
    const StudyFiles files{m_options.outDir};
    const std::string cellDir = files.cellDir(cell.id);
    ExperimentConfig config = cell.config;
    if (!device.empty())
        config.device.name = device;
    if (threads > 0 && config.device.threads == 0)
        config.device.threads = threads;
    const auto log = [&](const std::string& text) {
        if (m_options.log)
            m_options.log(text);
    };
    CellOutcome outcome;
    try {
        if (m_study.kind == StudyKind::Bench) {
            BenchJob job(benchOptionsOf(config, m_study.bench));
            m_bench.store(&job);
            if (m_cancel.load())
                job.cancel();
            BenchResult result;
            try {
                result = job.run();
            } catch (...) {
                m_bench.store(nullptr);
                throw;
            }
            m_bench.store(nullptr);
            if (result.cancelled || result.rows.size() != 1) {
                outcome.kind = CellOutcome::Kind::Cancelled;
                return outcome;
            }
            if (result.rows.front().status == "error")
                throw JobError(result.rows.front().message);
            writeBenchResults(result, cellDir);
            outcome.metrics = studyBenchMetrics(cellDir);
            return outcome;
        }
        const RunDirectory run(cellDir);
        const bool trained = trainingFinished(run);
        const bool resume = !trained && run.hasLastCheckpoint() && fs::exists(run.configFile());
        if (!trained && !resume && fs::exists(run.path))
            removeCellDir(run.path); // set up without a checkpoint: anew
        if (!trained) {
            config.output.dir = (fs::path(m_options.outDir) / "cells").string();
            config.output.name = cell.id;
            TrainingOptions options;
            (resume ? options.resumeDir : options.runDir) = run.path;
            TrainingJob job(config, options);
            m_job.store(&job);
            if (m_cancel.load())
                job.cancel();
            TrainingResult result;
            try {
                result = job.run(m_options.progress);
            } catch (...) {
                m_job.store(nullptr);
                throw;
            }
            m_job.store(nullptr);
            if (result.cancelled) {
                outcome.kind = CellOutcome::Kind::Cancelled; // resumed next time
                return outcome;
            }
        }
        EvalRequest request;
        request.runDir = run.path;
        request.protocols = config.eval.protocols;
        evaluate(request, log);
        outcome.metrics = studyHeadlineMetrics(run.path);
    } catch (const InputError& failure) {
        // Bad input (a missing data folder) would fail every cell alike: the study stops.
        outcome.kind = CellOutcome::Kind::BadInput;
        outcome.error = failure.what();
    } catch (const std::exception& failure) {
        outcome.kind = CellOutcome::Kind::Failed;
        outcome.error = failure.what();
    }
    return outcome;
}

StudyRunner::CellOutcome StudyRunner::runCellInWorker(const StudyCell& cell,
                                                      const std::string& device, int slot) {
    std::vector<std::string> arguments = m_options.workerCommand;
    arguments.insert(arguments.end(), {"--cell", cell.id, "--devices", device});
    if (device == "cpu" && m_cpuWorkerThreads > 0)
        arguments.insert(arguments.end(), {"--cell-threads", std::to_string(m_cpuWorkerThreads)});
    std::vector<char*> argv;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    int pipeEnds[2];
    if (::pipe2(pipeEnds, O_CLOEXEC) != 0)
        throw JobError("cannot create a pipe for a study worker");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(pipeEnds[1]);
    if (spawned != 0) {
        ::close(pipeEnds[0]);
        throw JobError("cannot start the study worker '" + arguments.front() +
                       "': " + std::strerror(spawned));
    }
    m_workerPids[slot].store(pid);
    if (m_cancel.load() && m_workerPids[slot].exchange(0) == pid)
        ::kill(pid, SIGINT); // cancelled while it was being started

    // Its stderr, line by line, into the log with the device in front.
    std::string pending, failureLine;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeEnds[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        pending.append(buffer, static_cast<std::size_t>(n));
        for (std::size_t end; (end = pending.find('\n')) != std::string::npos;) {
            const std::string line = pending.substr(0, end);
            pending.erase(0, end + 1);
            if (isFailureLine(line))
                failureLine = line;
            if (m_options.log)
                m_options.log("[" + device + "] " + line);
        }
    }
    ::close(pipeEnds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_workerPids[slot].store(0);

    CellOutcome outcome;
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const std::string cellDir = StudyFiles{m_options.outDir}.cellDir(cell.id);
    if (code == 0) {
        outcome.metrics = m_study.kind == StudyKind::Bench ? studyBenchMetrics(cellDir)
                                                           : studyHeadlineMetrics(cellDir);
        return outcome;
    }
    const std::string prefix = "error: ";
    const std::size_t at = failureLine.find(prefix);
    outcome.error = code == 2 && at != std::string::npos ? failureLine.substr(at + prefix.size())
                    : !failureLine.empty()
                        ? failureLine
                        : "the worker " + (code >= 0 ? "exited with " + std::to_string(code)
                                                     : "was killed by signal " +
                                                           std::to_string(WTERMSIG(status)));
    outcome.kind = code == 130 ? CellOutcome::Kind::Cancelled
                   : code == 2 ? CellOutcome::Kind::BadInput
                               : CellOutcome::Kind::Failed;
    return outcome;
}

StudyRunSummary StudyRunner::run() {
    const StudyFiles files{m_options.outDir};
    const auto log = [&](const std::string& text) {
        if (m_options.log)
            m_options.log(text);
    };
    const RuntimeInfo runtime = runtimeInfo();
    for (const std::string& device : m_options.devices)
        checkDevice(device, runtime);
    if (m_options.devices.size() > static_cast<std::size_t>(kMaxWorkers))
        throw InputError(SourceLocation{}, "--devices",
                         "at most " + std::to_string(kMaxWorkers) + " devices");
    const std::string device = m_options.devices.empty() ? "" : m_options.devices.front();

    // Worker mode: one cell, here; the parent keeps study.json.
    if (!m_options.onlyCell.empty()) {
        const StudyCell* cell = nullptr;
        for (const StudyCell& candidate : m_study.cells)
            if (candidate.id == m_options.onlyCell)
                cell = &candidate;
        if (!cell)
            throw InputError(SourceLocation{m_study.file}, "--cell",
                             "the study has no cell '" + m_options.onlyCell + "'");
        const CellOutcome outcome = runCellHere(*cell, device, m_options.cellThreads);
        StudyRunSummary summary;
        if (outcome.kind == CellOutcome::Kind::BadInput)
            throw InputError(outcome.error);
        summary.done = outcome.kind == CellOutcome::Kind::Done ? 1 : 0;
        summary.failed = outcome.kind == CellOutcome::Kind::Failed ? 1 : 0;
        summary.cancelled = outcome.kind == CellOutcome::Kind::Cancelled || m_cancel.load();
        if (outcome.kind == CellOutcome::Kind::Failed)
            log("cell " + cell->id + " failed: " + outcome.error);
        return summary;
    }
    if (m_options.devices.size() > 1 && m_options.workerCommand.empty())
        throw InputError(SourceLocation{}, "--devices",
                         "several devices need a worker command to start cells with");

    // One folder, one study: refuse another file (or other --set overrides) before any work.
    StudyState previous;
    if (fs::exists(files.studyCopy())) {
        const std::string key =
            firstDifferingStudyKey(readWholeFile(files.studyCopy()), m_study.text);
        if (!key.empty())
            throw InputError(SourceLocation{m_study.file}, key,
                             "'" + m_options.outDir +
                                 "' holds another study (its study.yaml "
                                 "differs first at this key): give another --out or the same file");
        if (fs::exists(files.state())) {
            previous = readStudyState(files.state());
            if (previous.overrides != m_options.overrides)
                throw InputError(SourceLocation{files.state()}, "--set",
                                 "the study in '" + m_options.outDir + "' was run with --set " +
                                     joined(previous.overrides) + ", now " +
                                     joined(m_options.overrides));
        }
    }
    std::error_code error;
    fs::create_directories(fs::path(m_options.outDir) / "cells", error);
    if (error)
        throw InputError(SourceLocation{m_options.outDir}, "--out",
                         "cannot create the study folder: " + error.message());
    writeFileAtomically(files.studyCopy(), m_study.text);

    StudyState state;
    state.name = m_study.name;
    state.kind = m_study.kind;
    state.layout = m_study.layout;
    state.overrides = m_options.overrides;
    for (const StudyCell& cell : m_study.cells) {
        StudyCellRecord record;
        for (const StudyCellRecord& old : previous.cells)
            if (old.id == cell.id)
                record = old;
        record.id = cell.id;
        record.condition = cell.condition;
        record.repeat = cell.repeat;
        record.settings.clear();
        for (const StudySetting& setting : cell.settings)
            record.settings.push_back(setting.assignment());
        state.cells.push_back(record);
    }
    writeStudyState(files.state(), state);

    StudyRunSummary summary;
    generateDatasets();

    // The cells, taken in order by the workers (one in this process without --devices).
    std::mutex mutex; // state, summary, next and the log
    std::size_t next = 0;
    std::string badInput;
    const auto work = [&](const std::string& workerDevice, int slot) {
        for (;;) {
            std::unique_lock<std::mutex> lock(mutex);
            if (m_cancel.load() || !badInput.empty() || next >= m_study.cells.size())
                return;
            const std::size_t i = next++;
            const StudyCell& cell = m_study.cells[i];
            StudyCellRecord& record = state.cells[i];
            const std::string cellDir = files.cellDir(cell.id);
            if (record.status != StudyCellStatus::Failed &&
                cellFinished(m_study.kind, cellDir, cell.config)) {
                record.status = StudyCellStatus::Done;
                ++summary.skipped;
                log("cell " + cell.id + ": done, skipped");
                continue;
            }
            if (record.status == StudyCellStatus::Failed && fs::exists(cellDir))
                removeCellDir(cellDir); // a failed cell runs again from the start
            const bool resuming = m_study.kind == StudyKind::Train &&
                                  RunDirectory(cellDir).hasLastCheckpoint() &&
                                  !trainingFinished(RunDirectory(cellDir));
            record.status = StudyCellStatus::Running;
            record.error.clear();
            writeStudyState(files.state(), state);
            log("cell " + std::to_string(i + 1) + "/" + std::to_string(m_study.cells.size()) + " " +
                cell.id + (workerDevice.empty() ? "" : " on " + workerDevice) +
                (m_study.kind == StudyKind::Bench          ? ": timing"
                 : trainingFinished(RunDirectory(cellDir)) ? ": evaluating"
                 : resuming                                ? ": resuming"
                                                           : ": training"));
            lock.unlock();

            const auto started = std::chrono::steady_clock::now();
            const CellOutcome outcome = slot < 0 ? runCellHere(cell, workerDevice, 0)
                                                 : runCellInWorker(cell, workerDevice, slot);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

            lock.lock();
            record.seconds += seconds;
            switch (outcome.kind) {
            case CellOutcome::Kind::Done:
                record.metrics = outcome.metrics;
                record.status = StudyCellStatus::Done;
                ++summary.done;
                break;
            case CellOutcome::Kind::Cancelled: // stays "running": resumed next time
                summary.cancelled = true;
                break;
            case CellOutcome::Kind::BadInput:
                record.status = StudyCellStatus::Failed;
                record.error = outcome.error;
                if (badInput.empty())
                    badInput = outcome.error;
                break;
            case CellOutcome::Kind::Failed:
                record.status = StudyCellStatus::Failed;
                record.error = outcome.error;
                ++summary.failed;
                log("cell " + cell.id + " failed: " + outcome.error);
                break;
            }
            writeStudyState(files.state(), state);
            if (outcome.kind == CellOutcome::Kind::Cancelled)
                return;
            if (outcome.kind == CellOutcome::Kind::BadInput) {
                lock.unlock();
                cancel(); // the other workers' cells would fail alike
                return;
            }
        }
    };
    if (m_options.devices.size() <= 1) {
        work(device, -1);
    } else {
        // k CPU workers share the cores: a cell asking for one thread per core (device.threads
        // 0) would oversubscribe them, so each worker process is pinned to cores / k.
        int cpuWorkers = 0;
        for (const std::string& d : m_options.devices)
            cpuWorkers += d == "cpu" ? 1 : 0;
        if (cpuWorkers > 1) {
            m_cpuWorkerThreads = std::max(1, runtime.cpuCores / cpuWorkers);
            log(std::to_string(cpuWorkers) + " CPU workers: a cell with device.threads 0 gets " +
                std::to_string(m_cpuWorkerThreads) + " thread(s)");
        }
        std::vector<std::thread> workers;
        for (std::size_t w = 0; w < m_options.devices.size(); ++w)
            workers.emplace_back(work, m_options.devices[w], static_cast<int>(w));
        for (std::thread& worker : workers)
            worker.join();
    }
    if (!badInput.empty())
        throw InputError(badInput);
    summary.cancelled = summary.cancelled || m_cancel.load();
    return summary;
}

} // namespace fb
