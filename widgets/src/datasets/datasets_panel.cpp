#include <facebench/ui/datasets_panel.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <facebench/dataset_stats.h>
#include <facebench/ui/job_runner.h>
#include <facebench/ui/to_qstring.h>

#include "dataset_stats_view.h"
#include "face_crop_preview.h"
#include "identity_model.h"
#include "thumbnail_model.h"

#include <atomic>

namespace fb::ui {

// What the index job hands back; written by the worker, read on the GUI thread after the
// runner reports the job finished.
struct DatasetsPanel::IndexOutcome {
    std::atomic_bool cancel{false};
    std::shared_ptr<fb::DatasetIndex> index;
    fb::DatasetStats stats;
};

namespace {

QString indexCacheFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
        .filePath(QStringLiteral("facebench"));
}

constexpr int kThumbnailWidth = 96; // the synthetic set's crops are 96 x 112 (Table 2's 112x96)
constexpr int kThumbnailHeight = 112;

QGroupBox* group(const QString& title, QWidget* content) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(content);
    return box;
}

} // namespace

DatasetsPanel::DatasetsPanel(JobRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner ? runner : new JobRunner(this)) {
    setObjectName(QStringLiteral("datasetsPanel"));
    auto* layout = new QVBoxLayout(this);
    addDatasetRows(layout);
    layout->addWidget(buildBrowser(), 1);
    connect(m_runner, &JobRunner::jobChanged, this, &DatasetsPanel::onJobChanged);
    connect(m_runner, &JobRunner::jobFinished, this,
            [this](int id, JobState) { onJobFinished(id); });
}

