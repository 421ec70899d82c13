// Resolution of an ExperimentConfig from layers: built-in defaults, then the preset the file
// names, then the file, then each --set override. A later layer wins key by key.
#include "config/config_schema.h"
#include "facebench/experiment_config.h"
#include "facebench/model_catalog.h"
#include "facebench/presets.h"
#include "util/did_you_mean.h"
#include "util/real_text.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fb {

using detail::FieldSpec;

namespace {

constexpr double kPi = 3.14159265358979323846;

SourceLocation locationOf(const YAML::Node& node, const std::string& file) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

// Keys whose default depends on another key. When a layer sets the controlling key but not a
// dependent, the dependent goes back to its derived default, so that, for example,
// `--set head.type=cosface` on an arcface preset gets cosface's margin, not arcface's.
const std::map<std::string, std::vector<std::string>>& dependentKeys() {
    static const std::map<std::string, std::vector<std::string>> dependents = {
        {"head.type", {"head.m"}},
        {"model.name", {"data.input_size", "data.image_size"}},
        {"style.framework",
         {"style.preprocess", "style.init", "style.last_batch", "style.memory_format"}},
    };
    return dependents;
}

class ConfigResolver {
public:
    explicit ConfigResolver(const ExperimentConfig& start) : m_config(start) {}

    // Applies one layer: a YAML mapping of sections (a preset or the user's file).
    void applyDocument(const YAML::Node& root, const std::string& file) {
        beginLayer();
        std::set<std::string> seenSections;
        for (const auto& entry : root) {
            const std::string section = entry.first.Scalar();
            const SourceLocation where = locationOf(entry.first, file);
            if (!seenSections.insert(section).second)
                throw InputError(where, section, "duplicate key");
            if (section == "preset")
                continue; // handled by the caller before this layer
            const std::vector<std::string> sections = detail::sectionNames();
            if (std::find(sections.begin(), sections.end(), section) == sections.end()) {
                std::vector<std::string> topLevel = sections;
                topLevel.push_back("preset");
                throw InputError(where, section, "unknown key" + didYouMean(section, topLevel));
            }
            const YAML::Node& body = entry.second;
            const std::string shorthand = detail::scalarShorthand(section);
            if (body.IsScalar() && !shorthand.empty()) {
                applyValue(*detail::findField(shorthand), body, locationOf(body, file));
                continue;
            }
            if (!body.IsMap())
                throw InputError(locationOf(body, file), section,
                                 "expected a mapping of keys (for example '" + section +
                                     ":' followed by indented 'key: value' lines)");
            std::set<std::string> seenKeys;
            for (const auto& item : body) {
                const std::string path = section + "." + item.first.Scalar();
                const SourceLocation keyWhere = locationOf(item.first, file);
                if (!seenKeys.insert(path).second)
                    throw InputError(keyWhere, path, "duplicate key");
                const FieldSpec* spec = detail::findField(path);
                if (!spec)
                    throw InputError(keyWhere, path,
                                     "unknown key" + didYouMean(path, detail::fieldPaths()));
                // A key without a value has no mark of its own: point at the key.
                const YAML::Node& value = item.second;
                applyValue(*spec, value, value.IsNull() ? keyWhere : locationOf(value, file));
            }
        }
        endLayer();
    }

    // Applies "a.b=value" as a layer of its own.
    void applyOverride(const std::string& assignment) {
        const std::string origin = "--set " + assignment;
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0)
            throw InputError(SourceLocation{origin}, "",
                             "expected KEY=VALUE, e.g. train.batch_size=32");
        const std::string path = assignment.substr(0, equals);
        const std::string shorthand = detail::scalarShorthand(path);
        const FieldSpec* spec = detail::findField(shorthand.empty() ? path : shorthand);
        if (!spec)
            throw InputError(SourceLocation{origin}, path,
                             "unknown key" + didYouMean(path, detail::fieldPaths()));
        YAML::Node value;
        try {
            value = YAML::Load(assignment.substr(equals + 1));
        } catch (const YAML::Exception& error) {
            throw InputError(SourceLocation{origin}, path, "cannot read the value: " + error.msg);
        }
        beginLayer();
        applyValue(*spec, value, SourceLocation{origin});
        endLayer();
    }

    // Fills in derived defaults and checks rules that span several keys.
    ExperimentConfig finish(const std::string& defaultFile) {
        resolveDerivedDefaults();
        checkCrossFieldRules(m_config, [&](const std::string& path) {
            const auto found = m_origins.find(path);
            return found != m_origins.end() ? found->second : SourceLocation{defaultFile};
        });
        return m_config;
    }

