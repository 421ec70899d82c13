// Facial features as curves on the head surface, projected with the head's yaw and roll; a
// point whose surface turns away from the viewer is hidden, so profiles lose the far eye.
#include "synth_face.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fb::synth {

namespace {

constexpr double kPi = 3.14159265358979323846;

int thickness(const HeadView& v, double units) {
    return std::max(1, int(std::lround(units * v.unit())));
}

// Segments whose both ends face the viewer.
void surfaceLine(cv::Mat& image, const HeadView& v, const std::vector<cv::Vec3d>& points,
                 const cv::Scalar& color, double width, double minFacing = 0.05) {
    for (std::size_t i = 1; i < points.size(); ++i) {
        const cv::Vec3d &p = points[i - 1], &q = points[i];
        if (v.facing(p[0], p[1]) < minFacing || v.facing(q[0], q[1]) < minFacing)
            continue;
        cv::line(image, fixedPoint(v.project(p)), fixedPoint(v.project(q)), color,
                 thickness(v, width), cv::LINE_AA, kShift);
    }
}

void surfaceFill(cv::Mat& image, const HeadView& v, const std::vector<cv::Vec3d>& points,
                 const cv::Scalar& color, double minFacing = 0.05) {
    std::vector<cv::Point> poly;
    for (const cv::Vec3d& p : points)
        if (v.facing(p[0], p[1]) >= minFacing)
            poly.push_back(fixedPoint(v.project(p)));
    if (poly.size() >= 3)
        cv::fillPoly(image, std::vector<std::vector<cv::Point>>{poly}, color, cv::LINE_AA, kShift);
}

// Horizontal foreshortening of a small patch at (x, y): projected width over true width.
double foreshortening(const HeadView& v, double x, double y, double half) {
    const cv::Point2d l = v.project(v.surface(x - half, y)), r = v.project(v.surface(x + half, y));
    return std::max(0.15, std::hypot(r.x - l.x, r.y - l.y) / (2 * half * v.unit()));
}

void drawEyes(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const ImageFactors& f,
              const Color& skin) {
    const double ey = t.eyeY * v.b();
    const double w = t.eyeWidth * v.a();
    const double h = t.eyeOpen * w * 0.95 * (f.expression == Expression::Smile ? 0.72 : 1.0) *
                     (f.expression == Expression::Open ? 1.2 : 1.0);
    for (double s : {-1.0, 1.0}) {
        const double ex = s * t.eyeSpacing * v.a();
        if (v.facing(ex, ey) < 0.12)
            continue;
        const double sh = v.shade(ex, ey);
        std::vector<cv::Vec3d> top, bottom, outline, bag;
        for (int i = 0; i <= 10; ++i) {
            const double u = -1.0 + i / 5.0;
            const double bump = std::pow(std::max(0.0, 1 - u * u), 0.8);
            const double slant = -t.eyeSlant * s * u * w;
            top.push_back(v.surface(ex + u * w, ey - h * bump + slant, 0.02));
            bottom.push_back(v.surface(ex + u * w, ey + 0.55 * h * bump + slant, 0.02));
            bag.push_back(v.surface(ex + u * w * 0.8, ey + (0.55 * h + 0.07) * bump + slant, 0.01));
        }
        // Socket shadow, sclera, iris and pupil, then the lids.
        surfaceLine(image, v, bottom, scalar(skin, sh * 0.82), 0.05);
        outline = top;
        outline.insert(outline.end(), bottom.rbegin(), bottom.rend());
        surfaceFill(image, v, outline,
                    scalar(Color(232, 236, 238), std::min(1.0, 0.25 + 0.8 * sh)));
        const double fs = foreshortening(v, ex, ey, w * 0.5);
        const double r = 0.78 * h;
        const cv::Point2d c = v.project(v.surface(ex, ey - 0.12 * h, 0.03));
        cv::ellipse(image, fixedPoint(c),
                    cv::Size(int(r * fs * v.unit() * 16), int(r * v.unit() * 16)), v.roll(), 0, 360,
                    scalar(t.iris, sh), cv::FILLED, cv::LINE_AA, kShift);
        cv::ellipse(image, fixedPoint(c),
                    cv::Size(int(r * 0.45 * fs * v.unit() * 16), int(r * 0.45 * v.unit() * 16)),
                    v.roll(), 0, 360, cv::Scalar(15, 15, 18), cv::FILLED, cv::LINE_AA, kShift);
        surfaceLine(image, v, top, cv::Scalar(25, 25, 35), 0.045);
        surfaceLine(image, v, bottom, scalar(skin, sh * 0.6), 0.015);
        if (f.age == Age::Mature)
            surfaceLine(image, v, bag, scalar(skin, sh * 0.7), 0.02);
    }
}

void drawBrows(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const Color& hair) {
    const Color brow = hair * 0.55f + Color(35, 40, 45) * 0.45f;
    const double base = (t.eyeY - 0.17) * v.b();
    for (double s : {-1.0, 1.0}) {
        for (int i = 0; i < 6; ++i) {
            const double u0 = i / 6.0, u1 = (i + 1) / 6.0;
            auto at = [&](double u) {
                const double x = s * (t.browGap + u * t.browLength) * v.a();
                return v.surface(x, base - t.browArch * v.b() * std::sin(kPi * u) + 0.03 * u, 0.02);
            };
            surfaceLine(image, v, {at(u0), at(u1)}, scalar(brow, 0.5 + 0.5 * v.shade(0, base)),
                        t.browThickness * (1.0 - 0.45 * u0));
        }
    }
}

void drawNose(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const ImageFactors& f,
              const Color& skin) {
    const double ny = t.noseY * v.b(), top = t.eyeY * v.b() + 0.02;
    const double nw = t.noseWidth * v.a();
    const double tipLift = t.noseLength * 0.85;
    const double sh = v.shade(0, ny);
    const cv::Vec3d bridge = v.surface(0, top, 0.04), tip{0, ny, v.surfaceZ(0, ny) + tipLift};
    const cv::Vec3d under{0, ny + 0.08, v.surfaceZ(0, ny + 0.08) + tipLift * 0.45};
    const cv::Vec3d wingL = v.surface(-nw, ny + 0.03, 0.07), wingR = v.surface(nw, ny + 0.03, 0.07);
    std::vector<cv::Point> hull;
    cv::convexHull(std::vector<cv::Point>{fixedPoint(v.project(bridge)), fixedPoint(v.project(tip)),
                                          fixedPoint(v.project(under)),
                                          fixedPoint(v.project(wingL)),
                                          fixedPoint(v.project(wingR))},
                   hull);
    cv::fillConvexPoly(image, hull, scalar(skin, sh * 0.98), cv::LINE_AA, kShift);
    // The side away from the light carries the nose's shadow.
    const double away = f.lightAzimuth > 0 ? -1.0 : 1.0;
    const cv::Vec3d sideTop = v.surface(away * 0.06, top + 0.1, 0.05);
    const cv::Vec3d sideMid{away * nw * 0.6, ny - 0.06,
                            v.surfaceZ(away * nw * 0.6, ny) + tipLift * 0.5};
    const cv::Vec3d wing = away < 0 ? wingL : wingR;
    std::vector<cv::Point> shadow = {fixedPoint(v.project(sideTop)), fixedPoint(v.project(sideMid)),
                                     fixedPoint(v.project(wing))};
    cv::polylines(image, shadow, false, scalar(skin, sh * 0.72), thickness(v, 0.035), cv::LINE_AA,
                  kShift);
    cv::polylines(image,
                  std::vector<cv::Point>{fixedPoint(v.project(wingL)), fixedPoint(v.project(under)),
                                         fixedPoint(v.project(wingR))},
                  false, scalar(skin, sh * 0.62), thickness(v, 0.03), cv::LINE_AA, kShift);
    for (double s : {-1.0, 1.0}) {
        const double x = s * nw * 0.5;
        if (v.facing(x, ny) < 0.25)
            continue;
        const cv::Point2d c = v.project({x, ny + 0.055, v.surfaceZ(x, ny) + tipLift * 0.28});
        const double fs = foreshortening(v, x, ny, 0.05);
        cv::ellipse(image, fixedPoint(c),
                    cv::Size(int(0.045 * fs * v.unit() * 16) + 8, int(0.022 * v.unit() * 16) + 8),
                    v.roll(), 0, 360, scalar(skin, sh * 0.35), cv::FILLED, cv::LINE_AA, kShift);
    }
}

void drawMouth(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const ImageFactors& f,
               const Color& hair) {
    const double my = t.mouthY * v.b();
    const double mw = t.mouthWidth * v.a() * (f.expression == Expression::Smile ? 1.12 : 1.0);
    const double lt = t.lipThickness * v.b();
    const double lift = f.expression == Expression::Smile ? 0.09 : 0.015;
    const double gap = f.expression == Expression::Open ? 0.13 * v.b() : 0.0;
    const double sh = v.shade(0, my);
    std::vector<cv::Vec3d> upper, line, lower, inner;
    for (int i = 0; i <= 12; ++i) {
        const double u = -1.0 + i / 6.0;
        const double curve = -lift * u * u;
        const double dip = 0.012 * std::exp(-(u / 0.18) * (u / 0.18));
        upper.push_back(v.surface(u * mw, my + curve - lt * (1 - 0.55 * u * u) + dip, 0.03));
        line.push_back(v.surface(u * mw, my + curve, 0.03));
        inner.push_back(v.surface(u * mw * 0.92, my + curve + gap * (1 - u * u), 0.03));
        lower.push_back(v.surface(u * mw * 0.95,
                                  my + curve + gap * (1 - u * u) + lt * 1.3 * (1 - u * u), 0.03));
    }
    std::vector<cv::Vec3d> lips = upper;
    lips.insert(lips.end(), lower.rbegin(), lower.rend());
    surfaceFill(image, v, lips, scalar(t.lips, sh));
    if (gap > 0) {
        std::vector<cv::Vec3d> mouth = line;
        mouth.insert(mouth.end(), inner.rbegin(), inner.rend());
        surfaceFill(image, v, mouth, cv::Scalar(35, 25, 50));
    }
    surfaceLine(image, v, line, scalar(t.lips, sh * 0.45), 0.03);
    if (t.moustache) {
        std::vector<cv::Vec3d> m;
        for (int i = 0; i <= 8; ++i) {
            const double u = -1.05 + i * 2.1 / 8;
            m.push_back(v.surface(u * mw, my - lt - 0.02 - lift * u * u * 0.5, 0.04));
        }
        for (int i = 8; i >= 0; --i) {
            const double u = -1.05 + i * 2.1 / 8;
            m.push_back(v.surface(u * mw * 0.9, my - lt - 0.11 + 0.04 * u * u, 0.04));
        }
        surfaceFill(image, v, m, scalar(hair, sh * 0.8));
    }
}

void drawWrinkles(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const ImageFactors& f,
                  const Color& skin) {
    const double sh = v.shade(0, 0);
    const cv::Scalar crease = scalar(skin, sh * 0.68);
    if (f.disguise != Disguise::Hat)
        for (int k = 0; k < 2; ++k) {
            std::vector<cv::Vec3d> line;
            const double y = ((t.eyeY - 0.36) - k * 0.08) * v.b();
            for (int i = 0; i <= 6; ++i)
                line.push_back(
                    v.surface((-0.32 + i * 0.64 / 6) * v.a(), y + 0.02 * std::sin(i), 0.01));
            surfaceLine(image, v, line, crease, 0.02);
        }
    if (f.disguise == Disguise::Scarf)
        return;
    for (double s : {-1.0, 1.0}) {
        std::vector<cv::Vec3d> fold;
        for (int i = 0; i <= 4; ++i) {
            const double u = i / 4.0;
            const double x = s *
                             ((t.noseWidth + 0.07) + u * (t.mouthWidth - t.noseWidth + 0.02) +
                              0.05 * std::sin(kPi * u)) *
                             v.a();
            fold.push_back(
                v.surface(x, (t.noseY + 0.02 + u * (t.mouthY - t.noseY + 0.06)) * v.b(), 0.01));
        }
        surfaceLine(image, v, fold, crease, 0.025);
    }
}

void drawGlasses(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const ImageFactors& f,
                 bool sunglasses) {
    const double ey = t.eyeY * v.b();
    const double w = t.eyeWidth * v.a() * (sunglasses ? 1.5 : 1.3);
    const double h = w * (sunglasses ? 0.72 : 0.62);
    const cv::Scalar frame = sunglasses ? cv::Scalar(20, 20, 22) : scalar(t.accessory, 0.45);
    const double frameWidth = sunglasses ? 0.06 : 0.03;
    std::vector<cv::Point2d> inner;
    for (double s : {-1.0, 1.0}) {
        const double ex = s * t.eyeSpacing * v.a();
        if (v.facing(ex, ey) < (sunglasses ? -0.05 : 0.1))
            continue;
        const double fs = foreshortening(v, ex, ey, w * 0.5);
        const cv::Point2d c = v.project(v.surface(ex, ey, 0.12));
        const cv::Size axes(int(w * fs * v.unit() * 16), int(h * v.unit() * 16));
        if (sunglasses)
            cv::ellipse(image, fixedPoint(c), axes, v.roll(), 0, 360,
                        scalar(f.disguiseColor * 0.15f + Color(18, 18, 20), 1.0), cv::FILLED,
                        cv::LINE_AA, kShift);
        cv::ellipse(image, fixedPoint(c), axes, v.roll(), 0, 360, frame, thickness(v, frameWidth),
                    cv::LINE_AA, kShift);
        inner.push_back(v.project(v.surface(ex - s * w, ey - 0.02, 0.12)));
        // Temple arm towards the ear on a side that faces the viewer.
        const double earX = s * v.halfWidthAt(ey) * 0.98;
        if (v.facing(earX * 0.9, ey) > -0.2 && std::abs(v.sinYaw()) > 0.2)
            cv::line(image, fixedPoint(v.project(v.surface(ex + s * w, ey, 0.12))),
                     fixedPoint(v.project({earX, ey + 0.06, 0.0})), frame, thickness(v, frameWidth),
                     cv::LINE_AA, kShift);
    }
    if (inner.size() == 2)
        cv::line(image, fixedPoint(inner[0]), fixedPoint(inner[1]), frame, thickness(v, frameWidth),
                 cv::LINE_AA, kShift);
}

void drawHatBrim(cv::Mat& image, const HeadView& v, const ImageFactors& f) {
    const cv::Point2d c = v.project({0, -0.44 * v.b(), 0.3});
    cv::ellipse(image, fixedPoint(c),
                cv::Size(int(1.45 * v.a() * v.unit() * 16), int(0.17 * v.unit() * 16)), v.roll(), 0,
                360, scalar(f.disguiseColor, 0.45 * (f.ambient + f.lightIntensity) + 0.1),
                cv::FILLED, cv::LINE_AA, kShift);
}

void drawScarfWrap(cv::Mat& image, const HeadView& v, const ImageFactors& f) {
    const cv::Point2d c = v.project({0, 0.95 * v.b(), 0.2});
    cv::ellipse(image, fixedPoint(c),
                cv::Size(int(1.05 * v.a() * v.unit() * 16), int(0.32 * v.unit() * 16)), v.roll(), 0,
                360, scalar(f.disguiseColor, 0.75 * (f.ambient + f.lightIntensity)), cv::FILLED,
                cv::LINE_AA, kShift);
}

} // namespace

