// `facebench-cli train [CONFIG] [--set KEY=VALUE]... [--resume RUN_DIR] [--device D] [--out DIR]`.
// Without CONFIG it trains the built-in quick start (examples/quickstart.yaml).
// Progress: a one-line bar redrawn with \r when stderr is a terminal, plain lines otherwise.
// Ctrl-C asks the job to stop after the current step; it writes a checkpoint and the verb
// exits with 130, as shells expect after SIGINT (a second Ctrl-C kills at once).
// Distributed: `--nproc N [--nnodes M --node-rank R --master-addr A --master-port P]`
// makes this process a launcher of N workers (this program again, the rank in FACEBENCH_RANK
// and friends, see facebench/distributed.h); a worker trains its shard, rank 0 prints and
// writes the run, the others stay quiet unless they fail.
#include "interrupt_guard.h"
#include "verbs.h"

#include "facebench/distributed.h"
#include "facebench/errors.h"
#include "facebench/run_directory.h"
#include "facebench/training_job.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace fb::cli {

namespace {

struct TrainOptions {
    std::string config;
    std::vector<std::string> sets;
    std::string resume;
    std::string device;
    std::string out;
    LaunchOptions launch;
};

std::string clockText(double seconds) {
    if (!(seconds >= 0) || seconds > 1e7)
        return "--:--";
    const long total = static_cast<long>(seconds + 0.5);
    char buffer[32];
    if (total >= 3600)
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60,
                      total % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
    return buffer;
}

// Prints progress events on stderr: a bar on a terminal, lines otherwise.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool terminal) : m_terminal(terminal) {}

    void operator()(const TrainingProgress& p) {
        using Kind = TrainingProgress::Kind;
        char line[256];
        switch (p.kind) {
        case Kind::Start:
            if (p.step > 0 || !p.runDir.empty())
                say("run directory: " + p.runDir +
                    (p.step > 0 ? " (resuming at step " + std::to_string(p.step) + ")" : ""));
            else
                say(p.message);
            return;
        case Kind::Step:
            if (m_terminal) {
                const int width = 20;
                const int filled =
                    p.totalSteps > 0 ? static_cast<int>(width * p.step / p.totalSteps) : 0;
                std::string bar(filled, '=');
                bar.resize(width, ' ');
                std::snprintf(line, sizeof line,
                              "\r[%s] %lld/%lld  loss %.4f  acc %.3f  %.0f img/s  ETA %s ",
                              bar.c_str(), (long long)p.step, (long long)p.totalSteps, p.loss,
                              p.acc, p.imgPerSec, clockText(p.etaSeconds).c_str());
                std::fprintf(stderr, "%s\033[K", line);
                std::fflush(stderr);
                m_barShown = true;
            } else {
                std::snprintf(
                    line, sizeof line,
                    "step %lld/%lld epoch %lld loss %.4f acc %.3f lr %.5g %.1f img/s t_data %.4f s "
                    "t_compute %.4f s ETA %s",
                    (long long)p.step, (long long)p.totalSteps, (long long)p.epoch, p.loss, p.acc,
                    p.lr, p.imgPerSec, p.tData, p.tCompute, clockText(p.etaSeconds).c_str());
                say(line);
            }
            return;
        case Kind::Validation: {
            std::string text = "validation at step " + std::to_string(p.step) + ":";
            for (const auto& [name, value] : p.metrics) {
                std::snprintf(line, sizeof line, " %s %.4f", name.c_str(), value);
                text += line;
            }
            say(text);
            return;
        }
        case Kind::Checkpoint:
            if (!m_terminal)
                say("checkpoint at step " + std::to_string(p.step) + ": " + p.message);
            return;
        case Kind::BadImage:
            say(p.message);
            return;
        case Kind::Done:
            if (m_barShown)
                std::fprintf(stderr, "\n");
            m_barShown = false;
            return;
        }
    }

    void say(const std::string& text) {
        if (m_barShown)
            std::fprintf(stderr, "\r\033[K");
        std::fprintf(stderr, "%s\n", text.c_str());
        m_barShown = false;
    }

private:
    bool m_terminal;
    bool m_barShown = false;
};

