#pragma once
// Drawing one synthetic face. The head is an ellipsoid rendered per pixel (so yaw is a real
// rotation and illumination real shading), the features are 3-D curves on its surface projected
// with the same rotation, so a profile hides the far eye and turns the nose into the silhouette.
#include "synth_model.h"

#include <opencv2/core.hpp>

#include <vector>

namespace fb::synth {

// Where the head sits in the image and how it is turned; maps head space to pixels.
class HeadView {
public:
    // `crop` is the rectangle a face crop would cover; the head fills it as in a 15%-enlarged
    // detection box (seed Section 4.1).
    HeadView(const IdentityTraits& traits, const ImageFactors& factors, const cv::Rect2d& crop);

    double a() const { return m_a; }
    double b() const { return m_b; }
    double c() const { return m_c; }
    double unit() const { return m_unit; }
    cv::Point2d centre() const { return {m_cx, m_cy}; }
    double cosYaw() const { return m_cosYaw; }
    double sinYaw() const { return m_sinYaw; }
    double roll() const { return m_rollDeg; }

    // Half-width of the head ellipse at height y (the jaw narrows the lower half).
    double halfWidthAt(double y) const;
    // Front surface depth at (x, y); 0 outside the head.
    double surfaceZ(double x, double y) const;
    cv::Vec3d surface(double x, double y, double lift = 0.0) const;
    // Image position of a head-space point.
    cv::Point2d project(const cv::Vec3d& p) const;
    // Component towards the viewer of the surface normal at (x, y): > 0 visible.
    double facing(double x, double y) const;
    // Lambert shading at (x, y) with the image's light.
    double shade(double x, double y) const;
    double shadeNormal(const cv::Vec3d& viewNormal) const;
    // Pixel -> head-space ray hit: returns false when the pixel misses the head.
    bool hit(double px, double py, cv::Vec3d& point, cv::Vec3d& viewNormal) const;
    // Bounding box of the face (brows to chin, side to side) in pixels, for boxes.csv.
    cv::Rect2d faceBox() const;

private:
    const IdentityTraits& m_t;
    double m_a, m_b, m_c, m_jaw;
    double m_cx, m_cy, m_unit;
    double m_cosYaw, m_sinYaw, m_cosRoll, m_sinRoll, m_rollDeg;
    cv::Vec3d m_light;
    double m_ambient, m_intensity;
};

// Draws the face (with neck, shoulders, hair, disguise) into `image` (CV_8UC3) inside `crop`,
// over whatever background is already there.
void drawFace(cv::Mat& image, const cv::Rect2d& crop, const IdentityTraits& traits,
              const ImageFactors& factors);

// Feature drawing (synth_features.cpp): eyes, brows, nose, mouth, wrinkles, accessories,
// disguises that sit on top of the head.
void drawFeatures(cv::Mat& image, const HeadView& view, const IdentityTraits& traits,
                  const ImageFactors& factors);
void drawEars(cv::Mat& image, const HeadView& view, const IdentityTraits& traits,
              const ImageFactors& factors, bool front);

// Image-level parts (synth_image.cpp).
void drawBackground(cv::Mat& image, const ImageFactors& factors);
// Blur, down-sampling and noise of the quality level, then JPEG at its quality: the file bytes.
std::vector<unsigned char> degradeAndEncode(const cv::Mat& image, Quality quality,
                                            std::uint64_t noiseSeed);
// Renders one crop (width x height) or scene, supersampled, not yet degraded.
cv::Mat renderCrop(const IdentityTraits& traits, const ImageFactors& factors, int width,
                   int height);
cv::Mat renderScene(const IdentityTraits& traits, const ImageFactors& factors, int width,
                    int height, Rng& placement, cv::Rect& faceBox);

// Apparent age changes colouring: greying hair, duller skin.
Color apparentSkin(const IdentityTraits& traits, const ImageFactors& factors);
Color apparentHair(const IdentityTraits& traits, const ImageFactors& factors);

// Drawing helpers shared by the files above (sub-pixel coordinates, 4 fractional bits).
constexpr int kShift = 4;
cv::Point fixedPoint(const cv::Point2d& p);
cv::Scalar scalar(const Color& c, double gain = 1.0);

} // namespace fb::synth
