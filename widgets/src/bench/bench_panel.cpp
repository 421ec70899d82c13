// The Benchmark page (facebench/ui/bench_panel.h).
#include "facebench/ui/bench_panel.h"

#include "charts/chart_actions.h"
#include "experiment/pretrained_choices.h"
#include "facebench/model_catalog.h"
#include "facebench/pretrained_weights.h"
#include "facebench/run_directory.h"
#include "facebench/ui/bench_charts.h"
#include "facebench/ui/chart_style.h"
#include "facebench/ui/job_runner.h"
#include "facebench/ui/to_qstring.h"
#include "jobs/user_message.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <memory>

namespace fb::ui {

BenchPanel::BenchPanel(QWidget* parent) : QWidget(parent) {
    m_models = new QListWidget;
    for (const ModelInfo& m : modelCatalog()) {
        auto* item = new QListWidgetItem(toQString(m.name), m_models);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m.name.rfind("small-resnet", 0) == 0 ? Qt::Checked : Qt::Unchecked);
    }
    // The pretrained networks are catalog models: their entries say whether the weights are
    // installed, and one button checks the installed ones.
    auto* pretrained = new QPushButton(tr("Check the pretrained networks"));
    pretrained->setObjectName(QStringLiteral("benchPretrained"));
    QStringList installed;
    for (const PretrainedChoice& choice : pretrainedChoices()) {
        for (QListWidgetItem* item : m_models->findItems(choice.model, Qt::MatchExactly))
            item->setToolTip(choice.installed
                                 ? tr("Pretrained, installed: %1\n%2\nThroughput does not "
                                      "depend on the weights.")
                                       .arg(choice.description, choice.weights)
                                 : tr("Pretrained, not installed: run %1")
                                       .arg(toQString(pretrainedSetupCommand())));
        if (choice.installed)
            installed << choice.model;
    }
    pretrained->setEnabled(!installed.isEmpty());
    pretrained->setToolTip(installed.isEmpty()
                               ? pretrainedSetupHint()
                               : tr("Check %1").arg(installed.join(QStringLiteral(", "))));
    connect(pretrained, &QPushButton::clicked, this, [this, installed] {
        for (const QString& model : installed)
            for (QListWidgetItem* item : m_models->findItems(model, Qt::MatchExactly))
                item->setCheckState(Qt::Checked);
    });
    m_batches = new QLineEdit(QStringLiteral("8,16,32"));
    m_devices = new QLineEdit(QStringLiteral("cpu"));
    m_devices->setToolTip(tr("cpu, cuda or cuda:N; comma-separated for several (Fig. 3 scaling)"));
    m_precision = new QComboBox;
    m_precision->addItems({QStringLiteral("fp32"), QStringLiteral("amp")});
    m_iterations = new QSpinBox;
    m_iterations->setRange(1, 100000);
    m_iterations->setValue(10);
    m_warmup = new QSpinBox;
    m_warmup->setRange(1, 1000);
    m_warmup->setValue(2);
    m_memoryCap = new QSpinBox;
    m_memoryCap->setRange(0, 1 << 20);
    m_memoryCap->setSuffix(tr(" MiB"));
    m_memoryCap->setSpecialValueText(tr("no cap"));
    m_outputFolder = new QLineEdit;
    m_outputFolder->setObjectName(QStringLiteral("benchOutputFolder"));
    m_outputFolder->setPlaceholderText(tr("runs/ in the working folder"));
    m_outputFolder->setToolTip(tr("Each benchmark is saved in a bench-<date>-<time> folder here"));
    auto* chooseOutput = new QPushButton(tr("…"));
    chooseOutput->setToolTip(tr("Choose the folder"));
    connect(chooseOutput, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Save benchmarks in"), outputFolder());
        if (!folder.isEmpty())
            m_outputFolder->setText(folder);
    });
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_outputFolder, 1);
    outputRow->addWidget(chooseOutput);
    m_run = new QPushButton(tr("Run benchmark"));
    auto* open = new QPushButton(tr("Open bench.json…"));
    auto* exportChart = new QPushButton(tr("Export chart…"));
    auto* form = new QFormLayout;
    form->addRow(tr("Models:"), m_models);
    form->addRow(QString(), pretrained);
    form->addRow(tr("Batch sizes:"), m_batches);
    form->addRow(tr("Devices:"), m_devices);
    form->addRow(tr("Precision:"), m_precision);
    form->addRow(tr("Timed iterations:"), m_iterations);
    form->addRow(tr("Warm-up iterations:"), m_warmup);
    form->addRow(tr("CPU memory cap:"), m_memoryCap);
    form->addRow(tr("Save to:"), outputRow);
    form->addRow(m_run);
    form->addRow(open);
    form->addRow(exportChart);
    auto* config = new QWidget;
    config->setLayout(form);
    config->setMaximumWidth(330);

    m_tabs = new QTabWidget;
    m_throughput = new QCustomPlot;
    m_scaling = new QCustomPlot;
    m_time = new QCustomPlot;
    addChartContextMenu(m_throughput, QStringLiteral("throughput"));
    addChartContextMenu(m_scaling, QStringLiteral("scaling"));
    addChartContextMenu(m_time, QStringLiteral("time-split"));
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_tabs->addTab(m_throughput, tr("Throughput (Fig. 2)"));
    m_tabs->addTab(m_scaling, tr("Scaling (Fig. 3)"));
    m_tabs->addTab(m_time, tr("Data vs compute"));
    m_tabs->addTab(m_table, tr("Rows"));

    m_status = new QLabel(tr("Configure a sweep and run it, or open a stored bench.json."));
    m_status->setWordWrap(true);
    auto* right = new QVBoxLayout;
    right->addWidget(m_tabs, 1);
    right->addWidget(m_status);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(config);
    layout->addLayout(right, 1);

    connect(m_run, &QPushButton::clicked, this, &BenchPanel::run);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open benchmark"), QString(),
                                                          tr("Benchmark (bench.json *.json)"));
        QString error;
        if (!path.isEmpty() && !openBenchJson(path, &error))
            QMessageBox::warning(this, tr("Open benchmark"), userMessage(error));
    });
    connect(exportChart, &QPushButton::clicked, this, [this] {
        const QList<QCustomPlot*> plots{m_throughput, m_scaling, m_time};
        const QStringList names{QStringLiteral("throughput"), QStringLiteral("scaling"),
                                QStringLiteral("time-split")};
        const int i = m_tabs->currentIndex();
        if (i < plots.size())
            exportChartInteractively(this, plots[i], names[i]);
        else
            exportTableInteractively(this, tableFromModel(m_table->model()),
                                     QStringLiteral("bench"));
    });
    setResult(BenchResult{});
}

