// The head: an ellipsoid with a narrowing jaw, ray-cast per pixel so that yaw, roll and light
// are geometry rather than 2-D tricks. Hair, beard, hat and scarf are regions of its surface.
#include "synth_face.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fb::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Cheap deterministic per-pixel texture in [0, 1).
double hashNoise(int x, int y, std::uint64_t seed) {
    std::uint64_t h = mix(seed, (std::uint64_t(std::uint32_t(x)) << 32) | std::uint32_t(y));
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

Color mixColor(const Color& a, const Color& b, double t) {
    return a * float(1 - t) + b * float(t);
}

} // namespace

cv::Point fixedPoint(const cv::Point2d& p) {
    return {int(std::lround(p.x * (1 << kShift))), int(std::lround(p.y * (1 << kShift)))};
}

cv::Scalar scalar(const Color& c, double gain) {
    return {std::clamp(c[0] * gain, 0.0, 255.0), std::clamp(c[1] * gain, 0.0, 255.0),
            std::clamp(c[2] * gain, 0.0, 255.0)};
}

HeadView::HeadView(const IdentityTraits& traits, const ImageFactors& factors,
                   const cv::Rect2d& crop)
    : m_t(traits) {
    const bool mature = factors.age == Age::Mature;
    // Apparent age: a slightly wider, heavier lower face.
    m_a = traits.faceWidth * (mature ? 1.03 : 1.0);
    m_b = traits.faceHeight;
    m_c = 1.15; // heads are deeper than wide; profiles need the depth
    m_jaw = traits.jaw * (mature ? 0.75 : 1.0);
    m_unit = std::min(crop.width, crop.height / 1.17) * 0.30 * factors.scale;
    m_cx = crop.x + crop.width * (0.5 + factors.dx);
    m_cy = crop.y + crop.height * (0.5 + factors.dy);
    const double yaw = factors.yawDeg * kPi / 180.0;
    m_cosYaw = std::cos(yaw);
    m_sinYaw = std::sin(yaw);
    m_rollDeg = factors.roll;
    m_cosRoll = std::cos(factors.roll * kPi / 180.0);
    m_sinRoll = std::sin(factors.roll * kPi / 180.0);
    m_light = {std::sin(factors.lightAzimuth) * std::cos(factors.lightElevation),
               -std::sin(factors.lightElevation),
               std::cos(factors.lightAzimuth) * std::cos(factors.lightElevation)};
    m_ambient = factors.ambient;
    m_intensity = factors.lightIntensity;
}

double HeadView::halfWidthAt(double y) const {
    const double t = std::max(0.0, y / m_b);
    return m_a * (1.0 - m_jaw * t * t);
}

double HeadView::surfaceZ(double x, double y) const {
    const double v = 1.0 - (y / m_b) * (y / m_b);
    if (v <= 0)
        return 0;
    const double r = std::sqrt(v);
    const double ax = halfWidthAt(y) * r;
    const double u = 1.0 - (x / ax) * (x / ax);
    return u <= 0 ? 0 : m_c * r * std::sqrt(u);
}

cv::Vec3d HeadView::surface(double x, double y, double lift) const {
    return {x, y, surfaceZ(x, y) + lift};
}

cv::Point2d HeadView::project(const cv::Vec3d& p) const {
    const double X = p[0] * m_cosYaw + p[2] * m_sinYaw;
    const double Y = p[1];
    return {m_cx + m_unit * (X * m_cosRoll - Y * m_sinRoll),
            m_cy + m_unit * (X * m_sinRoll + Y * m_cosRoll)};
}

static cv::Vec3d viewNormalAt(double x, double y, double z, double a, double b, double c,
                              double cosYaw, double sinYaw) {
    cv::Vec3d n(x / (a * a), y / (b * b), z / (c * c));
    const double len = std::sqrt(n.dot(n));
    n /= (len > 0 ? len : 1.0);
    return {n[0] * cosYaw + n[2] * sinYaw, n[1], -n[0] * sinYaw + n[2] * cosYaw};
}

double HeadView::facing(double x, double y) const {
    const double z = surfaceZ(x, y);
    return viewNormalAt(x, y, z, halfWidthAt(y), m_b, m_c, m_cosYaw, m_sinYaw)[2];
}

