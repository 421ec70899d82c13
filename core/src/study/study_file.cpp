// Reading a study file (facebench/study.h): the keys, the base config, the cells as the
// cartesian product of the axes plus the listed cells, each resolved through the config loader
// so that a value it rejects is reported at its line in the study file.
#include "facebench/study.h"

#include "facebench/presets.h"
#include "util/did_you_mean.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fb {

namespace {

namespace fs = std::filesystem;

// Cells (conditions x repeats) a study may have: each is a training run, so more is a typo
// (an axis product that grew by mistake), and the bound keeps a hostile file from allocating
// an astronomical product.
constexpr std::size_t kMaxCells = 10000;

const std::vector<std::string> kStudyKeys = {"name",      "base",   "axes", "cells", "repeats",
                                             "protocols", "layout", "kind", "bench", "datasets"};

// The named layouts and the config key that labels their rows (seed Tables 3, 6, 7-10, 4).
const std::map<std::string, std::string>& namedLayouts() {
    static const std::map<std::string, std::string> layouts = {
        {"models", "model.name"},
        {"losses", "head.type"},
        {"frameworks", "style.framework"},
        {"training-sets", "data.train"},
    };
    return layouts;
}

SourceLocation locationOf(const YAML::Node& node, const std::string& file) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

YAML::Node parseYamlText(const std::string& text, const std::string& sourceName) {
    try {
        return YAML::Load(text);
    } catch (const YAML::ParserException& error) {
        throw InputError(SourceLocation{sourceName, error.mark.line + 1, error.mark.column + 1}, "",
                         "YAML syntax error: " + error.msg);
    }
}

std::string flowText(const YAML::Node& value) {
    YAML::Emitter out;
    out << YAML::Flow << value;
    return out.c_str();
}

StudySetting settingOf(const std::string& key, const YAML::Node& value, const YAML::Node& keyNode,
                       const std::string& file) {
    if (value.IsNull())
        throw InputError(locationOf(keyNode, file), key, "a value is missing");
    return {key, flowText(value), locationOf(value, file)};
}

// A mapping of config keys to values, in file order; a key given twice is an error.
std::vector<StudySetting> settingsOf(const YAML::Node& map, const std::string& what,
                                     const std::string& file) {
    if (!map.IsMap())
        throw InputError(locationOf(map, file), what,
                         "expected a mapping of config keys to values (head.type: arcface)");
    std::vector<StudySetting> settings;
    std::set<std::string> seen;
    for (const auto& entry : map) {
        const std::string key = entry.first.Scalar();
        if (!seen.insert(key).second)
            throw InputError(locationOf(entry.first, file), key, "duplicate key");
        settings.push_back(settingOf(key, entry.second, entry.first, file));
    }
    return settings;
}

// The base experiment: its YAML text and the name errors in it carry.
struct BaseConfig {
    std::string text;
    std::string source;
    std::vector<StudySetting> settings; // base.set
    bool isPreset = false;
};

BaseConfig readBaseFile(const YAML::Node& node, const std::string& file, const std::string& baseDir,
                        bool isPreset) {
    if (!node.IsScalar() || node.Scalar().empty())
        throw InputError(locationOf(node, file), "base",
                         isPreset ? "expected a preset name" : "expected a config file path");
    const std::string value = node.Scalar();
    if (isPreset) {
        try {
            findPreset(value);
        } catch (const InputError& error) {
            throw InputError(locationOf(node, file), "base", error.problem());
        }
        return {"preset: " + value + "\n", file, {}, true};
    }
    const fs::path path =
        fs::path(value).is_absolute() ? fs::path(value) : fs::path(baseDir) / value;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(locationOf(node, file), "base",
                         "cannot open the config file '" + path.string() + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return {text.str(), path.string(), {}, false};
}

// base: NAME (a preset, else a config file) or {preset: NAME | config: PATH, set: {k: v}}.
BaseConfig readBase(const YAML::Node& node, const std::string& file, const std::string& baseDir) {
    if (node.IsScalar()) {
        bool preset = true;
        try {
            findPreset(node.Scalar());
        } catch (const InputError&) {
            preset = false;
        }
        return readBaseFile(node, file, baseDir, preset);
    }
    if (!node.IsMap())
        throw InputError(
            locationOf(node, file), "base",
            "expected a preset name, a config file, or {preset|config: ..., set: {...}}");
    BaseConfig base;
    bool haveSource = false;
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        if (key == "preset" || key == "config") {
            if (haveSource)
                throw InputError(locationOf(entry.first, file), "base." + key,
                                 "give one of base.preset and base.config");
            const std::vector<StudySetting> settings = base.settings;
            base = readBaseFile(entry.second, file, baseDir, key == "preset");
            base.settings = settings;
            haveSource = true;
        } else if (key == "set") {
            base.settings = settingsOf(entry.second, "base.set", file);
        } else {
            throw InputError(locationOf(entry.first, file), "base." + key,
                             "unknown key" + didYouMean(key, {"preset", "config", "set"}));
        }
    }
    if (!haveSource)
        throw InputError(locationOf(node, file), "base", "base needs a preset or a config");
    return base;
}

int readRepeats(const YAML::Node& node, const std::string& file) {
    long long value = 0;
    char rest = 0;
    if (!node.IsScalar() || std::sscanf(node.Scalar().c_str(), "%lld%c", &value, &rest) != 1 ||
        value < 1 || value > 1000)
        throw InputError(locationOf(node, file), "repeats",
                         "expected a whole number from 1 to 1000");
    return static_cast<int>(value);
}

StudyLayout readLayout(const YAML::Node& node, const std::string& file) {
    StudyLayout layout;
    if (node.IsScalar()) {
        const auto found = namedLayouts().find(node.Scalar());
        if (found == namedLayouts().end()) {
            std::vector<std::string> names;
            for (const auto& [name, key] : namedLayouts())
                names.push_back(name);
            throw InputError(locationOf(node, file), "layout",
                             "unknown layout '" + node.Scalar() + "'" +
                                 didYouMean(node.Scalar(), names) +
                                 " (or {rows: KEY, columns: KEY})");
        }
        return {found->first, found->second, ""};
    }
    if (!node.IsMap())
        throw InputError(locationOf(node, file), "layout",
                         "expected a layout name or {rows: KEY, columns: KEY}");
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        if (key != "rows" && key != "columns")
            throw InputError(locationOf(entry.first, file), "layout." + key,
                             "unknown key" + didYouMean(key, {"rows", "columns"}));
        if (!entry.second.IsScalar() || entry.second.Scalar().empty())
            throw InputError(locationOf(entry.second, file), "layout." + key,
                             "expected a config key");
        (key == "rows" ? layout.rows : layout.columns) = entry.second.Scalar();
    }
    if (layout.rows.empty())
        throw InputError(locationOf(node, file), "layout.rows", "a layout needs rows: KEY");
    layout.name = layout.columns.empty() ? "rows" : "grid";
    return layout;
}

