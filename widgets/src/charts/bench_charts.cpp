// Benchmark figures (facebench/ui/bench_charts.h).
#include "facebench/ui/bench_charts.h"

#include "facebench/bench_result_file.h"
#include "facebench/errors.h"
#include "facebench/ui/chart_style.h"
#include "facebench/ui/to_qstring.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace fb::ui {

namespace {

QCPItemText* text(QCustomPlot* plot, const QString& s, double x, double y, Qt::Alignment align,
                  int delta = -1) {
    auto* item = new QCPItemText(plot);
    item->position->setCoords(x, y);
    item->setPositionAlignment(align);
    item->setText(s);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(kChartFontPointSize + delta);
    item->setFont(font);
    return item;
}

void noData(QCustomPlot* plot, const QString& message) {
    auto* item = new QCPItemText(plot);
    item->position->setType(QCPItemPosition::ptAxisRectRatio);
    item->position->setCoords(0.5, 0.5);
    item->setPositionAlignment(Qt::AlignCenter);
    item->setText(message);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(kChartFontPointSize);
    item->setFont(font);
    item->setColor(QColor(0x55, 0x55, 0x55));
}

} // namespace

bool readBenchJson(const QString& path, BenchResult* result, QString* error) {
    try {
        *result = readBenchResult(path.toStdString());
        return true;
    } catch (const InputError& e) { // names the file and the key
        if (error)
            *error = toQString(e.what());
        return false;
    }
}

bool anyAllReduceTime(const BenchResult& result) {
    return std::any_of(result.rows.begin(), result.rows.end(),
                       [](const BenchRow& r) { return !std::isnan(r.tAgg); });
}

void plotThroughput(QCustomPlot* plot, const BenchResult& result, const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, QObject::tr("Batch size (images, log scale)"),
                      QObject::tr("Throughput (images/s)"), true, Qt::AlignTop | Qt::AlignLeft});
    // Series keyed by (model, device, precision) in first-seen order.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const BenchRow*>> series;
    std::int64_t bmin = 0, bmax = 0;
    double top = 0;
    for (const BenchRow& r : result.rows) {
        std::string key = r.model;
        if (result.options.devices.size() > 1 || (!r.device.empty() && r.device != "cpu"))
            key += " " + r.device;
        if (r.precision != "fp32" && !r.precision.empty())
            key += " " + r.precision;
        if (!series.count(key))
            order.push_back(key);
        series[key].push_back(&r);
        bmin = bmin == 0 ? r.batch : std::min(bmin, r.batch);
        bmax = std::max(bmax, r.batch);
        if (r.status == "ok")
            top = std::max(top, r.imagesPerSec);
    }
    if (result.rows.empty()) {
        noData(plot, QObject::tr("No benchmark rows"));
        plot->xAxis->setRange(1, 2);
        return;
    }
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (const BenchRow& r : result.rows)
        ticks->addTick(std::log2(double(r.batch)), QString::number(r.batch));
    plot->xAxis->setTicker(ticks);
    // Room either side for the oom labels centred on the first and last batch.
    plot->xAxis->setRange(std::log2(double(bmin)) - 0.6, std::log2(double(bmax)) + 0.75);
    plot->yAxis->setRange(0, top * 1.18 + 1e-9); // throughput is never negative
    int i = 0;
    bool anyOom = false;
    for (const std::string& key : order) {
        QCPGraph* g = plot->addGraph();
        g->setName(toQString(key));
        g->setPen(seriesPen(i));
        g->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, seriesColor(i), Qt::white, 7));
        for (const BenchRow* r : series[key]) {
            if (r->status == "ok")
                g->addData(std::log2(double(r->batch)), r->imagesPerSec);
            else
                anyOom = true;
        }
        if (g->data()->isEmpty())
            g->setName(g->name() + QObject::tr(" (no batch ran)"));
        ++i;
    }
    if (anyOom) {
        QCPGraph* oom = plot->addGraph();
        oom->setName(QObject::tr("Out of memory / failed"));
        oom->setLineStyle(QCPGraph::lsNone);
        oom->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCross, QPen(Qt::red, 2), Qt::NoBrush, 10));
        std::map<std::int64_t, int> stacked; // several models oom at one batch: stack the labels
        for (const BenchRow& r : result.rows)
            if (r.status != "ok") {
                const double x = std::log2(double(r.batch));
                oom->addData(x, 0);
                // Room below zero for the crosses only, too little for a negative tick label.
                plot->yAxis->setRangeLower(-top * 0.03);
                const int n = stacked[r.batch]++;
                text(plot, QStringLiteral("%1 %2").arg(toQString(r.model), toQString(r.status)), x,
                     top * (0.05 + 0.07 * n), Qt::AlignHCenter | Qt::AlignBottom, -2)
                    ->setColor(Qt::red);
            }
    }
}

