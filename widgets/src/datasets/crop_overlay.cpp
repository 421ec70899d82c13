#include "crop_overlay.h"

#include <algorithm>

namespace fb::ui {

ImageViewMapping::ImageViewMapping(const QSize& imageSize, const QRectF& area) {
    if (imageSize.isEmpty() || area.isEmpty()) {
        m_imageRect = QRectF(area.topLeft(), QSizeF(0, 0));
        return;
    }
    m_scale = std::min(area.width() / imageSize.width(), area.height() / imageSize.height());
    const QSizeF drawn(imageSize.width() * m_scale, imageSize.height() * m_scale);
    m_imageRect =
        QRectF(area.left() + (area.width() - drawn.width()) / 2,
               area.top() + (area.height() - drawn.height()) / 2, drawn.width(), drawn.height());
}

QPointF ImageViewMapping::map(const QPointF& p) const {
    return {m_imageRect.left() + p.x() * m_scale, m_imageRect.top() + p.y() * m_scale};
}

QRectF ImageViewMapping::map(const QRectF& r) const {
    return {map(r.topLeft()), map(r.bottomRight())};
}

CropOverlay cropOverlay(const std::vector<fb::FaceBox>& faces, std::size_t picked, int imageWidth,
                        int imageHeight, double enlarge, const ImageViewMapping& mapping) {
    CropOverlay overlay;
    for (const fb::FaceBox& face : faces)
        overlay.faces.push_back(
            mapping.map(QRectF(QPointF(face.x1, face.y1), QPointF(face.x2, face.y2))));
    if (picked >= faces.size())
        return overlay;
    overlay.picked = static_cast<int>(picked);
    const fb::FaceBox& face = faces[picked];
    // The very box the crop verb slices (x2, y2 exclusive: the far pixel edges).
    const fb::CropBox box = fb::enlargeAndClip(face, imageWidth, imageHeight, enlarge);
    overlay.cropBox = mapping.map(QRectF(QPointF(box.x1, box.y1), QPointF(box.x2, box.y2)));
    for (const auto& point : face.landmarks)
        overlay.landmarks.push_back(mapping.map(QPointF(point[0], point[1])));
    return overlay;
}

} // namespace fb::ui
