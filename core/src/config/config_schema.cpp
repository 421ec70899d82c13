#include "config/config_schema.h"

#include "config/style_names.h"
#include "facebench/model_catalog.h"
#include "util/did_you_mean.h"
#include "util/real_text.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <type_traits>

namespace fb::detail {

namespace {

std::optional<std::int64_t> parseInteger(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || end != text.c_str() + text.size())
        return std::nullopt;
    return value;
}

std::optional<double> parseReal(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double value = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<bool> parseBoolean(const std::string& text) {
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    return std::nullopt;
}

// Strict UTF-8 (RFC 3629): no overlong forms, surrogates or code points above U+10FFFF.
bool isUtf8(const std::string& text) {
    const auto byte = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = byte(i);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xbf; // the allowed range of the second byte
        if (lead < 0x80) {
            ++i;
            continue;
        } else if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80;  // overlong
            high = lead == 0xed ? 0x9f : 0xbf; // surrogates
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : 0x80;  // overlong
            high = lead == 0xf4 ? 0x8f : 0xbf; // above U+10FFFF
        } else {
            return false;
        }
        if (text.size() - i < length || byte(i + 1) < low || byte(i + 1) > high)
            return false;
        for (std::size_t k = 2; k < length; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xbf)
                return false;
        i += length;
    }
    return true;
}

// A plain scalar: quoted YAML scalars ("50") carry the tag "!" and are text, never numbers.
bool isPlainScalar(const YAML::Node& node) {
    return node.IsScalar() && node.Tag() != "!";
}

// How a wrong value is shown: quoted YAML text is named as such, since "32" looks like a number.
std::string quotedForMessage(const YAML::Node& value) {
    if (isPlainScalar(value))
        return "'" + value.Scalar() + "'";
    return "the quoted text \"" + value.Scalar() + "\" (remove the quotes)";
}

// --- conversions between struct members and YAML nodes, one overload per member type ---

YAML::Node toNode(const std::string& value) {
    return YAML::Node(value);
}
YAML::Node toNode(std::int64_t value) {
    return YAML::Node(std::to_string(value));
}
YAML::Node toNode(double value) {
    return YAML::Node(realToText(value));
}
YAML::Node toNode(bool value) {
    return YAML::Node(value ? "true" : "false");
}
template <class Style, std::enable_if_t<std::is_enum_v<Style>, int> = 0>
YAML::Node toNode(Style value) {
    return YAML::Node(std::string(styleName(value)));
}
template <class T> YAML::Node toNode(const std::vector<T>& values) {
    YAML::Node node(YAML::NodeType::Sequence);
    for (const T& value : values)
        node.push_back(toNode(value));
    return node;
}

void fromNode(const YAML::Node& node, std::string& out) {
    out = node.Scalar();
}
void fromNode(const YAML::Node& node, std::int64_t& out) {
    out = *parseInteger(node.Scalar());
}
void fromNode(const YAML::Node& node, double& out) {
    out = *parseReal(node.Scalar());
}
void fromNode(const YAML::Node& node, bool& out) {
    out = *parseBoolean(node.Scalar());
}
template <class Style, std::enable_if_t<std::is_enum_v<Style>, int> = 0>
void fromNode(const YAML::Node& node, Style& out) {
    styleFromName(node.Scalar(), out);
}
template <class T> void fromNode(const YAML::Node& node, std::vector<T>& out) {
    out.clear();
    for (const YAML::Node& element : node) {
        T value{};
        fromNode(element, value);
        out.push_back(value);
    }
}

struct Limits {
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool minExclusive = false;
};
constexpr double kInf = std::numeric_limits<double>::infinity();
Limits atLeast(double min) {
    return {min, kInf, false};
}
Limits above(double min) {
    return {min, kInf, true};
}
Limits between(double min, double max) {
    return {min, max, false};
}
Limits aboveUpTo(double min, double max) {
    return {min, max, true};
}

template <class Section, class T>
FieldSpec field(const char* section, const char* key, Section ExperimentConfig::*sectionMember,
                T Section::*member, ValueKind kind, Limits limits = {},
                std::vector<std::string> choices = {}, std::size_t listLength = 0) {
    FieldSpec spec;
    spec.section = section;
    spec.key = key;
    spec.kind = kind;
    spec.choices = std::move(choices);
    spec.min = limits.min;
    spec.max = limits.max;
    spec.minExclusive = limits.minExclusive;
    spec.listLength = listLength;
    spec.get = [=](const ExperimentConfig& config) {
        return toNode(config.*sectionMember.*member);
    };
    spec.set = [=](ExperimentConfig& config, const YAML::Node& node) {
        fromNode(node, config.*sectionMember.*member);
    };
    return spec;
}

