#include <facebench/ui/training_curves.h>

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <facebench/run_metrics.h>
#include <facebench/ui/chart_style.h>
#include <facebench/ui/to_qstring.h>

namespace fb::ui {

namespace {

// An accuracy series' legend: a val.bin set by its file name ("cfp_fp.bin" for the metric
// val_bin/cfp_fp_acc, one curve per set), other metrics by their name ("val_acc", "lfw_acc").
QString accuracyLegend(const QString& key) {
    const QString binPrefix = QStringLiteral("val_bin/"), suffix = QStringLiteral("_acc");
    if (key.startsWith(binPrefix) && key.endsWith(suffix))
        return key.mid(binPrefix.size(), key.size() - binPrefix.size() - suffix.size()) +
               QStringLiteral(".bin");
    return key;
}

} // namespace

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("trainingCurves"));
    m_loss = new CurvePlot(tr("Loss"), tr("Loss (nats)"));
    m_loss->setObjectName(QStringLiteral("lossPlot"));
    m_trainLoss = m_loss->addSeries(tr("train"), seriesColor(0));
    m_valLoss = m_loss->addSeries(tr("validation"), seriesColor(1), false);
    m_accuracy = new CurvePlot(tr("Accuracy"), tr("Accuracy (fraction)"));
    m_accuracy->setObjectName(QStringLiteral("accuracyPlot"));
    m_trainAcc = m_accuracy->addSeries(tr("train"), seriesColor(0));
    m_lr = new CurvePlot(tr("Learning rate"), tr("Learning rate"));
    m_lr->setObjectName(QStringLiteral("lrPlot"));
    m_lrSeries = m_lr->addSeries(tr("lr"), seriesColor(2), false, false);
    m_throughput = new CurvePlot(tr("Throughput"), tr("Throughput (images/s)"));
    m_throughput->setObjectName(QStringLiteral("throughputPlot"));
    m_imgS = m_throughput->addSeries(tr("images/s"), seriesColor(3));
    m_timing = new CurvePlot(tr("Time per step"), tr("Time per step (s)"));
    m_timing->setObjectName(QStringLiteral("timingPlot"));
    // A step's time split as eq. 7 of the paper: waiting for data, then computing.
    m_tData = m_timing->addSeries(tr("t_data (loading)"), seriesColor(4));
    m_tCompute = m_timing->addSeries(tr("t_compute"), seriesColor(5));

    m_smoothing = new QSlider(Qt::Horizontal);
    m_smoothing->setObjectName(QStringLiteral("smoothingSlider"));
    m_smoothing->setRange(0, 99);
    m_smoothing->setValue(60);
    m_smoothing->setToolTip(tr("Exponential moving average with the start-up bias removed, "
                               "as TensorBoard. The raw series is drawn faintly. On a chart: "
                               "hover to read values, drag and wheel to pan and zoom, "
                               "double-click to show all."));
    m_smoothingValue = new QLabel;
    m_smoothingValue->setMinimumWidth(40);
    m_logY = new QCheckBox(tr("Log y"));
    m_logY->setObjectName(QStringLiteral("logYCheck"));
    m_xAxis = new QComboBox;
    m_xAxis->setObjectName(QStringLiteral("xAxisCombo"));
    m_xAxis->addItem(tr("Step"), int(CurveXAxis::Step));
    m_xAxis->addItem(tr("Epoch"), int(CurveXAxis::Epoch));
    m_xAxis->addItem(tr("Wall time"), int(CurveXAxis::WallTime));
    connect(m_smoothing, &QSlider::valueChanged, this, &TrainingCurves::applySmoothing);
    connect(m_logY, &QCheckBox::toggled, this, [this](bool on) {
        for (CurvePlot* p : plots())
            p->setLogY(on);
    });
    connect(m_xAxis, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const auto axis = static_cast<CurveXAxis>(m_xAxis->currentData().toInt());
        for (CurvePlot* p : plots())
            p->setXAxis(axis);
    });

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Smoothing:")));
    controls->addWidget(m_smoothing, 1);
    controls->addWidget(m_smoothingValue);
    controls->addSpacing(16);
    controls->addWidget(m_logY);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("X axis:")));
    controls->addWidget(m_xAxis);
    controls->addStretch(1);

    auto* grid = new QGridLayout;
    grid->addWidget(m_loss, 0, 0);
    grid->addWidget(m_accuracy, 0, 1);
    grid->addWidget(m_lr, 0, 2);
    grid->addWidget(m_throughput, 1, 0);
    grid->addWidget(m_timing, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(grid, 1);
    applySmoothing();
}

