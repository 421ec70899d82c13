#pragma once
// Error text from the core and its libraries, said in the user's terms: what went wrong with
// which file and what to do, without library internals (JSON exception codes, torch.save flags).
#include <QString>

namespace fb::ui {

QString userMessage(const QString& coreText);

} // namespace fb::ui
