#pragma once
// One failure pair in the grid: both face images side by side, the score, the two identities
// (the images' folder names) and their paths. An image click asks for the full-size view.
#include <QFrame>
#include <QString>

namespace fb::ui {

class PairCard : public QFrame {
    Q_OBJECT
public:
    PairCard(const QString& kind, double score, const QString& pathA, const QString& pathB,
             QWidget* parent = nullptr);

    QString pathA() const { return m_pathA; }
    QString pathB() const { return m_pathB; }

signals:
    void pairClicked(const QString& pathA, const QString& pathB);

private:
    QString m_pathA, m_pathB;
};

// Both full images of a pair side by side, each with its face box (from the data folder's
// boxes.csv when there is one): a failure is judged by comparing the two. Returns the dialog
// (shown, deleted on close).
QDialog* showFullPair(QWidget* parent, const QString& pathA, const QString& pathB);
// The identity of an image: its folder's name (VGGFace2 id/file.jpg, LFW Name/Name_0001.jpg).
QString identityOf(const QString& path);

} // namespace fb::ui