using V = ValueKind;
using C = ExperimentConfig;

// A part of the style: one of its names, or "auto" for the framework's own (Tables 11-12).
template <class Style> FieldSpec styleField(const char* key, Style StyleConfig::*member) {
    std::vector<std::string> choices{"auto"};
    for (const std::string& name : styleNameList<Style>())
        choices.push_back(name);
    FieldSpec spec = field("style", key, &C::style, member, ValueKind::Choice, {}, choices);
    spec.autoDerived = true;
    return spec;
}

std::vector<FieldSpec> buildSchema() {
    const double maxCount = 1e12;
    return {
        field("data", "train", &C::data, &DataConfig::train, V::Text),
        field("data", "val", &C::data, &DataConfig::val, V::Text),
        field("data", "format", &C::data, &DataConfig::format, V::Choice, {},
              {"auto", "imagefolder", "list", "lfw", "recordio"}),
        field("data", "image_size", &C::data, &DataConfig::imageSize, V::IntegerList,
              between(8, 4096), {}, 2),
        field("data", "input_size", &C::data, &DataConfig::inputSize, V::IntegerList,
              between(8, 4096), {}, 2),
        field("data", "workers", &C::data, &DataConfig::workers, V::Integer, between(0, 256)),
        field("data", "val_split", &C::data, &DataConfig::valSplit, V::Real, between(0, 0.9)),
        field("data", "synthetic", &C::data, &DataConfig::synthetic, V::Boolean),

        field("model", "name", &C::model, &ModelConfig::name, V::Choice, {}, modelNames()),
        field("model", "weights", &C::model, &ModelConfig::weights, V::Text),
        field("model", "aux_logits", &C::model, &ModelConfig::auxLogits, V::Boolean),

        field("head", "type", &C::head, &HeadConfig::type, V::Choice, {},
              {"softmax", "center", "sphereface", "cosface", "arcface", "combined",
               "curricularface", "adaface"}),
        field("head", "s", &C::head, &HeadConfig::s, V::Real, aboveUpTo(0, 1024)),
        field("head", "m", &C::head, &HeadConfig::m, V::Real, between(0, 4)),
        // combined: cos(m1 theta + m2) - m3 (ArcFace's paper trains (1, 0.3, 0.2) and
        // (0.9, 0.4, 0.15)); m2 an angle below pi, m3 a cosine (at most 1).
        field("head", "m1", &C::head, &HeadConfig::m1, V::Real, aboveUpTo(0, 4)),
        field("head", "m2", &C::head, &HeadConfig::m2, V::Real, between(0, 3)),
        field("head", "m3", &C::head, &HeadConfig::m3, V::Real, between(0, 1)),
        // adaface: the margin scaler clip(h (||x|| - mean) / std, -1, 1) (Kim et al. 2022)
        field("head", "h", &C::head, &HeadConfig::adaH, V::Real, aboveUpTo(0, 1)),
        // 0 freezes the statistics at their start values, 1 keeps only the last batch's.
        field("head", "t_alpha", &C::head, &HeadConfig::tAlpha, V::Real, between(0, 1)),
        field("head", "center_lambda", &C::head, &HeadConfig::centerLambda, V::Real,
              between(0, 1e3)),
        field("head", "center_alpha", &C::head, &HeadConfig::centerAlpha, V::Real, between(0, 1)),
        field("head", "sphere_lambda_base", &C::head, &HeadConfig::sphereLambdaBase, V::Real,
              atLeast(0)),
        field("head", "sphere_lambda_gamma", &C::head, &HeadConfig::sphereLambdaGamma, V::Real,
              atLeast(0)),
        field("head", "sphere_lambda_power", &C::head, &HeadConfig::sphereLambdaPower, V::Real,
              atLeast(0)),
        field("head", "sphere_lambda_min", &C::head, &HeadConfig::sphereLambdaMin, V::Real,
              atLeast(0)),

        field("optim", "type", &C::optim, &OptimConfig::type, V::Choice, {}, {"sgd"}),
        field("optim", "momentum", &C::optim, &OptimConfig::momentum, V::Real, between(0, 1)),
        field("optim", "weight_decay", &C::optim, &OptimConfig::weightDecay, V::Real,
              between(0, 1)),
        field("optim", "no_decay_bn_bias", &C::optim, &OptimConfig::noDecayBnBias, V::Boolean),

        field("schedule", "form", &C::schedule, &ScheduleConfig::form, V::Choice, {},
              {"step", "multistep", "poly", "constant"}),
        field("schedule", "base_lr", &C::schedule, &ScheduleConfig::baseLr, V::Real,
              aboveUpTo(0, 100)),
        field("schedule", "gamma", &C::schedule, &ScheduleConfig::gamma, V::Real, aboveUpTo(0, 1)),
        field("schedule", "every_epochs", &C::schedule, &ScheduleConfig::everyEpochs, V::Integer,
              between(1, maxCount)),
        field("schedule", "milestones", &C::schedule, &ScheduleConfig::milestones, V::IntegerList,
              between(1, maxCount)),
        field("schedule", "power", &C::schedule, &ScheduleConfig::power, V::Real,
              aboveUpTo(0, 100)),
        field("schedule", "warmup_iterations", &C::schedule, &ScheduleConfig::warmupIterations,
              V::Integer, between(0, maxCount)),

        field("train", "batch_size", &C::train, &TrainConfig::batchSize, V::Integer,
              between(1, 1 << 20)),
        field("train", "epochs", &C::train, &TrainConfig::epochs, V::Integer, between(0, 1e6)),
        field("train", "iterations", &C::train, &TrainConfig::iterations, V::Integer,
              between(0, maxCount)),
        field("train", "seed", &C::train, &TrainConfig::seed, V::Integer, between(0, 4294967295.0)),
        field("train", "num_classes", &C::train, &TrainConfig::numClasses, V::Integer,
              between(0, 1e8)),
        field("train", "log_every", &C::train, &TrainConfig::logEvery, V::Integer,
              between(1, maxCount)),
        field("train", "checkpoint_every", &C::train, &TrainConfig::checkpointEvery, V::Integer,
              between(0, maxCount)),
        field("train", "val_every", &C::train, &TrainConfig::valEvery, V::Integer,
              between(0, maxCount)),
        field("train", "freeze_bn", &C::train, &TrainConfig::freezeBn, V::Boolean),

        // Checked at load time: each file exists, and no two share a name (their metrics would).
        field("val", "bin", &C::val, &ValConfig::bin, V::TextList),

        field("eval", "protocols", &C::eval, &EvalConfig::protocols, V::ChoiceList, {},
              {"lfw", "pairs", "templates", "cross-quality", "dfw", "tracks"}),
        field("eval", "data", &C::eval, &EvalConfig::data, V::Text),
        field("eval", "batch_size", &C::eval, &EvalConfig::batchSize, V::Integer,
              between(1, 1 << 20)),
        field("eval", "flip", &C::eval, &EvalConfig::flip, V::Choice, {},
              {"none", "sum", "concat"}),
        field("eval", "far", &C::eval, &EvalConfig::far, V::RealList, aboveUpTo(0, 1)),
        field("eval", "template_matrix", &C::eval, &EvalConfig::templateMatrix, V::Choice, {},
              {"probe-gallery", "symmetric"}),

        field("device", "name", &C::device, &DeviceConfig::name, V::Text),
        field("device", "threads", &C::device, &DeviceConfig::threads, V::Integer,
              between(0, 1024)),
        field("device", "amp", &C::device, &DeviceConfig::amp, V::Boolean),
        field("device", "cudnn_benchmark", &C::device, &DeviceConfig::cudnnBenchmark, V::Boolean),

        field("style", "framework", &C::style, &StyleConfig::framework, V::Choice, {},
              styleNameList<Framework>()),
        // Besides a framework (Table 11's row for the model in it), a row by name.
        styleField("preprocess", &StyleConfig::preprocess),
        styleField("init", &StyleConfig::init),
        styleField("last_batch", &StyleConfig::lastBatch),
        styleField("memory_format", &StyleConfig::memoryFormat),

        field("output", "dir", &C::output, &OutputConfig::dir, V::Text),
        field("output", "name", &C::output, &OutputConfig::name, V::Text),
        field("output", "tensorboard", &C::output, &OutputConfig::tensorboard, V::Boolean),
    };
}

