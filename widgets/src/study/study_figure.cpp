// The study figure (study_figure.h).
#include "study/study_figure.h"

#include "facebench/ui/chart_style.h"
#include "facebench/ui/to_qstring.h"
#include "study/study_grid.h"

#include <qcustomplot.h>

#include <algorithm>
#include <limits>

namespace fb::ui {
namespace {

// An axis without a key stands for a single unnamed value; a study without cells has none.
std::vector<std::string> valuesOf(const StudyGrid& grid, const std::string& key) {
    if (grid.state().cells.empty())
        return {};
    const StudyAxis* axis = grid.axis(key);
    return axis ? axis->values : std::vector<std::string>{""};
}

QString valueLabel(const std::string& value) {
    return value.empty() ? QObject::tr("(base)") : toQString(value);
}

} // namespace

void plotStudyFigure(QCustomPlot* plot, const StudyGrid& grid, const std::string& rowKey,
                     const std::string& columnKey,
                     const std::map<std::string, std::string>& filters, const std::string& metric,
                     const QString& title) {
    resetChart(plot);
    styleChart(plot, {title, rowKey.empty() ? QObject::tr("Cell") : toQString(rowKey),
                      toQString(metric), !columnKey.empty(), Qt::AlignTop | Qt::AlignRight});
    const std::vector<std::string> rows = valuesOf(grid, rowKey);
    const std::vector<std::string> columns = valuesOf(grid, columnKey);
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (std::size_t r = 0; r < rows.size(); ++r)
        ticks->addTick(double(r), valueLabel(rows[r]));
    plot->xAxis->setTicker(ticks);
    const double groupWidth = 0.8, barWidth = groupWidth / double(columns.size());
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(columnKey.empty()
                          ? toQString(metric)
                          : toQString(columnKey) + QStringLiteral(" = ") + valueLabel(columns[c]));
        bars->setWidth(barWidth * 0.9);
        bars->setPen(QPen(seriesColor(int(c)).darker(130), 1));
        bars->setBrush(seriesColor(int(c)));
        auto* whiskers = new QCPErrorBars(plot->xAxis, plot->yAxis);
        whiskers->removeFromLegend();
        whiskers->setPen(QPen(Qt::black, 1.2));
        whiskers->setWhiskerWidth(6);
        QVector<double> xs, ys, below, above;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const StudyGridCell cell =
                grid.cell(rowKey, rows[r], columnKey, columns[c], filters, metric);
            if (cell.values == 0)
                continue;
            xs << double(r) - groupWidth / 2 + barWidth * (double(c) + 0.5);
            ys << cell.mean;
            below << (cell.hasInterval ? cell.mean - cell.low : 0.0);
            above << (cell.hasInterval ? cell.high - cell.mean : 0.0);
            low = std::min({low, cell.mean, cell.hasInterval ? cell.low : cell.mean});
            high = std::max({high, cell.mean, cell.hasInterval ? cell.high : cell.mean});
        }
        bars->setData(xs, ys);
        whiskers->setDataPlottable(bars);
        whiskers->setData(below, above);
    }
    plot->xAxis->setRange(-0.6, double(rows.size()) - 0.4);
    if (high >= low)
        plot->yAxis->setRange(std::min(0.0, low), high + 0.15 * (high - std::min(0.0, low)) + 1e-9);
    else
        plot->yAxis->setRange(0, 1);
    plot->replot();
}

} // namespace fb::ui
