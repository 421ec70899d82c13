#pragma once
// Five-point face alignment: the least-squares similarity (rotation, uniform scale, translation;
// never a reflection) that carries MTCNN's landmarks onto a reference template, the transform
// insightface's norm_crop estimates with skimage's SimilarityTransform (Umeyama 1991), and the
// templates themselves. Torch- and OpenCV-free.
#include <array>
#include <string>
#include <vector>

namespace fb {

using Point2 = std::array<double, 2>;
// Row-major 2x3 matrix: x' = m[0] x + m[1] y + m[2], y' = m[3] x + m[4] y + m[5].
using Affine2x3 = std::array<double, 6>;

// The similarity minimising sum |T(src[i]) - dst[i]|^2. Different counts, fewer than two points
// or src points that all coincide: InputError.
Affine2x3 similarityTransform(const std::vector<Point2>& src, const std::vector<Point2>& dst);

Point2 applyAffine(const Affine2x3& m, const Point2& p);

// The names alignmentTemplate knows, in the order error messages list them.
const std::vector<std::string>& alignmentTemplateNames();
// The output size a template was drawn for (arcface: 112, dlib: 150), used when no size is
// asked for.
int alignmentTemplateSize(const std::string& name);
// The template's five points (left eye, right eye, nose tip, left and right mouth corner, as
// seen in the image, MTCNN's order) in a width x height output: scaled by height / native size
// and centred horizontally, so that 96 x 112 gives SphereFace's and CosFace's template (ArcFace's
// minus 8 in x). Unknown name: InputError naming the known ones.
std::vector<Point2> alignmentTemplate(const std::string& name, int width, int height);

} // namespace fb