    // Rules between keys, shared with validateExperimentConfig(). `where` gives the location
    // that set a key.
    template <class Where>
    static void checkCrossFieldRules(const ExperimentConfig& config, Where where) {
        const auto fail = [&](const std::string& path, const std::string& problem) {
            throw InputError(where(path), path, problem);
        };
        if (config.train.epochs == 0 && config.train.iterations == 0)
            fail("train.epochs", "the run has no length: set train.epochs or train.iterations");
        if (config.train.epochs > 0 && config.train.iterations > 0)
            fail("train.iterations", "set either train.epochs or train.iterations, not both");
        for (int axis = 0; axis < 2; ++axis)
            if (config.data.inputSize[axis] > config.data.imageSize[axis])
                fail("data.input_size", "input size " + sizeText(config.data.inputSize) +
                                            " is larger than the image size " +
                                            sizeText(config.data.imageSize));
        const HeadConfig& head = config.head;
        if (head.type == "sphereface" && (head.m != std::floor(head.m) || head.m < 1 || head.m > 4))
            fail("head.m",
                 "sphereface needs an integer margin m in 1..4 (eq. 3), got " + realToText(head.m));
        if (head.type == "cosface" && head.m > 1)
            fail("head.m", "cosface's margin m must be at most 1 (eq. 4: s (cos theta - m))");
        if ((head.type == "arcface" || head.type == "curricularface" || head.type == "adaface") &&
            head.m >= kPi)
            fail("head.m",
                 head.type + "'s angular margin m must be below pi (eq. 5: cos(theta + m))");
        const ScheduleConfig& schedule = config.schedule;
        if (schedule.form == "multistep") {
            if (schedule.milestones.empty())
                fail("schedule.milestones", "the multistep schedule needs milestones (iterations)");
            if (!std::is_sorted(schedule.milestones.begin(), schedule.milestones.end()) ||
                std::adjacent_find(schedule.milestones.begin(), schedule.milestones.end()) !=
                    schedule.milestones.end())
                fail("schedule.milestones", "milestones must be strictly increasing");
        }
        // Whether the files exist is checked when training starts (training_data.cpp), so that
        // evaluating a run whose validation sets have moved still loads its config.
        std::set<std::string> binNames;
        for (const std::string& file : config.val.bin) {
            if (!binNames.insert(std::filesystem::path(file).stem().string()).second)
                fail("val.bin", "two sets named '" + std::filesystem::path(file).stem().string() +
                                    "': their val_bin metrics would share a name");
        }
        static const std::regex devicePattern("cpu|cuda|cuda:[0-9]+");
        if (!std::regex_match(config.device.name, devicePattern))
            fail("device.name", "unknown device '" + config.device.name +
                                    "' (cpu, cuda or cuda:N with N the GPU index)");
    }

private:
    void beginLayer() { m_layerKeys.clear(); }

    void endLayer() {
        for (const auto& [controller, dependents] : dependentKeys()) {
            if (!m_layerKeys.count(controller))
                continue;
            for (const std::string& dependent : dependents)
                if (!m_layerKeys.count(dependent))
                    resetToDefault(dependent);
        }
        // Epochs and iterations are alternatives: the layer that sets one clears the other.
        const bool setEpochs = m_layerKeys.count("train.epochs") > 0;
        const bool setIterations = m_layerKeys.count("train.iterations") > 0;
        if (setEpochs && !setIterations && m_config.train.epochs > 0)
            m_config.train.iterations = 0;
        if (setIterations && !setEpochs && m_config.train.iterations > 0)
            m_config.train.epochs = 0;
    }

    void applyValue(const FieldSpec& spec, const YAML::Node& value, const SourceLocation& where) {
        detail::checkValue(spec, value, where);
        m_layerKeys.insert(spec.path());
        if (spec.autoDerived && value.Scalar() == "auto") {
            resetToDefault(spec.path()); // derived in resolveDerivedDefaults()
            return;
        }
        spec.set(m_config, value);
        m_origins[spec.path()] = where;
    }

    void resetToDefault(const std::string& path) {
        const FieldSpec& spec = *detail::findField(path);
        spec.set(m_config, spec.get(ExperimentConfig{}));
        m_origins.erase(path);
    }

    bool isSet(const std::string& path) const { return m_origins.count(path) > 0; }

