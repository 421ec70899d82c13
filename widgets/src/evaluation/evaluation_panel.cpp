// The Evaluation page (facebench/ui/evaluation_panel.h).
#include "facebench/ui/evaluation_panel.h"

#include "charts/chart_actions.h"
#include "evaluation/run_results.h"
#include "facebench/eval_protocols.h"
#include "facebench/evaluation.h"
#include "facebench/ui/chart_style.h"
#include "facebench/ui/eval_charts.h"
#include "facebench/ui/job_runner.h"
#include "facebench/ui/run_figures.h"
#include "facebench/ui/to_qstring.h"
#include "jobs/user_message.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThreadPool>
#include <QUrl>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace fb::ui {

namespace {

QCustomPlot* makePlot(const QString& baseName) {
    auto* plot = new QCustomPlot;
    plot->setMinimumSize(360, 260);
    addChartContextMenu(plot, baseName);
    return plot;
}

QString pct(double v, int decimals = 2) {
    return std::isfinite(v) ? QString::number(100 * v, 'f', decimals) : QStringLiteral("-");
}

// "value [low, high]" with each number written by `format`; the value alone without an interval.
template <typename Format> QString withInterval(double v, double low, double high, Format format) {
    if (!std::isfinite(low) || !std::isfinite(high))
        return format(v);
    return QStringLiteral("%1 [%2, %3]").arg(format(v), format(low), format(high));
}

QString pctWithInterval(double v, double low, double high) {
    return withInterval(v, low, high, [](double x) { return pct(x); });
}

// The tab names showTab takes, in tab order.
const QStringList& tabNames() {
    static const QStringList names{QStringLiteral("roc"),  QStringLiteral("scores"),
                                   QStringLiteral("lfw"),  QStringLiteral("pose"),
                                   QStringLiteral("age"),  QStringLiteral("cmc"),
                                   QStringLiteral("tpir"), QStringLiteral("identification")};
    return names;
}

} // namespace

