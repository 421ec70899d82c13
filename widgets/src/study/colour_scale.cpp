// The study grid's sequential colour scale (colour_scale.h).
#include "study/colour_scale.h"

#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace fb::ui {
namespace {

// Viridis from its light end, stopping short of the darkest purple so that the scale stays
// perceptually ordered and legible under text.
const std::array<QColor, 5> kStops = {QColor(0xfd, 0xe7, 0x25), QColor(0x5e, 0xc9, 0x62),
                                      QColor(0x21, 0x91, 0x8c), QColor(0x3b, 0x52, 0x8b),
                                      QColor(0x44, 0x01, 0x54)};

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

QColor sequentialColour(double value, double low, double high) {
    double t = high > low ? (value - low) / (high - low) : 0.5;
    t = std::clamp(std::isnan(t) ? 0.5 : t, 0.0, 1.0);
    const double position = t * double(kStops.size() - 1);
    const auto index = std::min(std::size_t(position), kStops.size() - 2);
    return mix(kStops[index], kStops[index + 1], position - double(index));
}

QColor textColourOn(const QColor& background) {
    // Relative luminance (ITU-R BT.709 weights) against the midpoint.
    const double luminance =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.45 ? Qt::black : Qt::white;
}

ColourScaleLegend::ColourScaleLegend(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ColourScaleLegend::setRange(double low, double high, const QString& metric) {
    m_low = low;
    m_high = high;
    m_metric = metric;
    m_valid = !std::isnan(low) && !std::isnan(high);
    update();
}

QSize ColourScaleLegend::sizeHint() const {
    return {320, fontMetrics().height() + 18};
}

QSize ColourScaleLegend::minimumSizeHint() const {
    return {160, fontMetrics().height() + 18};
}

void ColourScaleLegend::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const int textHeight = fontMetrics().height();
    const QString low = m_valid ? QString::number(m_low, 'g', 4) : QString();
    const QString high = m_valid ? QString::number(m_high, 'g', 4) : QString();
    const int lowWidth = fontMetrics().horizontalAdvance(low) + 6;
    const int highWidth = fontMetrics().horizontalAdvance(high) + 6;
    const int nameWidth = fontMetrics().horizontalAdvance(m_metric) + 10;
    const QRect bar(nameWidth + lowWidth, 4,
                    std::max(20, width() - nameWidth - lowWidth - highWidth - 2), textHeight + 8);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (std::size_t i = 0; i < kStops.size(); ++i)
        gradient.setColorAt(double(i) / double(kStops.size() - 1), kStops[i]);
    painter.fillRect(bar, gradient);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, bar.top(), nameWidth, bar.height()), Qt::AlignVCenter, m_metric);
    painter.drawText(QRect(nameWidth, bar.top(), lowWidth - 3, bar.height()),
                     Qt::AlignVCenter | Qt::AlignRight, low);
    painter.drawText(QRect(bar.right() + 4, bar.top(), highWidth, bar.height()),
                     Qt::AlignVCenter | Qt::AlignLeft, high);
}

} // namespace fb::ui