    void resolveDerivedDefaults() {
        ExperimentConfig& c = m_config;
        if (!isSet("head.m")) {
            // Margins of the original papers (seed eq. 3-5 and Table 2).
            if (c.head.type == "sphereface")
                c.head.m = 4;
            else if (c.head.type == "cosface")
                c.head.m = 0.35;
            else if (c.head.type == "arcface" || c.head.type == "curricularface")
                c.head.m = 0.5; // CurricularFace (Huang et al. 2020) keeps ArcFace's margin
            else if (c.head.type == "adaface")
                c.head.m = 0.4; // AdaFace (Kim et al. 2022), its recommended setting
            else
                c.head.m = 0;
        }
        if (!isSet("data.input_size"))
            if (const ModelInfo* model = findModel(c.model.name))
                c.data.inputSize = {model->inputHeight, model->inputWidth};
        if (!isSet("data.image_size"))
            c.data.imageSize = c.data.inputSize;

        // The framework's own defaults (seed, Sections 4.1 and 4.2.3, Tables 11-12) for the
        // parts no layer set, or set to "auto".
        const StyleConfig framework = frameworkStyle(c.style.framework);
        if (!isSet("style.preprocess"))
            c.style.preprocess = framework.preprocess;
        if (!isSet("style.init"))
            c.style.init = framework.init;
        if (!isSet("style.last_batch"))
            c.style.lastBatch = framework.lastBatch;
        if (!isSet("style.memory_format"))
            c.style.memoryFormat = framework.memoryFormat;

        if (c.output.name.empty())
            c.output.name = c.preset.empty() ? c.model.name : c.preset;
    }

    static std::string sizeText(const std::vector<std::int64_t>& size) {
        return std::to_string(size[0]) + "x" + std::to_string(size[1]);
    }

    ExperimentConfig m_config;
    std::map<std::string, SourceLocation> m_origins; // who set each key last
    std::set<std::string> m_layerKeys;               // keys the current layer sets
};

YAML::Node parseYaml(const std::string& text, const std::string& sourceName) {
    try {
        return YAML::Load(text);
    } catch (const YAML::ParserException& error) {
        throw InputError(SourceLocation{sourceName, error.mark.line + 1, error.mark.column + 1}, "",
                         "YAML syntax error: " + error.msg);
    }
}

void requireMapping(const YAML::Node& root, const std::string& sourceName) {
    if (!root.IsMap() && !root.IsNull())
        throw InputError(
            locationOf(root, sourceName), "",
            "expected a mapping of sections (data, model, head, ...) at the top level");
}

} // namespace

ExperimentConfig parseExperimentConfig(const std::string& yamlText, const std::string& sourceName,
                                       const std::vector<std::string>& overrides) {
    const YAML::Node root = parseYaml(yamlText, sourceName);
    requireMapping(root, sourceName);

    // The preset is read first: it is the layer beneath the file.
    ExperimentConfig start;
    YAML::Node presetRoot;
    std::string presetOrigin;
    if (root.IsMap() && root["preset"]) {
        const YAML::Node node = root["preset"];
        const SourceLocation where = locationOf(node, sourceName);
        if (!node.IsScalar())
            throw InputError(where, "preset", "expected a preset name such as resnet50");
        const PresetInfo* preset = nullptr;
        try {
            preset = &findPreset(node.Scalar());
        } catch (const InputError& error) {
            throw InputError(where, "preset", error.problem());
        }
        start.preset = preset->name;
        presetOrigin = preset->origin;
        presetRoot = parseYaml(preset->text, presetOrigin);
        requireMapping(presetRoot, presetOrigin);
        if (presetRoot.IsMap() && presetRoot["preset"])
            throw InputError(locationOf(presetRoot["preset"], presetOrigin), "preset",
                             "a preset cannot name another preset");
    }

    ConfigResolver resolver{start};
    if (presetRoot.IsMap())
        resolver.applyDocument(presetRoot, presetOrigin);
    if (root.IsMap())
        resolver.applyDocument(root, sourceName);
    for (const std::string& assignment : overrides)
        resolver.applyOverride(assignment);
    ExperimentConfig config = resolver.finish(sourceName);
    return config;
}

ExperimentConfig loadExperimentConfig(const std::string& path,
                                      const std::vector<std::string>& overrides) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw InputError(SourceLocation{path}, "", "cannot open the config file");
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad())
        throw InputError(SourceLocation{path}, "", "cannot read the config file");
    return parseExperimentConfig(text.str(), path, overrides);
}

void validateExperimentConfig(const ExperimentConfig& config) {
    const SourceLocation where{"config"};
    for (const FieldSpec& spec : detail::configSchema())
        detail::checkValue(spec, spec.get(config), where);
    ConfigResolver::checkCrossFieldRules(config, [&](const std::string&) { return where; });
}

} // namespace fb