EvaluationPanel::EvaluationPanel(QWidget* parent) : QWidget(parent) {
    auto* top = new QHBoxLayout;
    m_runEdit = new QLineEdit;
    m_runEdit->setPlaceholderText(tr("Run folder (runs/<name>-<time>)"));
    auto* browse = new QPushButton(tr("Browse…"));
    auto* reload = new QPushButton(tr("Load results"));
    m_evaluate = new QPushButton(tr("Evaluate"));
    m_evaluate->setToolTip(tr("Run the checked protocols on the run's checkpoint (eval job)"));
    auto* exportChart = new QPushButton(tr("Export chart…"));
    auto* exportTable = new QPushButton(tr("Export table…"));
    auto* exportAllButton = new QPushButton(tr("Export all figures"));
    exportAllButton->setToolTip(tr("Every chart of this run as PNG, PDF and SVG into RUN/figures"));
    top->addWidget(new QLabel(tr("Run:")));
    top->addWidget(m_runEdit, 1);
    top->addWidget(browse);
    top->addWidget(reload);
    top->addWidget(m_evaluate);
    top->addWidget(exportChart);
    top->addWidget(exportTable);
    top->addWidget(exportAllButton);

    m_protocols = new QListWidget;
    for (const std::string& p : protocolNames()) {
        auto* item = new QListWidgetItem(toQString(p), m_protocols);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(p == "pairs" ? Qt::Unchecked : Qt::Checked);
    }
    m_protocols->setMaximumWidth(130);
    m_protocols->setToolTip(tr("Protocols to run with Evaluate"));

    m_table = new QTableWidget;
    m_table->setColumnCount(9);
    m_table->setHorizontalHeaderLabels({tr("Set"), tr("Genuine"), tr("Impostor"), tr("TAR@1% (%)"),
                                        tr("TAR@0.1% (%)"), tr("TAR@0.01% (%)"), tr("EER (%)"),
                                        tr("AUC"), tr("Not resolvable")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_tabs = new QTabWidget;
    m_roc = makePlot(QStringLiteral("roc"));
    m_histogram = makePlot(QStringLiteral("scores"));
    m_folds = makePlot(QStringLiteral("lfw-folds"));
    m_pose = makePlot(QStringLiteral("heatmap-pose"));
    m_age = makePlot(QStringLiteral("heatmap-age"));
    m_cmc = makePlot(QStringLiteral("cmc"));
    m_tpir = makePlot(QStringLiteral("tpir-at-fpir"));
    auto* idPage = new QWidget;
    auto* idLayout = new QVBoxLayout(idPage);
    idLayout->setContentsMargins(0, 0, 0, 0);
    m_idTable = new QTableWidget;
    m_idTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_idTable->verticalHeader()->setVisible(false);
    m_idTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_idTable->horizontalHeader()->setStretchLastSection(false); // the galleries side by side
    m_idCaption = new QLabel;
    m_idCaption->setObjectName(QStringLiteral("identificationCaption"));
    m_idCaption->setWordWrap(true);
    idLayout->addWidget(m_idTable, 1);
    idLayout->addWidget(m_idCaption);
    auto* histPage = new QWidget;
    auto* histLayout = new QVBoxLayout(histPage);
    auto* histBar = new QHBoxLayout;
    m_histSet = new QComboBox;
    m_histFar = new QComboBox;
    for (double far : reportedFars())
        m_histFar->addItem(tr("threshold at FAR %1").arg(farLabel(far)), far);
    m_histFar->setCurrentIndex(1);
    histBar->addWidget(new QLabel(tr("Set:")));
    histBar->addWidget(m_histSet, 1);
    histBar->addWidget(m_histFar);
    histLayout->addLayout(histBar);
    histLayout->addWidget(m_histogram, 1);
    histLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(m_roc, tr("ROC"));
    m_tabs->addTab(histPage, tr("Score histograms"));
    m_tabs->addTab(m_folds, tr("LFW folds"));
    m_tabs->addTab(m_pose, tr("Pose similarity"));
    m_tabs->addTab(m_age, tr("Age similarity"));
    m_tabs->addTab(m_cmc, tr("CMC (1:N)"));
    m_tabs->addTab(m_tpir, tr("TPIR at FPIR (1:N)"));
    m_tabs->addTab(idPage, tr("1:N table"));

    auto* left = new QWidget;
    auto* leftLayout = new QHBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_protocols);
    leftLayout->addWidget(m_table, 1);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->setMinimumHeight(190); // seven sets (Tables 3-6 and 15) without scrolling

    m_status = new QLabel(tr("Open a run folder with eval/ results, or evaluate one."));
    m_status->setObjectName(QStringLiteral("evaluationStatus"));
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(buildSourceRow());
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Run folder"), m_runEdit->text());
        if (!dir.isEmpty())
            loadRun(dir);
    });
    connect(reload, &QPushButton::clicked, this, [this] { loadRun(m_runEdit->text()); });
    connect(m_runEdit, &QLineEdit::returnPressed, this, [this] { loadRun(m_runEdit->text()); });
    connect(m_evaluate, &QPushButton::clicked, this, &EvaluationPanel::evaluate);
    connect(exportChart, &QPushButton::clicked, this, [this] {
        const QList<QCustomPlot*> plots{m_roc, m_histogram, m_folds, m_pose, m_age, m_cmc, m_tpir};
        const QStringList names{QStringLiteral("roc"),         QStringLiteral("scores"),
                                QStringLiteral("lfw-folds"),   QStringLiteral("heatmap-pose"),
                                QStringLiteral("heatmap-age"), QStringLiteral("cmc"),
                                QStringLiteral("tpir-at-fpir")};
        const int i = m_tabs->currentIndex();
        if (QCustomPlot* plot = plots.value(i)) // the 1:N table tab has no chart
            exportChartInteractively(this, plot, names.value(i));
        else
            m_status->setText(tr("This tab is a table: use Export table…"));
    });
    connect(exportTable, &QPushButton::clicked, this, [this] {
        const bool identification = m_tabs->currentWidget() == m_idTable->parentWidget();
        exportTableInteractively(
            this, tableFromModel((identification ? m_idTable : m_table)->model()),
            identification ? QStringLiteral("identification") : QStringLiteral("tar-at-far"));
    });
    connect(exportAllButton, &QPushButton::clicked, this, &EvaluationPanel::exportAll);
    connect(m_histSet, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { drawHistogram(); });
    connect(m_histFar, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { drawHistogram(); });
    showResults(std::make_shared<RunResults>());
}

EvaluationPanel::~EvaluationPanel() = default;

void EvaluationPanel::showTab(const QString& name) {
    if (tabNames().contains(name))
        m_tabs->setCurrentIndex(tabNames().indexOf(name));
}

