#include "identity_model.h"

#include <facebench/ui/to_qstring.h>

namespace fb::ui {

IdentityModel::IdentityModel(QObject* parent) : QAbstractTableModel(parent) {}

void IdentityModel::setDatasetIndex(std::shared_ptr<const fb::DatasetIndex> index) {
    beginResetModel();
    m_index = std::move(index);
    m_first.clear();
    m_count.clear();
    if (m_index) {
        const std::size_t n = m_index->identities.size();
        m_first.assign(n, 0);
        m_count.assign(n, 0);
        // One pass; labels outside the identity table (a malformed index) are skipped rather
        // than trusted as positions.
        for (std::size_t i = 0; i < m_index->images.size(); ++i) {
            const int label = m_index->images[i].label;
            if (label < 0 || static_cast<std::size_t>(label) >= n)
                continue;
            if (m_count[label] == 0)
                m_first[label] = i;
            ++m_count[label];
        }
    }
    endResetModel();
}

std::vector<fb::IndexedImage> IdentityModel::imagesOf(int label) const {
    std::vector<fb::IndexedImage> images;
    if (!m_index || label < 0 || static_cast<std::size_t>(label) >= m_count.size())
        return images;
    // Sorted by identity, so the identity's images follow its first one; the label check keeps
    // this right even for an index that is not.
    for (std::size_t i = m_first[label];
         i < m_index->images.size() && images.size() < static_cast<std::size_t>(m_count[label]);
         ++i) {
        if (m_index->images[i].label == label)
            images.push_back(m_index->images[i]);
    }
    return images;
}

int IdentityModel::imageCount(int label) const {
    if (label < 0 || static_cast<std::size_t>(label) >= m_count.size())
        return 0;
    return m_count[label];
}

std::vector<long long> IdentityModel::depths() const {
    return {m_count.begin(), m_count.end()};
}

int IdentityModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_count.size());
}

int IdentityModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IdentityModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_index || index.row() >= rowCount())
        return {};
    const int label = index.row();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return toQString(m_index->identities[label]);
        return m_count[label]; // an int, so the proxy sorts numerically
    case Qt::TextAlignmentRole:
        if (index.column() == ImagesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return tr("%1: %n image(s)", nullptr, m_count[label])
            .arg(toQString(m_index->identities[label]));
    case LabelRole:
        return label;
    case ImageCountRole:
        return m_count[label];
    default:
        return {};
    }
}

QVariant IdentityModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Identity") : tr("Images");
}

} // namespace fb::ui
