// The Comparison page (facebench/ui/comparison_panel.h).
#include "facebench/ui/comparison_panel.h"

#include "charts/chart_actions.h"
#include "evaluation/run_results.h"
#include "facebench/eval_report.h"
#include "facebench/report_render.h"
#include "facebench/run_directory.h"
#include "facebench/run_metrics.h"
#include "facebench/ui/chart_style.h"
#include "facebench/ui/eval_charts.h"
#include "facebench/ui/run_figures.h"
#include "facebench/ui/to_qstring.h"
#include "jobs/user_message.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace fb::ui {

namespace {

// One report cell as a table item: its text as the report prints it, the exact number for
// sorting and copying, and a tooltip for an interval or the not-resolvable mark.
QTableWidgetItem* itemFor(const ReportCell& cell) {
    auto* item = new QTableWidgetItem(toQString(cellText(cell)));
    if (cell.kind == ReportCell::Kind::Number) {
        item->setData(Qt::UserRole, cell.number);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    QStringList tips;
    if (cell.interval)
        tips << ComparisonPanel::tr("%1% interval (%2): %3 to %4")
                    .arg(100 * cell.interval->level)
                    .arg(toQString(cell.interval->method))
                    .arg(toQString(fixedText(cell.interval->low, cell.decimals)))
                    .arg(toQString(fixedText(cell.interval->high, cell.decimals)));
    if (cell.has(CellFlag::NotResolvable)) {
        // Marked as the Evaluation page marks a TAR at a FAR the set cannot resolve.
        item->setForeground(QColor(0xB0, 0x30, 0x00));
        tips << ComparisonPanel::tr(
            "Not resolvable: the set has fewer impostor pairs than 1/FAR, so this TAR "
            "is not measured at that FAR");
    }
    if (!tips.isEmpty())
        item->setToolTip(tips.join(QLatin1Char('\n')));
    return item;
}

void fillTable(QTableWidget* table, const ReportTable* report) {
    table->clear();
    table->setRowCount(0);
    table->setColumnCount(0);
    if (!report)
        return;
    QStringList headers;
    for (const ReportColumn& c : report->columns)
        headers << toQString(c.header);
    table->setColumnCount(headers.size());
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(static_cast<int>(report->rows.size()));
    for (std::size_t r = 0; r < report->rows.size(); ++r)
        for (std::size_t c = 0; c < report->rows[r].size() && c < report->columns.size(); ++c)
            table->setItem(static_cast<int>(r), static_cast<int>(c), itemFor(report->rows[r][c]));
    table->resizeColumnsToContents();
}

const ReportTable* tableKeyed(const std::vector<ReportTable>& tables, const std::string& key) {
    for (const ReportTable& t : tables)
        if (t.key == key)
            return &t;
    return nullptr;
}

QTableWidget* makeTable() {
    auto* t = new QTableWidget;
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->setVisible(false);
    return t;
}

} // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent) : QWidget(parent) {
    m_runs = new QListWidget;
    m_runs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* add = new QPushButton(tr("Add run…"));
    auto* remove = new QPushButton(tr("Remove"));
    m_metric = new QComboBox;
    m_metric->addItem(tr("Training loss"), QStringLiteral("loss"));
    m_metric->addItem(tr("Training accuracy"), QStringLiteral("acc"));
    m_set = new QComboBox;
    m_set->setToolTip(tr("The verification set whose ROCs are overlaid"));
    auto* copy = new QPushButton(tr("Copy table (Markdown)"));
    auto* exportChart = new QPushButton(tr("Export chart…"));
    auto* exportTable = new QPushButton(tr("Export table…"));
    auto* side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("Runs:")));
    side->addWidget(m_runs, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    side->addLayout(buttons);
    side->addWidget(new QLabel(tr("Curve:")));
    side->addWidget(m_metric);
    side->addWidget(new QLabel(tr("ROC of:")));
    side->addWidget(m_set);
    side->addWidget(copy);
    side->addWidget(exportChart);
    side->addWidget(exportTable);
    auto* sideWidget = new QWidget;
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(300);

    m_curves = new QCustomPlot;
    m_roc = new QCustomPlot;
    addChartContextMenu(m_curves, QStringLiteral("training-curves"));
    addChartContextMenu(m_roc, QStringLiteral("roc-comparison"));
    m_table3 = makeTable();
    m_table15 = makeTable();
    auto* tables = new QWidget;
    auto* tablesLayout = new QVBoxLayout(tables);
    tablesLayout->addWidget(new QLabel(tr("Table 3 layout: LFW accuracy, VGGFace2 pose and age "
                                          "similarity, IJB-A cross-quality TAR (%)")));
    tablesLayout->addWidget(m_table3, 2);
    tablesLayout->addWidget(new QLabel(tr("Table 15 layout: DFW and UMDFaces tracks, TAR (%)")));
    tablesLayout->addWidget(m_table15, 1);
    auto* note = new QLabel(tr("<span style='color:#b03000'>*</span> not resolvable: the set has "
                               "fewer impostor pairs than 1/FAR, so that TAR is not measured."));
    tablesLayout->addWidget(note);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_curves, tr("Training curves"));
    m_tabs->addTab(m_roc, tr("ROC"));
    m_tabs->addTab(tables, tr("Results table"));
    m_status = new QLabel(tr("Add two or more runs to compare them."));
    m_status->setWordWrap(true);
    auto* right = new QVBoxLayout;
    right->addWidget(m_tabs, 1);
    right->addWidget(m_status);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(sideWidget);
    layout->addLayout(right, 1);

    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Run folder"));
        if (!dir.isEmpty())
            addRun(dir);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_runs->selectedItems());
        refresh();
    });
    connect(m_metric, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { drawCurves(); });
    connect(m_set, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { drawRoc(); });
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(tableMarkdown());
        m_status->setText(tr("Copied the table as Markdown."));
    });
    connect(exportChart, &QPushButton::clicked, this, [this] {
        if (m_tabs->currentIndex() == 1)
            exportChartInteractively(this, m_roc, QStringLiteral("roc-comparison"));
        else
            exportChartInteractively(this, m_curves, QStringLiteral("training-curves"));
    });
    connect(exportTable, &QPushButton::clicked, this, [this] { exportTables(); });
    refresh();
}

