// The Study panel (facebench/ui/study_panel.h).
#include "facebench/ui/study_panel.h"

#include "facebench/report_render.h"
#include "facebench/run_directory.h"
#include "facebench/study.h"
#include "facebench/training_job.h"
#include "facebench/ui/figure_export.h"
#include "facebench/ui/job_runner.h"
#include "facebench/ui/to_qstring.h"

#include "charts/chart_actions.h"
#include "study/colour_scale.h"
#include "study/study_editor.h"
#include "study/study_figure.h"
#include "study/study_grid.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <atomic>
#include <cmath>
#include <limits>

namespace fb::ui {
namespace {

const QString kNoAxis = QStringLiteral("\u2014");

QString statusText(StudyCellStatus status) {
    switch (status) {
    case StudyCellStatus::Pending:
        return StudyPanel::tr("pending");
    case StudyCellStatus::Running:
        return StudyPanel::tr("running");
    case StudyCellStatus::Done:
        return StudyPanel::tr("done");
    case StudyCellStatus::Failed:
        return StudyPanel::tr("failed");
    }
    return {};
}

QString durationText(double seconds) {
    const int s = int(std::lround(seconds));
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The worker's JobContext while the study runs, for the runner's callbacks (made before it).
struct ContextRelay {
    std::atomic<JobContext*> context{nullptr};
};

QComboBox* choiceBox(const QString& name) {
    auto* box = new QComboBox;
    box->setObjectName(name);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

} // namespace

StudyPanel::StudyPanel(JobRunner* jobs, QWidget* parent) : QWidget(parent), m_jobs(jobs) {
    setObjectName(QStringLiteral("studyPanel"));
    m_model = std::make_unique<StudyGrid>();

    auto* openFile = new QPushButton(tr("Open Study File…"));
    openFile->setObjectName(QStringLiteral("studyOpenFile"));
    auto* openFolder = new QPushButton(tr("Open Study Folder…"));
    openFolder->setObjectName(QStringLiteral("studyOpenFolder"));
    m_title = new QLabel(tr("No study open."));
    m_title->setObjectName(QStringLiteral("studyTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long study name or path must not widen the page past a laptop screen.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_outDir = new QLineEdit;
    m_outDir->setObjectName(QStringLiteral("studyOutDir"));
    m_outDir->setPlaceholderText(tr("output folder"));
    auto* browseOut = new QPushButton(tr("Browse…"));
    auto* top = new QHBoxLayout;
    top->addWidget(openFile);
    top->addWidget(openFolder);
    top->addWidget(m_title, 1);
    top->addWidget(new QLabel(tr("Output:")));
    top->addWidget(m_outDir, 1);
    top->addWidget(browseOut);

    m_run = new QPushButton(tr("Run"));
    m_run->setObjectName(QStringLiteral("studyRun"));
    m_pause = new QPushButton(tr("Pause"));
    m_pause->setObjectName(QStringLiteral("studyPause"));
    m_pause->setToolTip(tr("The running cell saves a checkpoint; Run continues from it."));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("studyCancel"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("studyStatus"));
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_exportTable = new QPushButton(tr("Export Table…"));
    m_exportTable->setObjectName(QStringLiteral("studyExportTable"));
    m_exportFigure = new QPushButton(tr("Export Figure…"));
    m_exportFigure->setObjectName(QStringLiteral("studyExportFigure"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_run);
    actions->addWidget(m_pause);
    actions->addWidget(m_cancel);
    actions->addWidget(m_status, 1);
    actions->addWidget(m_exportTable);
    actions->addWidget(m_exportFigure);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("studyError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    // The grid tab: axes and metric, the filters, the table with its legend beside the figure.
    m_rows = choiceBox(QStringLiteral("studyRows"));
    m_columns = choiceBox(QStringLiteral("studyColumns"));
    m_metric = choiceBox(QStringLiteral("studyMetric"));
    auto* choices = new QHBoxLayout;
    choices->addWidget(new QLabel(tr("Rows:")));
    choices->addWidget(m_rows);
    choices->addWidget(new QLabel(tr("Columns:")));
    choices->addWidget(m_columns);
    choices->addWidget(new QLabel(tr("Metric:")));
    choices->addWidget(m_metric);
    m_filterRow = new QHBoxLayout;
    choices->addLayout(m_filterRow);
    choices->addStretch();
    m_grid = new QTableWidget;
    m_grid->setObjectName(QStringLiteral("studyGrid"));
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setWordWrap(true);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->setToolTip(tr("Double-click a cell to open its run."));
    m_legend = new ColourScaleLegend;
    m_legend->setObjectName(QStringLiteral("studyLegend"));
    auto* gridSide = new QWidget;
    auto* gridLayout = new QVBoxLayout(gridSide);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_grid, 1);
    gridLayout->addWidget(m_legend);
    m_figure = new QCustomPlot;
    m_figure->setObjectName(QStringLiteral("studyFigure"));
    m_figure->setMinimumSize(240, 200);
    addChartContextMenu(m_figure, QStringLiteral("study"));
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(gridSide);
    split->addWidget(m_figure);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400}); // the figure needs room for its legend and whiskers
    auto* gridTab = new QWidget;
    auto* gridTabLayout = new QVBoxLayout(gridTab);
    gridTabLayout->addLayout(choices);
    gridTabLayout->addWidget(split, 1);
    // Until a study is open, an empty grid and bare axes would tell a newcomer nothing.
    auto* startHint = new QLabel(
        tr("No study is open. A study trains one experiment along config keys (loss, model, "
           "batch size, ...) and compares the results in one table.\n\nOpen Study File… opens a "
           "study file to edit and run: examples/studies/ holds the paper's comparisons "
           "(losses.yaml takes minutes on a CPU). Open Study Folder… opens the results of a "
           "study run before, here or with facebench-cli study run."));
    startHint->setObjectName(QStringLiteral("studyStartHint"));
    startHint->setWordWrap(true);
    startHint->setAlignment(Qt::AlignCenter);
    startHint->setMargin(24);
    m_gridPages = new QStackedWidget;
    m_gridPages->addWidget(startHint);
    m_gridPages->addWidget(gridTab);

    m_editor = new StudyEditor;
    m_editor->setObjectName(QStringLiteral("studyEditor"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_gridPages, tr("Grid"));
    m_tabs->addTab(m_editor, tr("Editor"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    m_watcher = new QFileSystemWatcher(this);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(100); // study.json is replaced by a rename: read once it settled
    connect(m_reloadTimer, &QTimer::timeout, this, &StudyPanel::reload);
    const auto later = [this] { m_reloadTimer->start(); };
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, later);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, later);

    connect(openFile, &QPushButton::clicked, this, &StudyPanel::chooseFile);
    connect(openFolder, &QPushButton::clicked, this, &StudyPanel::chooseFolder);
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Output Folder"), m_dir);
        if (!dir.isEmpty()) {
            m_outDir->setText(QDir::toNativeSeparators(dir));
            emit m_outDir->editingFinished();
        }
    });
    connect(m_outDir, &QLineEdit::editingFinished, this, [this] {
        const QString dir = QDir::cleanPath(QDir::fromNativeSeparators(m_outDir->text()));
        if (!dir.isEmpty() && dir != m_dir && !isRunning()) {
            m_dir = QFileInfo(dir).absoluteFilePath();
            watchFolder();
            reload();
        }
    });
    connect(m_run, &QPushButton::clicked, this, &StudyPanel::run);
    connect(m_pause, &QPushButton::clicked, this, &StudyPanel::pause);
    connect(m_cancel, &QPushButton::clicked, this, &StudyPanel::cancel);
    connect(m_exportTable, &QPushButton::clicked, this, &StudyPanel::chooseTableExport);
    connect(m_exportFigure, &QPushButton::clicked, this, [this] {
        exportChartInteractively(this, m_figure,
                                 QStringLiteral("study-") + toQString(m_model->state().name));
    });
    for (QComboBox* box : {m_rows, m_columns, m_metric})
        connect(box, &QComboBox::activated, this, [this] {
            updateChoices();
            fillGrid();
        });
    connect(m_grid, &QTableWidget::itemDoubleClicked, this, &StudyPanel::openCell);
    connect(m_jobs, &JobRunner::jobProgress, this, &StudyPanel::onProgress);
    connect(m_jobs, &JobRunner::jobFinished, this, [this](int id, JobState) { onJobFinished(id); });
    connect(m_editor, &StudyEditor::saved, this, [this] { showError({}); });
    updateActions();
}

StudyPanel::~StudyPanel() = default;

QString StudyPanel::errorText() const {
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

void StudyPanel::showError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

bool StudyPanel::openStudyFile(const QString& file, const QString& outDir) {
    if (isRunning())
        return false;
    const QFileInfo info(file);
    if (!info.isFile()) {
        showError(tr("%1: no such study file").arg(QDir::toNativeSeparators(file)));
        return false;
    }
    const QString dir = outDir.isEmpty() ? info.absoluteDir().filePath(info.completeBaseName())
                                         : QFileInfo(outDir).absoluteFilePath();
    return open(info.absoluteFilePath(), dir, info.absolutePath());
}

bool StudyPanel::open(const QString& file, const QString& dir, const QString& baseDir) {
    QString error;
    if (!m_editor->load(file, readText(file), baseDir, &error)) {
        showError(error);
        return false;
    }
    m_file = file;
    m_dir = dir;
    m_overrides.clear();
    m_stoppedHere = false;
    m_outDir->setText(QDir::toNativeSeparators(m_dir));
    showError({});
    watchFolder();
    reload();
    return true;
}

bool StudyPanel::openStudyFolder(const QString& dir) {
    if (isRunning())
        return false;
    const StudyFiles files{QDir(dir).absolutePath().toStdString()};
    const QString copy = toQString(files.studyCopy());
    if (!QFileInfo::exists(copy)) {
        showError(
            tr("%1: not a study folder (it has no study.yaml)").arg(QDir::toNativeSeparators(dir)));
        return false;
    }
    // The folder's own copy of the study file is what a resumed run must match. Its relative
    // paths (base.config) were written against the original file, which by default sits beside
    // the folder (`study run FILE` without --out in the GUI, the examples' own commands):
    // resolve them from there when they do not resolve from the folder itself.
    const QString folder = QDir(dir).absolutePath();
    QString baseDir = folder;
    try {
        parseStudy(readText(copy).toStdString(), copy.toStdString(), folder.toStdString());
    } catch (const std::exception&) {
        baseDir = QFileInfo(folder).absolutePath();
    }
    return open(copy, folder, baseDir);
}

fb::Study StudyPanel::currentStudy() const {
    return parseStudy(readText(m_file).toStdString(), m_file.toStdString(),
                      m_editor->baseDir().toStdString(), m_overrides);
}

void StudyPanel::watchFolder() {
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (QFileInfo(m_dir).isDir())
        m_watcher->addPath(m_dir);
    const QString state = QDir(m_dir).filePath(QStringLiteral("study.json"));
    if (QFileInfo::exists(state))
        m_watcher->addPath(state);
}

void StudyPanel::reload() {
    const StudyFiles files{m_dir.toStdString()};
    StudyState state;
    const QString stateFile = toQString(files.state());
    if (!m_dir.isEmpty() && QFileInfo::exists(stateFile)) {
        try {
            state = readStudyState(files.state());
            m_overrides = state.overrides; // a resumed run must be given the same --set list
        } catch (const std::exception& e) {
            showError(toQString(e.what()));
        }
        // A rename replaced the file the watcher held: watch the new one.
        if (!m_watcher->files().contains(stateFile))
            m_watcher->addPath(stateFile);
    } else if (!m_file.isEmpty()) {
        // Not run yet: the cells as the study file lists them, all pending.
        try {
            const Study study = currentStudy();
            state.name = study.name;
            state.layout = study.layout;
            for (const StudyCell& cell : study.cells) {
                StudyCellRecord record;
                record.id = cell.id;
                record.condition = cell.condition;
                record.repeat = cell.repeat;
                for (const StudySetting& setting : cell.settings)
                    record.settings.push_back(setting.assignment());
                state.cells.push_back(record);
            }
        } catch (const std::exception& e) {
            showError(toQString(e.what()));
        }
    }
    m_model = std::make_unique<StudyGrid>(std::move(state));
    m_title->setText(m_file.isEmpty()
                         ? tr("No study open.")
                         : tr("%1 (%n cell(s))", nullptr, int(m_model->state().cells.size()))
                               .arg(m_model->state().name.empty()
                                        ? QFileInfo(m_file).fileName()
                                        : toQString(m_model->state().name)));
    m_gridPages->setCurrentIndex(m_file.isEmpty() ? 0 : 1);
    updateChoices();
    fillGrid();
    updateActions();
}

void StudyPanel::updateChoices() {
    const QString row = m_rows->currentText(), column = m_columns->currentText(),
                  metric = m_metric->currentText();
    const StudyLayout& layout = m_model->state().layout;
    QStringList keys;
    for (const StudyAxis& axis : m_model->axes())
        keys << toQString(axis.key);
    const auto refill = [](QComboBox* box, const QStringList& items, QString wanted,
                           const QString& fallback) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItems(items);
        if (!items.contains(wanted))
            wanted = fallback;
        box->setCurrentIndex(std::max(0, int(items.indexOf(wanted))));
    };
    const QString layoutRow = toQString(layout.rows), layoutColumn = toQString(layout.columns);
    refill(m_rows, keys, row, keys.contains(layoutRow) ? layoutRow : keys.value(0, QString()));
    QStringList columnKeys = keys;
    columnKeys.removeAll(m_rows->currentText());
    columnKeys.prepend(kNoAxis);
    QString defaultColumn = columnKeys.value(1, kNoAxis);
    if (columnKeys.contains(layoutColumn) && !layoutColumn.isEmpty())
        defaultColumn = layoutColumn;
    refill(m_columns, columnKeys, column, defaultColumn);
    QStringList metrics;
    for (const std::string& name : m_model->metrics())
        metrics << toQString(name);
    refill(m_metric, metrics, metric,
           metrics.contains(QStringLiteral("lfw_acc")) ? QStringLiteral("lfw_acc")
                                                       : metrics.value(0, QString()));

    // A filter per axis that is neither the rows nor the columns.
    QMap<QString, QString> chosen;
    for (auto it = m_filters.begin(); it != m_filters.end(); ++it)
        chosen[it.key()] = it.value()->currentText();
    while (QLayoutItem* item = m_filterRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_filters.clear();
    for (const StudyAxis& axis : m_model->axes()) {
        const QString key = toQString(axis.key);
        if (key == m_rows->currentText() || key == m_columns->currentText())
            continue;
        auto* box = choiceBox(QStringLiteral("studyFilter_") + key);
        for (const std::string& value : axis.values)
            box->addItem(value.empty() ? tr("(base)") : toQString(value), toQString(value));
        const int index = box->findText(chosen.value(key));
        box->setCurrentIndex(std::max(0, index));
        connect(box, &QComboBox::activated, this, &StudyPanel::fillGrid);
        m_filterRow->addWidget(new QLabel(key + QLatin1Char(':')));
        m_filterRow->addWidget(box);
        m_filters[key] = box;
    }
}

std::map<std::string, std::string> StudyPanel::filters() const {
    std::map<std::string, std::string> values;
    for (auto it = m_filters.begin(); it != m_filters.end(); ++it)
        values[it.key().toStdString()] = it.value()->currentData().toString().toStdString();
    return values;
}

void StudyPanel::setAxes(const QString& rowKey, const QString& columnKey) {
    m_rows->setCurrentText(rowKey);
    updateChoices();
    m_columns->setCurrentText(columnKey.isEmpty() ? kNoAxis : columnKey);
    updateChoices();
    fillGrid();
}

void StudyPanel::setMetric(const QString& metric) {
    m_metric->setCurrentText(metric);
    fillGrid();
}

void StudyPanel::fillGrid() {
    const std::string rowKey = m_rows->currentText().toStdString();
    const std::string columnKey = m_columns->currentText() == kNoAxis
                                      ? std::string()
                                      : m_columns->currentText().toStdString();
    const std::string metric = m_metric->currentText().toStdString();
    const auto valuesOf = [this](const std::string& key) {
        const StudyAxis* axis = m_model->axis(key);
        return axis ? axis->values : std::vector<std::string>{""};
    };
    // A study that did not load has no cells, not one cell of the base.
    const bool empty = m_model->state().cells.empty();
    const std::vector<std::string> rows = empty ? std::vector<std::string>{} : valuesOf(rowKey);
    const std::vector<std::string> columns =
        empty ? std::vector<std::string>{} : valuesOf(columnKey);
    const auto label = [this](const std::string& value) {
        return value.empty() ? tr("(base)") : toQString(value);
    };
    const std::map<std::string, std::string> held = filters();
    std::vector<std::vector<StudyGridCell>> cells(rows.size());
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (const std::string& column : columns) {
            cells[r].push_back(m_model->cell(rowKey, rows[r], columnKey, column, held, metric));
            if (cells[r].back().values > 0) {
                low = std::min(low, cells[r].back().mean);
                high = std::max(high, cells[r].back().mean);
            }
        }

    const StudyFiles files{m_dir.toStdString()};
    m_grid->clear();
    m_grid->setRowCount(int(rows.size()));
    m_grid->setColumnCount(int(columns.size()));
    QStringList rowLabels, columnLabels;
    for (const std::string& value : rows)
        rowLabels << label(value);
    for (const std::string& value : columns)
        columnLabels << (columnKey.empty() ? toQString(metric) : label(value));
    m_grid->setVerticalHeaderLabels(rowLabels);
    m_grid->setHorizontalHeaderLabels(columnLabels);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const StudyGridCell& cell = cells[r][c];
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            QString text;
            if (cell.values > 0) {
                text = QString::number(cell.mean, 'f', 4);
                if (cell.hasInterval)
                    text += QStringLiteral(" [%1, %2]")
                                .arg(cell.low, 0, 'f', 4)
                                .arg(cell.high, 0, 'f', 4);
                item->setData(kValueRole, cell.mean);
                const QColor background = sequentialColour(cell.mean, low, high);
                item->setBackground(background);
                item->setForeground(textColourOn(background));
            }
            QString status = statusText(cell.status);
            if (cell.status == StudyCellStatus::Running) {
                for (const StudyCellRecord* record : cell.records)
                    if (record->status == StudyCellStatus::Running && isStopped(record->id))
                        status = tr("stopped, Run resumes");
            }
            if (cell.records.size() > 1)
                status += QStringLiteral(" (%1/%2)").arg(cell.done).arg(cell.records.size());
            if (cell.status == StudyCellStatus::Running && !m_progressText.isEmpty())
                status += QStringLiteral(" \u2014 ") + m_progressText;
            item->setText(text.isEmpty() ? status : text + QLatin1Char('\n') + status);
            item->setData(kStatusRole, toQString(studyCellStatusName(cell.status)));
            // The run to open: a finished repeat, else the one running, else the first.
            const StudyCellRecord* open = cell.records.empty() ? nullptr : cell.records.front();
            for (const StudyCellRecord* record : cell.records)
                if (record->status == StudyCellStatus::Running)
                    open = record;
            for (const StudyCellRecord* record : cell.records)
                if (record->status == StudyCellStatus::Done) {
                    open = record;
                    break;
                }
            if (open)
                item->setData(kRunDirRole, toQString(files.cellDir(open->id)));
            if (!cell.records.empty() && cell.records.front()->status == StudyCellStatus::Failed)
                item->setToolTip(toQString(cell.records.front()->error));
            m_grid->setItem(int(r), int(c), item);
        }
    m_legend->setRange(low <= high ? low : std::nan(""), low <= high ? high : std::nan(""),
                       toQString(metric));
    plotStudyFigure(m_figure, *m_model, rowKey, columnKey, held, metric,
                    toQString(m_model->state().name));
    emit gridUpdated();
}

bool StudyPanel::isStopped(const std::string& cellId) const {
    if (isRunning())
        return false;
    if (m_stoppedHere)
        return true;
    // The trainer appends to its log at every logged step; a minute of silence is no run.
    const RunDirectory run(StudyFiles{m_dir.toStdString()}.cellDir(cellId));
    const QFileInfo log(toQString(run.logFile()));
    return !log.exists() || log.lastModified().secsTo(QDateTime::currentDateTime()) > 60;
}

void StudyPanel::updateActions() {
    const bool open = !m_file.isEmpty();
    m_run->setEnabled(open && !isRunning());
    m_pause->setEnabled(isRunning());
    m_cancel->setEnabled(isRunning());
    m_outDir->setEnabled(!isRunning());
    const bool hasState = QFileInfo::exists(QDir(m_dir).filePath(QStringLiteral("study.json")));
    m_exportTable->setEnabled(hasState);
    m_exportFigure->setEnabled(hasState);
}

bool StudyPanel::run() {
    if (m_file.isEmpty() || isRunning())
        return false;
    m_editor->validateNow();
    if (!m_editor->errorText().isEmpty()) {
        // Nothing is saved or run while the form holds a value the loader rejects.
        showError(m_editor->errorText());
        m_tabs->setCurrentWidget(m_editor);
        return false;
    }
    if (m_editor->isModified()) {
        QString error;
        if (!m_editor->save(&error)) {
            showError(error);
            return false;
        }
    }
    Study study;
    try {
        study = currentStudy();
    } catch (const std::exception& e) {
        showError(toQString(e.what()));
        m_tabs->setCurrentWidget(m_editor);
        return false;
    }
    showError({});
    QDir().mkpath(m_dir);
    watchFolder();

    auto relay = std::make_shared<ContextRelay>();
    StudyRunOptions options;
    options.outDir = m_dir.toStdString();
    options.overrides = m_overrides;
    options.log = [relay](const std::string& line) {
        if (JobContext* context = relay->context.load())
            context->post(toQString(line));
    };
    options.progress = [relay](const TrainingProgress& progress) {
        JobContext* context = relay->context.load();
        if (!context || progress.kind != TrainingProgress::Kind::Step)
            return;
        QVariantMap event;
        event[QStringLiteral("step")] = qlonglong(progress.step);
        event[QStringLiteral("total")] = qlonglong(progress.totalSteps);
        event[QStringLiteral("eta")] = progress.etaSeconds;
        context->post(event);
        context->setStatus(
            progress.totalSteps > 0 ? double(progress.step) / progress.totalSteps : -1.0,
            StudyPanel::tr("step %1/%2").arg(progress.step).arg(progress.totalSteps));
    };
    const QString device = toQString(study.cells.empty() ? std::string("cpu")
                                                         : study.cells.front().config.device.name);
    m_runner = std::make_shared<StudyRunner>(std::move(study), std::move(options));
    std::shared_ptr<StudyRunner> runner = m_runner;
    JobSpec spec;
    spec.title = tr("Study %1").arg(toQString(m_model->state().name));
    spec.kind = QStringLiteral("study");
    spec.device = device;
    spec.run = [runner, relay](JobContext& context) {
        relay->context = &context;
        StudyRunSummary summary;
        try {
            summary = runner->run();
        } catch (...) {
            relay->context = nullptr;
            throw;
        }
        relay->context = nullptr;
        context.setOutcome(StudyPanel::tr("%1 run, %2 already done, %3 failed%4")
                               .arg(summary.done)
                               .arg(summary.skipped)
                               .arg(summary.failed)
                               .arg(summary.cancelled ? StudyPanel::tr(", stopped") : QString()));
    };
    spec.onCancel = [runner] { runner->cancel(); };
    m_pausing = false;
    m_stoppedHere = false;
    m_progressText.clear();
    m_status->setText(tr("Starting…"));
    m_jobId = m_jobs->submit(std::move(spec));
    updateActions();
    return true;
}

void StudyPanel::pause() {
    if (!isRunning() || !m_runner)
        return;
    // Not the job runner's pause (that would hold the worker mid-cell): the cell checkpoints
    // and the run returns, and Run resumes the cell from its checkpoint.
    m_pausing = true;
    m_runner->cancel();
    m_status->setText(tr("Pausing: the running cell saves a checkpoint…"));
}

void StudyPanel::cancel() {
    if (isRunning())
        m_jobs->cancel(m_jobId);
}

void StudyPanel::onProgress(int id, const QVariantList& events) {
    if (id != m_jobId)
        return;
    bool newCell = false;
    for (const QVariant& event : events) {
        if (event.typeId() == QMetaType::QString) {
            newCell = true; // the runner logs each cell's start and end
            m_progressText.clear();
            continue;
        }
        const QVariantMap step = event.toMap();
        m_progressText = tr("step %1/%2, ETA %3")
                             .arg(step.value(QStringLiteral("step")).toLongLong())
                             .arg(step.value(QStringLiteral("total")).toLongLong())
                             .arg(durationText(step.value(QStringLiteral("eta")).toDouble()));
    }
    m_status->setText(m_progressText);
    if (newCell)
        m_reloadTimer->start();
    else
        fillGrid(); // only the running cell's text changed
}

void StudyPanel::onJobFinished(int id) {
    if (id != m_jobId)
        return;
    const JobInfo info = m_jobs->info(id);
    m_jobId = 0;
    m_runner.reset();
    m_progressText.clear();
    if (info.state == JobState::Failed)
        showError(info.error);
    m_status->setText(info.state == JobState::Failed ? tr("Failed.")
                      : m_pausing                    ? tr("Paused: Run continues the study.")
                      : info.state == JobState::Cancelled
                          ? tr("Cancelled: Run continues the study.")
                          : info.status);
    m_stoppedHere = m_pausing || info.state == JobState::Cancelled;
    m_pausing = false;
    reload();
    emit runEnded();
}

void StudyPanel::openCell(QTableWidgetItem* item) {
    const QString runDir = item ? item->data(kRunDirRole).toString() : QString();
    if (runDir.isEmpty() || !QFileInfo(runDir).isDir()) {
        m_status->setText(tr("This cell has not run yet."));
        return;
    }
    emit runOpenRequested(runDir);
}

bool StudyPanel::exportTable(const QString& path, QString* error) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    try {
        const std::vector<ReportTable> tables = buildStudyReport(m_dir.toStdString());
        const std::string text =
            suffix == QStringLiteral("csv") ? renderCsv(tables) : renderMarkdown(tables);
        return writeTextFileAtomically(path, toQString(text), error);
    } catch (const std::exception& e) {
        if (error)
            *error = toQString(e.what());
        return false;
    }
}

bool StudyPanel::exportFigure(const QString& path, QString* error) {
    return fb::ui::exportFigure(m_figure, path, FigureSize{}, error);
}

void StudyPanel::chooseTableExport() {
    const QString name = QStringLiteral("study-") + toQString(m_model->state().name);
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Table"), exportStartPath(name + QStringLiteral(".md")),
        tr("Markdown (*.md);;CSV (*.csv)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTable(path, &error)) {
        showError(error);
        return;
    }
    rememberExportFolder(path);
    m_status->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
}

void StudyPanel::chooseFile() {
    const QString start = m_file.isEmpty() ? QDir::currentPath() : QFileInfo(m_file).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Study File"), start,
                                                      tr("Study files (*.yaml *.yml)"));
    if (!file.isEmpty())
        openStudyFile(file);
}

void StudyPanel::chooseFolder() {
    const QString start = m_dir.isEmpty() ? QDir::currentPath() : m_dir;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Study Folder"), start);
    if (!dir.isEmpty())
        openStudyFolder(dir);
}

} // namespace fb::ui