// A whole number in [low, high] at `node`, else an error naming `key` and the range.
long long readWhole(const YAML::Node& node, const std::string& file, const std::string& key,
                    long long low, long long high) {
    long long value = 0;
    char rest = 0;
    if (!node.IsScalar() || std::sscanf(node.Scalar().c_str(), "%lld%c", &value, &rest) != 1 ||
        value < low || value > high)
        throw InputError(locationOf(node, file), key,
                         "expected a whole number from " + std::to_string(low) + " to " +
                             std::to_string(high));
    return value;
}

StudyKind readKind(const YAML::Node& node, const std::string& file) {
    if (node.IsScalar() && node.Scalar() == "train")
        return StudyKind::Train;
    if (node.IsScalar() && node.Scalar() == "bench")
        return StudyKind::Bench;
    throw InputError(locationOf(node, file), "kind",
                     "expected train (each cell trained and evaluated) or bench (each cell's "
                     "training step timed)" +
                         (node.IsScalar() ? didYouMean(node.Scalar(), {"train", "bench"}) : ""));
}

// bench: {iterations: N, warmup: N, memory_cap_mb: N}, the bench verb's options of each cell.
StudyBenchSettings readBenchSettings(const YAML::Node& node, const std::string& file) {
    if (!node.IsMap())
        throw InputError(locationOf(node, file), "bench",
                         "expected {iterations: N, warmup: N, memory_cap_mb: N}");
    const std::vector<std::string> keys = {"iterations", "warmup", "memory_cap_mb"};
    StudyBenchSettings bench;
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        if (key == "iterations")
            bench.iterations =
                static_cast<int>(readWhole(entry.second, file, "bench.iterations", 1, 100000));
        else if (key == "warmup")
            bench.warmup = static_cast<int>(readWhole(entry.second, file, "bench.warmup", 1, 1000));
        else if (key == "memory_cap_mb")
            bench.memoryCapMb = readWhole(entry.second, file, "bench.memory_cap_mb", 0, 1 << 30);
        else
            throw InputError(locationOf(entry.first, file), "bench." + key,
                             "unknown key" + didYouMean(key, keys));
    }
    return bench;
}

