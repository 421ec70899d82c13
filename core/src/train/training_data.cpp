#include "train/training_data.h"

#include "facebench/errors.h"
#include "facebench/synthetic_data.h"
#include "util/real_text.h"

#include <cmath>
#include <filesystem>
#include <map>

namespace fb::train {

namespace fs = std::filesystem;

namespace {

// data.synthetic: the quick start's data is generated on first use (SynthJob), into
// the parent of data.train, which must be that set's train/ folder.
void generateSyntheticIfMissing(const ExperimentConfig& config,
                                const std::function<void(const std::string&)>& status,
                                std::vector<std::string>& notes) {
    const fs::path train(config.data.train);
    if (!config.data.synthetic || fs::exists(train))
        return;
    fs::path normal = train.lexically_normal();
    if (normal.filename().empty())
        normal = normal.parent_path();
    if (normal.filename() != "train" || normal.parent_path().empty())
        throw InputError(SourceLocation{}, "data.train",
                         "with data.synthetic: true, data.train must be the train/ folder of the "
                         "synthetic set to generate, e.g. runs/synthetic/train (got '" +
                             config.data.train + "')");
    SynthOptions options;
    options.outDir = normal.parent_path().string();
    options.seed = 1;
    if (status)
        status("generating the synthetic face set in " + options.outDir + " (first use)");
    SynthJob job(options);
    const SynthResult result = job.run();
    notes.push_back("generated the synthetic data in " + result.outDir + ": " +
                    std::to_string(result.trainImages) + " training images of " +
                    std::to_string(result.trainIdentities) + " identities");
}

DatasetIndex indexOrThrow(const std::string& path, const std::string& key,
                          const ExperimentConfig& config, const std::atomic_bool* cancel) {
    IndexOptions options;
    options.format = config.data.format;
    try {
        return indexDataset(path, options, {}, cancel);
    } catch (const InputError& error) {
        throw InputError(error.where().file.empty() ? SourceLocation{path} : error.where(), key,
                         error.problem());
    }
}

// Holds out the last `fraction` (at least one image) of each identity with two or more images.
void splitHoldout(DatasetIndex& train, DatasetIndex& val, double fraction) {
    std::map<std::int32_t, std::vector<IndexedImage>> byLabel;
    for (const IndexedImage& image : train.images)
        byLabel[image.label].push_back(image);
    val = train;
    val.images.clear();
    val.problems.clear();
    train.images.clear();
    for (auto& [label, images] : byLabel) {
        std::size_t held = images.size() >= 2
                               ? std::max<std::size_t>(1, std::llround(images.size() * fraction))
                               : 0;
        held = std::min(held, images.size() - 1);
        for (std::size_t i = 0; i < images.size(); ++i)
            (i + held >= images.size() ? val : train).images.push_back(images[i]);
    }
}

} // namespace

TrainingData prepareTrainingData(const ExperimentConfig& config,
                                 const std::function<void(const std::string&)>& status,
                                 const std::atomic_bool* cancel) {
    if (config.data.train.empty())
        throw InputError(SourceLocation{}, "data.train",
                         "no training data: set data.train to a folder or list");
    TrainingData data;
    generateSyntheticIfMissing(config, status, data.notes);
    if (!fs::exists(config.data.train))
        throw InputError(SourceLocation{config.data.train}, "data.train", "no such file or folder");
    // Here, not at the first validation hours into the run.
    for (const std::string& file : config.val.bin)
        if (!fs::is_regular_file(file))
            throw InputError(SourceLocation{file}, "val.bin", "no such .bin file");
    if (status)
        status("indexing " + config.data.train);
    auto train = std::make_shared<DatasetIndex>(
        indexOrThrow(config.data.train, "data.train", config, cancel));
    if (train->images.empty())
        throw InputError(SourceLocation{config.data.train}, "data.train", "no images found");
    for (const DataProblem& problem : train->problems)
        data.notes.push_back("skipped while indexing: " + problem.path + ": " + problem.problem);

    const std::int64_t identities = static_cast<std::int64_t>(train->identities.size());
    data.numClasses = config.train.numClasses > 0 ? config.train.numClasses : identities;
    if (data.numClasses < identities)
        throw InputError(SourceLocation{}, "train.num_classes",
                         std::to_string(config.train.numClasses) + " classes, but data.train has " +
                             std::to_string(identities) + " identities");

    if (!config.data.val.empty()) {
        DatasetIndex val = indexOrThrow(config.data.val, "data.val", config, cancel);
        std::map<std::string, std::int32_t> labelOf;
        for (std::size_t i = 0; i < train->identities.size(); ++i)
            labelOf[train->identities[i]] = static_cast<std::int32_t>(i);
        std::vector<IndexedImage> kept;
        std::int64_t unknown = 0;
        for (IndexedImage image : val.images) {
            const auto found = labelOf.find(val.identities[image.label]);
            if (found == labelOf.end()) {
                ++unknown;
                continue;
            }
            image.label = found->second;
            kept.push_back(image);
        }
        if (kept.empty())
            throw InputError(SourceLocation{config.data.val}, "data.val",
                             "none of its identities is a training identity (held-out accuracy "
                             "needs images of the same identities)");
        if (unknown > 0)
            data.notes.push_back("data.val: " + std::to_string(unknown) +
                                 " images of identities not in data.train left out");
        val.images = std::move(kept);
        val.identities = train->identities;
        data.val = std::make_shared<DatasetIndex>(std::move(val));
    } else if (config.data.valSplit > 0) {
        auto val = std::make_shared<DatasetIndex>();
        splitHoldout(*train, *val, config.data.valSplit);
        data.notes.push_back("held out " + std::to_string(val->images.size()) +
                             " training images for validation (data.val_split " +
                             realToText(config.data.valSplit) + ")");
        if (!val->images.empty())
            data.val = val;
    }
    data.train = train;
    return data;
}

} // namespace fb::train
