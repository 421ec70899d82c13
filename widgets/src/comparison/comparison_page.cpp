// The Comparison page in the main window (comparison_page.h).
#include "comparison/comparison_page.h"

#include "facebench/ui/comparison_panel.h"
#include "facebench/ui/main_window.h"

#include <QStyle>

namespace fb::ui {

ComparisonPanel* addComparisonPage(MainWindow* window) {
    auto* comparison = new ComparisonPanel;
    comparison->setObjectName(QStringLiteral("comparisonPanel"));
    window->addPage(comparison, QObject::tr("Comparison"),
                    window->style()->standardIcon(QStyle::SP_FileDialogListView));
    return comparison;
}

} // namespace fb::ui