std::string describeRange(const FieldSpec& spec) {
    const bool hasMax = std::isfinite(spec.max);
    const std::string low = realToText(spec.min);
    if (spec.minExclusive)
        return hasMax ? "greater than " + low + " and at most " + realToText(spec.max)
                      : "greater than " + low;
    return hasMax ? "between " + low + " and " + realToText(spec.max) : "at least " + low;
}

std::string joinChoices(const std::vector<std::string>& choices) {
    std::string text;
    for (const std::string& choice : choices)
        text += (text.empty() ? "" : ", ") + choice;
    return text;
}

// A list element's own location, when the list's location came from a file.
SourceLocation elementLocation(const YAML::Node& element, const SourceLocation& list) {
    const YAML::Mark mark = element.Mark();
    if (list.line == 0 || mark.is_null())
        return list;
    return {list.file, mark.line + 1, mark.column + 1};
}

// Checks one scalar against the element kind of `spec` (lists check each element).
void checkScalar(const FieldSpec& spec, ValueKind kind, const YAML::Node& value,
                 const SourceLocation& where) {
    const auto fail = [&](const std::string& problem) {
        throw InputError(where, spec.path(), problem);
    };
    if (!value.IsDefined() || value.IsNull())
        fail("has no value");
    if (!value.IsScalar())
        fail("expected a single value, not a " + std::string(value.IsMap() ? "mapping" : "list"));
    const std::string& text = value.Scalar();

    double number = 0;
    switch (kind) {
    case ValueKind::Text:
    case ValueKind::TextList:
        // YAML is Unicode text (yaml-cpp passes stray bytes through); text that is not UTF-8
        // could not be written to the config's JSON form (`config check --json`) or shown.
        if (!isUtf8(text))
            fail("is not valid UTF-8 text (save the file as UTF-8)");
        return;
    case ValueKind::Choice:
    case ValueKind::ChoiceList:
        if (std::find(spec.choices.begin(), spec.choices.end(), text) == spec.choices.end())
            fail("unknown value '" + text + "'" + didYouMean(text, spec.choices) +
                 " (one of: " + joinChoices(spec.choices) + ")");
        return;
    case ValueKind::Boolean:
        if (!isPlainScalar(value) || !parseBoolean(text))
            fail("expected true or false, got " + quotedForMessage(value));
        return;
    case ValueKind::Integer:
    case ValueKind::IntegerList: {
        const std::optional<std::int64_t> parsed =
            isPlainScalar(value) ? parseInteger(text) : std::nullopt;
        if (!parsed)
            fail("expected a whole number, got " + quotedForMessage(value));
        number = static_cast<double>(*parsed);
        break;
    }
    case ValueKind::Real:
    case ValueKind::RealList: {
        const std::optional<double> parsed = isPlainScalar(value) ? parseReal(text) : std::nullopt;
        if (!parsed)
            fail("expected a finite number, got " + quotedForMessage(value));
        number = *parsed;
        break;
    }
    }
    const bool belowMin = spec.minExclusive ? number <= spec.min : number < spec.min;
    if (belowMin || number > spec.max)
        fail("value " + text + " is out of range: must be " + describeRange(spec));
}

} // namespace

