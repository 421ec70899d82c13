#pragma once
// The thumbnail grid's model: one row per image of the selected identity. Thumbnails are decoded
// off the GUI thread (QImageReader at reduced size, so a large JPEG is never decoded whole), kept
// in a QCache shared across identities, and filled in as they arrive, in batches of at most
// ~20 a second (docs/ARCHITECTURE.md: no flood of updates on the event loop).
#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <QPixmap>
#include <QSize>
#include <QThreadPool>

#include <facebench/dataset_index.h>

#include <atomic>
#include <memory>
#include <vector>

class QTimer;

namespace fb::ui {

// Decodes one image at most `size` (aspect kept), from a file or a RecordIO record. A null
// image with `error` set when it cannot be read or decoded. Thread-safe; used by the workers.
QImage decodeThumbnail(const fb::IndexedImage& image, const QSize& size, QString* error = nullptr);

// The cache key of an image: its path, and the record offset for RecordIO.
QString imageKey(const fb::IndexedImage& image);

class ThumbnailModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1, // the image's file path (QString)
        LoadedRole,                  // true once decoded (or failed)
        ErrorRole,                   // why it could not be decoded, "" when it could
    };

    explicit ThumbnailModel(QObject* parent = nullptr);
    // Stops the workers and waits for them (a worker never outlives the model).
    ~ThumbnailModel() override;

    // Shows `images` (the selected identity's) and starts decoding those not cached. Images
    // queued for the previous identity and not yet started are dropped.
    void setImages(std::vector<fb::IndexedImage> images);
    void clear() { setImages({}); }
    const fb::IndexedImage* imageAt(int row) const;

    void setThumbnailSize(const QSize& size);
    QSize thumbnailSize() const { return m_size; }
    // Rows whose thumbnail (or decode error) has arrived.
    int loadedCount() const { return m_loaded; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

signals:
    // After each batch of arrivals: how many of the current rows are loaded.
    void progress(int loaded, int total);

private:
    struct Entry {
        fb::IndexedImage image;
        QString key;
        bool loaded = false;
        QString error;
    };
    void arrived(int generation, int row, const QImage& thumbnail, const QString& error);
    void flush();
    QPixmap placeholder(bool failed) const;

    std::vector<Entry> m_entries;
    QSize m_size{96, 112};
    int m_loaded = 0;
    int m_generation = 0;
    // Set to the current generation; workers of an older one stop before decoding.
    std::shared_ptr<std::atomic_int> m_current = std::make_shared<std::atomic_int>(0);
    mutable QCache<QString, QPixmap> m_cache;
    QThreadPool m_pool;
    QTimer* m_flushTimer = nullptr;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
};

} // namespace fb::ui