double HeadView::shadeNormal(const cv::Vec3d& n) const {
    // The roll turns the head, not the light.
    const double nx = n[0] * m_cosRoll - n[1] * m_sinRoll;
    const double ny = n[0] * m_sinRoll + n[1] * m_cosRoll;
    const double d = nx * m_light[0] + ny * m_light[1] + n[2] * m_light[2];
    // Half-wrapped Lambert: softer terminator, as skin scatters light.
    return m_ambient + m_intensity * std::max(0.0, (d + 0.25) / 1.25);
}

double HeadView::shade(double x, double y) const {
    const double z = surfaceZ(x, y);
    return shadeNormal(viewNormalAt(x, y, z, halfWidthAt(y), m_b, m_c, m_cosYaw, m_sinYaw));
}

bool HeadView::hit(double px, double py, cv::Vec3d& point, cv::Vec3d& normal) const {
    const double ox = (px - m_cx) / m_unit, oy = (py - m_cy) / m_unit;
    const double X = ox * m_cosRoll + oy * m_sinRoll;
    const double Y = -ox * m_sinRoll + oy * m_cosRoll;
    const double v = 1.0 - (Y / m_b) * (Y / m_b);
    if (v <= 0)
        return false;
    // Outside the silhouette ellipse of this slice: no need for the quadratic.
    const double aY = halfWidthAt(Y);
    const double silhouette = v * (aY * aY * m_cosYaw * m_cosYaw + m_c * m_c * m_sinYaw * m_sinYaw);
    if (X * X >= silhouette)
        return false;
    const double r = std::sqrt(v);
    const double A = aY * r, C = m_c * r;
    const double s = m_sinYaw, co = m_cosYaw;
    const double qa = s * s / (A * A) + co * co / (C * C);
    const double qb = 2 * X * (-co * s / (A * A) + s * co / (C * C));
    const double qc = X * X * (co * co / (A * A) + s * s / (C * C)) - 1.0;
    const double disc = qb * qb - 4 * qa * qc;
    if (disc < 0)
        return false;
    const double Z = (-qb + std::sqrt(disc)) / (2 * qa);
    point = {X * co - Z * s, Y, X * s + Z * co};
    normal = viewNormalAt(point[0], point[1], point[2], halfWidthAt(Y), m_b, m_c, co, s);
    return true;
}

cv::Rect2d HeadView::faceBox() const {
    const double half =
        std::sqrt(m_a * m_a * m_cosYaw * m_cosYaw + m_c * m_c * m_sinYaw * m_sinYaw);
    double left = -half, right = half;
    const double nose = m_t.noseLength * 0.8 * std::abs(m_sinYaw);
    (m_sinYaw > 0 ? right : left) += (m_sinYaw > 0 ? nose : -nose);
    const double top = (m_t.eyeY - 0.35) * m_b, bottom = m_b;
    return {m_cx + left * m_unit, m_cy + top * m_unit, (right - left) * m_unit,
            (bottom - top) * m_unit};
}

