// What a study costs beyond its cells' own work: N tiny cells run by StudyRunner (study.yaml
// and study.json written, each cell's state rewritten twice, finished-cell checks) against the
// same N trainings and evaluations done by hand through the same library calls (TrainingJob,
// evaluate). Prints both times and their ratio. Run by hand (it times things, so it is not a
// test):  build/bin/bench_study_overhead [CELLS] [STEPS]
#include "facebench/evaluation.h"
#include "facebench/runtime.h"
#include "facebench/study.h"
#include "facebench/synthetic_data.h"
#include "facebench/training_job.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The cells by hand: each config trained into its own run folder, then evaluated.
double runByHand(const fb::Study& study, const std::string& outDir) {
    const auto start = std::chrono::steady_clock::now();
    for (const fb::StudyCell& cell : study.cells) {
        fb::ExperimentConfig config = cell.config;
        config.output.dir = outDir;
        config.output.name = cell.id;
        fb::TrainingOptions options;
        options.runDir = (fs::path(outDir) / cell.id).string();
        fb::TrainingJob job(config, options);
        job.run();
        fb::EvalRequest request;
        request.runDir = options.runDir;
        request.protocols = config.eval.protocols;
        fb::evaluate(request, {});
    }
    return secondsSince(start);
}

double runAsStudy(const fb::Study& study, const std::string& outDir) {
    const auto start = std::chrono::steady_clock::now();
    fb::StudyRunOptions options;
    options.outDir = outDir;
    fb::StudyRunner runner(study, options);
    runner.run();
    return secondsSince(start);
}

} // namespace

int main(int argc, char** argv) {
    const int cells = argc > 1 ? std::atoi(argv[1]) : 8;
    const int steps = argc > 2 ? std::atoi(argv[2]) : 20;
    if (cells < 1 || steps < 1) {
        std::fprintf(stderr, "usage: bench_study_overhead [CELLS >= 1] [STEPS >= 1]\n");
        return 2;
    }
    fb::initRuntime(1); // one thread: the two sides compete for nothing inside a step
    const fs::path root = fs::temp_directory_path() / "facebench-bench-study-overhead";
    fs::remove_all(root);
    fs::create_directories(root);

    fb::SynthOptions synth;
    synth.outDir = (root / "data").string();
    synth.identities = 8;
    synth.imagesPerIdentity = 4;
    synth.testIdentities = 20;
    synth.width = synth.height = 32;
    synth.threads = 1;
    fb::SynthJob(synth).run();

    std::ofstream(root / "base.yaml")
        << "data: {train: " << synth.outDir << "/train, workers: 1}\n"
        << "model: {name: small-resnet-64}\n"
        << "head: {type: softmax}\n"
        << "train: {batch_size: 8, iterations: " << steps
        << ", seed: 1, log_every: 5, checkpoint_every: 0, val_every: 0}\n"
        << "eval: {data: " << synth.outDir << ", protocols: [lfw]}\n"
        << "device: {threads: 1}\n"
        << "output: {tensorboard: false}\n";
    std::string seeds;
    for (int c = 0; c < cells; ++c)
        seeds += (c ? ", " : "") + std::to_string(c + 1);
    std::ofstream(root / "study.yaml") << "base: {config: base.yaml}\n"
                                       << "axes: {train.seed: [" << seeds << "]}\n";
    const fb::Study study = fb::loadStudy((root / "study.yaml").string());

    // Untimed: the first training pays for loading and caching the data index.
    runByHand(fb::parseStudy("base: {config: base.yaml}\n", "warmup.yaml", root.string()),
              (root / "warmup").string());
    // Alternated twice, so that a slow phase of a shared machine falls on both sides.
    double byHand = 0, asStudy = 0;
    for (int round = 0; round < 2; ++round) {
        asStudy += runAsStudy(study, (root / ("study-" + std::to_string(round))).string());
        byHand += runByHand(study, (root / ("hand-" + std::to_string(round))).string());
    }
    std::printf("%d cells of %d steps (train + LFW eval), twice each way\n", cells, steps);
    std::printf("by hand   %8.2f s\n", byHand);
    std::printf("as study  %8.2f s\n", asStudy);
    std::printf("overhead  %+8.2f %%\n", 100.0 * (asStudy / byHand - 1.0));
    fs::remove_all(root);
    return 0;
}
