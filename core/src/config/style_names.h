#pragma once
// The config file's names of the framework-style values (facebench/framework_style.h), one
// table per type, for the schema that reads and writes them (config-internal).
#include "facebench/framework_style.h"

#include <string>
#include <utility>
#include <vector>

namespace fb::detail {

template <class Style> using StyleNames = std::vector<std::pair<Style, const char*>>;

// The table of a type, chosen by the (ignored) argument's type: styleNames(Framework{}).
const StyleNames<Framework>& styleNames(Framework);
const StyleNames<PreprocessStyle>& styleNames(PreprocessStyle);
const StyleNames<InitStyle>& styleNames(InitStyle);
const StyleNames<LastBatch>& styleNames(LastBatch);
const StyleNames<MemoryFormat>& styleNames(MemoryFormat);

// The value of `name`; false when no value has that name.
template <class Style> bool styleFromName(const std::string& name, Style& out) {
    for (const auto& [value, text] : styleNames(Style{}))
        if (name == text) {
            out = value;
            return true;
        }
    return false;
}

// The names of a type, in table order.
template <class Style> std::vector<std::string> styleNameList() {
    std::vector<std::string> names;
    for (const auto& entry : styleNames(Style{}))
        names.push_back(entry.second);
    return names;
}

} // namespace fb::detail