const std::vector<FieldSpec>& configSchema() {
    static const std::vector<FieldSpec> schema = buildSchema();
    return schema;
}

const FieldSpec* findField(const std::string& path) {
    for (const FieldSpec& spec : configSchema())
        if (spec.path() == path)
            return &spec;
    return nullptr;
}

std::vector<std::string> sectionNames() {
    std::vector<std::string> names;
    for (const FieldSpec& spec : configSchema())
        if (std::find(names.begin(), names.end(), spec.section) == names.end())
            names.push_back(spec.section);
    return names;
}

std::vector<std::string> fieldPaths() {
    std::vector<std::string> paths;
    for (const FieldSpec& spec : configSchema())
        paths.push_back(spec.path());
    return paths;
}

std::string scalarShorthand(const std::string& section) {
    if (section == "style")
        return "style.framework";
    if (section == "device")
        return "device.name";
    return {};
}

void checkValue(const FieldSpec& spec, const YAML::Node& value, const SourceLocation& where) {
    const bool isList = spec.kind == ValueKind::IntegerList || spec.kind == ValueKind::RealList ||
                        spec.kind == ValueKind::ChoiceList || spec.kind == ValueKind::TextList;
    if (!isList) {
        checkScalar(spec, spec.kind, value, where);
        return;
    }
    if (!value.IsSequence())
        throw InputError(where, spec.path(),
                         spec.kind == ValueKind::TextList ? "expected a list such as [a, b]"
                                                          : "expected a list such as [1, 2]");
    if (spec.listLength != 0 && value.size() != spec.listLength)
        throw InputError(where, spec.path(),
                         "expected a list of " + std::to_string(spec.listLength) + " values, got " +
                             std::to_string(value.size()));
    for (const YAML::Node& element : value)
        checkScalar(spec, spec.kind, element, elementLocation(element, where));
}

} // namespace fb::detail