// Which dataset (path, format, part) and the indexing controls, with the outcome's message.
void DatasetsPanel::addDatasetRows(QVBoxLayout* layout) {
    m_pathEdit = new QLineEdit;
    m_pathEdit->setObjectName(QStringLiteral("datasetPath"));
    m_pathEdit->setPlaceholderText(tr("Dataset folder, list file or .rec file"));
    m_pathEdit->setClearButtonEnabled(true);
    m_formatBox = new QComboBox;
    m_formatBox->setObjectName(QStringLiteral("datasetFormat"));
    m_formatBox->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_formatBox->addItem(tr("ImageFolder (identity/image)"), QStringLiteral("imagefolder"));
    m_formatBox->addItem(tr("LFW (Name/Name_0001.jpg)"), QStringLiteral("lfw"));
    m_formatBox->addItem(tr("List file (path label)"), QStringLiteral("list"));
    m_formatBox->addItem(tr("RecordIO (train.rec)"), QStringLiteral("recordio"));
    m_formatBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_formatBox->setMinimumContentsLength(10);
    m_partBox = new QComboBox;
    m_partBox->setObjectName(QStringLiteral("datasetPart"));
    m_partBox->setToolTip(tr("This folder holds a dataset's parts: the training part is indexed "
                             "first; pick another to browse it"));
    m_partLabel = new QLabel(tr("Part:"));
    m_partBox->hide();
    m_partLabel->hide();
    auto* folderButton = new QPushButton(tr("Open Folder…"));
    folderButton->setObjectName(QStringLiteral("openDatasetFolder"));
    auto* listButton = new QPushButton(tr("Open List File…"));
    listButton->setObjectName(QStringLiteral("openDatasetList"));
    m_indexButton = new QPushButton(tr("Index"));
    m_indexButton->setObjectName(QStringLiteral("indexButton"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelIndexButton"));
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("indexProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_messageLabel = new QLabel(tr("Open a dataset to browse its identities."));
    m_messageLabel->setObjectName(QStringLiteral("datasetMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* datasetRow = new QHBoxLayout;
    datasetRow->addWidget(new QLabel(tr("Dataset:")));
    datasetRow->addWidget(m_pathEdit, 1);
    datasetRow->addWidget(folderButton);
    datasetRow->addWidget(listButton);
    auto* messageRow = new QHBoxLayout;
    messageRow->addWidget(new QLabel(tr("Format:")));
    messageRow->addWidget(m_formatBox);
    messageRow->addWidget(m_partLabel);
    messageRow->addWidget(m_partBox);
    messageRow->addWidget(m_indexButton);
    messageRow->addWidget(m_cancelButton);
    messageRow->addWidget(m_progress);
    messageRow->addWidget(m_messageLabel, 1);
    layout->addLayout(datasetRow);
    layout->addLayout(messageRow);

    connect(folderButton, &QPushButton::clicked, this, &DatasetsPanel::chooseFolder);
    connect(listButton, &QPushButton::clicked, this, &DatasetsPanel::chooseListFile);
    connect(m_indexButton, &QPushButton::clicked, this,
            [this] { openDataset(m_pathEdit->text().trimmed()); });
    connect(m_pathEdit, &QLineEdit::returnPressed, this,
            [this] { openDataset(m_pathEdit->text().trimmed()); });
    connect(m_cancelButton, &QPushButton::clicked, this, &DatasetsPanel::cancelIndexing);
    connect(m_partBox, qOverload<int>(&QComboBox::activated), this,
            [this] { openDataset(QDir(m_partsRoot).filePath(m_partBox->currentText())); });
}

// Identities | their images above the face crop preview | statistics, side by side.
QSplitter* DatasetsPanel::buildBrowser() {
    QWidget* identities = buildIdentityList();
    QWidget* thumbnails = buildThumbnailList();
    m_preview = new FaceCropPreview(m_runner);
    m_stats = new DatasetStatsView;
    m_stats->setMinimumWidth(250);

    auto* middle = new QSplitter(Qt::Vertical);
    middle->addWidget(group(tr("Images"), thumbnails));
    middle->addWidget(group(tr("Face crop preview"), m_preview));
    middle->setStretchFactor(0, 2);
    middle->setStretchFactor(1, 3);
    middle->setSizes({330, 470}); // two rows of thumbnails above the preview
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("datasetsSplitter"));
    splitter->addWidget(group(tr("Identities"), identities));
    splitter->addWidget(middle);
    splitter->addWidget(group(tr("Statistics"), m_stats));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({260, 700, 420});
    return splitter;
}

// The dataset's identities with their image counts, sortable and searchable by name.
QWidget* DatasetsPanel::buildIdentityList() {
    m_identities = new IdentityModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_identities);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(IdentityModel::NameColumn);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_searchEdit = new QLineEdit;
    m_searchEdit->setObjectName(QStringLiteral("identitySearch"));
    m_searchEdit->setPlaceholderText(tr("Search identities"));
    m_searchEdit->setClearButtonEnabled(true);
    m_identityView = new QTableView;
    m_identityView->setObjectName(QStringLiteral("identityView"));
    m_identityView->setModel(m_proxy);
    m_identityView->setSortingEnabled(true);
    m_identityView->sortByColumn(IdentityModel::NameColumn, Qt::AscendingOrder);
    m_identityView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_identityView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_identityView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_identityView->verticalHeader()->setVisible(false);
    m_identityView->horizontalHeader()->setSectionResizeMode(IdentityModel::NameColumn,
                                                             QHeaderView::Stretch);
    m_identityView->horizontalHeader()->setSectionResizeMode(IdentityModel::ImagesColumn,
                                                             QHeaderView::ResizeToContents);
    auto* identities = new QWidget;
    identities->setMinimumWidth(190);
    auto* identityLayout = new QVBoxLayout(identities);
    identityLayout->setContentsMargins(0, 0, 0, 0);
    identityLayout->addWidget(m_searchEdit);
    identityLayout->addWidget(m_identityView, 1);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &DatasetsPanel::setSearchText);
    connect(m_identityView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DatasetsPanel::onIdentityChanged);
    return identities;
}

// The chosen identity's images as thumbnails; picking one previews its face crop.
QWidget* DatasetsPanel::buildThumbnailList() {
    m_thumbnails = new ThumbnailModel(this);
    m_thumbnails->setThumbnailSize(QSize(kThumbnailWidth, kThumbnailHeight));
    m_thumbnailView = new QListView;
    m_thumbnailView->setObjectName(QStringLiteral("thumbnailView"));
    m_thumbnailView->setModel(m_thumbnails);
    m_thumbnailView->setViewMode(QListView::IconMode);
    m_thumbnailView->setIconSize(QSize(kThumbnailWidth, kThumbnailHeight));
    m_thumbnailView->setGridSize(QSize(kThumbnailWidth + 24, kThumbnailHeight + 30));
    m_thumbnailView->setUniformItemSizes(true);
    m_thumbnailView->setResizeMode(QListView::Adjust);
    m_thumbnailView->setMovement(QListView::Static);
    m_thumbnailView->setTextElideMode(Qt::ElideMiddle);
    m_thumbnailView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_thumbnailTitle = new QLabel;
    m_thumbnailTitle->setObjectName(QStringLiteral("thumbnailTitle"));
    auto* thumbnails = new QWidget;
    auto* thumbnailLayout = new QVBoxLayout(thumbnails);
    thumbnailLayout->setContentsMargins(0, 0, 0, 0);
    thumbnailLayout->addWidget(m_thumbnailTitle);
    thumbnailLayout->addWidget(m_thumbnailView, 1);
    connect(m_thumbnailView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DatasetsPanel::onThumbnailChanged);
    connect(m_thumbnails, &ThumbnailModel::progress, this, [this](int loaded, int total) {
        m_thumbnailTitle->setToolTip(tr("%1 of %2 thumbnails loaded").arg(loaded).arg(total));
    });
    return thumbnails;
}

DatasetsPanel::~DatasetsPanel() {
    // A shared runner outlives the panel: the index job would run on for nobody.
    if (m_indexJob != 0)
        m_runner->cancel(m_indexJob);
}

QString DatasetsPanel::message() const {
    return m_message;
}

std::shared_ptr<const fb::DatasetIndex> DatasetsPanel::datasetIndex() const {
    return m_index;
}

void DatasetsPanel::showMessage(const QString& text, bool error) {
    m_message = text;
    m_messageLabel->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x30, 0x30));
    m_messageLabel->setPalette(palette);
}

