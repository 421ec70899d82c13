// Five-point similarity alignment (see face_alignment.h).
#include "detect/face_alignment.h"

#include "facebench/errors.h"

#include <cmath>

namespace fb {
namespace {

struct Template {
    const char* name;
    int size; // the square output the points were drawn for
    Point2 points[5];
};

// insightface, python-package/insightface/utils/face_align.py `arcface_dst`: where the networks
// trained on MS1M-ArcFace (and mobilefacenet-tf192, trained on the same crops) expect the eyes,
// nose tip and mouth corners of a 112 x 112 face.
constexpr Template kTemplates[] = {
    {"arcface",
     112,
     {{38.2946, 51.6963},
      {73.5318, 51.5014},
      {56.0252, 71.7366},
      {41.5493, 92.3655},
      {70.7299, 92.2041}}},
    // dlib's face chip, get_face_chip_details(shape, 150, 0.25) in
    // dlib/image_transforms/interpolation.h: the chips dlib_face_recognition_resnet_model_v1
    // (face-api's recogniser) was trained on. dlib fits 68-point landmarks to its mean face
    // shape; MTCNN's five points are that shape's eye centres (mean of points 36-41 and 42-47),
    // nose tip (30) and mouth corners (48, 54), each at (0.25 + m) / (1 + 2 * 0.25) * 150.
    {"dlib",
     150,
     {{47.5492, 46.5990},
      {100.4761, 46.5990},
      {74.0127, 76.5625},
      {50.4149, 103.0233},
      {97.6104, 103.0233}}},
};

const Template& findTemplate(const std::string& name) {
    for (const auto& t : kTemplates)
        if (name == t.name)
            return t;
    std::string known;
    for (const auto& n : alignmentTemplateNames())
        known += (known.empty() ? "" : ", ") + n;
    throw InputError(SourceLocation{}, "align",
                     "'" + name + "' is not an alignment template (known: none, " + known + ")");
}

} // namespace

Affine2x3 similarityTransform(const std::vector<Point2>& src, const std::vector<Point2>& dst) {
    if (src.size() != dst.size() || src.size() < 2)
        throw InputError("a similarity needs two or more point pairs, got " +
                         std::to_string(src.size()) + " and " + std::to_string(dst.size()));
    const double n = static_cast<double>(src.size());
    double mx = 0, my = 0, nx = 0, ny = 0;
    for (std::size_t i = 0; i < src.size(); ++i) {
        mx += src[i][0] / n;
        my += src[i][1] / n;
        nx += dst[i][0] / n;
        ny += dst[i][1] / n;
    }
    // Umeyama's SVD solution in closed form for 2-D: with centred points p (source) and q
    // (target), the best rotation angle is atan2(sum p x q, sum p . q) and the scale
    // |(sum p . q, sum p x q)| / sum |p|^2, so s cos = dot / norm and s sin = cross / norm.
    // The rotation is proper by construction: mirrored landmarks give no reflection.
    double dot = 0, cross = 0, norm = 0;
    for (std::size_t i = 0; i < src.size(); ++i) {
        const double x = src[i][0] - mx, y = src[i][1] - my;
        const double u = dst[i][0] - nx, v = dst[i][1] - ny;
        dot += x * u + y * v;
        cross += x * v - y * u;
        norm += x * x + y * y;
    }
    if (!(norm > 1e-12))
        throw InputError("the landmarks coincide: cannot align the face");
    const double a = dot / norm, b = cross / norm;
    return {a, -b, nx - (a * mx - b * my), b, a, ny - (b * mx + a * my)};
}

Point2 applyAffine(const Affine2x3& m, const Point2& p) {
    return {m[0] * p[0] + m[1] * p[1] + m[2], m[3] * p[0] + m[4] * p[1] + m[5]};
}

const std::vector<std::string>& alignmentTemplateNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& t : kTemplates)
            v.emplace_back(t.name);
        return v;
    }();
    return names;
}

int alignmentTemplateSize(const std::string& name) {
    return findTemplate(name).size;
}

std::vector<Point2> alignmentTemplate(const std::string& name, int width, int height) {
    const Template& t = findTemplate(name);
    if (width <= 0 || height <= 0)
        throw InputError(SourceLocation{}, "size", "an aligned face needs a positive size");
    const double scale = static_cast<double>(height) / t.size;
    const double shift = (width - t.size * scale) / 2;
    std::vector<Point2> points;
    for (const auto& p : t.points)
        points.push_back({p[0] * scale + shift, p[1] * scale});
    return points;
}

} // namespace fb
