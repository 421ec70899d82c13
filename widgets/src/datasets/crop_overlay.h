#pragma once
// What the face-crop preview draws over the image, in widget coordinates, computed apart from
// the painting so a test can check the geometry exactly: the image drawn scaled to fit its area
// (aspect kept, centred), every detected box, the picked face's 15%-enlarged, clipped crop box
// (enlargeAndClip, seed Section 4.1) and its five landmarks.
#include <QPointF>
#include <QRectF>
#include <QSize>

#include <facebench/face_detection.h>

#include <vector>

namespace fb::ui {

// Image pixel coordinates -> widget coordinates for an image of `imageSize` drawn scaled to fit
// `area` (aspect kept, centred). Pixel edges map to edges: image point (0, 0) is the drawn
// image's top-left corner, (width, height) its bottom-right one.
class ImageViewMapping {
public:
    ImageViewMapping() = default;
    ImageViewMapping(const QSize& imageSize, const QRectF& area);

    double scale() const { return m_scale; }
    QRectF imageRect() const { return m_imageRect; } // where the image is drawn
    QPointF map(const QPointF& imagePoint) const;
    QRectF map(const QRectF& imageRect) const;

private:
    double m_scale = 1.0;
    QRectF m_imageRect;
};

struct CropOverlay {
    std::vector<QRectF> faces;      // every detected box (x1, y1)-(x2, y2)
    int picked = -1;                // index into faces of the face the crop uses; -1: none
    QRectF cropBox;                 // the enlarged, clipped, truncated crop box; empty: none
    std::vector<QPointF> landmarks; // the picked face's five points
};

// The overlay for `faces` (picked: the index pickFace returned, kNoFace for none) on an image
// of imageWidth x imageHeight, mapped through `mapping`.
CropOverlay cropOverlay(const std::vector<fb::FaceBox>& faces, std::size_t picked, int imageWidth,
                        int imageHeight, double enlarge, const ImageViewMapping& mapping);

} // namespace fb::ui
