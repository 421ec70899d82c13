// `report --figures` with the GUI's chart code on the offscreen platform (report_figures.h).
#include "report_figures.h"

#include "cli_output.h"
#include "facebench/errors.h"
#include "facebench/run_directory.h"
#include "facebench/study.h"
#include "facebench/ui/chart_style.h"
#include "facebench/ui/eval_charts.h"
#include "facebench/ui/run_figures.h"
#include "facebench/ui/to_qstring.h"

#include <QApplication>
#include <QDir>
#include <QString>
#include <qcustomplot.h>

#include <algorithm>

#include <iostream>
#include <memory>
#include <sstream>

namespace fb::cli {

namespace {

// The size and formats of the CLI's options; InputError naming --formats for a bad list.
fb::ui::RunFiguresOptions runFiguresOptions(const FigureOptions& options) {
    fb::ui::RunFiguresOptions figureOptions;
    figureOptions.size.widthMm = options.widthMm;
    figureOptions.size.heightMm = options.heightMm;
    figureOptions.size.dpi = options.dpi;
    figureOptions.outDir = fb::ui::toQString(options.outDir);
    figureOptions.formats.clear();
    std::stringstream list(options.formats);
    for (std::string f; std::getline(list, f, ',');) {
        fb::ui::FigureFormat format;
        if (!fb::ui::figureFormatFromPath(fb::ui::toQString("x." + f), &format))
            throw InputError(SourceLocation{}, "--formats",
                             "unknown figure format '" + f + "' (png, pdf, svg)");
        figureOptions.formats << format;
    }
    if (figureOptions.formats.isEmpty())
        throw InputError(SourceLocation{}, "--formats", "name at least one format (png, pdf, svg)");
    return figureOptions;
}

// Headless: the CLI never needs a display; fonts come from fontconfig as in the GUI.
std::unique_ptr<QApplication> offscreenApplication() {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (QApplication::instance())
        return nullptr;
    static int argc = 1;
    static char name[] = "facebench-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int writeReportFigures(const std::vector<std::string>& runs, const FigureOptions& options,
                       bool json) {
    if (!options.outDir.empty() && runs.size() != 1)
        throw InputError(SourceLocation{}, "--figures-out", "give one run with --figures-out");
    const fb::ui::RunFiguresOptions figureOptions = runFiguresOptions(options);
    const std::unique_ptr<QApplication> app = offscreenApplication();
    nlohmann::ordered_json document = nlohmann::ordered_json::object();
    for (const std::string& run : runs) {
        QStringList written;
        QString error;
        if (!fb::ui::exportRunFigures(fb::ui::toQString(run), figureOptions, &written, &error))
            throw InputError(SourceLocation{run}, "--figures", error.toStdString());
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (const QString& f : written) {
            files.push_back(f.toStdString());
            if (!json)
                std::cout << f.toStdString() << "\n";
        }
        document[run] = files;
        std::cerr << "wrote " << written.size() << " figure files for " << run << "\n";
    }
    if (json)
        printJson({{"figures", document}});
    return kExitDone;
}

namespace {

// One bar per condition with its 95% interval as whiskers (the study table's own numbers).
void plotStudyBars(QCustomPlot* plot, const StudyBarChart& chart, const QString& xLabel) {
    fb::ui::resetChart(plot);
    fb::ui::styleChart(
        plot, {fb::ui::toQString(chart.title), xLabel, fb::ui::toQString(chart.title), false});
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setWidth(0.7);
    bars->setPen(QPen(fb::ui::seriesColor(0).darker(130), 1));
    bars->setBrush(fb::ui::seriesColor(0));
    auto* whiskers = new QCPErrorBars(plot->xAxis, plot->yAxis);
    whiskers->removeFromLegend();
    whiskers->setPen(QPen(Qt::black, 1.2));
    whiskers->setWhiskerWidth(6);
    QVector<double> xs, ys, below, above;
    double low = 0, high = 0;
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const StudyBar& bar = chart.bars[i];
        ticks->addTick(double(i), fb::ui::toQString(bar.label));
        xs << double(i);
        ys << bar.value;
        below << bar.value - bar.low;
        above << bar.high - bar.value;
        low = std::min({low, bar.low, bar.value});
        high = std::max({high, bar.high, bar.value});
    }
    bars->setData(xs, ys);
    whiskers->setDataPlottable(bars);
    whiskers->setData(below, above);
    plot->xAxis->setTicker(ticks);
    plot->xAxis->setTickLabelRotation(chart.bars.size() > 4 ? 60 : 0); // long labels, many bars
    plot->xAxis->setRange(-0.6, double(chart.bars.size()) - 0.4);
    plot->yAxis->setRange(low, high + 0.15 * (high - low) + 1e-9);
    plot->replot();
}

// "lfw_tar_pct@0.1%" -> "lfw_tar_pct_0.1_": a file name on every platform.
QString fileStem(const std::string& metric) {
    std::string stem;
    for (const char c : metric)
        stem += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'
                    ? c
                    : '_';
    return fb::ui::toQString("study-" + stem);
}

} // namespace

int writeStudyFigures(const std::string& studyDir, const FigureOptions& options, bool json) {
    const fb::ui::RunFiguresOptions figureOptions = runFiguresOptions(options);
    const StudyFigureData data = studyFigureData(studyDir);
    const std::unique_ptr<QApplication> app = offscreenApplication();
    const QString outDir = fb::ui::toQString(
        options.outDir.empty() ? RunDirectory(studyDir).figuresDir() : options.outDir);
    if (!QDir().mkpath(outDir))
        throw InputError(SourceLocation{options.outDir}, "--figures-out",
                         "cannot create the folder");
    QCustomPlot plot;
    QStringList written;
    const auto save = [&](const QString& stem) {
        for (const fb::ui::FigureFormat format : figureOptions.formats) {
            const QString path = outDir + QLatin1Char('/') + stem + QLatin1Char('.') +
                                 fb::ui::figureFormatSuffix(format);
            QString error;
            if (!fb::ui::exportFigure(&plot, path, format, figureOptions.size, &error))
                throw InputError(SourceLocation{path.toStdString()}, "--figures",
                                 error.toStdString());
            written << path;
        }
    };
    const QString rows =
        fb::ui::toQString(readStudyState(StudyFiles{studyDir}.state()).layout.rows);
    for (const StudyBarChart& chart : data.bars) {
        plotStudyBars(&plot, chart, rows.isEmpty() ? QStringLiteral("cell") : rows);
        save(fileStem(chart.metric));
    }
    if (!data.rocs.empty()) {
        QList<fb::ui::RocSeries> series;
        for (const StudyRocCurve& curve : data.rocs)
            series << fb::ui::rocSeries(fb::ui::toQString(curve.label), curve.scores);
        fb::ui::resetChart(&plot);
        fb::ui::plotRocCurves(
            &plot, series,
            fb::ui::toQString("ROC of each cell (" + data.rocs.front().protocol + ")"));
        save(QStringLiteral("study-roc"));
    }
    if (!data.throughput.bars.empty()) {
        plotStudyBars(&plot, data.throughput, QStringLiteral("cell"));
        save(QStringLiteral("study-throughput"));
    }
    if (written.isEmpty())
        throw InputError(SourceLocation{studyDir}, "--figures",
                         "nothing to draw: no cell of the study has finished");
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const QString& f : written) {
        files.push_back(f.toStdString());
        if (!json)
            std::cout << f.toStdString() << "\n";
    }
    std::cerr << "wrote " << written.size() << " figure files for " << studyDir << "\n";
    if (json)
        printJson({{"figures", files}});
    return kExitDone;
}

} // namespace fb::cli
