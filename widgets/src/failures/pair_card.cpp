// A failure pair card and the full-image view (pair_card.h).
#include "failures/pair_card.h"

#include <QDialog>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QCoreApplication>
#include <QLabel>
#include <QPainter>
#include <QTextStream>
#include <QVBoxLayout>

namespace fb::ui {

namespace {

constexpr int kThumb = 112; // the synthetic crops' size; larger images are scaled down

class ClickableImage : public QLabel {
public:
    ClickableImage(const QString& path, PairCard* card) : m_path(path), m_card(card) {
        QImageReader reader(path);
        const QImage image = reader.read();
        if (image.isNull()) {
            setText(QCoreApplication::translate("fb::ui::PairCard", "missing\nimage"));
            setStyleSheet(QStringLiteral("color: #a00; border: 1px dashed #a00;"));
        } else {
            setPixmap(QPixmap::fromImage(
                image.scaled(kThumb, kThumb, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            setCursor(Qt::PointingHandCursor);
        }
        setFixedSize(kThumb, kThumb);
        setAlignment(Qt::AlignCenter);
        setToolTip(path);
    }

protected:
    void mouseReleaseEvent(QMouseEvent*) override {
        emit m_card->pairClicked(m_card->pathA(), m_card->pathB());
    }

private:
    QString m_path;
    PairCard* m_card;
};

// boxes.csv (image,x,y,w,h) in the data folder above the image: `data synth --canvas` writes it.
QRect findBox(const QString& path) {
    QDir dir = QFileInfo(path).absoluteDir();
    for (int up = 0; up < 4; ++up) {
        if (!dir.cdUp())
            break;
        QFile file(dir.filePath(QStringLiteral("boxes.csv")));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString relative = dir.relativeFilePath(QFileInfo(path).absoluteFilePath());
        QTextStream in(&file);
        while (!in.atEnd()) {
            const QStringList f = in.readLine().split(QLatin1Char(','));
            if (f.size() == 5 && f[0] == relative)
                return QRect(f[1].toInt(), f[2].toInt(), f[3].toInt(), f[4].toInt());
        }
        return {};
    }
    return {};
}

} // namespace

QString identityOf(const QString& path) {
    return QFileInfo(path).dir().dirName();
}

PairCard::PairCard(const QString& kind, double score, const QString& pathA, const QString& pathB,
                   QWidget* parent)
    : QFrame(parent), m_pathA(pathA), m_pathB(pathB) {
    setFrameShape(QFrame::StyledPanel);
    auto* images = new QHBoxLayout;
    images->addWidget(new ClickableImage(pathA, this));
    images->addWidget(new ClickableImage(pathB, this));
    auto* caption =
        new QLabel(tr("<b>%1</b> · score %2<br>%3 vs %4")
                       .arg(kind)
                       .arg(score, 0, 'f', 4)
                       .arg(identityOf(pathA).toHtmlEscaped(), identityOf(pathB).toHtmlEscaped()));
    // The last folders of each path (split/identity/file); the full paths in the tooltip.
    auto tail = [](const QString& path) { return path.section(QLatin1Char('/'), -3); };
    auto* paths = new QLabel(tail(pathA) + QStringLiteral("<br>") + tail(pathB));
    paths->setToolTip(pathA + QLatin1Char('\n') + pathB);
    paths->setStyleSheet(QStringLiteral("color: #555;"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(images);
    layout->addWidget(caption);
    layout->addWidget(paths);
    layout->setSpacing(3);
}

namespace {

// One image of the pair at a size where the face can be seen, its box drawn, and what it is.
QWidget* fullImageView(const QString& path) {
    QImage image(path);
    auto* view = new QWidget;
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel;
    label->setAlignment(Qt::AlignCenter);
    const QRect box = findBox(path);
    if (!image.isNull()) {
        QImage shown = image.convertToFormat(QImage::Format_RGB32);
        if (box.isValid()) {
            QPainter p(&shown);
            p.setPen(QPen(Qt::green, std::max(1, shown.width() / 150)));
            p.drawRect(box);
        }
        // Small crops are enlarged (nearest pixel) so the face can be seen.
        const int factor = std::max(1, 448 / std::max(1, shown.width()));
        label->setPixmap(QPixmap::fromImage(shown.scaled(shown.size() * factor)));
    } else {
        label->setText(QObject::tr("Cannot read %1").arg(path));
    }
    auto* caption =
        new QLabel(box.isValid() ? QObject::tr("%1\n%2 x %3 px, face box %4,%5 %6 x %7")
                                       .arg(path)
                                       .arg(image.width())
                                       .arg(image.height())
                                       .arg(box.x())
                                       .arg(box.y())
                                       .arg(box.width())
                                       .arg(box.height())
                                 : QObject::tr("%1\n%2 x %3 px, a face crop (no boxes.csv)")
                                       .arg(path)
                                       .arg(image.width())
                                       .arg(image.height()));
    caption->setWordWrap(true);
    caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    caption->setMaximumWidth(std::max(448, label->sizeHint().width()));
    layout->addWidget(label, 1);
    layout->addWidget(caption);
    return view;
}

} // namespace

QDialog* showFullPair(QWidget* parent, const QString& pathA, const QString& pathB) {
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("%1 vs %2").arg(identityOf(pathA), identityOf(pathB)));
    auto* layout = new QHBoxLayout(dialog);
    layout->addWidget(fullImageView(pathA));
    layout->addWidget(fullImageView(pathB));
    dialog->show();
    return dialog;
}

} // namespace fb::ui
