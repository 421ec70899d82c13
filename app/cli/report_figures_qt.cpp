// `report --figures` with the GUI's chart code on the offscreen platform (report_figures.h).
#include "report_figures.h"

#include "cli_output.h"
#include "facebench/errors.h"
#include "facebench/ui/run_figures.h"
#include "facebench/ui/to_qstring.h"

#include <QApplication>
#include <QString>

#include <iostream>
#include <memory>
#include <sstream>

namespace fb::cli {

int writeReportFigures(const std::vector<std::string>& runs, const FigureOptions& options,
                       bool json) {
    if (!options.outDir.empty() && runs.size() != 1)
        throw InputError(SourceLocation{}, "--figures-out", "give one run with --figures-out");
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
    // Headless: the CLI never needs a display; fonts come from fontconfig as in the GUI.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QApplication> app;
    if (!QApplication::instance()) {
        static int argc = 1;
        static char name[] = "facebench-cli";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QApplication>(argc, argv);
    }
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

} // namespace fb::cli