int runTraining(const GlobalOptions& global, const TrainOptions& o) {
    ExperimentConfig config;
    TrainingOptions options;
    if (!o.resume.empty()) {
        if (!o.config.empty())
            throw InputError(SourceLocation{o.config}, "",
                             "give a CONFIG or --resume RUN_DIR, not both "
                             "(a resumed run keeps its own " +
                                 RunDirectory().configFile() + ")");
        config = loadRunConfig(o.resume, o.sets);
        options.resumeDir = o.resume;
    } else if (o.config.empty()) {
        config = parseExperimentConfig(quickstartConfigText(),
                                       "examples/quickstart.yaml (built in)", o.sets);
    } else {
        config = loadExperimentConfig(o.config, o.sets);
    }
    if (!o.device.empty())
        config.device.name = o.device;
    if (!o.out.empty())
        config.output.dir = o.out;

    // Launcher: the config was checked above (bad input is exit 2 before any worker starts).
    if (!isDistributedWorker() && (o.launch.nproc > 1 || o.launch.nnodes > 1)) {
        LaunchOptions launch = o.launch;
        checkLaunchOptions(launch);
        std::fprintf(stderr, "launching %d worker process(es) on node %d of %d, rendezvous %s:%d\n",
                     launch.nproc, launch.nodeRank, launch.nnodes, launch.masterAddr.c_str(),
                     launch.masterPort);
        return launchWorkers(launch, ownArguments(), [](const std::string& text) {
            std::fprintf(stderr, "launcher: %s\n", text.c_str());
            std::fflush(stderr);
        });
    }
    options.distributed = distributedOptionsFromEnvironment();
    const bool quiet = options.distributed.rank != 0; // rank 0 speaks for the job

    TrainingJob job(config, options);
    ProgressPrinter printer(isatty(fileno(stderr)) != 0);
    const InterruptGuard interruptGuard(job);

    const TrainingResult result = job.run([&](const TrainingProgress& p) {
        if (!quiet)
            printer(p);
    });
    if (quiet)
        return result.cancelled ? kExitInterrupted : kExitDone;
    char summary[256];
    std::snprintf(summary, sizeof summary, "%s at step %lld/%lld in %.1f s: loss %.4f, acc %.3f%s",
                  result.cancelled ? "interrupted" : "trained", (long long)result.steps,
                  (long long)result.totalSteps, result.seconds, result.lastLoss, result.lastAcc,
                  result.badImages
                      ? (", " + std::to_string(result.badImages) + " bad images skipped").c_str()
                      : "");
    printer.say(summary);
    printer.say("checkpoint: " + result.lastCheckpoint);
    if (result.cancelled)
        printer.say("resume with: facebench-cli train --resume " + result.runDir);
    if (global.json)
        printJson({{"run_dir", result.runDir},
                   {"steps", result.steps},
                   {"total_steps", result.totalSteps},
                   {"loss", result.lastLoss},
                   {"acc", result.lastAcc},
                   {"best_metric", result.bestMetric},
                   {"cancelled", result.cancelled},
                   {"bad_images", result.badImages},
                   {"seconds", result.seconds},
                   {"checkpoint", result.lastCheckpoint},
                   {"world_size", result.worldSize},
                   {"replica_digest", result.replicaDigest}});
    else
        std::cout << result.runDir << "\n";
    return result.cancelled ? kExitInterrupted : kExitDone;
}

} // namespace

void addTrainVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto opts = std::make_shared<TrainOptions>();
    CLI::App* train = app.add_subcommand("train", "Train a model; without CONFIG, the quick start "
                                                  "(small ResNet + ArcFace on synthetic faces)");
    train->add_option("CONFIG", opts->config,
                      "Experiment YAML (default: the built-in examples/quickstart.yaml)");
    train->add_option("--set", opts->sets,
                      "Override a key, e.g. --set train.batch_size=32 (repeatable)");
    train->add_option("--resume", opts->resume,
                      "Continue the run in RUN_DIR from its last checkpoint");
    train->add_option("--device", opts->device, "cpu, cuda or cuda:N (overrides device.name)");
    train->add_option("--out", opts->out, "Folder for the run directory (overrides output.dir)");
    train
        ->add_option("--nproc", opts->launch.nproc,
                     "Data-parallel worker processes on this node (one per GPU on CUDA); "
                     "train.batch_size is the global batch")
        ->check(CLI::Range(1, 1024));
    train->add_option("--nnodes", opts->launch.nnodes, "Nodes in the job (default 1)")
        ->check(CLI::Range(1, 4096));
    train->add_option("--node-rank", opts->launch.nodeRank, "This node's rank, 0 to nnodes-1");
    train->add_option("--master-addr", opts->launch.masterAddr,
                      "Address of node 0 (rank 0 serves the rendezvous; default 127.0.0.1)");
    train->add_option("--master-port", opts->launch.masterPort,
                      "Rendezvous port on node 0 (default: a free port, one node only)");
    train->add_option("--dist-timeout", opts->launch.timeoutSeconds,
                      "Seconds a rank waits for the others before failing (default 60)");
    train->callback([&options, &action, opts] {
        action = [&options, opts] { return runTraining(options, *opts); };
    });
}

} // namespace fb::cli