bool DatasetsPanel::openDataset(const QString& path, const QString& format) {
    if (!format.isEmpty()) {
        const int index = m_formatBox->findData(format);
        if (index >= 0)
            m_formatBox->setCurrentIndex(index);
    }
    m_pathEdit->setText(QDir::toNativeSeparators(path));
    if (path.isEmpty()) {
        clearDataset();
        showMessage(tr("Give a dataset folder or list file to index."), true);
        return false;
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        clearDataset();
        showMessage(tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)), true);
        return false;
    }
    // A dataset root (the synthetic set, a download) holds its parts side by side: train/ is
    // the dataset, test/ and lfw/ are others; indexing the root would take them for identities.
    QString root = QDir::cleanPath(info.absoluteFilePath());
    const QString chosenFormat = m_formatBox->currentData().toString();
    if (info.isDir() && chosenFormat == QLatin1String("auto") &&
        QFileInfo(QDir(root).filePath(QStringLiteral("train"))).isDir()) {
        showParts(root, QStringLiteral("train"));
        root = QDir(root).filePath(QStringLiteral("train"));
    } else if (!m_partsRoot.isEmpty() && QFileInfo(root).absolutePath() == m_partsRoot) {
        showParts(m_partsRoot, QFileInfo(root).fileName());
    } else {
        showParts(QString(), QString());
    }
    if (m_indexJob != 0) {
        const int previous = m_indexJob;
        m_indexJob = 0;
        m_runner->cancel(previous);
    }

    auto outcome = std::make_shared<IndexOutcome>();
    fb::IndexOptions options;
    options.format = chosenFormat.toStdString();
    // The index cache goes to the user's cache folder, not into the dataset (a git checkout,
    // a shared or read-only disk).
    options.cacheDir = indexCacheFolder().toStdString();
    JobSpec spec;
    spec.title = tr("Index %1")
                     .arg(QDir::toNativeSeparators(
                         QFileInfo(root).fileName() == QLatin1String("train")
                             ? QFileInfo(QFileInfo(root).absolutePath()).fileName() +
                                   QStringLiteral("/train")
                             : QFileInfo(root).fileName()));
    spec.kind = QStringLiteral("index");
    spec.run = [outcome, options, root = root.toStdString()](JobContext& context) {
        const auto progress = [&context](const fb::IndexProgress& p) {
            // The runner delivers only the latest status, batched: no flood however many files.
            context.setStatus(
                -1, p.fromCache
                        ? QCoreApplication::translate("DatasetsPanel", "Reading the cached index…")
                        : QCoreApplication::translate("DatasetsPanel", "%1 files seen")
                              .arg(QLocale().toString(p.filesSeen)));
        };
        auto index = std::make_shared<fb::DatasetIndex>(
            fb::indexDataset(root, options, progress, &outcome->cancel));
        outcome->stats = fb::computeDatasetStats(*index);
        context.setOutcome(QCoreApplication::translate("DatasetsPanel", "%1 identities, %2 images")
                               .arg(QLocale().toString(outcome->stats.identities),
                                    QLocale().toString(outcome->stats.images)));
        outcome->index = std::move(index);
    };
    spec.onCancel = [outcome] { outcome->cancel = true; };
    m_outcome = outcome;
    m_indexJob = m_runner->submit(std::move(spec));
    m_indexButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setRange(0, 0); // the file count is not known in advance
    m_progress->setVisible(true);
    showMessage(tr("Indexing %1…").arg(QDir::toNativeSeparators(root)), false);
    return true;
}