BenchOptions BenchPanel::options() const {
    BenchOptions o;
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->checkState() == Qt::Checked)
            o.models.push_back(m_models->item(i)->text().toStdString());
    for (const QString& b : m_batches->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.batchSizes.push_back(b.trimmed().toLongLong());
    o.devices.clear();
    for (const QString& d : m_devices->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.devices.push_back(d.trimmed().toStdString());
    o.precision = m_precision->currentText().toStdString();
    o.iterations = m_iterations->value();
    o.warmup = m_warmup->value();
    o.memoryCapMb = m_memoryCap->value();
    return o;
}

bool BenchPanel::openBenchJson(const QString& path, QString* error) {
    BenchResult r;
    QString message;
    if (!readBenchJson(path, &r, &message)) {
        m_status->setText(message);
        if (error)
            *error = message;
        return false;
    }
    setResult(r);
    m_status->setText(
        tr("%1: %2 rows, started %3").arg(path).arg(r.rows.size()).arg(toQString(r.startedAt)));
    return true;
}

void BenchPanel::showTab(const QString& name) {
    const QStringList names{QStringLiteral("throughput"), QStringLiteral("scaling"),
                            QStringLiteral("time"), QStringLiteral("rows")};
    if (const int i = int(names.indexOf(name.toLower())); i >= 0)
        m_tabs->setCurrentIndex(i);
}

void BenchPanel::setResult(const BenchResult& result) {
    m_result = result;
    plotThroughput(m_throughput, result, tr("Throughput against batch size"));
    plotScaling(m_scaling, result, tr("Scaling with eq. 6 speedup"));
    plotTimeSplit(m_time, result,
                  anyAllReduceTime(result)
                      ? tr("Data loading, compute and all-reduce per iteration")
                      : tr("Data loading against compute per iteration"));
    for (QCustomPlot* p : {m_throughput, m_scaling, m_time})
        p->replot();
    const QStringList header{tr("Model"),       tr("Batch"),          tr("Device"),
                             tr("Precision"),   tr("Input"),          tr("Images/s"),
                             tr("ms median"),   tr("ms p90"),         tr("Peak mem (MiB)"),
                             tr("t_data (ms)"), tr("t_compute (ms)"), tr("Bound"),
                             tr("Status")};
    m_table->clear();
    m_table->setColumnCount(header.size());
    m_table->setHorizontalHeaderLabels(header);
    m_table->setRowCount(int(result.rows.size()));
    for (int r = 0; r < int(result.rows.size()); ++r) {
        const BenchRow& row = result.rows[static_cast<std::size_t>(r)];
        const QStringList cells{toQString(row.model),
                                QString::number(row.batch),
                                toQString(row.device),
                                toQString(row.precision),
                                toQString(row.input),
                                QString::number(row.imagesPerSec, 'f', 1),
                                QString::number(row.msMedian, 'f', 1),
                                QString::number(row.msP90, 'f', 1),
                                QString::number(row.peakMemMb, 'f', 0),
                                QString::number(1000 * row.tData, 'f', 2),
                                QString::number(1000 * row.tCompute, 'f', 1),
                                toQString(row.bound),
                                toQString(row.status)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (row.status != "ok")
                item->setToolTip(toQString(row.message));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
}

void BenchPanel::setRunsFolder(const QString& folder) {
    m_outputFolder->setText(QDir::toNativeSeparators(folder));
}

QString BenchPanel::outputFolder() const {
    const QString chosen = m_outputFolder->text().trimmed();
    return chosen.isEmpty() ? QDir::current().filePath(QStringLiteral("runs"))
                            : QDir::fromNativeSeparators(chosen);
}

void BenchPanel::run() {
    if (!m_runner) {
        m_status->setText(tr("No job runner: benchmarks need the workbench window."));
        return;
    }
    const BenchOptions o = options();
    try {
        validateBenchOptions(o);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Benchmark"), toQString(e.what()));
        return;
    }
    auto job = std::make_shared<BenchJob>(o);
    auto result = std::make_shared<BenchResult>();
    // A benchmark of its own is a run named bench-<time>, its rows in that run's bench folder.
    const QString outDir =
        toQString(RunDirectory::stamped(outputFolder().toStdString(), "bench").benchDir());
    JobSpec spec;
    spec.title = tr("Benchmark %1 models").arg(o.models.size());
    spec.kind = QStringLiteral("benchmark");
    spec.device = toQString(o.devices.empty() ? std::string("cpu") : o.devices.front());
    spec.run = [job, result, outDir](JobContext& context) {
        *result = job->run([&context](const BenchProgress& p) {
            context.setStatus(p.total > 0 ? double(p.index) / p.total : -1, toQString(p.message));
            if (p.row)
                context.post(toQString(p.message));
        });
        writeBenchResults(*result, outDir.toStdString());
    };
    spec.onCancel = [job] { job->cancel(); };
    const int id = m_runner->submit(spec);
    m_run->setEnabled(false);
    m_status->setText(
        tr("Benchmark queued: it runs when its device is free (progress on the Jobs page)…"));
    // Both connections end with this job: every run would otherwise add two more for good.
    auto changed = std::make_shared<QMetaObject::Connection>();
    auto finished = std::make_shared<QMetaObject::Connection>();
    *changed = connect(m_runner, &JobRunner::jobChanged, this, [this, id](int job) {
        if (job == id)
            m_status->setText(m_runner->info(id).status);
    });
    *finished = connect(
        m_runner, &JobRunner::jobFinished, this,
        [this, id, result, outDir, changed, finished](int job, JobState state) {
            if (job != id)
                return;
            disconnect(*changed);
            disconnect(*finished);
            m_run->setEnabled(true);
            if (state == JobState::Done || state == JobState::Cancelled) {
                setResult(*result);
                m_status->setText(
                    tr("%1 configurations; written to %2").arg(result->rows.size()).arg(outDir));
            } else {
                // Rows measured before a failure (bench.json not writable) are still shown.
                if (!result->rows.empty())
                    setResult(*result);
                m_status->setText(tr("Benchmark failed: %1").arg(m_runner->info(id).error));
            }
        });
}

} // namespace fb::ui
