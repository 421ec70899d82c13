// Five-point face alignment (core/src/detect/face_alignment.h): the least-squares similarity
// against exact cases and against skimage's Umeyama estimate, the template sizes, and the warp
// that `crop --align` writes, checked pixel by pixel on an image whose colours are its
// coordinates.
#include "detect/face_alignment.h"

#include "facebench/errors.h"
#include "facebench/face_detection.h"

#include <QtTest>

#include <cmath>

using namespace fb;

namespace {

// insightface's arcface_dst, the template every case below starts from.
const std::vector<Point2> kArcface = {{38.2946, 51.6963},
                                      {73.5318, 51.5014},
                                      {56.0252, 71.7366},
                                      {41.5493, 92.3655},
                                      {70.7299, 92.2041}};

// scale * rotation(angle) * p + shift.
Affine2x3 similarity(double scale, double degrees, double tx, double ty) {
    const double a = scale * std::cos(degrees * M_PI / 180),
                 b = scale * std::sin(degrees * M_PI / 180);
    return {a, -b, tx, b, a, ty};
}

std::vector<Point2> mapped(const Affine2x3& m, const std::vector<Point2>& points) {
    std::vector<Point2> out;
    for (const auto& p : points)
        out.push_back(applyAffine(m, p));
    return out;
}

void compareMatrices(const Affine2x3& got, const Affine2x3& expected, double tolerance) {
    for (int k = 0; k < 6; ++k)
        QVERIFY2(std::abs(got[k] - expected[k]) <= tolerance,
                 qPrintable(QString("element %1: %2, expected %3")
                                .arg(k)
                                .arg(got[k], 0, 'g', 17)
                                .arg(expected[k], 0, 'g', 17)));
}

} // namespace

