#pragma once
// A sequential colour scale for the study grid's backgrounds (viridis's stops, light end kept
// light enough for black text) and the legend bar that explains it.
#include <QColor>
#include <QWidget>

namespace fb::ui {

// The colour of `value` between `low` (light) and `high` (dark); the middle when low == high.
QColor sequentialColour(double value, double low, double high);
// Black or white, whichever reads better on `background`.
QColor textColourOn(const QColor& background);

class ColourScaleLegend : public QWidget {
    Q_OBJECT
public:
    explicit ColourScaleLegend(QWidget* parent = nullptr);
    // The range shown and the metric's name; an empty range hides the bar's labels.
    void setRange(double low, double high, const QString& metric);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double m_low = 0, m_high = 0;
    QString m_metric;
    bool m_valid = false;
};

} // namespace fb::ui
