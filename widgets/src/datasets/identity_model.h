#pragma once
// The identities of an indexed dataset as a table (name, images): the Datasets panel's list,
// searched through a QSortFilterProxyModel. Reads a shared, immutable DatasetIndex; the index's
// images are sorted by identity (dataset_index.h), so each identity is one contiguous range.
#include <QAbstractTableModel>

#include <facebench/dataset_index.h>

#include <memory>
#include <vector>

namespace fb::ui {

class IdentityModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ImagesColumn, ColumnCount };
    enum Role {
        LabelRole = Qt::UserRole + 1, // the identity's label (int)
        ImageCountRole,               // images of the identity (int)
    };

    explicit IdentityModel(QObject* parent = nullptr);

    // Replaces the dataset (nullptr: empty). Resets the model.
    void setDatasetIndex(std::shared_ptr<const fb::DatasetIndex> index);
    std::shared_ptr<const fb::DatasetIndex> datasetIndex() const { return m_index; }

    // Images of identity `label`, in index order; empty for an unknown label.
    std::vector<fb::IndexedImage> imagesOf(int label) const;
    int imageCount(int label) const;
    // Images per identity, by label (the depth the statistics plot).
    std::vector<long long> depths() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const fb::DatasetIndex> m_index;
    std::vector<std::size_t> m_first; // label -> first image position
    std::vector<int> m_count;         // label -> image count
};

} // namespace fb::ui
