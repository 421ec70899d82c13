#include "schedule_preview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include <facebench/errors.h>
#include <facebench/lr_schedule.h>
#include <facebench/ui/chart_style.h>
#include <facebench/ui/to_qstring.h>

namespace fb::ui {

SchedulePreview::SchedulePreview(QWidget* parent) : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("schedulePlot"));
    m_plot->setMinimumHeight(200);
    m_plot->addGraph();
    m_plot->graph(0)->setPen(seriesPen(2));
    m_plot->graph(0)->setName(tr("lr"));
    ChartLabels labels;
    labels.title = tr("Learning rate over the run");
    labels.xLabel = tr("Iteration");
    labels.yLabel = tr("Learning rate");
    labels.legend = false;
    styleChart(m_plot, labels);

    // Epoch-based schedules need iterations per epoch = images / batch (the seed's ipe); the
    // training set is not read here, so the user says how many images it has.
    m_images = new QSpinBox;
    m_images->setObjectName(QStringLiteral("scheduleImages"));
    m_images->setRange(1, 100000000);
    m_images->setValue(3600);
    m_images->setSuffix(tr(" images"));
    m_images->setToolTip(tr("Training images per epoch, for the plot only: epoch-based "
                            "schedules step every (images / batch size) iterations."));
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("scheduleNote"));
    m_note->setWordWrap(true);
    connect(m_images, qOverload<int>(&QSpinBox::valueChanged), this,
            [this] { setConfig(m_config); });

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Training set size for the plot:")));
    row->addWidget(m_images);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addLayout(row);
    layout->addWidget(m_note);
}

int SchedulePreview::setConfig(const fb::ExperimentConfig& config) {
    m_config = config;
    const std::int64_t batch = std::max<std::int64_t>(1, config.train.batchSize);
    const std::int64_t ipe = std::max<std::int64_t>(1, (m_images->value() + batch - 1) / batch);
    QVector<double> x;
    QVector<double> y;
    try {
        const std::int64_t total = fb::totalIterations(config.train, ipe);
        // At most ~2000 samples: enough for every step edge to show, cheap on each keystroke.
        const std::int64_t stride = std::max<std::int64_t>(1, total / 2000);
        for (std::int64_t i = 0; i < total; i += stride) {
            x.append(double(i));
            y.append(fb::learningRate(config.schedule, i, ipe, total));
        }
        if (total > 0) {
            x.append(double(total - 1));
            y.append(fb::learningRate(config.schedule, total - 1, ipe, total));
        }
        m_note->setText(tr("%1 iterations, %2 per epoch; final lr %3.")
                            .arg(total)
                            .arg(ipe)
                            .arg(y.isEmpty() ? 0.0 : y.last(), 0, 'g', 4));
    } catch (const std::exception& e) {
        x.clear();
        y.clear();
        m_note->setText(toQString(e.what()));
    }
    m_plot->graph(0)->setData(x, y, true);
    double top = 0;
    for (double v : y)
        top = std::max(top, v);
    m_plot->xAxis->setRange(0, x.isEmpty() ? 1.0 : std::max(1.0, x.last()));
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return x.size();
}

} // namespace fb::ui