// size: WxH (as `data synth --size`), each side a face can be drawn at.
void readSize(const YAML::Node& node, const std::string& file, const std::string& key, int& width,
              int& height) {
    int w = 0, h = 0;
    char rest = 0;
    if (!node.IsScalar() || std::sscanf(node.Scalar().c_str(), "%dx%d%c", &w, &h, &rest) != 2 ||
        w < kSynthMinSide || h < kSynthMinSide || w > kSynthMaxSide || h > kSynthMaxSide)
        throw InputError(locationOf(node, file), key,
                         "expected WxH with each side from " + std::to_string(kSynthMinSide) +
                             " to " + std::to_string(kSynthMaxSide) + ", e.g. 96x112");
    width = w;
    height = h;
}

// Bounded so that a hostile study file cannot ask for an astronomical amount of images.
constexpr long long kMaxDatasets = 64;
constexpr long long kMaxSynthIdentities = 1000000;
constexpr long long kMaxSynthImagesPerIdentity = 10000;

// datasets: {FOLDER: {identities: N, images_per_identity: N, test_identities: N, seed: N,
// size: WxH}}, each checked as `data synth` checks its options.
std::vector<StudyDataset> readDatasets(const YAML::Node& node, const std::string& file) {
    if (!node.IsMap() || node.size() == 0)
        throw InputError(locationOf(node, file), "datasets",
                         "expected a mapping of folders to synthetic set options, e.g. "
                         "runs/synth-broad: {identities: 400, images_per_identity: 10}");
    if (static_cast<long long>(node.size()) > kMaxDatasets)
        throw InputError(locationOf(node, file), "datasets",
                         "more than " + std::to_string(kMaxDatasets) + " data sets");
    const std::vector<std::string> keys = {"identities", "images_per_identity", "test_identities",
                                           "seed", "size"};
    std::vector<StudyDataset> datasets;
    std::set<std::string> folders;
    for (const auto& entry : node) {
        const std::string folder = entry.first.Scalar();
        const std::string where = "datasets." + folder;
        if (folder.empty())
            throw InputError(locationOf(entry.first, file), "datasets", "expected a folder");
        if (!folders.insert(fs::path(folder).lexically_normal().string()).second)
            throw InputError(locationOf(entry.first, file), where, "duplicate folder");
        StudyDataset dataset;
        dataset.options.outDir = folder;
        dataset.options.seed = 1;
        dataset.where = locationOf(entry.first, file);
        if (!entry.second.IsNull() && !entry.second.IsMap())
            throw InputError(locationOf(entry.second, file), where,
                             "expected {identities: N, images_per_identity: N, ...} or {}");
        for (const auto& option : entry.second) {
            const std::string key = option.first.Scalar();
            const std::string name = where + "." + key;
            SynthOptions& o = dataset.options;
            if (key == "identities")
                o.identities =
                    static_cast<int>(readWhole(option.second, file, name, 1, kMaxSynthIdentities));
            else if (key == "images_per_identity")
                o.imagesPerIdentity = static_cast<int>(
                    readWhole(option.second, file, name, 1, kMaxSynthImagesPerIdentity));
            else if (key == "test_identities")
                o.testIdentities = static_cast<int>(readWhole(
                    option.second, file, name, kSynthMinTestIdentities, kMaxSynthIdentities));
            else if (key == "seed")
                o.seed = static_cast<std::uint64_t>(
                    readWhole(option.second, file, name, 0, 4294967295LL));
            else if (key == "size")
                readSize(option.second, file, name, o.width, o.height);
            else
                throw InputError(locationOf(option.first, file), name,
                                 "unknown key" + didYouMean(key, keys));
        }
        datasets.push_back(std::move(dataset));
    }
    return datasets;
}

