// Figures and tables to files, atomically (facebench/ui/figure_export.h).
#include "facebench/ui/figure_export.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include <cmath>

namespace fb::ui {

namespace {

constexpr double kLayoutDpi = 96.0; // the on-screen logical resolution the plot is laid out at

int layoutPixels(double mm) {
    return std::max(1, static_cast<int>(std::lround(mm / 25.4 * kLayoutDpi)));
}

bool fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return false;
}

bool commit(QSaveFile& file, const QString& path, QString* error) {
    if (!file.commit())
        return fail(error, QObject::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return true;
}

bool openSave(QSaveFile& file, const QString& path, QString* error) {
    const QFileInfo info(path);
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath()))
        return fail(error, QObject::tr("%1: cannot create the folder").arg(path));
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QObject::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return true;
}

bool writePng(QCustomPlot* plot, const QString& path, const FigureSize& size, QString* error) {
    const int w = layoutPixels(size.widthMm), h = layoutPixels(size.heightMm);
    const int pw = figurePixels(size.widthMm, size.dpi, size.pngScale);
    const int ph = figurePixels(size.heightMm, size.dpi, size.pngScale);
    // Painted at the default 96 DPI (fonts in points resolve as on screen) and scaled; the
    // file's DPI is set afterwards, when it no longer affects the layout.
    QImage image(pw, ph, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.setMode(QCPPainter::pmNonCosmetic);
        painter.scale(double(pw) / w, double(ph) / h);
        plot->toPainter(&painter, w, h);
    }
    const int dpm = static_cast<int>(std::lround(size.dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    QSaveFile file(path);
    if (!openSave(file, path, error))
        return false;
    QImageWriter writer(&file, "png");
    if (!writer.write(image.convertToFormat(QImage::Format_RGB32)))
        return fail(error,
                    QObject::tr("%1: PNG encoding failed: %2").arg(path, writer.errorString()));
    return commit(file, path, error);
}

bool writePdf(QCustomPlot* plot, const QString& path, const FigureSize& size, QString* error) {
    QSaveFile file(path);
    if (!openSave(file, path, error))
        return false;
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("FaceBench"));
        writer.setTitle(QFileInfo(path).completeBaseName());
        writer.setResolution(static_cast<int>(kLayoutDpi));
        writer.setPageSize(QPageSize(QSizeF(size.widthMm, size.heightMm), QPageSize::Millimeter,
                                     QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        QCPPainter painter(&writer);
        if (!painter.isActive())
            return fail(error, QObject::tr("%1: cannot start the PDF").arg(path));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        plot->toPainter(&painter, page.width(), page.height());
    }
    return commit(file, path, error);
}

bool writeSvg(QCustomPlot* plot, const QString& path, const FigureSize& size, QString* error) {
    const int w = layoutPixels(size.widthMm), h = layoutPixels(size.heightMm);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setTitle(QFileInfo(path).completeBaseName());
        svg.setDescription(QStringLiteral("FaceBench figure"));
        svg.setResolution(static_cast<int>(kLayoutDpi)); // fonts in points as on screen
        svg.setSize(QSize(w, h));
        svg.setViewBox(QRect(0, 0, w, h));
        QCPPainter painter(&svg);
        if (!painter.isActive())
            return fail(error, QObject::tr("%1: cannot start the SVG").arg(path));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        plot->toPainter(&painter, w, h);
    }
    // QSvgGenerator sizes the drawing from whole layout pixels (120 mm -> "120.121mm"); the
    // document's size is set to the millimetres asked for, the view box keeps the drawing.
    QString text = QString::fromUtf8(buffer.data());
    static const QRegularExpression sizeAttributes(
        QStringLiteral("width=\"[0-9.]+mm\" height=\"[0-9.]+mm\""));
    text.replace(sizeAttributes, QStringLiteral("width=\"%1mm\" height=\"%2mm\"")
                                     .arg(size.widthMm, 0, 'g', 10)
                                     .arg(size.heightMm, 0, 'g', 10));
    QSaveFile file(path);
    if (!openSave(file, path, error))
        return false;
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size())
        return fail(error, QObject::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return commit(file, path, error);
}

QString csvField(QString field) {
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
        field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + field.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return field;
}

QString mdField(QString field) {
    return field.replace(QLatin1Char('|'), QStringLiteral("\\|"))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

bool figureFormatFromPath(const QString& path, FigureFormat* format) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    FigureFormat f;
    if (suffix == QLatin1String("png"))
        f = FigureFormat::Png;
    else if (suffix == QLatin1String("pdf"))
        f = FigureFormat::Pdf;
    else if (suffix == QLatin1String("svg"))
        f = FigureFormat::Svg;
    else
        return false;
    if (format)
        *format = f;
    return true;
}

QString figureFormatSuffix(FigureFormat format) {
    switch (format) {
    case FigureFormat::Png:
        return QStringLiteral("png");
    case FigureFormat::Pdf:
        return QStringLiteral("pdf");
    case FigureFormat::Svg:
        return QStringLiteral("svg");
    }
    return {};
}

int figurePixels(double mm, int dpi, double scale) {
    return std::max(1, static_cast<int>(std::lround(mm / 25.4 * dpi * scale)));
}

bool exportFigure(QCustomPlot* plot, const QString& path, FigureFormat format,
                  const FigureSize& size, QString* error) {
    if (!plot)
        return fail(error, QObject::tr("%1: no chart to export").arg(path));
    if (!(size.widthMm >= 1 && size.widthMm <= 2000 && size.heightMm >= 1 && size.heightMm <= 2000))
        return fail(error, QObject::tr("%1: figure size %2 x %3 mm is outside 1..2000 mm")
                               .arg(path)
                               .arg(size.widthMm)
                               .arg(size.heightMm));
    if (size.dpi < 10 || size.dpi > 2400)
        return fail(error, QObject::tr("%1: %2 DPI is outside 10..2400").arg(path).arg(size.dpi));
    if (!(size.pngScale > 0 && size.pngScale <= 8))
        return fail(error,
                    QObject::tr("%1: PNG scale %2 is outside (0, 8]").arg(path).arg(size.pngScale));
    if (format == FigureFormat::Png &&
        double(figurePixels(size.widthMm, size.dpi, size.pngScale)) *
                figurePixels(size.heightMm, size.dpi, size.pngScale) >
            400e6)
        return fail(error, QObject::tr("%1: the PNG would exceed 400 megapixels").arg(path));
    switch (format) {
    case FigureFormat::Png:
        return writePng(plot, path, size, error);
    case FigureFormat::Pdf:
        return writePdf(plot, path, size, error);
    case FigureFormat::Svg:
        return writeSvg(plot, path, size, error);
    }
    return false;
}

bool exportFigure(QCustomPlot* plot, const QString& path, const FigureSize& size, QString* error) {
    FigureFormat format;
    if (!figureFormatFromPath(path, &format))
        return fail(error,
                    QObject::tr("%1: the file name must end in .png, .pdf or .svg").arg(path));
    return exportFigure(plot, path, format, size, error);
}

TableData tableFromModel(const QAbstractItemModel* model) {
    TableData table;
    if (!model)
        return table;
    for (int c = 0; c < model->columnCount(); ++c)
        table.header << model->headerData(c, Qt::Horizontal).toString();
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model->columnCount(); ++c)
            row << model->index(r, c).data().toString();
        table.rows << row;
    }
    return table;
}