void drawEars(cv::Mat& image, const HeadView& v, const IdentityTraits& t, const ImageFactors& f,
              bool front) {
    const Color skin = apparentSkin(t, f);
    const double ye = (t.eyeY + 0.2) * v.b();
    const double r = std::sqrt(std::max(0.0, 1 - (ye / v.b()) * (ye / v.b())));
    for (double s : {-1.0, 1.0}) {
        const double nz = -s * v.sinYaw();
        if ((front && nz <= 0.25) || (!front && (nz > 0.25 || nz < -0.6)))
            continue;
        if (f.disguise == Disguise::Hat && false)
            continue;
        const cv::Point2d c = v.project({s * v.halfWidthAt(ye) * r * 0.97, ye, -0.05});
        const double h = t.earSize * 1.05,
                     w = t.earSize * 0.55 * (0.35 + 0.65 * std::abs(nz)) + 0.05;
        const double sh = v.shade(s * v.halfWidthAt(ye) * r * 0.8, ye);
        cv::ellipse(image, fixedPoint(c), cv::Size(int(w * v.unit() * 16), int(h * v.unit() * 16)),
                    v.roll(), 0, 360, scalar(skin, sh * 0.92), cv::FILLED, cv::LINE_AA, kShift);
        if (front)
            cv::ellipse(image, fixedPoint(c),
                        cv::Size(int(w * 0.55 * v.unit() * 16), int(h * 0.6 * v.unit() * 16)),
                        v.roll(), 0, 360, scalar(skin, sh * 0.7), thickness(v, 0.03), cv::LINE_AA,
                        kShift);
        if (t.earrings && nz > -0.2) {
            const cv::Point2d lobe = c + cv::Point2d(0, h * 0.95 * v.unit());
            cv::circle(image, fixedPoint(lobe), int(0.06 * v.unit() * 16) + 8,
                       scalar(t.accessory, 1.1), cv::FILLED, cv::LINE_AA, kShift);
        }
    }
}

