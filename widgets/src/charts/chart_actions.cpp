// Interactive chart and table export (chart_actions.h).
#include "charts/chart_actions.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

#include <qcustomplot.h>

namespace fb::ui {

FigureSizeDialog::FigureSizeDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Figure size"));
    QSettings settings;
    auto* form = new QFormLayout(this);
    m_width = new QDoubleSpinBox;
    m_width->setRange(10, 1000);
    m_width->setSuffix(tr(" mm"));
    m_width->setValue(settings.value(QStringLiteral("figures/widthMm"), 160).toDouble());
    m_height = new QDoubleSpinBox;
    m_height->setRange(10, 1000);
    m_height->setSuffix(tr(" mm"));
    m_height->setValue(settings.value(QStringLiteral("figures/heightMm"), 100).toDouble());
    m_dpi = new QSpinBox;
    m_dpi->setRange(72, 1200);
    m_dpi->setSuffix(tr(" DPI"));
    m_dpi->setValue(settings.value(QStringLiteral("figures/dpi"), 300).toInt());
    m_scale = new QDoubleSpinBox;
    m_scale->setRange(0.25, 8);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(settings.value(QStringLiteral("figures/pngScale"), 1.0).toDouble());
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    form->addRow(tr("Resolution (PNG):"), m_dpi);
    form->addRow(tr("PNG scale factor:"), m_scale);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings s;
        s.setValue(QStringLiteral("figures/widthMm"), m_width->value());
        s.setValue(QStringLiteral("figures/heightMm"), m_height->value());
        s.setValue(QStringLiteral("figures/dpi"), m_dpi->value());
        s.setValue(QStringLiteral("figures/pngScale"), m_scale->value());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

FigureSize FigureSizeDialog::size() const {
    FigureSize s;
    s.widthMm = m_width->value();
    s.heightMm = m_height->value();
    s.dpi = m_dpi->value();
    s.pngScale = m_scale->value();
    return s;
}

namespace {
const QString lastExportFolderKey = QStringLiteral("export/lastFolder");
} // namespace

QString exportStartPath(const QString& fileName) {
    QString folder = QSettings().value(lastExportFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(fileName);
}

void rememberExportFolder(const QString& writtenPath) {
    QSettings().setValue(lastExportFolderKey, QFileInfo(writtenPath).absolutePath());
}

QString exportChartInteractively(QWidget* parent, QCustomPlot* plot, const QString& baseName) {
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export figure"), exportStartPath(baseName + QStringLiteral(".png")),
        QObject::tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return {};
    FigureSizeDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QString error;
    if (!exportFigure(plot, path, dialog.size(), &error)) {
        QMessageBox::warning(parent, QObject::tr("Export figure"), error);
        return {};
    }
    rememberExportFolder(path);
    return path;
}

QString exportTableInteractively(QWidget* parent, const TableData& table, const QString& baseName) {
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export table"), exportStartPath(baseName + QStringLiteral(".csv")),
        QObject::tr("CSV (*.csv);;Markdown (*.md)"));
    if (path.isEmpty())
        return {};
    QString error;
    if (!exportTable(table, path, &error)) {
        QMessageBox::warning(parent, QObject::tr("Export table"), error);
        return {};
    }
    rememberExportFolder(path);
    return path;
}

void addChartContextMenu(QCustomPlot* plot, const QString& baseName) {
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        plot, &QWidget::customContextMenuRequested, plot, [plot, baseName](const QPoint& at) {
            QMenu menu(plot);
            menu.addAction(QObject::tr("Export figure (PNG, PDF, SVG)…"), plot,
                           [plot, baseName] { exportChartInteractively(plot, plot, baseName); });
            menu.exec(plot->mapToGlobal(at));
        });
}

} // namespace fb::ui