class TestFaceAlignment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void templateOntoItselfIsTheIdentity() {
        compareMatrices(similarityTransform(kArcface, kArcface), {1, 0, 0, 0, 1, 0}, 1e-12);
    }

    // Landmarks that are the template moved by a known similarity: the estimate is its inverse.
    void recoversAKnownSimilarity() {
        const Affine2x3 forward = similarity(2.5, 30, 120.5, -40.25);
        const Affine2x3 t = similarityTransform(mapped(forward, kArcface), kArcface);
        // Inverse of s R p + t: (1/s) R^T (p - t).
        const double c = std::cos(M_PI / 6) / 2.5, s = std::sin(M_PI / 6) / 2.5;
        compareMatrices(t, {c, s, -(c * 120.5 + s * -40.25), -s, c, -(-s * 120.5 + c * -40.25)},
                        1e-9);
        const auto back = mapped(t, mapped(forward, kArcface));
        for (std::size_t i = 0; i < back.size(); ++i) {
            QVERIFY(std::abs(back[i][0] - kArcface[i][0]) < 1e-9);
            QVERIFY(std::abs(back[i][1] - kArcface[i][1]) < 1e-9);
        }
    }

    // Landmarks that no similarity fits exactly, against skimage's _umeyama (the estimate
    // insightface's norm_crop uses) run in NumPy: a face as MTCNN might find it, and the
    // template mirrored, where a reflection would fit exactly but a similarity must not reflect.
    void matchesUmeyama_data() {
        QTest::addColumn<QVector<double>>("landmarks");
        QTest::addColumn<QVector<double>>("expected");
        QTest::newRow("mtcnn-like")
            << QVector<double>{452.3, 441.8, 540.1, 437.2, 497.6, 492.4, 461.9, 543.0, 534.7, 540.1}
            << QVector<double>{3.9915460636452649e-01,  -1.0106288260047657e-02,
                               -1.3752023193034893e+02, 1.0106288260047658e-02,
                               3.9915460636452638e-01,  -1.2907027554183290e+02};
        QVector<double> mirrored;
        for (const auto& p : kArcface)
            mirrored << 112 - p[0] << p[1];
        QTest::newRow("mirrored") << mirrored
                                  << QVector<double>{
                                         2.2530217460689400e-01, 2.5334541616452320e-03,
                                         4.3232974796585118e+01, -2.5334541616452320e-03,
                                         2.2530217460689403e-01, 5.5843185067959389e+01};
    }
    void matchesUmeyama() {
        QFETCH(QVector<double>, landmarks);
        QFETCH(QVector<double>, expected);
        std::vector<Point2> points;
        for (int i = 0; i < 10; i += 2)
            points.push_back({landmarks[i], landmarks[i + 1]});
        const Affine2x3 t = similarityTransform(points, kArcface);
        compareMatrices(
            t, {expected[0], expected[1], expected[2], expected[3], expected[4], expected[5]},
            1e-9);
        QVERIFY(t[0] * t[4] - t[1] * t[3] > 0); // a rotation, never a reflection
    }

    void degenerateLandmarks() {
        const std::vector<Point2> same(5, Point2{10, 10});
        QVERIFY_EXCEPTION_THROWN(similarityTransform(same, kArcface), InputError);
        QVERIFY_EXCEPTION_THROWN(similarityTransform({{1, 2}}, {{3, 4}}), InputError);
        QVERIFY_EXCEPTION_THROWN(similarityTransform(kArcface, {{3, 4}, {5, 6}}), InputError);
    }

    void templateSizes() {
        QCOMPARE(alignmentTemplateNames(), (std::vector<std::string>{"arcface", "dlib"}));
        QCOMPARE(alignmentTemplateSize("arcface"), 112);
        QCOMPARE(alignmentTemplateSize("dlib"), 150);
        QCOMPARE(alignmentTemplate("dlib", 300, 300)[2], (Point2{2 * 74.0127, 2 * 76.5625}));
        const auto at112 = alignmentTemplate("arcface", 112, 112);
        const auto at224 = alignmentTemplate("arcface", 224, 224);
        const auto at96 = alignmentTemplate("arcface", 96, 112); // SphereFace / CosFace
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(at112[i], kArcface[i]);
            QCOMPARE(at224[i][0], 2 * kArcface[i][0]);
            QCOMPARE(at224[i][1], 2 * kArcface[i][1]);
            QCOMPARE(at96[i][0], kArcface[i][0] - 8);
            QCOMPARE(at96[i][1], kArcface[i][1]);
        }
        try {
            alignmentTemplate("dlib68", 112, 112);
            QFAIL("an unknown template must be an InputError");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains("none, arcface, dlib"), e.what());
        }
    }

    // The warp itself: in an image whose red and green are x and y, bilinear sampling is exact,
    // so each aligned pixel must hold the coordinates the template-to-image similarity gives it.
    void warpSamplesWhereTheTransformPoints() {
        RgbImage image;
        image.width = image.height = 256;
        image.pixels.resize(256 * 256 * 3);
        for (int y = 0; y < 256; ++y)
            for (int x = 0; x < 256; ++x) {
                image.pixels[(y * 256 + x) * 3] = static_cast<std::uint8_t>(x);
                image.pixels[(y * 256 + x) * 3 + 1] = static_cast<std::uint8_t>(y);
                image.pixels[(y * 256 + x) * 3 + 2] = 7;
            }
        // A face 1.6 times the template's size, turned 20 degrees, at (60, 40).
        const Affine2x3 toImage = similarity(1.6, 20, 60, 40);
        FaceBox face{60, 40, 220, 220, 1, {}};
        face.landmarks = mapped(toImage, kArcface);
        CropOptions options;
        options.align = "arcface";
        const RgbImage aligned = cropFace(image, face, options);
        QCOMPARE(aligned.width, 112);
        QCOMPARE(aligned.height, 112);
        int checked = 0;
        for (int v = 0; v < 112; v += 5)
            for (int u = 0; u < 112; u += 5) {
                const Point2 p = applyAffine(toImage, {double(u), double(v)});
                if (p[0] < 1 || p[1] < 1 || p[0] > 254 || p[1] > 254)
                    continue; // outside the image: black border
                const std::uint8_t* px = &aligned.pixels[(v * 112 + u) * 3];
                // OpenCV's fixed-point bilinear weights (1/32 steps) and the rounding: within 1.
                QVERIFY2(std::abs(px[0] - p[0]) <= 1 && std::abs(px[1] - p[1]) <= 1,
                         qPrintable(QString("(%1, %2): %3, %4, expected %5, %6")
                                        .arg(u)
                                        .arg(v)
                                        .arg(px[0])
                                        .arg(px[1])
                                        .arg(p[0])
                                        .arg(p[1])));
                QCOMPARE(int(px[2]), 7);
                ++checked;
            }
        QVERIFY(checked > 400);
        // Scaled to the asked size: the same face at 224 x 224 samples twice as densely.
        options.width = options.height = 224;
        const RgbImage large = cropFace(image, face, options);
        QCOMPARE(large.width, 224);
        const Point2 p = applyAffine(toImage, {56, 60});
        QVERIFY(std::abs(large.pixels[(120 * 224 + 112) * 3] - p[0]) <= 1);
        // No landmarks, nothing to align with.
        face.landmarks.clear();
        QVERIFY_EXCEPTION_THROWN(cropFace(image, face, options), InputError);
    }
};

QTEST_APPLESS_MAIN(TestFaceAlignment)
#include "test_face_alignment.moc"