// "head.type=arcface+head.m=0.3" with characters unsafe in a folder name replaced by '_'.
std::string slugOf(const std::vector<StudySetting>& settings) {
    std::string slug;
    for (const StudySetting& setting : settings) {
        if (!slug.empty())
            slug += '+';
        for (const char c : setting.assignment()) {
            const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '.' || c == '=' || c == '-' ||
                              c == '_';
            if (safe)
                slug += c;
            else if (slug.empty() || slug.back() != '_')
                slug += '_';
        }
    }
    if (slug.empty())
        return "base";
    return slug.size() > 80 ? slug.substr(0, 80) : slug;
}

// FNV-1a: stable across platforms and releases, unlike std::hash.
std::string shortHash(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ull;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return std::string(hex, 6);
}

// The config text a cell's hash and the duplicate check see: where it is written is not part
// of what it is.
std::string identityText(ExperimentConfig config) {
    config.output.dir.clear();
    config.output.name.clear();
    return toYaml(config);
}

// Resolves base + settings + CLI overrides; an error about a setting names its line.
ExperimentConfig resolveCell(const BaseConfig& base, const std::vector<StudySetting>& settings,
                             const std::vector<std::string>& overrides,
                             const SourceLocation& cellWhere) {
    std::vector<std::string> assignments;
    std::string baseText = base.text;
    for (const StudySetting& setting : settings) {
        if (setting.key != "preset") {
            assignments.push_back(setting.assignment());
            continue;
        }
        // A cell's own preset (models-full.yaml: each network with its Table 2 row) replaces a
        // base that is a preset; over a config file it would be ambiguous.
        if (!base.isPreset)
            throw InputError(setting.where, "preset",
                             "a cell can set preset only when the base is a preset");
        try {
            findPreset(setting.value);
        } catch (const InputError& error) {
            throw InputError(setting.where, "preset", error.problem());
        }
        baseText = "preset: " + setting.value + "\n";
    }
    assignments.insert(assignments.end(), overrides.begin(), overrides.end());
    try {
        return parseExperimentConfig(baseText, base.source, assignments);
    } catch (const InputError& error) {
        const std::string& origin = error.where().file;
        for (auto setting = settings.rbegin(); setting != settings.rend(); ++setting)
            if (origin == "--set " + setting->assignment() ||
                (origin.rfind("--set ", 0) != 0 && error.key() == setting->key))
                throw InputError(setting->where, setting->key, error.problem());
        if (origin.rfind("--set ", 0) == 0)
            throw;
        // A rule across keys the cell's settings broke (a base that loads alone).
        throw InputError(cellWhere, error.key(), error.problem() + " (in this cell)");
    }
}

} // namespace

