#pragma once
// The Datasets page: open a dataset (ImageFolder, LFW, list file), index it in the
// background with progress, browse its identities (searchable, with image counts) and each
// identity's thumbnails, preview the face crop of an image (detected box, 15%-enlarged crop box,
// landmarks, the crop at the model's input size; seed Section 4.1), and see breadth and depth
// (seed Table 16) with a depth histogram. Indexing and detection run on the JobRunner.
#include <QString>
#include <QWidget>

#include <facebench/dataset_index.h>
#include <facebench/dataset_stats.h>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QVBoxLayout;

namespace fb::ui {

class DatasetStatsView;
class FaceCropPreview;
class IdentityModel;
class JobRunner;
class ThumbnailModel;

class DatasetsPanel : public QWidget {
    Q_OBJECT
public:
    // Jobs go to `runner` (the window's, so they show in its job list); nullptr: the panel
    // keeps a runner of its own.
    explicit DatasetsPanel(JobRunner* runner = nullptr, QWidget* parent = nullptr);
    ~DatasetsPanel() override;

    bool isIndexing() const { return m_indexJob != 0; }
    // A dataset root with parts (train/, test/, lfw/, ...): the parts offered, the one indexed.
    QStringList datasetParts() const;
    QString indexedPart() const;
    // The status line: what was indexed, or why it could not be.
    QString message() const;
    std::shared_ptr<const fb::DatasetIndex> datasetIndex() const;

    IdentityModel* identityModel() const { return m_identities; }
    QSortFilterProxyModel* identityProxy() const { return m_proxy; }
    ThumbnailModel* thumbnailModel() const { return m_thumbnails; }
    FaceCropPreview* cropPreview() const { return m_preview; }
    DatasetStatsView* statsView() const { return m_stats; }

public slots:
    // Indexes `path` in the background; format: auto | imagefolder | lfw | list ("" keeps the
    // format box's choice). A path that does not exist: false, and the message says so.
    bool openDataset(const QString& path, const QString& format = {});
    void cancelIndexing();
    // Filters the identity list (case-insensitive substring of the name).
    void setSearchText(const QString& text);
    // Shows identity `label`'s thumbnails and previews its first image.
    void selectIdentity(int label);
    // Previews the crop of any image file (not necessarily in the dataset).
    void previewImageFile(const QString& path);
    // The command line's --dataset, --preview-image and --detector (app/gui/main.cpp), each
    // optional: sets the detector, starts indexing, and previews the image once the index is
    // shown (the index would otherwise replace it with its first image).
    void openForSession(const QString& dataset, const QString& previewImage,
                        const QString& detector);

signals:
    void indexFinished(bool ok);

private:
    void addDatasetRows(QVBoxLayout* layout);
    QSplitter* buildBrowser();
    QWidget* buildIdentityList();
    QWidget* buildThumbnailList();
    void chooseFolder();
    void chooseListFile();
    void onJobChanged(int id);
    void onJobFinished(int id);
    void showIndex(std::shared_ptr<const fb::DatasetIndex> index, const fb::DatasetStats& stats);
    void showMessage(const QString& text, bool error);
    void clearDataset();
    void showParts(const QString& root, const QString& part);
    void onIdentityChanged();
    void showIdentity(int label);
    void onThumbnailChanged();

    struct IndexOutcome;
    JobRunner* m_runner = nullptr;
    int m_indexJob = 0;
    std::shared_ptr<IndexOutcome> m_outcome;
    std::shared_ptr<const fb::DatasetIndex> m_index;
    QString m_message;

    QLineEdit* m_pathEdit = nullptr;
    QComboBox* m_formatBox = nullptr;
    QComboBox* m_partBox = nullptr;
    QLabel* m_partLabel = nullptr;
    QString m_partsRoot; // the dataset root whose parts m_partBox offers
    QPushButton* m_indexButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_messageLabel = nullptr;
    QLineEdit* m_searchEdit = nullptr;
    QTableView* m_identityView = nullptr;
    QLabel* m_thumbnailTitle = nullptr;
    QListView* m_thumbnailView = nullptr;
    IdentityModel* m_identities = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    ThumbnailModel* m_thumbnails = nullptr;
    FaceCropPreview* m_preview = nullptr;
    DatasetStatsView* m_stats = nullptr;
};

} // namespace fb::ui
