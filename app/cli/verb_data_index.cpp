// `facebench-cli data index|stats|overlap`: index a dataset (cached), report its
// breadth and depth as the seed's Table 16 does, and find (and remove) the identities a
// training set shares with a test set, as the seed did before training (Section 4.4).
#include "verbs.h"

#include "facebench/dataset_index.h"
#include "facebench/dataset_stats.h"
#include "facebench/errors.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <unistd.h>

namespace fb::cli {

namespace {

struct IndexCliOptions {
    std::string path;
    IndexOptions index;
    bool noCache = false;
};

struct OverlapCliOptions {
    IndexCliOptions train;
    IndexCliOptions test;
    std::string trainNames;
    std::string testNames;
    bool remove = false;
    std::string out;
};

constexpr std::size_t kProblemsShown = 20; // in human output; --json lists them all

DatasetIndex runIndex(IndexCliOptions& opts, double& seconds) {
    opts.index.useCache = !opts.noCache;
    const bool tty = ::isatty(2) != 0;
    const auto start = std::chrono::steady_clock::now();
    DatasetIndex index = indexDataset(opts.path, opts.index, [tty](const IndexProgress& p) {
        if (tty && !p.fromCache)
            std::fprintf(stderr, "\rindexing: %lld files", p.filesSeen);
    });
    if (tty)
        std::fprintf(stderr, "\r");
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return index;
}

nlohmann::ordered_json problemsJson(const DatasetIndex& index) {
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const DataProblem& p : index.problems)
        problems.push_back({{"path", p.path}, {"problem", p.problem}});
    return problems;
}

void printProblems(const DatasetIndex& index) {
    for (std::size_t i = 0; i < index.problems.size() && i < kProblemsShown; ++i)
        std::fprintf(stderr, "  problem: %s: %s\n", index.problems[i].path.c_str(),
                     index.problems[i].problem.c_str());
    if (index.problems.size() > kProblemsShown)
        std::fprintf(stderr, "  ... and %zu more problems (--json lists them all)\n",
                     index.problems.size() - kProblemsShown);
}

int runIndexVerb(const GlobalOptions& options, IndexCliOptions& opts) {
    double seconds = 0;
    const DatasetIndex index = runIndex(opts, seconds);
    if (options.json) {
        printJson({{"path", index.root},
                   {"format", index.format},
                   {"images", index.images.size()},
                   {"identities", index.identities.size()},
                   {"problems", problemsJson(index)},
                   {"ignored_files", index.ignoredFiles},
                   {"cache", {{"path", index.cachePath}, {"reused", index.fromCache}}},
                   {"seconds", seconds}});
    }
    std::fprintf(stderr,
                 "%s (%s): %zu images of %zu identities, %zu problems, %lld ignored files\n",
                 index.root.c_str(), index.format.c_str(), index.images.size(),
                 index.identities.size(), index.problems.size(), index.ignoredFiles);
    printProblems(index);
    if (index.cachePath.empty())
        std::fprintf(stderr, "cache: none (%s)\n", opts.noCache ? "--no-cache" : "not writable");
    else
        std::fprintf(stderr, "cache: %s (%s)\n", index.cachePath.c_str(),
                     index.fromCache ? "reused" : "written");
    std::fprintf(stderr, "%.3f s\n", seconds);
    return kExitDone;
}

int runStatsVerb(const GlobalOptions& options, IndexCliOptions& opts) {
    double seconds = 0;
    const DatasetIndex index = runIndex(opts, seconds);
    const DatasetStats s = computeDatasetStats(index);
    if (options.json) {
        printJson({{"path", index.root},
                   {"format", index.format},
                   {"identities", s.identities},
                   {"images", s.images},
                   {"images_per_identity",
                    {{"mean", s.meanPerIdentity},
                     {"median", s.medianPerIdentity},
                     {"min", s.minPerIdentity},
                     {"max", s.maxPerIdentity}}},
                   {"problems", index.problems.size()}});
    }
    // The layout of the seed's Table 16, plus the spread of the depth.
    std::fprintf(stderr, "%s (%s)\n", index.root.c_str(), index.format.c_str());
    std::fprintf(stderr, "  identities (breadth)          %lld\n", s.identities);
    std::fprintf(stderr, "  images                        %lld\n", s.images);
    std::fprintf(stderr,
                 "  images per identity (depth)   mean %.4f  median %g  min %lld  max %lld\n",
                 s.meanPerIdentity, s.medianPerIdentity, s.minPerIdentity, s.maxPerIdentity);
    if (!index.problems.empty())
        std::fprintf(stderr, "  %zu problems (see `data index`)\n", index.problems.size());
    return kExitDone;
}

int runOverlapVerb(const GlobalOptions& options, OverlapCliOptions& opts) {
    if (opts.remove && opts.out.empty())
        throw InputError(SourceLocation{}, "--out", "--remove needs --out LIST");
    double seconds = 0;
    std::map<std::string, std::string> trainNames, testNames;
    if (!opts.trainNames.empty())
        trainNames = readIdentityNames(opts.trainNames);
    if (!opts.testNames.empty())
        testNames = readIdentityNames(opts.testNames);
    const DatasetIndex train = runIndex(opts.train, seconds);
    const DatasetIndex test = runIndex(opts.test, seconds);
    const std::vector<OverlapIdentity> overlap =
        findIdentityOverlap(train, test, trainNames, testNames);
    long long overlapImages = 0;
    std::vector<std::string> removeNames;
    for (const OverlapIdentity& o : overlap) {
        overlapImages += o.trainImages;
        removeNames.push_back(o.trainName);
    }
    TrainingListSummary written;
    if (opts.remove)
        written = writeTrainingList(train, removeNames, opts.out);
    if (options.json) {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const OverlapIdentity& o : overlap)
            rows.push_back({{"train", o.trainName},
                            {"test", o.testName},
                            {"key", o.key},
                            {"train_images", o.trainImages},
                            {"test_images", o.testImages}});
        nlohmann::ordered_json doc = {{"train",
                                       {{"path", train.root},
                                        {"format", train.format},
                                        {"identities", train.identities.size()},
                                        {"images", train.images.size()}}},
                                      {"test",
                                       {{"path", test.root},
                                        {"format", test.format},
                                        {"identities", test.identities.size()},
                                        {"images", test.images.size()}}},
                                      {"overlap", rows},
                                      {"overlap_identities", overlap.size()},
                                      {"overlap_train_images", overlapImages}};
        if (opts.remove)
            doc["written"] = {
                {"path", opts.out}, {"identities", written.identities}, {"images", written.images}};
        printJson(doc);
    }
    std::fprintf(stderr, "%zu identities of %s (%lld training images) are also in %s\n",
                 overlap.size(), train.root.c_str(), overlapImages, test.root.c_str());
    for (std::size_t i = 0; i < overlap.size() && i < kProblemsShown; ++i)
        std::fprintf(stderr, "  %s = %s\n", overlap[i].trainName.c_str(),
                     overlap[i].testName.c_str());
    if (overlap.size() > kProblemsShown)
        std::fprintf(stderr, "  ... and %zu more (--json lists them all)\n",
                     overlap.size() - kProblemsShown);
    if (opts.remove)
        std::fprintf(stderr, "wrote %s: %lld images of %lld identities\n", opts.out.c_str(),
                     written.images, written.identities);
    return kExitDone;
}