void EvaluationPanel::loadRun(const QString& runDir) {
    if (runDir.isEmpty())
        return;
    m_runDir = runDir;
    m_runEdit->setText(runDir);
    m_status->setText(tr("Loading %1 …").arg(runDir));
    const int generation = ++m_generation;
    QPointer<EvaluationPanel> self(this);
    // Score files of IJB-A-sized sets have a million lines: never on the GUI thread.
    QThreadPool::globalInstance()->start([self, runDir, generation] {
        auto results = loadRunResults(runDir);
        QMetaObject::invokeMethod(
            qApp,
            [self, results, generation] {
                if (self && self->m_generation == generation)
                    self->showResults(results);
            },
            Qt::QueuedConnection);
    });
    emit runChanged(runDir);
}

void EvaluationPanel::loadRunNow(const QString& runDir) {
    m_runDir = runDir;
    m_runEdit->setText(runDir);
    ++m_generation;
    showResults(loadRunResults(runDir));
}

void EvaluationPanel::showResults(std::shared_ptr<RunResults> results) {
    m_results = std::move(results);
    fillTable();
    QList<RocSeries> rocs;
    m_histSet->blockSignals(true);
    m_histSet->clear();
    for (std::size_t i = 0; i < m_results->blocks.size(); ++i) {
        const LoadedBlock& b = m_results->blocks[i];
        if (!b.roc.fpr.empty())
            rocs << b.roc;
        if (!b.scores.genuine.empty())
            m_histSet->addItem(toQString(b.block.label), int(i));
    }
    m_histSet->blockSignals(false);
    plotRocCurves(m_roc, rocs, rocs.isEmpty() ? QString() : tr("ROC: %1").arg(m_results->name));
    m_roc->replot();
    drawHistogram();
    if (const EvalResult* lfw = m_results->find("lfw"))
        plotLfwFolds(m_folds, *lfw, tr("LFW 10-fold accuracy: %1").arg(m_results->name));
    else
        resetChart(m_folds);
    m_folds->replot();
    for (auto [plot, study] : {std::pair{m_pose, "pose"}, std::pair{m_age, "age"}}) {
        if (const SimilarityMatrix* m = m_results->matrix(study))
            plotSimilarityHeatmap(
                plot, *m,
                std::string(study) == "pose"
                    ? tr("VGGFace2 pose templates (%1 subjects)").arg(m->subjects)
                    : tr("VGGFace2 age templates (%1 subjects)").arg(m->subjects));
        else
            resetChart(plot);
        plot->replot();
    }
    showIdentification();
    if (!m_results->error.isEmpty())
        m_status->setText(userMessage(m_results->error));
    else if (m_results->results.empty() && !m_results->dir.isEmpty())
        m_status->setText(tr("%1 has no evaluation results yet: check the protocols and press "
                             "Evaluate.")
                              .arg(QDir::toNativeSeparators(m_results->dir)));
    else if (!m_results->dir.isEmpty())
        m_status->setText(tr("%1: %2 result files, %3 verification sets")
                              .arg(m_results->dir)
                              .arg(m_results->results.size())
                              .arg(m_results->blocks.size()));
    m_status->setStyleSheet(m_results->error.isEmpty() ? QString()
                                                       : QStringLiteral("color: #c0392b;"));
    if (!m_results->dir.isEmpty())
        emit loaded(m_results->dir);
}

void EvaluationPanel::fillTable() {
    m_table->setRowCount(0);
    for (const LoadedBlock& lb : m_results->blocks) {
        const VerificationBlock& b = lb.block;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QStringList unresolved;
        QStringList cells{toQString(b.label), QString::number(b.genuine),
                          QString::number(b.impostor)};
        for (double far : reportedFars()) {
            QString cell = QStringLiteral("-");
            for (std::size_t f = 0; f < b.tarAtFar.size(); ++f) {
                const TarAtFar& t = b.tarAtFar[f];
                if (std::abs(t.far - far) > 1e-12)
                    continue;
                const ConfidenceInterval ci = f < b.tarIntervals.size()
                                                  ? b.tarIntervals[f]
                                                  : ConfidenceInterval{std::nan(""), std::nan("")};
                cell = pctWithInterval(t.tar, ci.low, ci.high);
                if (!t.resolvable) {
                    cell += QStringLiteral(" *");
                    unresolved << farLabel(far);
                }
            }
            cells << cell;
        }
        const double nan = std::nan("");
        cells << pctWithInterval(b.eer, b.hasIntervals ? b.eerInterval.low : nan,
                                 b.hasIntervals ? b.eerInterval.high : nan)
              << withInterval(b.auc, b.hasIntervals ? b.aucInterval.low : nan,
                              b.hasIntervals ? b.aucInterval.high : nan,
                              [](double x) { return QString::number(x, 'f', 4); })
              << (unresolved.isEmpty() ? QString() : unresolved.join(QStringLiteral(", ")));
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c > 0 && c < 8)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QStringList tips;
            if (c >= 3 && c <= 5 && cells[c].endsWith(QLatin1Char('*'))) {
                item->setForeground(QColor(0xB0, 0x30, 0x00));
                tips << tr("Not resolvable: %1 impostor pairs cannot measure this FAR "
                           "(fewer than 1/FAR)")
                            .arg(b.impostor);
            }
            if (c >= 3 && c <= 7 && cells[c].contains(QLatin1Char('[')))
                tips << toQString(b.intervalMethod);
            item->setToolTip(tips.join(QLatin1Char('\n')));
            m_table->setItem(row, c, item);
        }
    }
}