void plotScaling(QCustomPlot* plot, const BenchResult& result, const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, QObject::tr("Devices or processes (n)"),
                      QObject::tr("Throughput (images/s)"), true, Qt::AlignTop | Qt::AlignLeft});
    if (result.scaling.empty()) {
        noData(plot, QObject::tr("No scaling rows: benchmark on two or more devices\n%1")
                         .arg(toQString(result.scalingNote)));
        plot->xAxis->setRange(0.5, 2.5);
        plot->yAxis->setRange(0, 1);
        return;
    }
    std::vector<std::string> groups;
    std::vector<int> counts;
    for (const ScalingRow& s : result.scaling) {
        const std::string g = s.model + " b=" + std::to_string(s.batch);
        if (std::find(groups.begin(), groups.end(), g) == groups.end())
            groups.push_back(g);
        if (std::find(counts.begin(), counts.end(), s.devices) == counts.end())
            counts.push_back(s.devices);
    }
    std::sort(counts.begin(), counts.end());
    const double groupWidth = 0.8, barWidth = groupWidth / groups.size();
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (std::size_t c = 0; c < counts.size(); ++c)
        ticks->addTick(double(c), QString::number(counts[c]));
    plot->xAxis->setTicker(ticks);
    double top = 0;
    for (const ScalingRow& s : result.scaling)
        top = std::max(top, s.imagesPerSec);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(toQString(groups[g]));
        bars->setWidth(barWidth * 0.9);
        bars->setPen(QPen(seriesColor(int(g)).darker(130), 1));
        bars->setBrush(seriesColor(int(g)));
        for (const ScalingRow& s : result.scaling) {
            if (s.model + " b=" + std::to_string(s.batch) != groups[g])
                continue;
            const auto c = std::find(counts.begin(), counts.end(), s.devices) - counts.begin();
            const double x = double(c) - groupWidth / 2 + barWidth * (g + 0.5);
            bars->addData(x, s.imagesPerSec);
            // Eq. 6: speedup = (T(2n) - T(n)) / T(n), a percentage (100% is ideal); the row with
            // no n/2 partner (n = 1) is the baseline.
            const bool hasHalf = s.devices > 1;
            text(plot,
                 QStringLiteral("%1 img/s\n%2")
                     .arg(s.imagesPerSec, 0, 'f', 1)
                     .arg(hasHalf ? QObject::tr("eq. 6: %1%2%")
                                        .arg(s.speedup >= 0 ? QStringLiteral("+") : QString())
                                        .arg(100 * s.speedup, 0, 'f', 0)
                                  : QObject::tr("baseline")),
                 x, s.imagesPerSec, Qt::AlignHCenter | Qt::AlignBottom, -1);
        }
    }
    plot->xAxis->setRange(-0.6, counts.size() - 0.4);
    plot->yAxis->setRange(0, top * 1.2 + 1e-9);
}

void plotTimeSplit(QCustomPlot* plot, const BenchResult& result, const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, QObject::tr("Configuration (model, batch size)"),
                      QObject::tr("Time per iteration (ms)"), true, Qt::AlignTop | Qt::AlignLeft});
    auto* compute = new QCPBars(plot->xAxis, plot->yAxis);
    auto* data = new QCPBars(plot->xAxis, plot->yAxis);
    data->setName(QObject::tr("t_data: waiting for the loader (eq. 7)"));
    compute->setName(QObject::tr("t_compute: training step"));
    data->setBrush(seriesColor(1));
    data->setPen(QPen(seriesColor(1).darker(130), 1));
    compute->setBrush(seriesColor(0));
    compute->setPen(QPen(seriesColor(0).darker(130), 1));
    compute->moveAbove(data);
    // Eq. 7's third term, only for distributed rows that measured it.
    const bool withAgg = anyAllReduceTime(result);
    QCPBars* agg = nullptr;
    if (withAgg) {
        agg = new QCPBars(plot->xAxis, plot->yAxis);
        agg->setName(QObject::tr("t_agg: gradient all-reduce (eq. 7)"));
        agg->setBrush(seriesColor(2));
        agg->setPen(QPen(seriesColor(2).darker(130), 1));
        agg->moveAbove(compute);
    }
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    double top = 0;
    int x = 0;
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const BenchRow& r = result.rows[i];
        if (r.status != "ok")
            continue;
        ++x;
        data->addData(x, 1000 * r.tData);
        compute->addData(x, 1000 * r.tCompute);
        const double a = std::isnan(r.tAgg) ? 0.0 : r.tAgg;
        if (agg)
            agg->addData(x, 1000 * a);
        top = std::max(top, 1000 * (r.tData + r.tCompute + a));
        QString label = QStringLiteral("%1\nb=%2").arg(toQString(r.model)).arg(r.batch);
        if (withAgg && !r.device.empty())
            label += QStringLiteral(" ") + toQString(r.device);
        ticks->addTick(x, label);
    }
    if (x == 0) {
        noData(plot, QObject::tr("No successful benchmark rows"));
        plot->xAxis->setRange(0, 1);
        return;
    }
    plot->xAxis->setTicker(ticks);
    plot->xAxis->setTickLabelRotation(x > 6 ? 30 : 0);
    plot->xAxis->setRange(0.4, x + 0.6);
    plot->yAxis->setRange(0, top * 1.25 + 1e-9);
}

} // namespace fb::ui
