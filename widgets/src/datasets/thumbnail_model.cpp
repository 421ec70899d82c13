#include "thumbnail_model.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QRunnable>
#include <QTimer>

#include <exception>

#include <facebench/ui/to_qstring.h>

namespace fb::ui {
namespace {

// A few thousand thumbnails of 96 x 112 (~43 kB each as pixmaps): enough for several
// identities of VGGFace2's depth (374 images on average, seed Table 16) without growing.
constexpr int kCacheKiB = 96 * 1024;
// Two decoders leave the CPU to a training job running beside the browser.
constexpr int kDecodeThreads = 2;

} // namespace

QString imageKey(const fb::IndexedImage& image) {
    QString key = toQString(image.path);
    if (image.offset >= 0)
        key += QLatin1Char('#') + QString::number(image.offset);
    return key;
}

QImage decodeThumbnail(const fb::IndexedImage& image, const QSize& size, QString* error) {
    QByteArray bytes;
    try {
        const std::vector<unsigned char> data = fb::readImageBytes(image);
        bytes = QByteArray(reinterpret_cast<const char*>(data.data()),
                           static_cast<qsizetype>(data.size()));
    } catch (const std::exception& e) {
        if (error)
            *error = toQString(e.what());
        return {};
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    // Scaled decoding: JPEG decodes straight to a fraction of its size.
    if (full.isValid() && (full.width() > size.width() || full.height() > size.height()))
        reader.setScaledSize(full.scaled(size, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    QImage decoded = reader.read();
    if (decoded.isNull()) {
        if (error)
            *error =
                QCoreApplication::translate("ThumbnailModel", "%1: cannot decode the image (%2)")
                    .arg(toQString(image.path), reader.errorString());
        return {};
    }
    if (decoded.width() > size.width() || decoded.height() > size.height())
        decoded = decoded.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return decoded;
}

ThumbnailModel::ThumbnailModel(QObject* parent) : QAbstractListModel(parent) {
    m_cache.setMaxCost(kCacheKiB);
    m_pool.setMaxThreadCount(kDecodeThreads);
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(50); // <= 20 view updates a second
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &ThumbnailModel::flush);
}

ThumbnailModel::~ThumbnailModel() {
    m_current->store(-1);
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailModel::setImages(std::vector<fb::IndexedImage> images) {
    m_pool.clear(); // queued decodes of the previous identity
    beginResetModel();
    ++m_generation;
    m_current->store(m_generation);
    m_entries.clear();
    m_loaded = 0;
    m_dirtyFirst = m_dirtyLast = -1;
    for (auto& image : images) {
        Entry entry;
        entry.key = imageKey(image);
        entry.image = std::move(image);
        entry.loaded = m_cache.contains(entry.key);
        m_loaded += entry.loaded ? 1 : 0;
        m_entries.push_back(std::move(entry));
    }
    endResetModel();

    const int generation = m_generation;
    const std::shared_ptr<std::atomic_int> current = m_current;
    const QSize size = m_size;
    for (int row = 0; row < static_cast<int>(m_entries.size()); ++row) {
        if (m_entries[row].loaded)
            continue;
        const fb::IndexedImage image = m_entries[row].image;
        m_pool.start(QRunnable::create([this, generation, current, size, row, image] {
            if (current->load() != generation)
                return; // the selection moved on
            QString error;
            const QImage thumbnail = decodeThumbnail(image, size, &error);
            // Queued: runs on the GUI thread. The destructor waits for every worker, so `this`
            // is alive when this is posted; an event left for a deleted model is dropped.
            QMetaObject::invokeMethod(
                this,
                [this, generation, row, thumbnail, error] {
                    arrived(generation, row, thumbnail, error);
                },
                Qt::QueuedConnection);
        }));
    }
    emit progress(m_loaded, static_cast<int>(m_entries.size()));
}

const fb::IndexedImage* ThumbnailModel::imageAt(int row) const {
    if (row < 0 || row >= static_cast<int>(m_entries.size()))
        return nullptr;
    return &m_entries[row].image;
}

void ThumbnailModel::setThumbnailSize(const QSize& size) {
    if (size == m_size || !size.isValid())
        return;
    m_size = size;
    m_cache.clear();
    std::vector<fb::IndexedImage> images;
    for (const Entry& entry : m_entries)
        images.push_back(entry.image);
    setImages(std::move(images));
}

void ThumbnailModel::arrived(int generation, int row, const QImage& thumbnail,
                             const QString& error) {
    if (generation != m_generation || row >= static_cast<int>(m_entries.size()))
        return;
    Entry& entry = m_entries[row];
    if (entry.loaded)
        return;
    entry.loaded = true;
    entry.error = error;
    ++m_loaded;
    if (!thumbnail.isNull()) {
        const QPixmap pixmap = QPixmap::fromImage(thumbnail);
        m_cache.insert(entry.key, new QPixmap(pixmap),
                       qMax<qsizetype>(1, thumbnail.sizeInBytes() / 1024));
    }
    m_dirtyFirst = m_dirtyFirst < 0 ? row : qMin(m_dirtyFirst, row);
    m_dirtyLast = qMax(m_dirtyLast, row);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void ThumbnailModel::flush() {
    if (m_dirtyFirst >= 0)
        emit dataChanged(index(m_dirtyFirst), index(m_dirtyLast),
                         {Qt::DecorationRole, Qt::ToolTipRole, LoadedRole, ErrorRole});
    m_dirtyFirst = m_dirtyLast = -1;
    emit progress(m_loaded, static_cast<int>(m_entries.size()));
}

QPixmap ThumbnailModel::placeholder(bool failed) const {
    const QString key = failed ? QStringLiteral("#failed") : QStringLiteral("#loading");
    if (const QPixmap* cached = m_cache.object(key))
        return *cached;
    QPixmap pixmap(m_size);
    pixmap.fill(failed ? QColor(0xf4, 0xd6, 0xd6) : QColor(0xe8, 0xe8, 0xe8));
    if (failed) {
        QPainter painter(&pixmap);
        painter.setPen(QPen(QColor(0xb0, 0x30, 0x30), 2));
        const QRect r = pixmap.rect().adjusted(m_size.width() / 3, m_size.height() / 3,
                                               -m_size.width() / 3, -m_size.height() / 3);
        painter.drawLine(r.topLeft(), r.bottomRight());
        painter.drawLine(r.topRight(), r.bottomLeft());
    }
    m_cache.insert(key, new QPixmap(pixmap), 1);
    return pixmap;
}

int ThumbnailModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ThumbnailModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry& entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(toQString(entry.image.path)).fileName();
    case Qt::DecorationRole:
        if (const QPixmap* cached = m_cache.object(entry.key))
            return *cached;
        // Evicted since it arrived (a small cache and a deep identity): the placeholder
        // stands in; selecting the identity again decodes it anew.
        return placeholder(entry.loaded && !entry.error.isEmpty());
    case Qt::ToolTipRole:
        if (!entry.error.isEmpty())
            return entry.error;
        return tr("%1\n%2 KiB")
            .arg(toQString(entry.image.path))
            .arg(QString::number((entry.image.size + 1023) / 1024));
    case PathRole:
        return toQString(entry.image.path);
    case LoadedRole:
        return entry.loaded;
    case ErrorRole:
        return entry.error;
    default:
        return {};
    }
}

} // namespace fb::ui
