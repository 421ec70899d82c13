// Figure and table export (widgets/include/facebench/ui/figure_export.h): PNG at the
// pixel size the mm and DPI ask for, PDF and SVG that parse, with the chart's labels and legend,
// written atomically; tables as CSV (RFC 4180 quoting) and Markdown.
#include "facebench/ui/chart_style.h"
#include "facebench/ui/figure_export.h"
#include "unprivileged_child.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <qcustomplot.h>

#include <cmath>
#include <memory>

using namespace fb::ui;

namespace {

// A small labelled chart with a legend: two series.
std::unique_ptr<QCustomPlot> makeChart() {
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(640, 400);
    styleChart(plot.get(), {QStringLiteral("Export test"), QStringLiteral("Batch size (images)"),
                            QStringLiteral("Throughput (images/s)"), true});
    for (int s = 0; s < 2; ++s) {
        QCPGraph* g = plot->addGraph();
        g->setName(QStringLiteral("series %1").arg(s));
        g->setPen(seriesPen(s));
        for (int i = 0; i < 20; ++i)
            g->addData(i, (s + 1) * std::sqrt(double(i)));
    }
    plot->rescaleAxes();
    return plot;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT

private slots:
    void pngSize_data() {
        QTest::addColumn<double>("widthMm");
        QTest::addColumn<double>("heightMm");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("pixelsW");
        QTest::addColumn<int>("pixelsH");
        // round(mm / 25.4 * dpi * scale)
        QTest::newRow("160x100mm@300") << 160.0 << 100.0 << 300 << 1.0 << 1890 << 1181;
        QTest::newRow("85x60mm@150") << 85.0 << 60.0 << 150 << 1.0 << 502 << 354;
        QTest::newRow("50.8x25.4mm@100x2") << 50.8 << 25.4 << 100 << 2.0 << 400 << 200;
        QTest::newRow("88x70mm@96") << 88.0 << 70.0 << 96 << 1.0 << 333 << 265;
    }
    void pngSize() {
        QFETCH(double, widthMm);
        QFETCH(double, heightMm);
        QFETCH(int, dpi);
        QFETCH(double, scale);
        QFETCH(int, pixelsW);
        QFETCH(int, pixelsH);
        QTemporaryDir dir;
        auto plot = makeChart();
        const QString path = dir.filePath(QStringLiteral("sub/chart.png")); // folder made too
        QString error;
        QVERIFY2(exportFigure(plot.get(), path, FigureSize{widthMm, heightMm, dpi, scale}, &error),
                 qPrintable(error));
        QCOMPARE(figurePixels(widthMm, dpi, scale), pixelsW);
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(pixelsW, pixelsH));
        QCOMPARE(image.dotsPerMeterX(), int(std::lround(dpi / 0.0254)));
        // Non-trivial: dark text and axis pixels, coloured series, mostly white background.
        int dark = 0, coloured = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                if (c.lightness() < 80)
                    ++dark;
                if (c.saturation() > 120 && c.value() > 80)
                    ++coloured;
            }
        QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
        QVERIFY2(coloured > 20, qPrintable(QString::number(coloured)));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".tmp")));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files).size(), 1);
    }

    void pdfIsValid() {
        QTemporaryDir dir;
        auto plot = makeChart();
        const QString path = dir.filePath(QStringLiteral("chart.pdf"));
        QString error;
        QVERIFY2(exportFigure(plot.get(), path, FigureSize{160, 100, 300, 1}, &error),
                 qPrintable(error));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-1."));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QVERIFY(pdf.contains("startxref"));
        QVERIFY(pdf.contains("/Type /Page"));
        QVERIFY2(pdf.size() > 5000, qPrintable(QString::number(pdf.size())));
        // The page is the size asked for: 160 x 100 mm = 453.5 x 283.5 pt.
        const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
        const auto m = box.match(QString::fromLatin1(pdf));
        QVERIFY(m.hasMatch());
        QVERIFY(std::abs(m.captured(1).toDouble() - 160 / 25.4 * 72) < 1.0);
        QVERIFY(std::abs(m.captured(2).toDouble() - 100 / 25.4 * 72) < 1.0);
    }

    void svgIsValid() {
        QTemporaryDir dir;
        auto plot = makeChart();
        const QString path = dir.filePath(QStringLiteral("chart.svg"));
        QString error;
        QVERIFY2(exportFigure(plot.get(), path, FigureSize{120, 80, 300, 1}, &error),
                 qPrintable(error));
        const QByteArray svg = readAll(path);
        QXmlStreamReader xml(svg);
        int texts = 0;
        QString width;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("svg"))
                width = xml.attributes().value(QStringLiteral("width")).toString();
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                ++texts;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(width, QStringLiteral("120mm"));
        QVERIFY(texts > 10); // tick labels, axis labels, title, legend
        QVERIFY(svg.contains("Throughput (images/s)"));
        QVERIFY(svg.contains("series 1"));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
    }

    void badInputWritesNothing_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("widthMm");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<QString>("problem");
        QTest::newRow("suffix") << "chart.jpg" << 100.0 << 300 << ".png, .pdf or .svg";
        QTest::newRow("width") << "chart.png" << 0.0 << 300 << "outside 1..2000 mm";
        QTest::newRow("dpi") << "chart.png" << 100.0 << 5 << "outside 10..2400";
    }
    void badInputWritesNothing() {
        QFETCH(QString, name);
        QFETCH(double, widthMm);
        QFETCH(int, dpi);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        auto plot = makeChart();
        QString error;
        QVERIFY(
            !exportFigure(plot.get(), dir.filePath(name), FigureSize{widthMm, 50, dpi, 1}, &error));
        QVERIFY2(error.contains(problem) && error.contains(name), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void failedWriteKeepsOldFile() {
        // A failing export (the folder is read-only) leaves the previous figure as it was. A
        // read-only folder does not stop root, so the export runs in a child that drops to nobody
        // when this is root; the folder is readable and searchable for others, so nobody reaches
        // the file.
        QTemporaryDir dir;
        auto plot = makeChart();
        const QString path = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(exportFigure(plot.get(), path, FigureSize{}));
        const QByteArray before = readAll(path);
        const QFile::Permissions readOnly = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                            QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(dir.path(), readOnly));
        // The file itself is writable for anyone, so an export that wrote into it directly,
        // instead of renaming a new file over it, would change it.
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::WriteGroup |
                                                QFile::ReadOther | QFile::WriteOther));
        const QByteArray answer = runInUnprivilegedChild([&] {
            QString error;
            if (exportFigure(plot.get(), path, FigureSize{50, 50, 300, 1}, &error))
                return std::string("written");
            return ("failed: " + error).toStdString();
        });
        QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner);
        QVERIFY2(answer.startsWith("failed: "), answer.constData());
        QVERIFY2(answer.contains(path.toUtf8()), answer.constData());
        QCOMPARE(readAll(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void directoryInTheWay() {
        // The target is a folder: the export fails, naming the path, and the folder stays.
        QTemporaryDir dir;
        auto plot = makeChart();
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(QDir().mkpath(path));
        QString error;
        QVERIFY(!exportFigure(plot.get(), path, FigureSize{50, 50, 100, 1}, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(QFileInfo(path).isDir());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void tables_data() {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("markdown");
        QTest::newRow("quoting")
            << QStringLiteral("Run,TAR@0.1% (%),Note\nrun-a,\"1,5\",\"say \"\"hi\"\"\"\nrun-b,2,\n")
            << QStringLiteral("| Run | TAR@0.1% (%) | Note |\n| --- | --- | --- |\n| run-a | 1,5 | "
                              "say \"hi\" |\n"
                              "| run-b | 2 |  |\n");
    }
    void tables() {
        QFETCH(QString, csv);
        QFETCH(QString, markdown);
        QStandardItemModel model(2, 3);
        model.setHorizontalHeaderLabels(
            {QStringLiteral("Run"), QStringLiteral("TAR@0.1% (%)"), QStringLiteral("Note")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("run-a")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("1,5")));
        model.setItem(0, 2, new QStandardItem(QStringLiteral("say \"hi\"")));
        model.setItem(1, 0, new QStandardItem(QStringLiteral("run-b")));
        model.setItem(1, 1, new QStandardItem(QStringLiteral("2")));
        const TableData table = tableFromModel(&model);
        QCOMPARE(tableToCsv(table), csv);
        QCOMPARE(tableToMarkdown(table), markdown);
        QTemporaryDir dir;
        QVERIFY(exportTable(table, dir.filePath(QStringLiteral("t.md"))));
        QCOMPARE(QString::fromUtf8(readAll(dir.filePath(QStringLiteral("t.md")))), markdown);
        QString error;
        QVERIFY(!exportTable(table, dir.filePath(QStringLiteral("t.xls")), &error));
        QVERIFY(error.contains(QStringLiteral(".csv or .md")));
    }
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