void DatasetsPanel::showParts(const QString& root, const QString& part) {
    if (root != m_partsRoot) {
        m_partsRoot = root;
        m_partBox->clear();
        if (!root.isEmpty()) {
            QStringList parts = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            parts.removeAll(QStringLiteral("train"));
            parts.prepend(QStringLiteral("train"));
            m_partBox->addItems(parts);
        }
    }
    m_partBox->setCurrentText(part);
    m_partBox->setVisible(!root.isEmpty());
    m_partLabel->setVisible(!root.isEmpty());
}

QStringList DatasetsPanel::datasetParts() const {
    QStringList parts;
    for (int i = 0; i < m_partBox->count(); ++i)
        parts << m_partBox->itemText(i);
    return parts;
}

QString DatasetsPanel::indexedPart() const {
    return m_partBox->isHidden() ? QString() : m_partBox->currentText();
}

void DatasetsPanel::cancelIndexing() {
    if (m_indexJob != 0)
        m_runner->cancel(m_indexJob);
}

void DatasetsPanel::onJobChanged(int id) {
    if (id != m_indexJob)
        return;
    const JobInfo info = m_runner->info(id);
    if (info.state == JobState::Running && !info.status.isEmpty())
        showMessage(tr("Indexing %1: %2").arg(m_pathEdit->text(), info.status), false);
}

void DatasetsPanel::onJobFinished(int id) {
    if (id != m_indexJob)
        return;
    m_indexJob = 0;
    m_indexButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_progress->setVisible(false);
    const JobInfo info = m_runner->info(id);
    const std::shared_ptr<IndexOutcome> outcome = std::move(m_outcome);
    if (info.state == JobState::Done && outcome && outcome->index) {
        const fb::DatasetIndex& index = *outcome->index;
        showIndex(outcome->index, outcome->stats);
        QString text =
            tr("%1 (%2): %3 identities, %4 images")
                .arg(QDir::toNativeSeparators(toQString(index.root)), toQString(index.format),
                     QLocale().toString(outcome->stats.identities),
                     QLocale().toString(outcome->stats.images));
        if (!index.problems.empty())
            text +=
                tr("; %n problem(s), e.g. %1: %2", nullptr, static_cast<int>(index.problems.size()))
                    .arg(toQString(index.problems.front().path),
                         toQString(index.problems.front().problem));
        if (index.fromCache)
            text += tr(" (from the cached index)");
        showMessage(text, false);
        emit indexFinished(true);
        return;
    }
    // What stays on screen is the dataset the message names, not the one before it.
    clearDataset();
    if (info.state == JobState::Cancelled)
        showMessage(tr("Indexing cancelled."), false);
    else
        showMessage(info.error.isEmpty() ? tr("Indexing failed.") : info.error, true);
    emit indexFinished(false);
}