void drawFeatures(cv::Mat& image, const HeadView& v, const IdentityTraits& t,
                  const ImageFactors& f) {
    const Color skin = apparentSkin(t, f);
    const Color hair = apparentHair(t, f);
    const bool scarf = f.disguise == Disguise::Scarf;
    if (f.age == Age::Mature)
        drawWrinkles(image, v, t, f, skin);
    drawEyes(image, v, t, f, skin);
    drawBrows(image, v, t, hair);
    if (!scarf)
        drawMouth(image, v, t, f, hair);
    drawNose(image, v, t, f, skin);
    if (t.mole && !(scarf && t.moleY > t.noseY) && v.facing(t.moleX * v.a(), t.moleY * v.b()) > 0.2)
        cv::circle(image, fixedPoint(v.project(v.surface(t.moleX * v.a(), t.moleY * v.b(), 0.01))),
                   int(0.035 * v.unit() * 16) + 8, cv::Scalar(35, 45, 70), cv::FILLED, cv::LINE_AA,
                   kShift);
    if (t.clearGlasses && f.disguise != Disguise::Glasses)
        drawGlasses(image, v, t, f, false);
    if (f.disguise == Disguise::Glasses)
        drawGlasses(image, v, t, f, true);
    if (f.disguise == Disguise::Hat)
        drawHatBrim(image, v, f);
    if (scarf)
        drawScarfWrap(image, v, f);
}

} // namespace fb::synth
