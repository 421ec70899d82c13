#include <facebench/ui/home_page.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QHeaderView>
#include <QPointer>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include <facebench/eval_results.h>
#include <facebench/run_metrics.h>
#include <facebench/runtime.h>
#include <facebench/ui/resources.h>
#include <facebench/ui/runs_panel.h>
#include <facebench/ui/runtime_text.h>
#include <facebench/ui/to_qstring.h>
#include <facebench/version.h>

namespace fb::ui {

// One line of the recent runs: what the run is and its headline results.
struct HomePage::RunRow {
    QString dir, name, status, model;
    double lfw = std::numeric_limits<double>::quiet_NaN();
    double tar = std::numeric_limits<double>::quiet_NaN(); // at FAR 1%
    QString tarSet;
    bool tarResolvable = true;
};

namespace {

constexpr int kRecentRuns = 6;

HomePage::RunRow readRunRow(const std::string& dir) {
    HomePage::RunRow row;
    const fb::RunSummary summary = fb::summarizeRun(dir);
    row.dir = toQString(dir);
    row.name = toQString(summary.name);
    row.status = RunsPanel::statusText(summary.status);
    if (summary.configOk)
        row.model = toQString(summary.model + " + " + summary.head);
    try {
        for (const fb::EvalResult& result : fb::readRunEvalResults(dir)) {
            if (result.hasFolds)
                row.lfw = result.accuracy;
            for (const fb::VerificationBlock& block : result.blocks)
                for (const fb::TarAtFar& t : block.tarAtFar)
                    if (std::abs(t.far - 1e-2) < 1e-9 && std::isnan(row.tar) &&
                        result.protocol != "lfw") {
                        row.tar = t.tar;
                        row.tarSet = toQString(block.label);
                        row.tarResolvable = t.resolvable;
                    }
        }
    } catch (const std::exception&) {
        // A broken result file shows as no result here; the Evaluation page says why.
    }
    return row;
}

QString percentText(double v) {
    return std::isnan(v) ? QStringLiteral("–") : QString::number(100 * v, 'f', 1);
}

QLabel* wrappedLabel(const QString& text = {}) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

HomePage::HomePage(QWidget* parent) : QWidget(parent) {
    initResources();
    setObjectName(QStringLiteral("homePage"));

    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/facebench.svg")).pixmap(48, 48));
    auto* title =
        new QLabel(QStringLiteral("<h2>FaceBench %1</h2>").arg(toQString(fb::facebenchVersion())));
    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);

    const fb::RuntimeInfo runtime = fb::runtimeInfo();
    auto* compute = new QGroupBox(tr("Compute"));
    auto* computeForm = new QFormLayout(compute);
    // Without this, styles that keep fields at their size hint clip the wrapped labels.
    computeForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    computeForm->addRow(tr("Devices:"),
                        wrappedLabel(deviceDetails(runtime).join(QLatin1Char('\n'))));
    computeForm->addRow(tr("LibTorch:"), wrappedLabel(toQString(runtime.torchVersion)));

    auto* quickStart = new QGroupBox(tr("Quick start"));
    auto* quickText = wrappedLabel(
        tr("Train a small network with a center loss on generated faces (made on first use): "
           "about 2 minutes on two CPU cores. The run then appears below; press Evaluate on its "
           "Evaluation page for LFW and TAR@FAR."));
    auto* quickButton = new QPushButton(tr("Train the Quick Start"));
    quickButton->setObjectName(QStringLiteral("quickStartButton"));
    quickButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(quickButton, &QPushButton::clicked, this, &HomePage::quickStartRequested);
    auto* quickLayout = new QHBoxLayout(quickStart);
    quickLayout->addWidget(quickText, 1);
    quickLayout->addWidget(quickButton);

    auto* runs = new QGroupBox(tr("Latest runs"));
    m_runsList = new QTreeWidget;
    m_runsList->setObjectName(QStringLiteral("recentRuns"));
    m_runsList->setRootIsDecorated(false);
    m_runsList->setHeaderLabels(
        {tr("Run"), tr("Status"), tr("Model + loss"), tr("LFW (%)"), tr("TAR@FAR 1% (%)")});
    m_runsList->headerItem()->setToolTip(
        4, tr("True accept rate at a false accept rate of 1%, on the run's first verification "
              "set after LFW (its name is in the tooltip)"));
    m_runsList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runsList->header()->setStretchLastSection(false); // the numbers stay under their heading
    m_runsList->setToolTip(tr("Double-click a run to open it on the Runs and Evaluation pages."));
    connect(m_runsList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        emit runActivated(item->data(0, Qt::UserRole).toString());
    });
    m_noRunsLabel = new QLabel(tr("No runs yet: train the quick start, or open the folder you "
                                  "ran facebench-cli in."));
    m_noRunsLabel->setEnabled(false);
    m_noRunsLabel->setWordWrap(true);
    auto* runsLayout = new QVBoxLayout(runs);
    runsLayout->addWidget(m_runsList);
    runsLayout->addWidget(m_noRunsLabel);