Study parseStudy(const std::string& yamlText, const std::string& sourceName,
                 const std::string& baseDir, const std::vector<std::string>& overrides) {
    const YAML::Node root = parseYamlText(yamlText, sourceName);
    if (!root.IsMap())
        throw InputError(locationOf(root, sourceName), "",
                         "expected a mapping of study keys (name, base, axes, ...)");
    Study study;
    study.file = sourceName;
    study.text = yamlText;
    study.name = fs::path(sourceName).stem().string();

    std::set<std::string> seen;
    for (const auto& entry : root) {
        const std::string key = entry.first.Scalar();
        if (std::find(kStudyKeys.begin(), kStudyKeys.end(), key) == kStudyKeys.end())
            throw InputError(locationOf(entry.first, sourceName), key,
                             "unknown key" + didYouMean(key, kStudyKeys));
        if (!seen.insert(key).second)
            throw InputError(locationOf(entry.first, sourceName), key, "duplicate key");
    }
    if (!root["base"])
        throw InputError(SourceLocation{sourceName}, "base",
                         "a study needs a base: a preset name or a config file");
    if (const YAML::Node name = root["name"]) {
        if (!name.IsScalar() || name.Scalar().empty())
            throw InputError(locationOf(name, sourceName), "name", "expected a name");
        study.name = name.Scalar();
    }
    BaseConfig base = readBase(root["base"], sourceName, baseDir);
    if (const YAML::Node protocols = root["protocols"]) {
        if (!protocols.IsSequence() || protocols.size() == 0)
            throw InputError(locationOf(protocols, sourceName), "protocols",
                             "expected a list of protocols, e.g. [lfw]");
        for (const YAML::Node& protocol : protocols)
            study.protocols.push_back(protocol.Scalar());
        // Checked by the config's own rules for eval.protocols.
        base.settings.insert(
            base.settings.begin(),
            StudySetting{"eval.protocols", flowText(protocols), locationOf(protocols, sourceName)});
    }
    if (const YAML::Node repeats = root["repeats"])
        study.repeats = readRepeats(repeats, sourceName);
    if (const YAML::Node kind = root["kind"])
        study.kind = readKind(kind, sourceName);
    if (const YAML::Node bench = root["bench"]) {
        if (study.kind != StudyKind::Bench)
            throw InputError(locationOf(bench, sourceName), "bench",
                             "bench settings need kind: bench");
        study.bench = readBenchSettings(bench, sourceName);
    }
    if (study.kind == StudyKind::Bench && root["protocols"])
        throw InputError(locationOf(root["protocols"], sourceName), "protocols",
                         "a bench study times training steps and evaluates nothing");
    if (const YAML::Node datasets = root["datasets"])
        study.datasets = readDatasets(datasets, sourceName);

    // The base alone first: an error in it names the base file's line.
    resolveCell(base, base.settings, {}, SourceLocation{sourceName});

    // The conditions: the axes' product (the last axis varies fastest), then the listed cells.
    std::vector<std::vector<StudySetting>> conditions;
    std::vector<SourceLocation> conditionWhere;
    std::set<std::string> variedKeys;
    if (const YAML::Node axes = root["axes"]) {
        if (!axes.IsMap() || axes.size() == 0)
            throw InputError(locationOf(axes, sourceName), "axes",
                             "expected a mapping of config keys to lists of values");
        conditions.push_back({});
        conditionWhere.push_back(locationOf(axes, sourceName));
        std::set<std::string> axisKeys;
        for (const auto& axis : axes) {
            const std::string key = axis.first.Scalar();
            if (!axisKeys.insert(key).second)
                throw InputError(locationOf(axis.first, sourceName), "axes." + key,
                                 "duplicate key");
            if (!axis.second.IsSequence())
                throw InputError(locationOf(axis.second, sourceName), "axes." + key,
                                 "expected a list of values, e.g. [softmax, arcface]");
            if (axis.second.size() == 0)
                throw InputError(locationOf(axis.second, sourceName), "axes." + key,
                                 "empty axis: give at least one value");
            variedKeys.insert(key);
            if (conditions.size() * axis.second.size() > kMaxCells)
                throw InputError(locationOf(axis.first, sourceName), "axes." + key,
                                 "the axes' product has more than " + std::to_string(kMaxCells) +
                                     " cells");
            std::vector<std::vector<StudySetting>> product;
            std::vector<SourceLocation> productWhere;
            for (std::size_t c = 0; c < conditions.size(); ++c)
                for (const YAML::Node& value : axis.second) {
                    product.push_back(conditions[c]);
                    product.back().push_back(settingOf(key, value, axis.first, sourceName));
                    productWhere.push_back(product.back().front().where);
                }
            conditions = std::move(product);
            conditionWhere = std::move(productWhere);
        }
    }
    if (const YAML::Node cells = root["cells"]) {
        if (!cells.IsSequence() || cells.size() == 0)
            throw InputError(locationOf(cells, sourceName), "cells",
                             "expected a list of cells, each a mapping of config keys to values");
        for (const YAML::Node& cell : cells) {
            conditions.push_back(settingsOf(cell, "cells", sourceName));
            conditionWhere.push_back(locationOf(cell, sourceName));
            for (const StudySetting& setting : conditions.back())
                variedKeys.insert(setting.key);
        }
    }
    if (conditions.empty()) { // a base alone, repeated: the noise of the setup
        conditions.push_back({});
        conditionWhere.push_back(locationOf(root["base"], sourceName));
    }

    if (conditions.size() * static_cast<std::size_t>(study.repeats) > kMaxCells)
        throw InputError(locationOf(root["repeats"] ? root["repeats"] : root["base"], sourceName),
                         "repeats",
                         "the study has more than " + std::to_string(kMaxCells) +
                             " cells (conditions x repeats)");
    if (const YAML::Node layout = root["layout"]) {
        study.layout = readLayout(layout, sourceName);
        for (const std::string& key : {study.layout.rows, study.layout.columns})
            if (!key.empty() && !variedKeys.count(key))
                throw InputError(locationOf(layout, sourceName), "layout",
                                 "the layout's " +
                                     std::string(key == study.layout.rows ? "rows" : "columns") +
                                     " follow " + key + ", but no axis or cell sets " + key);
    } else if (!variedKeys.empty()) {
        study.layout = {
            "rows",
            conditions.front().empty() ? *variedKeys.begin() : conditions.front().front().key, ""};
    }

    std::map<std::string, std::string> seenConfigs; // identity text -> cell id
    for (std::size_t c = 0; c < conditions.size(); ++c) {
        std::vector<StudySetting> settings = base.settings;
        settings.insert(settings.end(), conditions[c].begin(), conditions[c].end());
        const ExperimentConfig resolved = resolveCell(base, settings, overrides, conditionWhere[c]);
        for (int repeat = 0; repeat < study.repeats; ++repeat) {
            StudyCell cell;
            cell.settings = conditions[c];
            cell.condition = slugOf(conditions[c]);
            cell.repeat = repeat;
            cell.config = resolved;
            // Each repeat its own seed (and so its own initialisation and batch order).
            cell.config.train.seed += repeat;
            const std::string identity = identityText(cell.config);
            cell.id = cell.condition + "-r" + std::to_string(repeat) + "-" + shortHash(identity);
            const auto [same, isNew] = seenConfigs.emplace(identity, cell.id);
            if (!isNew)
                throw InputError(conditionWhere[c],
                                 conditions[c].empty() ? "" : conditions[c].front().key,
                                 "this cell resolves to the same config as cell " + same->second);
            study.cells.push_back(std::move(cell));
        }
    }
    return study;
}

