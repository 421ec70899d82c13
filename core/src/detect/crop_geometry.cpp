// The crop arithmetic of seed Section 4.1 ("we enlarge the bounding box size by 15% on each
// side") and facenet's choice of one face among several (align/align_dataset_mtcnn.py).
// Torch- and OpenCV-free: the GUI's preview and the tests use it directly.
#include "facebench/face_detection.h"

#include <algorithm>
#include <cmath>

namespace fb {

std::array<double, 4> enlargeBox(const FaceBox& box, double enlarge) {
    const double dx = enlarge * box.width();
    const double dy = enlarge * box.height();
    return {box.x1 - dx, box.y1 - dy, box.x2 + dx, box.y2 + dy};
}

CropBox enlargeAndClip(const FaceBox& box, int imageWidth, int imageHeight, double enlarge) {
    const auto e = enlargeBox(box, enlarge);
    // facenet: bb = [max(x1 - m, 0), max(y1 - m, 0), min(x2 + m, w), min(y2 + m, h)], then
    // int() (truncation toward zero) for slicing img[y1:y2, x1:x2]. Clipping first keeps the
    // values in [0, size], where truncation and floor agree. A box entirely outside the image
    // gives an empty CropBox (x2 <= x1 or y2 <= y1).
    const auto clipTrunc = [](double v, int hi) {
        return static_cast<int>(std::trunc(std::clamp(v, 0.0, static_cast<double>(hi))));
    };
    CropBox c;
    c.x1 = clipTrunc(e[0], imageWidth);
    c.y1 = clipTrunc(e[1], imageHeight);
    c.x2 = clipTrunc(e[2], imageWidth);
    c.y2 = clipTrunc(e[3], imageHeight);
    return c;
}

std::size_t pickFace(const std::vector<FaceBox>& faces, int imageWidth, int imageHeight) {
    // facenet: index = argmax(box_area - 2 * |box_centre - image_centre|^2), image centre =
    // img_size / 2 (no half-pixel shift). np.argmax takes the first of equal values.
    std::size_t best = kNoFace;
    double bestValue = 0;
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const auto& f = faces[i];
        const double area = f.width() * f.height();
        const double ox = (f.x1 + f.x2) / 2 - imageWidth / 2.0;
        const double oy = (f.y1 + f.y2) / 2 - imageHeight / 2.0;
        const double value = area - 2.0 * (ox * ox + oy * oy);
        if (best == kNoFace || value > bestValue) {
            best = i;
            bestValue = value;
        }
    }
    return best;
}

} // namespace fb