void DatasetsPanel::showIndex(std::shared_ptr<const fb::DatasetIndex> index,
                              const fb::DatasetStats& stats) {
    m_index = index;
    m_thumbnails->clear();
    m_thumbnailTitle->clear();
    m_identities->setDatasetIndex(index);
    if (index)
        m_stats->setStats(stats, m_identities->depths(), toQString(index->format),
                          static_cast<long long>(index->problems.size()));
    else
        m_stats->clear();
    if (m_proxy->rowCount() > 0)
        m_identityView->setCurrentIndex(m_proxy->index(0, IdentityModel::NameColumn));
}

void DatasetsPanel::clearDataset() {
    showIndex(nullptr, {});
    m_preview->clearImage();
}

void DatasetsPanel::setSearchText(const QString& text) {
    if (m_searchEdit->text() != text)
        m_searchEdit->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text);
}

void DatasetsPanel::selectIdentity(int label) {
    const QModelIndex source = m_identities->index(label, IdentityModel::NameColumn);
    if (!source.isValid())
        return;
    const QModelIndex proxy = m_proxy->mapFromSource(source);
    if (proxy.isValid()) {
        m_identityView->setCurrentIndex(proxy);
        return;
    }
    // Filtered out by the search: show it anyway, the list keeps its filter.
    m_identityView->selectionModel()->clearCurrentIndex();
    showIdentity(label);
}

void DatasetsPanel::onIdentityChanged() {
    const QModelIndex current = m_proxy->mapToSource(m_identityView->currentIndex());
    if (current.isValid())
        showIdentity(current.row());
}

void DatasetsPanel::showIdentity(int label) {
    if (!m_index || label < 0 || static_cast<std::size_t>(label) >= m_index->identities.size())
        return;
    m_thumbnails->setImages(m_identities->imagesOf(label));
    m_thumbnailTitle->setText(tr("%1: %n image(s)", nullptr, m_identities->imageCount(label))
                                  .arg(toQString(m_index->identities[label])));
    if (m_thumbnails->rowCount() > 0)
        m_thumbnailView->setCurrentIndex(m_thumbnails->index(0));
}

void DatasetsPanel::onThumbnailChanged() {
    if (const fb::IndexedImage* image =
            m_thumbnails->imageAt(m_thumbnailView->currentIndex().row()))
        m_preview->setImage(*image);
}

void DatasetsPanel::previewImageFile(const QString& path) {
    fb::IndexedImage image;
    image.path = QFileInfo(path).absoluteFilePath().toStdString();
    image.size = QFileInfo(path).size();
    m_preview->setImage(image);
}

void DatasetsPanel::openForSession(const QString& dataset, const QString& previewImage,
                                   const QString& detector) {
    if (!detector.isEmpty())
        m_preview->setDetector(detector);
    const bool indexing = !dataset.isEmpty() && openDataset(dataset);
    if (previewImage.isEmpty())
        return;
    if (indexing)
        connect(
            this, &DatasetsPanel::indexFinished, this,
            [this, previewImage] { previewImageFile(previewImage); }, Qt::SingleShotConnection);
    else
        previewImageFile(previewImage);
}

void DatasetsPanel::chooseFolder() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Open Dataset Folder"), m_pathEdit->text());
    if (!folder.isEmpty())
        openDataset(folder);
}

void DatasetsPanel::chooseListFile() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Dataset List"), m_pathEdit->text(),
        tr("Lists and RecordIO (*.txt *.lst *.list *.csv *.rec *.idx);;All files (*)"));
    if (!file.isEmpty())
        openDataset(file);
}

} // namespace fb::ui
