#pragma once
// The one conversion of the core's UTF-8 std::string (names, paths, messages) to a QString for
// the widgets, the figures and the apps.
#include <QString>

#include <string>

namespace fb::ui {

inline QString toQString(const std::string& utf8) {
    return QString::fromStdString(utf8);
}

} // namespace fb::ui