QStringList ComparisonPanel::runs() const {
    QStringList out;
    for (int i = 0; i < m_runs->count(); ++i)
        out << m_runs->item(i)->data(Qt::UserRole).toString();
    return out;
}

void ComparisonPanel::setRuns(const QStringList& runDirs) {
    m_runs->clear();
    for (const QString& d : runDirs) {
        auto* item = new QListWidgetItem(QFileInfo(QDir::cleanPath(d)).fileName(), m_runs);
        item->setData(Qt::UserRole, d);
        item->setToolTip(d);
    }
    refresh();
}

void ComparisonPanel::addRun(const QString& runDir) {
    QStringList r = runs();
    if (!r.contains(runDir))
        r << runDir;
    setRuns(r);
}

void ComparisonPanel::refresh() {
    const QStringList dirs = runs();
    // The sets any run has, for the ROC choice.
    const QString current = m_set->currentText();
    QStringList sets;
    for (const QString& d : dirs) {
        const auto loaded = loadRunResults(d, false); // kept alive while its blocks are read
        for (const auto& b : loaded->blocks)
            if (!sets.contains(toQString(b.block.label)))
                sets << toQString(b.block.label);
    }
    m_set->blockSignals(true);
    m_set->clear();
    m_set->addItems(sets);
    if (sets.contains(current))
        m_set->setCurrentText(current);
    m_set->blockSignals(false);
    drawCurves();
    drawRoc();
    std::vector<ReportTable> tables;
    std::vector<std::string> withEval;
    for (const QString& d : dirs)
        if (RunDirectory(d.toStdString()).hasEvalResults())
            withEval.push_back(d.toStdString());
    try {
        if (!withEval.empty())
            tables = buildEvalReport(withEval);
        m_status->setText(
            tr("%1 runs, %2 with evaluation results").arg(dirs.size()).arg(withEval.size()));
    } catch (const std::exception& e) {
        m_status->setText(userMessage(toQString(e.what())));
    }
    showTables(tables);
}

void ComparisonPanel::showTables(const std::vector<ReportTable>& tables) {
    m_tables = tables;
    fillTable(m_table3, tableKeyed(m_tables, "table3"));
    fillTable(m_table15, tableKeyed(m_tables, "table15"));
}

QString ComparisonPanel::tableMarkdown() const {
    return m_tables.empty() ? QString() : toQString(renderMarkdown(m_tables));
}

// Both tables from the report itself (not the items' text): CSV, Markdown or JSON by suffix.
void ComparisonPanel::exportTables() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export table"), exportStartPath(QStringLiteral("comparison.csv")),
        tr("CSV (*.csv);;Markdown (*.md);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const std::string format = suffix == QLatin1String("md")     ? "md"
                               : suffix == QLatin1String("json") ? "json"
                                                                 : "csv";
    QString error;
    if (!writeTextFileAtomically(path, toQString(renderReport(m_tables, format)), &error)) {
        QMessageBox::warning(this, tr("Export table"), error);
        return;
    }
    rememberExportFolder(path);
    m_status->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
}

void ComparisonPanel::drawCurves() {
    QList<QPair<QString, RunMetrics>> series;
    for (const QString& d : runs()) {
        const RunDirectory run(d.toStdString());
        if (!run.hasMetrics())
            continue;
        try {
            series << qMakePair(QFileInfo(QDir::cleanPath(d)).fileName(), run.readMetrics());
        } catch (const std::exception& e) {
            m_status->setText(userMessage(toQString(e.what())));
        }
    }
    plotTrainingCurves(m_curves, series, m_metric->currentData().toString(),
                       m_metric->currentText());
    m_curves->replot();
}

void ComparisonPanel::drawRoc() {
    QList<RocSeries> rocs;
    const std::string set = m_set->currentText().toStdString();
    for (const QString& d : runs()) {
        const auto loaded = loadRunResults(d, false);
        for (const auto& b : loaded->blocks) {
            if (b.block.label != set || b.block.scoresFile.empty())
                continue;
            try {
                ScoreSet scores;
                for (const ScoredPair& p : readScoredPairs(b.block.scoresFile))
                    (p.same ? scores.genuine : scores.impostor).push_back(p.score);
                rocs << rocSeries(QFileInfo(QDir::cleanPath(d)).fileName(), scores);
                rocs.back().intervals = tarIntervalPoints(b.block);
            } catch (const std::exception& e) {
                m_status->setText(userMessage(toQString(e.what())));
            }
        }
    }
    plotRocCurves(m_roc, rocs, set.empty() ? QString() : tr("ROC: %1").arg(toQString(set)));
    m_roc->replot();
}

} // namespace fb::ui