void addIndexOptions(CLI::App* verb, IndexCliOptions& opts, const std::string& prefix,
                     bool positional) {
    if (positional)
        verb->add_option("DIR", opts.path, "Dataset folder, list file or train.rec")->required();
    verb->add_option("--" + prefix + "format", opts.index.format,
                     "auto | imagefolder | list | lfw | recordio")
        ->capture_default_str();
    verb->add_option("--" + prefix + "cache-dir", opts.index.cacheDir,
                     "Keep the index cache here (default: beside the data, else "
                     "$XDG_CACHE_HOME/facebench)");
    verb->add_flag("--" + prefix + "no-cache", opts.noCache,
                   "Neither read nor write the index cache");
    verb->add_option("--" + prefix + "image-root", opts.index.imageRoot,
                     "List files: resolve relative paths against this folder (default: the "
                     "list's folder)");
}

} // namespace

void addDataIndexVerbs(CLI::App* data, const GlobalOptions& options, VerbAction& action) {
    CLI::App* index = data->add_subcommand(
        "index", "Index a dataset (ImageFolder, list, LFW, RecordIO), cached beside the data");
    auto indexOpts = std::make_shared<IndexCliOptions>();
    addIndexOptions(index, *indexOpts, "", true);
    index->callback([&options, &action, indexOpts] {
        action = [&options, indexOpts] { return runIndexVerb(options, *indexOpts); };
    });

    CLI::App* stats = data->add_subcommand(
        "stats", "Identities (breadth) and images per identity (depth), as the seed's Table 16");
    auto statsOpts = std::make_shared<IndexCliOptions>();
    addIndexOptions(stats, *statsOpts, "", true);
    stats->callback([&options, &action, statsOpts] {
        action = [&options, statsOpts] { return runStatsVerb(options, *statsOpts); };
    });

    CLI::App* overlap = data->add_subcommand(
        "overlap", "Identities a training set shares with a test set (by normalised name); "
                   "--remove writes a training list without them");
    auto o = std::make_shared<OverlapCliOptions>();
    overlap->add_option("--train", o->train.path, "Training set")->required();
    overlap->add_option("--test", o->test.path, "Test set")->required();
    addIndexOptions(overlap, o->train, "train-", false);
    addIndexOptions(overlap, o->test, "test-", false);
    overlap->add_option("--train-names", o->trainNames,
                        "CSV \"id, name\" (VGGFace2 identity_meta.csv) naming training ids");
    overlap->add_option("--test-names", o->testNames, "CSV \"id, name\" naming test ids");
    overlap->add_flag("--remove", o->remove,
                      "Write a training list (\"path label\" lines) without the shared identities");
    overlap->add_option("--out", o->out, "The list --remove writes");
    overlap->callback(
        [&options, &action, o] { action = [&options, o] { return runOverlapVerb(options, *o); }; });
}

} // namespace fb::cli
