// Writes a resolved ExperimentConfig with every key, in schema order (docs/ARCHITECTURE.md: the run
// directory's config.yaml holds "the fully resolved config, every default written out").
#include "config/config_schema.h"
#include "facebench/experiment_config.h"
#include "facebench/version.h"

#include <nlohmann/json.hpp>

namespace fb {

using detail::FieldSpec;
using detail::ValueKind;

namespace {

nlohmann::ordered_json scalarToJson(ValueKind kind, const YAML::Node& node) {
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::IntegerList:
        return node.as<std::int64_t>();
    case ValueKind::Real:
    case ValueKind::RealList:
        return node.as<double>();
    case ValueKind::Boolean:
        return node.Scalar() == "true";
    default:
        return node.Scalar();
    }
}

nlohmann::ordered_json fieldToJson(const FieldSpec& spec, const YAML::Node& node) {
    if (!node.IsSequence())
        return scalarToJson(spec.kind, node);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const YAML::Node& element : node)
        list.push_back(scalarToJson(spec.kind, element));
    return list;
}

} // namespace

std::string toYaml(const ExperimentConfig& config) {
    YAML::Emitter out;
    out.SetSeqFormat(YAML::Flow);
    out << YAML::Comment("FaceBench " + facebenchVersion() +
                         " resolved experiment config: every key written out");
    out << YAML::BeginMap;
    if (!config.preset.empty())
        out << YAML::Key << "preset" << YAML::Value << config.preset;
    std::string section;
    for (const FieldSpec& spec : detail::configSchema()) {
        if (spec.section != section) {
            if (!section.empty())
                out << YAML::EndMap;
            section = spec.section;
            out << YAML::Key << section << YAML::Value << YAML::BeginMap;
        }
        const YAML::Node value = spec.get(config);
        out << YAML::Key << spec.key << YAML::Value;
        // Text that YAML would read as another type ("", "123", "true") is quoted.
        if (spec.kind == ValueKind::Text)
            out << YAML::DoubleQuoted << value.Scalar();
        else
            out << value;
    }
    out << YAML::EndMap << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

std::string toJson(const ExperimentConfig& config, int indent) {
    nlohmann::ordered_json root = nlohmann::ordered_json::object();
    if (!config.preset.empty())
        root["preset"] = config.preset;
    for (const FieldSpec& spec : detail::configSchema())
        root[spec.section][spec.key] = fieldToJson(spec, spec.get(config));
    return root.dump(indent);
}

} // namespace fb