    auto* folder = new QGroupBox(tr("Folder"));
    m_folderLabel = wrappedLabel();
    m_folderLabel->setObjectName(QStringLiteral("folderLabel"));
    m_runsLabel = wrappedLabel();
    m_runsLabel->setObjectName(QStringLiteral("runsLabel"));
    auto* openButton = new QPushButton(tr("Open Folder…"));
    openButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(openButton, &QPushButton::clicked, this, &HomePage::openFolderRequested);
    auto* folderForm = new QFormLayout(folder);
    folderForm->addRow(tr("Open folder:"), m_folderLabel);
    folderForm->addRow(tr("Runs:"), m_runsLabel);
    folderForm->addRow(QString(), openButton);
    folderForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto* recent = new QGroupBox(tr("Recent Folders"));
    m_recentList = new QListWidget;
    m_recentList->setObjectName(QStringLiteral("recentList"));
    m_recentList->setToolTip(tr("Double-click a folder to open it."));
    connect(m_recentList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit recentFolderActivated(item->data(Qt::UserRole).toString());
    });
    m_noRecentLabel = new QLabel(tr("Folders you open appear here."));
    m_noRecentLabel->setEnabled(false);
    auto* recentLayout = new QVBoxLayout(recent);
    recentLayout->addWidget(m_recentList);
    recentLayout->addWidget(m_noRecentLabel);

    auto* column = new QVBoxLayout;
    column->addLayout(header);
    column->addWidget(quickStart);
    column->addWidget(runs);
    column->addWidget(folder);
    column->addWidget(recent);
    column->addWidget(compute);
    column->addStretch(1);

    // Text lines stretched across a wide screen are hard to read; the column stops at 900 px.
    auto* content = new QWidget;
    content->setMaximumWidth(900);
    content->setLayout(column);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(content, 1);
    layout->addStretch(0);

    setFolder({});
    setRecentFolders({});
    showRuns(QString(), {});
}

void HomePage::setFolder(const QString& folder) {
    if (folder.isEmpty()) {
        m_folderLabel->setText(tr("None. Open the folder that holds your datasets and runs."));
        return;
    }
    m_folderLabel->setText(QDir::toNativeSeparators(folder));
}

void HomePage::setRunsFolder(const QString& runsFolder) {
    const int generation = ++m_generation;
    QPointer<HomePage> self(this);
    // Reading runs means reading their metrics and results: never on the GUI thread.
    QThreadPool::globalInstance()->start([self, runsFolder, generation] {
        QList<RunRow> rows;
        const std::vector<std::string> dirs = fb::listRunDirectories(runsFolder.toStdString());
        for (std::size_t i = 0; i < dirs.size(); ++i)
            rows << readRunRow(dirs[i]);
        QMetaObject::invokeMethod(
            qApp,
            [self, runsFolder, rows, generation] {
                if (self && self->m_generation == generation)
                    self->showRuns(runsFolder, rows);
            },
            Qt::QueuedConnection);
    });
}

void HomePage::showRuns(const QString& runsFolder, const QList<RunRow>& rows) {
    m_runsList->clear();
    for (int i = 0; i < rows.size() && i < kRecentRuns; ++i) {
        const RunRow& r = rows[i];
        auto* item = new QTreeWidgetItem(m_runsList);
        item->setText(0, r.name);
        item->setData(0, Qt::UserRole, r.dir);
        item->setToolTip(0, QDir::toNativeSeparators(r.dir));
        item->setText(1, r.status);
        item->setText(2, r.model);
        item->setText(3, percentText(r.lfw));
        item->setText(4, percentText(r.tar) + (r.tarResolvable ? QString() : QStringLiteral(" *")));
        if (!r.tarSet.isEmpty())
            item->setToolTip(4, r.tarResolvable ? r.tarSet
                                                : tr("%1; * not resolvable: fewer impostor pairs "
                                                     "than 1/FAR")
                                                      .arg(r.tarSet));
        for (int c : {3, 4})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_runsList->setVisible(!rows.isEmpty());
    m_noRunsLabel->setVisible(rows.isEmpty());
    if (!rows.isEmpty())
        m_runsList->setFixedHeight(m_runsList->header()->sizeHint().height() +
                                   m_runsList->sizeHintForRow(0) *
                                       int(std::min<qsizetype>(rows.size(), kRecentRuns)) +
                                   2 * m_runsList->frameWidth() + 2);
    if (runsFolder.isEmpty())
        m_runsLabel->setText(tr("Each run is written to the runs folder inside the open folder."));
    else
        m_runsLabel->setText(rows.isEmpty()
                                 ? tr("%1 (no runs yet)").arg(QDir::toNativeSeparators(runsFolder))
                                 : tr("%1 (%n run(s))", nullptr, int(rows.size()))
                                       .arg(QDir::toNativeSeparators(runsFolder)));
    emit runsShown(int(rows.size()));
}

void HomePage::setRecentFolders(const QStringList& folders) {
    m_recentList->clear();
    for (const QString& folder : folders) {
        auto* item = new QListWidgetItem(QDir::toNativeSeparators(folder), m_recentList);
        item->setData(Qt::UserRole, folder);
    }
    m_recentList->setVisible(!folders.isEmpty());
    m_noRecentLabel->setVisible(folders.isEmpty());
    // The list holds at most RecentFolders::maxCount entries: show them all, without a
    // scroll bar or a tall empty box.
    if (!folders.isEmpty()) {
        m_recentList->setFixedHeight(m_recentList->sizeHintForRow(0) * int(folders.size()) +
                                     2 * m_recentList->frameWidth());
    }
}

} // namespace fb::ui
