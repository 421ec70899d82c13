#pragma once
// The compute runtime (fb::RuntimeInfo) as translated text, shared by the status bar, the home
// page and the About dialog so that all three describe the machine in the same words.
#include <QString>

#include <facebench/runtime.h>

namespace fb::ui {

// "CPU · 2 threads" or "CUDA · 2 × NVIDIA H200": what a job will run on by default.
QString deviceSummary(const fb::RuntimeInfo& info);

// One line per compute device with the detail a status bar has no room for: hardware threads
// against the threads LibTorch uses, or each CUDA device's index, name and memory.
QStringList deviceDetails(const fb::RuntimeInfo& info);

// "LibTorch 1.13.1".
QString torchVersionText(const fb::RuntimeInfo& info);

} // namespace fb::ui
