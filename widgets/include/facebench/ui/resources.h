#pragma once

namespace fb::ui {

// Registers resources/facebench.qrc. It is compiled into a static library, whose resource
// initialiser the linker drops unless something calls it; safe to call more than once.
void initResources();

} // namespace fb::ui
