#pragma once
// The schema of ExperimentConfig: one FieldSpec per YAML key, in the order the resolved config
// is written. Loading, validation and writing all walk this one table, so a key added here is
// parsed, checked, defaulted and written out everywhere at once.
#include "facebench/errors.h"
#include "facebench/experiment_config.h"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace fb::detail {

enum class ValueKind {
    Text,
    Choice,
    Integer,
    Real,
    Boolean,
    IntegerList,
    RealList,
    ChoiceList,
    TextList
};

struct FieldSpec {
    std::string section; // "model"
    std::string key;     // "name"
    ValueKind kind = ValueKind::Text;
    std::vector<std::string> choices;                      // Choice and ChoiceList
    double min = -std::numeric_limits<double>::infinity(); // numbers and list elements
    double max = std::numeric_limits<double>::infinity();
    bool minExclusive = false;
    std::size_t listLength = 0; // lists: required length, 0 = any
    // The choice "auto" sets nothing: the field keeps the value derived from other keys (the
    // style parts follow style.framework).
    bool autoDerived = false;
    // Reads the field as a YAML node (scalars as text, lists as sequences).
    std::function<YAML::Node(const ExperimentConfig&)> get;
    // Stores a node that checkValue() accepted.
    std::function<void(ExperimentConfig&, const YAML::Node&)> set;

    std::string path() const { return section + "." + key; }
};

const std::vector<FieldSpec>& configSchema();
// nullptr when the dotted path names no field.
const FieldSpec* findField(const std::string& path);
std::vector<std::string> sectionNames();
std::vector<std::string> fieldPaths();
// The key a section takes when written as a scalar ("style: caffe" sets style.framework).
std::string scalarShorthand(const std::string& section);

// Throws InputError naming spec.path() when `value` does not fit the spec. `where` is the
// value's location; list elements report their own line and column when `where` has a line.
void checkValue(const FieldSpec& spec, const YAML::Node& value, const SourceLocation& where);

} // namespace fb::detail