QString tableToCsv(const TableData& table) {
    QString out;
    auto line = [&](const QStringList& cells) {
        QStringList quoted;
        for (const QString& c : cells)
            quoted << csvField(c);
        out += quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
    };
    line(table.header);
    for (const QStringList& row : table.rows)
        line(row);
    return out;
}

QString tableToMarkdown(const TableData& table) {
    QString out;
    auto line = [&](const QStringList& cells) {
        QStringList escaped;
        for (const QString& c : cells)
            escaped << mdField(c);
        out += QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    };
    line(table.header);
    line(QStringList(QList<QString>(table.header.size(), QStringLiteral("---"))));
    for (const QStringList& row : table.rows) {
        QStringList padded = row;
        while (padded.size() < table.header.size())
            padded << QString();
        line(padded);
    }
    return out;
}

bool writeTextFileAtomically(const QString& path, const QString& text, QString* error) {
    QSaveFile file(path);
    if (!openSave(file, path, error))
        return false;
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size())
        return fail(error, QObject::tr("%1: cannot write: %2").arg(path, file.errorString()));
    return commit(file, path, error);
}

bool exportTable(const TableData& table, const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return writeTextFileAtomically(path, tableToCsv(table), error);
    if (suffix == QLatin1String("md"))
        return writeTextFileAtomically(path, tableToMarkdown(table), error);
    return fail(error, QObject::tr("%1: the table file must end in .csv or .md").arg(path));
}

} // namespace fb::ui