namespace {

// Hair that stands out of the head: volume over the crown and, for long styles, hair falling
// behind the neck. Drawn before the head, which then covers what lies behind it.
void drawHairBehind(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const Color& hair,
                    const ImageFactors& f) {
    const double half = std::sqrt(v.a() * v.a() * v.cosYaw() * v.cosYaw() +
                                  v.c() * v.c() * v.sinYaw() * v.sinYaw());
    const double vol = t.hairVolume;
    const double dark = 0.55 * (f.ambient + f.lightIntensity);
    // Centre shifted towards the back of the head: hair sits more behind than in front.
    const cv::Point2d back = v.project({0, 0, -0.25});
    const cv::Point2d centre(back.x, v.centre().y - vol * v.b() * v.unit() * 0.6);
    const cv::Size axes(int((half + vol) * v.unit() * (1 << kShift)),
                        int((v.b() + vol) * v.unit() * (1 << kShift)));
    if (f.disguise == Disguise::Hat)
        return; // the hat replaces the hair's volume
    cv::ellipse(image, fixedPoint(centre), axes, v.roll(), 180, 360, scalar(hair, dark), cv::FILLED,
                cv::LINE_AA, kShift);
    if (t.hairStyle == HairStyle::Long || t.hairStyle == HairStyle::Medium) {
        const double length = t.hairStyle == HairStyle::Long ? 1.75 : 0.9;
        std::vector<cv::Point> poly;
        const double w = half + vol * 0.7;
        for (const cv::Point2d& p :
             {cv::Point2d(-w, -0.2), cv::Point2d(w, -0.2), cv::Point2d(w * 0.95, length),
              cv::Point2d(-w * 0.95, length)}) {
            const cv::Point2d q = v.project({p.x * v.cosYaw() - 0.25 * v.sinYaw(), p.y * v.b(), 0});
            poly.push_back(fixedPoint({q.x - (v.project({0, 0, 0}).x - back.x) * 0.5, q.y}));
        }
        cv::fillConvexPoly(image, poly, scalar(hair, dark * 0.85), cv::LINE_AA, kShift);
    }
}

void drawBody(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const Color& skin,
              const ImageFactors& f) {
    const double u = v.unit();
    const cv::Point2d c = v.centre();
    const double shift = -v.sinYaw() * 0.25 * u;
    cv::ellipse(image, fixedPoint({c.x + shift, c.y + (v.b() + 1.05) * u}),
                cv::Size(int(2.3 * v.a() * u * (1 << kShift)), int(1.0 * u * (1 << kShift))),
                v.roll(), 0, 360, scalar(f.clothes, 0.5 + 0.5 * f.lightIntensity), cv::FILLED,
                cv::LINE_AA, kShift);
    // The torso continues to the bottom of the image (it shows in --canvas scenes).
    const cv::Scalar clothes = scalar(f.clothes, 0.5 + 0.5 * f.lightIntensity);
    const double torsoTop = c.y + (v.b() + 1.05) * u, half = 2.3 * v.a() * u;
    if (torsoTop < image.rows)
        cv::rectangle(image, cv::Point(int(c.x + shift - half), int(torsoTop)),
                      cv::Point(int(c.x + shift + half), image.rows), clothes, cv::FILLED);
    const double neck = 0.42 * v.a();
    const Color neckColor = f.disguise == Disguise::Scarf ? f.disguiseColor : skin;
    std::vector<cv::Point> poly = {
        fixedPoint({c.x - neck * u + shift * 0.5, c.y + 0.4 * v.b() * u}),
        fixedPoint({c.x + neck * u + shift * 0.5, c.y + 0.4 * v.b() * u}),
        fixedPoint({c.x + neck * 1.1 * u + shift, c.y + (v.b() + 0.5) * u}),
        fixedPoint({c.x - neck * 1.1 * u + shift, c.y + (v.b() + 0.5) * u})};
    cv::fillConvexPoly(image, poly, scalar(neckColor, 0.55 * (f.ambient + f.lightIntensity)),
                       cv::LINE_AA, kShift);
    (void)t;
}

void drawHead(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const Color& skin,
              const Color& hair, const ImageFactors& f) {
    const double u = v.unit();
    const cv::Point2d c = v.centre();
    const double reach = (std::max(v.a(), v.b()) + 0.1) * u;
    const int x0 = std::max(0, int(c.x - reach)), x1 = std::min(image.cols - 1, int(c.x + reach));
    const int y0 = std::max(0, int(c.y - reach)), y1 = std::min(image.rows - 1, int(c.y + reach));
    const bool bald = t.hairStyle == HairStyle::Bald;
    const bool mature = f.age == Age::Mature;
    const double hairBack = t.hairStyle == HairStyle::Short ? -0.15 : 0.12;
    const bool beard = t.beard || f.disguise == Disguise::Beard;
    const Color beardColor = f.disguise == Disguise::Beard ? f.disguiseColor * 0.45f : hair;
    const double scarfTop = (t.noseY + 0.13) * v.b();
    const double hatLine = -0.44 * v.b();
    for (int py = y0; py <= y1; ++py) {
        cv::Vec3b* row = image.ptr<cv::Vec3b>(py);
        for (int px = x0; px <= x1; ++px) {
            cv::Vec3d p, n;
            if (!v.hit(px + 0.5, py + 0.5, p, n))
                continue;
            const double x = p[0], y = p[1];
            // Depth relative to the head's depth at this height: -1 back .. 1 front.
            const double zRel =
                p[2] /
                std::max(1e-6, v.c() * std::sqrt(std::max(0.0, 1 - (y / v.b()) * (y / v.b()))));
            const double xs = x / v.a();
            double sh = v.shadeNormal(n);
            Color color = skin;
            const double hairline = (t.hairline + 0.32 * xs * xs + (mature ? -0.06 : 0.0)) * v.b();
            if (f.disguise == Disguise::Hat && y < hatLine) {
                color = f.disguiseColor;
                if (y > hatLine - 0.08 * v.b())
                    color *= 0.6f; // band
            } else if (!bald &&
                       (y < hairline || (zRel < hairBack - 1.2 * std::max(0.0, y / v.b() - 0.15) &&
                                         y < 0.6 * v.b()))) {
                color = hair * float(0.8 + 0.4 * hashNoise(px, py / 2, f.textureSeed));
                sh *= 0.85;
            } else if (f.disguise == Disguise::Scarf && y > scarfTop && zRel > -0.6) {
                const bool stripe = int(std::floor((y - scarfTop) / (0.12 * v.b()))) % 2 == 0;
                color = f.disguiseColor * (stripe ? 1.0f : 0.7f);
            } else if (beard && zRel > -0.4) {
                const double side = std::clamp(std::abs(xs) / 0.75, 0.0, 1.0);
                const double top =
                    ((t.mouthY - 0.12) * (1 - side) + (t.noseY + 0.12) * side) * v.b();
                if (y > top &&
                    !(std::abs(xs) < 0.9 && y > (t.mouthY - 0.08) * v.b() &&
                      y < (t.mouthY + 0.06) * v.b() && std::abs(x) < t.mouthWidth * v.a() * 0.9 &&
                      f.disguise != Disguise::Beard))
                    color = beardColor * float(0.7 + 0.6 * hashNoise(px, py, f.textureSeed + 1));
            }
            const Color out = color * float(sh);
            row[px] = cv::Vec3b(cv::saturate_cast<uchar>(out[0]), cv::saturate_cast<uchar>(out[1]),
                                cv::saturate_cast<uchar>(out[2]));
        }
    }
}

void drawHatCrown(cv::Mat& image, const HeadView& v, const ImageFactors& f) {
    // Crown above the skull, then the brim in front (drawn after the head: see drawFeatures).
    const double u = v.unit();
    const cv::Point2d top = v.project({0, -0.55 * v.b(), 0});
    const double half = std::sqrt(v.a() * v.a() * v.cosYaw() * v.cosYaw() +
                                  v.c() * v.c() * v.sinYaw() * v.sinYaw());
    cv::ellipse(
        image, fixedPoint(top),
        cv::Size(int(half * 0.98 * u * (1 << kShift)), int(0.75 * v.b() * u * (1 << kShift))),
        v.roll(), 180, 360, scalar(f.disguiseColor, 0.5 * (f.ambient + f.lightIntensity) + 0.2),
        cv::FILLED, cv::LINE_AA, kShift);
}

} // namespace

