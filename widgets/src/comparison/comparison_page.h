#pragma once
// The page that shows several runs side by side: the Comparison page (named "comparison" for
// `facebench --page`).
namespace fb::ui {

class ComparisonPanel;
class MainWindow;

ComparisonPanel* addComparisonPage(MainWindow* window);

} // namespace fb::ui
