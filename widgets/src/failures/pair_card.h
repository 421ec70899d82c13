#pragma once
// One failure pair in the grid: both face images side by side, the score, the two identities
// (the images' folder names) and their paths. An image click asks for the full-image view.
#include <QFrame>
#include <QString>

namespace fb::ui {

class PairCard : public QFrame {
    Q_OBJECT
public:
    PairCard(const QString& kind, double score, const QString& pathA, const QString& pathB,
             QWidget* parent = nullptr);

signals:
    void imageClicked(const QString& path);
};

// The full image with its face box (from the data folder's boxes.csv when there is one).
void showFullImage(QWidget* parent, const QString& path);
// The identity of an image: its folder's name (VGGFace2 id/file.jpg, LFW Name/Name_0001.jpg).
QString identityOf(const QString& path);

} // namespace fb::ui