QList<CurvePlot*> TrainingCurves::plots() const {
    return {m_loss, m_accuracy, m_lr, m_throughput, m_timing};
}

void TrainingCurves::setSmoothing(double weight) {
    m_smoothing->setValue(qRound(weight * 100));
}

double TrainingCurves::smoothing() const {
    return m_smoothing->value() / 100.0;
}

void TrainingCurves::applySmoothing() {
    m_smoothingValue->setText(QString::number(smoothing(), 'f', 2));
    for (CurvePlot* p : plots())
        p->setSmoothing(smoothing());
}

void TrainingCurves::setWallTimeAvailable(bool available) {
    auto* model = qobject_cast<QStandardItemModel*>(m_xAxis->model());
    if (QStandardItem* item = model ? model->item(2) : nullptr) {
        item->setEnabled(available);
        item->setToolTip(available ? QString()
                                   : tr("Only for training watched live: a run read back from "
                                        "its folder has no clock time for each step."));
    }
    if (!available && m_xAxis->currentIndex() == 2)
        m_xAxis->setCurrentIndex(0);
}

int TrainingCurves::accuracySeries(const QString& key) {
    auto it = m_accSeries.find(key);
    if (it != m_accSeries.end())
        return *it;
    const int series =
        m_accuracy->addSeries(accuracyLegend(key), seriesColor(1 + m_accSeries.size()),
                              /*smoothed=*/false);
    m_accSeries.insert(key, series);
    return series;
}

void TrainingCurves::addRow(const fb::MetricsRow& row, double wall) {
    const double step = double(row.step);
    const double epoch = double(row.epoch);
    if (row.type == "train") {
        if (row.has("loss"))
            m_loss->appendPoint(m_trainLoss, step, epoch, wall, row.value("loss"));
        if (row.has("acc"))
            m_accuracy->appendPoint(m_trainAcc, step, epoch, wall, row.value("acc"));
        if (row.has("lr"))
            m_lr->appendPoint(m_lrSeries, step, epoch, wall, row.value("lr"));
        if (row.has("img_s"))
            m_throughput->appendPoint(m_imgS, step, epoch, wall, row.value("img_s"));
        if (row.has("t_data"))
            m_timing->appendPoint(m_tData, step, epoch, wall, row.value("t_data"));
        if (row.has("t_compute"))
            m_timing->appendPoint(m_tCompute, step, epoch, wall, row.value("t_compute"));
        // Gradient all-reduce time of data-parallel runs (seed eq. 7, t_agg).
        if (row.has("t_agg")) {
            if (m_tAgg < 0)
                m_tAgg = m_timing->addSeries(tr("t_agg (all-reduce)"), seriesColor(6));
            m_timing->appendPoint(m_tAgg, step, epoch, wall, row.value("t_agg"));
        }
    } else if (row.type == "val") {
        if (row.has("val_loss"))
            m_loss->appendPoint(m_valLoss, step, epoch, wall, row.value("val_loss"));
        // val_acc, verification hooks ("lfw_acc") and val.bin sets ("val_bin/cfp_fp_acc")
        // share the accuracy chart.
        for (const auto& [key, value] : row.values) {
            const QString name = toQString(key);
            if (name.endsWith(QStringLiteral("_acc")))
                m_accuracy->appendPoint(accuracySeries(name), step, epoch, wall, value);
        }
    }
}

void TrainingCurves::loadMetrics(const fb::RunMetrics& metrics) {
    clear();
    for (const fb::MetricsRow& row : metrics.rows)
        addRow(row, -1);
    setWallTimeAvailable(false);
    refresh();
}

void TrainingCurves::clear() {
    for (CurvePlot* p : plots())
        p->clearData();
}

void TrainingCurves::refresh() {
    for (CurvePlot* p : plots())
        p->refresh();
}

} // namespace fb::ui