Study loadStudy(const std::string& path, const std::vector<std::string>& overrides) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the study file");
    std::ostringstream text;
    text << in.rdbuf();
    const fs::path parent = fs::path(path).parent_path();
    return parseStudy(text.str(), path, parent.empty() ? "." : parent.string(), overrides);
}

namespace {

std::string firstDifference(const YAML::Node& a, const YAML::Node& b, const std::string& path) {
    if (a.Type() != b.Type())
        return path;
    if (a.IsScalar())
        return a.Scalar() == b.Scalar() ? "" : path;
    const auto join = [&](const std::string& key) { return path.empty() ? key : path + "." + key; };
    if (a.IsSequence()) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
            const std::string inner =
                firstDifference(a[i], b[i], path + "[" + std::to_string(i) + "]");
            if (!inner.empty())
                return inner;
        }
        return a.size() == b.size() ? "" : path;
    }
    if (a.IsMap()) {
        std::vector<std::string> keys;
        for (const auto& entry : b)
            keys.push_back(entry.first.Scalar());
        for (const auto& entry : a)
            if (std::find(keys.begin(), keys.end(), entry.first.Scalar()) == keys.end())
                keys.push_back(entry.first.Scalar());
        for (const std::string& key : keys) {
            if (!a[key] || !b[key])
                return join(key);
            const std::string inner = firstDifference(a[key], b[key], join(key));
            if (!inner.empty())
                return inner;
        }
    }
    return "";
}

} // namespace

std::string firstDifferingStudyKey(const std::string& oldText, const std::string& newText) {
    try {
        const std::string key = firstDifference(YAML::Load(oldText), YAML::Load(newText), "");
        return key;
    } catch (const YAML::Exception&) {
        return oldText == newText ? "" : "(the file)";
    }
}

} // namespace fb