void EvaluationPanel::showIdentification() {
    const std::vector<IdentificationResult>& galleries = m_results->identification;
    const QList<IdentificationResult> list(galleries.begin(), galleries.end());
    const QString name = m_results->name;
    plotCmcCurves(m_cmc, list,
                  list.isEmpty() ? QString() : tr("CMC (1:N closed set): %1").arg(name));
    m_cmc->replot();
    plotTpirCurves(m_tpir, list,
                   list.isEmpty() ? QString() : tr("TPIR at FPIR (1:N open set): %1").arg(name));
    m_tpir->replot();

    // One column per gallery (a transposed table fits beside nothing and never clips), one row
    // per number: the gallery's size, then each rank and FPIR the first gallery reports (both
    // galleries report the same ones).
    QStringList header{tr("Gallery")};
    QStringList methods;
    for (const IdentificationResult& g : galleries) {
        header << g.gallery;
        if (!g.intervalMethod.isEmpty() && !methods.contains(g.intervalMethod))
            methods << g.intervalMethod;
    }
    m_idTable->clear();
    m_idTable->setRowCount(0);
    m_idTable->setColumnCount(int(header.size()));
    m_idTable->setHorizontalHeaderLabels(header);
    auto addRow = [this](const QString& label, const QList<QTableWidgetItem*>& cells) {
        const int row = m_idTable->rowCount();
        m_idTable->insertRow(row);
        m_idTable->setItem(row, 0, new QTableWidgetItem(label));
        for (int c = 0; c < cells.size(); ++c) {
            cells[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_idTable->setItem(row, c + 1, cells[c]);
        }
    };
    auto countRow = [&](const QString& label, int IdentificationResult::*count) {
        QList<QTableWidgetItem*> cells;
        for (const IdentificationResult& g : galleries)
            cells << new QTableWidgetItem(QString::number(g.*count));
        addRow(label, cells);
    };
    // "value [low, high]" at `x`, " *" and a tooltip where not resolvable, the method as the
    // tooltip of an interval; "-" where the gallery lacks `x`.
    auto rateItem = [](const std::vector<RatePoint>& points, double x, const QString& method) {
        for (const RatePoint& p : points)
            if (p.x == x) {
                auto* item =
                    new QTableWidgetItem(pctWithInterval(p.rate, p.low, p.high) +
                                         (p.resolvable ? QString() : QStringLiteral(" *")));
                QStringList tips;
                if (!p.resolvable) {
                    item->setForeground(QColor(0xB0, 0x30, 0x00));
                    tips << tr("Not resolvable: too few non-mated probes to measure this "
                               "FPIR (fewer than 1/FPIR)");
                }
                if (p.hasInterval())
                    tips << method;
                item->setToolTip(tips.join(QLatin1Char('\n')));
                return item;
            }
        return new QTableWidgetItem(QStringLiteral("-"));
    };
    auto rateRow = [&](const QString& label, std::vector<RatePoint> IdentificationResult::*list,
                       double x) {
        QList<QTableWidgetItem*> cells;
        for (const IdentificationResult& g : galleries)
            cells << rateItem(g.*list, x, g.intervalMethod);
        addRow(label, cells);
    };
    if (!galleries.empty()) {
        countRow(tr("Subjects"), &IdentificationResult::gallerySubjects);
        countRow(tr("Mated probes"), &IdentificationResult::matedProbes);
        countRow(tr("Non-mated probes"), &IdentificationResult::nonMatedProbes);
        for (const RatePoint& p : galleries.front().rankK)
            rateRow(tr("Rank-%1 (%)").arg(p.x), &IdentificationResult::rankK, p.x);
        for (const RatePoint& p : galleries.front().tpir)
            rateRow(tr("TPIR@FPIR %1 (%)").arg(farLabel(p.x)), &IdentificationResult::tpir, p.x);
    }
    if (galleries.empty())
        m_idCaption->setText(tr("No 1:N identification results: evaluate the run with the ijb "
                                "protocol on IJB-B/C-style data."));
    else
        m_idCaption->setText(
            tr("Values in %, [low, high] their intervals; * not resolvable.") +
            (methods.isEmpty() ? QString() : QLatin1Char(' ') + methods.join(QStringLiteral(" "))));
}

void EvaluationPanel::drawHistogram() {
    const int i = m_histSet->currentData().toInt();
    if (!m_results || m_histSet->count() == 0 || i < 0 || i >= int(m_results->blocks.size())) {
        resetChart(m_histogram);
        m_histogram->replot();
        return;
    }
    const LoadedBlock& b = m_results->blocks[static_cast<std::size_t>(i)];
    const double far = m_histFar->currentData().toDouble();
    const TarAtFar t = tarAtFar(sortScores(b.scores), far);
    plotScoreHistogram(m_histogram, b.scores, t.threshold,
                       tr("threshold at FAR %1: %2").arg(farLabel(far)).arg(t.threshold, 0, 'f', 3),
                       tr("Scores: %1").arg(toQString(b.block.label)));
    m_histogram->replot();
}

void EvaluationPanel::evaluate() {
    const QString run = m_runEdit->text();
    const bool pretrained = !m_source->currentData().toString().isEmpty();
    if (run.isEmpty() || (!pretrained && !QFileInfo(run).isDir())) {
        QMessageBox::warning(this, tr("Evaluate"), tr("Choose a run folder first."));
        return;
    }
    if (!m_runner) {
        m_status->setText(tr("No job runner: evaluation needs the workbench window."));
        return;
    }
    EvalRequest request;
    if (!pretrained)
        request.runDir = run.toStdString();
    else if (!pretrainedRequest(run, request))
        return;
    for (int i = 0; i < m_protocols->count(); ++i)
        if (m_protocols->item(i)->checkState() == Qt::Checked)
            request.protocols.push_back(m_protocols->item(i)->text().toStdString());
    if (request.protocols.empty()) {
        m_status->setText(tr("Check at least one protocol."));
        return;
    }
    JobSpec spec;
    spec.title = tr("Evaluate %1").arg(QFileInfo(run).fileName());
    spec.kind = QStringLiteral("evaluation");
    spec.device = QStringLiteral("cpu");
    spec.run = [request](JobContext& context) {
        fb::evaluate(request, [&context](const std::string& line) {
            context.setStatus(-1, toQString(line));
            context.post(toQString(line));
        });
    };
    const int id = m_runner->submit(spec);
    m_evaluate->setEnabled(false);
    m_status->setText(
        tr("Evaluation queued: it runs when the CPU is free (progress on the Jobs page)…"));
    // Both connections end with this job: every press would otherwise add two more for good.
    auto progress = std::make_shared<QMetaObject::Connection>();
    auto finished = std::make_shared<QMetaObject::Connection>();
    *progress = connect(m_runner, &JobRunner::jobProgress, this,
                        [this, id](int job, const QVariantList& events) {
                            if (job == id && !events.isEmpty())
                                m_status->setText(events.last().toString());
                        });
    *finished = connect(
        m_runner, &JobRunner::jobFinished, this,
        [this, id, run, progress, finished](int job, JobState state) {
            if (job != id)
                return;
            disconnect(*progress);
            disconnect(*finished);
            m_evaluate->setEnabled(true);
            if (state == JobState::Done)
                loadRun(run);
            else
                m_status->setText(
                    tr("Evaluation %1: %2").arg(jobStateText(state), m_runner->info(id).error));
        });
}

void EvaluationPanel::exportAll() {
    if (m_runDir.isEmpty())
        return;
    FigureSizeDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    RunFiguresOptions options;
    options.size = dialog.size();
    QStringList written;
    QString error;
    if (!exportRunFigures(m_runDir, options, &written, &error)) {
        QMessageBox::warning(this, tr("Export all figures"), error);
        return;
    }
    m_status->setText(tr("Wrote %1 files to %2")
                          .arg(written.size())
                          .arg(QFileInfo(written.first()).absolutePath()));
}

} // namespace fb::ui