// Apparent age: greying hair and a duller, slightly darker skin (wrinkles: drawFeatures).
Color apparentSkin(const IdentityTraits& t, const ImageFactors& f) {
    return f.age == Age::Mature ? mixColor(t.skin, Color(110, 140, 160), 0.12) * 0.95f : t.skin;
}

Color apparentHair(const IdentityTraits& t, const ImageFactors& f) {
    return f.age == Age::Mature ? mixColor(t.hair, Color(175, 175, 178), 0.55) : t.hair;
}

void drawFace(cv::Mat& image, const cv::Rect2d& crop, const IdentityTraits& traits,
              const ImageFactors& factors) {
    const HeadView view(traits, factors, crop);
    const Color skin = apparentSkin(traits, factors);
    const Color hair = apparentHair(traits, factors);
    if (traits.hairStyle != HairStyle::Bald)
        drawHairBehind(image, view, traits, hair, factors);
    drawBody(image, view, traits, skin, factors);
    if (factors.disguise == Disguise::Hat)
        drawHatCrown(image, view, factors);
    drawEars(image, view, traits, factors, false);
    drawHead(image, view, traits, skin, hair, factors);
    drawEars(image, view, traits, factors, true);
    drawFeatures(image, view, traits, factors);
}

} // namespace fb::synth
