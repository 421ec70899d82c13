// Pre-processing styles of seed Table 11, pixel-exact on small images built here, the
// config -> spec mapping, PIL/torchvision parity of the pytorch eval transform, and decoding:
// grayscale / RGBA / 16-bit PNG converted to exact values; truncated JPEG, zero-byte file and
// non-image rejected with an error naming the path.
#include "data/image_steps.h"
#include "data/preprocess.h"
#include "facebench/dataset_index.h"
#include "facebench/errors.h"
#include "facebench/experiment_config.h"

#include "process_runner.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <fstream>

using namespace fb;
using namespace fb::data;

namespace {

// A 4 x 6 BGR gradient, every pixel distinct: B = 10x + y, G = 40y + x + 3, R = 250 - 9x - 7y.
cv::Mat gradient(int rows = 4, int cols = 6) {
    cv::Mat image(rows, cols, CV_8UC3);
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(10 * x + y),
                                                  cv::saturate_cast<uchar>(40 * y + x + 3),
                                                  cv::saturate_cast<uchar>(250 - 9 * x - 7 * y));
    return image;
}

// The expected value of output channel c at (y, x) given the source pixel and the style's
// per-RGB-channel affine: v = (pixel * scale - mean) / std.
struct Expect {
    double scale;
    double mean[3]; // RGB
    double std[3];  // RGB
    bool bgr;
};

double expected(const cv::Mat& image, int c, int y, int x, const Expect& e) {
    const cv::Vec3b p = image.at<cv::Vec3b>(y, x);
    const int bgrChannel = e.bgr ? c : 2 - c;
    const int rgb = 2 - bgrChannel;
    return (p[bgrChannel] * e.scale - e.mean[rgb]) / e.std[rgb];
}

// The row a config file names `style` (through the loader, which alone reads style names).
PreprocessStyle styleNamed(const std::string& style) {
    return parseExperimentConfig("style: {preprocess: " + style + "}", "test.yaml")
        .style.preprocess;
}

PreprocessSpec spec(const char* style, int imageH, int imageW, int inputH, int inputW,
                    bool bgr = false, bool train = false) {
    PreprocessSpec s;
    s.style = styleNamed(style);
    s.imageHeight = imageH;
    s.imageWidth = imageW;
    s.inputHeight = inputH;
    s.inputWidth = inputW;
    s.bgr = bgr;
    s.train = train;
    return s;
}

// Output equals the source window at (top, left), optionally mirrored.
bool matchesWindow(const torch::Tensor& out, const cv::Mat& image, int top, int left, bool flip,
                   const Expect& e) {
    const auto a = out.accessor<float, 3>();
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < out.size(1); ++y)
            for (int x = 0; x < out.size(2); ++x) {
                const int sx = flip ? left + int(out.size(2)) - 1 - x : left + x;
                if (std::abs(a[c][y][x] - expected(image, c, top + y, sx, e)) > 1e-5)
                    return false;
            }
    return true;
}

void writeFile(const QString& path, const std::vector<unsigned char>& bytes) {
    std::ofstream(path.toStdString(), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

std::vector<unsigned char> encode(const char* ext, const cv::Mat& image) {
    std::vector<unsigned char> bytes;
    cv::imencode(ext, image, bytes);
    return bytes;
}

} // namespace

class TestPreprocess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evalStylesPixelExact_data();
    void evalStylesPixelExact();
    void trainCropsAreWindowsOfTheImage_data();
    void trainCropsAreWindowsOfTheImage();
    void randomResizedCropParameters();
    void inceptionEvalAndTrainRange();
    void lightcnnGrayscale();
    void tensorflowNonSquareInputFits();
    void pytorchEvalMatchesTorchvision_data();
    void pytorchEvalMatchesTorchvision();
    void specFromConfig_data();
    void specFromConfig();
    void decodeConverts();
    void badImagesNameThePath();
    void supportedFormatsDecode_data();
    void supportedFormatsDecode();
    void hostileImagesRejectedBeforeDecoding_data();
    void hostileImagesRejectedBeforeDecoding();
};

void TestPreprocess::evalStylesPixelExact_data() {
    QTest::addColumn<QString>("style");
    QTest::addColumn<int>("imageSize"); // the shorter side for tensorflow
    QTest::addColumn<int>("input");
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("left");
    // No resize happens (image size = the 4 x 6 source), so every value is the formula's.
    // torchvision's centre offset rounds half to even: round(1.5) = 2 (Table 11, PyTorch).
    QTest::newRow("pytorch 3x3") << "pytorch" << 0 << 3 << 0 << 2;
    QTest::newRow("pytorch 2x2") << "pytorch" << 0 << 2 << 1 << 2;
    // TF and Caffe floor the offset: (6 - 3) / 2 = 1.
    QTest::newRow("tensorflow") << "tensorflow" << 4 << 3 << 0 << 1;
    QTest::newRow("caffe") << "caffe" << 0 << 3 << 0 << 1;
    QTest::newRow("face") << "face" << 0 << 4 << 0 << 1;
}

void TestPreprocess::evalStylesPixelExact() {
    QFETCH(QString, style);
    QFETCH(int, imageSize);
    QFETCH(int, input);
    QFETCH(int, top);
    QFETCH(int, left);
    const cv::Mat image = gradient();
    const std::string name = style.toStdString();
    const bool bgr = name == "caffe";
    PreprocessSpec s = imageSize ? spec(name.c_str(), imageSize, imageSize, input, input, bgr)
                                 : spec(name.c_str(), 4, 6, input, input, bgr);
    Expect e{};
    if (name == "pytorch")
        e = {1.0 / 255, {0.485, 0.456, 0.406}, {0.229, 0.224, 0.225}, false};
    else if (name == "tensorflow") // Table 11: subtract [123.68, 116.779, 103.939]
        e = {1.0, {123.68, 116.779, 103.939}, {1, 1, 1}, false};
    else if (name == "caffe") // BGR, mean B 87.1 G 102.7 R 134.6, scaled by 1/255
        e = {1.0, {134.6, 102.7, 87.1}, {255, 255, 255}, true};
    else // face: (x - 127.5) / 128
        e = {1.0, {127.5, 127.5, 127.5}, {128, 128, 128}, false};
    std::mt19937_64 rng(1);
    const torch::Tensor out = preprocess(image, s, rng);
    QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{3, input, input}));
    QVERIFY(matchesWindow(out, image, top, left, false, e));
    // Caffe's first output channel is blue: pixel (0, 1) has B = 10, so (10 - 87.1) / 255.
    if (name == "caffe")
        QCOMPARE(out[0][0][0].item<float>(), float((10 - 87.1) / 255));
}

void TestPreprocess::trainCropsAreWindowsOfTheImage_data() {
    QTest::addColumn<QString>("style");
    QTest::newRow("tensorflow") << "tensorflow";
    QTest::newRow("caffe") << "caffe";
    QTest::newRow("face") << "face";
}

// A training transform with a fixed rng is one of the (H - h + 1)(W - w + 1) windows, mirrored
// or not; over seeds, every window and both mirror states occur, and a seed repeats itself.
void TestPreprocess::trainCropsAreWindowsOfTheImage() {
    QFETCH(QString, style);
    const std::string name = style.toStdString();
    const cv::Mat image = gradient();
    const bool bgr = name == "caffe";
    PreprocessSpec s = name == "tensorflow" ? spec("tensorflow", 4, 4, 3, 3, false, true)
                                            : spec(name.c_str(), 4, 6, 3, 3, bgr, true);
    Expect e = name == "tensorflow" ? Expect{1.0, {123.68, 116.779, 103.939}, {1, 1, 1}, false}
               : name == "caffe"    ? Expect{1.0, {134.6, 102.7, 87.1}, {255, 255, 255}, true}
                                    : Expect{1.0, {127.5, 127.5, 127.5}, {128, 128, 128}, false};
    std::set<std::tuple<int, int, bool>> seen;
    for (int seed = 0; seed < 200; ++seed) {
        std::mt19937_64 rng(seed);
        const torch::Tensor out = preprocess(image, s, rng);
        int matches = 0;
        for (int top = 0; top <= 1; ++top)
            for (int left = 0; left <= 3; ++left)
                for (bool flip : {false, true})
                    if (matchesWindow(out, image, top, left, flip, e)) {
                        ++matches;
                        seen.insert({top, left, flip});
                    }
        QCOMPARE(matches, 1);
        std::mt19937_64 again(seed);
        QVERIFY(torch::equal(out, preprocess(image, s, again)));
    }
    QCOMPARE(int(seen.size()), 2 * 4 * 2);
}

void TestPreprocess::randomResizedCropParameters() {
    // torchvision's bounds: area fraction in [0.08, 1], ratio in [3/4, 4/3] before rounding.
    int fallbacks = 0;
    for (int seed = 0; seed < 2000; ++seed) {
        std::mt19937_64 rng(seed);
        const cv::Rect box = steps::randomResizedCropRect(cv::Size(100, 80), rng);
        QVERIFY(box.x >= 0 && box.y >= 0 && box.x + box.width <= 100 && box.y + box.height <= 80);
        const double area = double(box.area()) / (100 * 80);
        QVERIFY2(area >= 0.07 && area <= 1.0, qPrintable(QString::number(area)));
        const double ratio = double(box.width) / box.height;
        QVERIFY(ratio > 0.7 && ratio < 1.4);
        fallbacks += box == cv::Rect(0, 0, 100, 80);
    }
    QVERIFY(fallbacks < 100);
    // The fallback: in a 1 x 100 strip every attempt has h >= round(sqrt(8 / (4/3))) = 2 > 1,
    // so the central crop with the ratio clamped to 4/3: h = 1, w = round(4/3) = 1 at
    // ((100 - 1) // 2, 0).
    std::mt19937_64 rng(3);
    QCOMPARE(steps::randomResizedCropRect(cv::Size(100, 1), rng), cv::Rect(49, 0, 1, 1));
    // The output is the crop resized to the input and mirrored or not: replay the draws.
    const cv::Mat image = gradient(16, 16);
    PreprocessSpec s = spec("pytorch", 16, 16, 5, 5, false, true);
    std::mt19937_64 a(42), b(42);
    const torch::Tensor out = preprocess(image, s, a);
    const cv::Rect box = steps::randomResizedCropRect(image.size(), b);
    const cv::Mat resized = steps::resizeBilinearPil(image(box), 5, 5);
    const Expect e{1.0 / 255, {0.485, 0.456, 0.406}, {0.229, 0.224, 0.225}, false};
    QVERIFY(matchesWindow(out, resized, 0, 0, steps::coin(b), e));
}

void TestPreprocess::inceptionEvalAndTrainRange() {
    // tf.image.central_crop(0.875) of 16 x 16: start int((16 - 14) / 2) = 1, size 14; no resize
    // at input 14; values 2 x / 255 - 1 (Table 11: [0, 1], then [-1, 1]).
    const cv::Mat image = gradient(16, 16);
    std::mt19937_64 rng(0);
    const torch::Tensor out = preprocess(image, spec("tensorflow-inception", 16, 16, 14, 14), rng);
    QVERIFY(matchesWindow(out, image, 1, 1, false, Expect{2.0 / 255, {1, 1, 1}, {1, 1, 1}, false}));
    for (int seed = 0; seed < 20; ++seed) {
        std::mt19937_64 r(seed);
        const torch::Tensor t =
            preprocess(image, spec("tensorflow-inception", 16, 16, 12, 12, false, true), r);
        QCOMPARE(t.sizes().vec(), (std::vector<std::int64_t>{3, 12, 12}));
        QVERIFY(t.min().item<float>() >= -1.f && t.max().item<float>() <= 1.f);
    }
}

void TestPreprocess::lightcnnGrayscale() {
    // Table 11, LightCNN-29: (x - 127.5) / 127.5 on a grayscale centre crop (floor offset).
    cv::Mat gray(6, 6, CV_8UC1);
    for (int i = 0; i < 36; ++i)
        gray.data[i] = uchar(7 * i);
    PreprocessSpec s = spec("lightcnn", 6, 6, 4, 4, true);
    s.channels = 1;
    std::mt19937_64 rng(0);
    const torch::Tensor out = preprocess(gray, s, rng);
    QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{1, 4, 4}));
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x)
            QCOMPARE(out[0][y][x].item<float>(),
                     float((gray.at<uchar>(1 + y, 1 + x) - 127.5) / 127.5));
}

// TF resizes the shorter side only; a 12 x 20 input on a square source still fits (the side is
// enlarged to 20), and a spec that cannot work is refused with the key to fix.
void TestPreprocess::tensorflowNonSquareInputFits() {
    const cv::Mat image = gradient(16, 16);
    std::mt19937_64 rng(0);
    const torch::Tensor out =
        preprocess(image, spec("tensorflow", 12, 24, 12, 20, false, true), rng);
    QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{3, 12, 20}));
    try {
        checkPreprocessSpec(spec("caffe", 8, 8, 10, 10));
        QFAIL("no error for an input larger than the image");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.key()), QString("data.input_size"));
    }
    QVERIFY_THROWS_EXCEPTION(InputError, checkPreprocessSpec(spec("opencv", 8, 8, 8, 8)));
}

// The pytorch eval transform against torchvision on PIL (Resize((H, W)), CenterCrop, ToTensor,
// Normalize) on the same gradient: PIL's bilinear is reproduced bit for bit, so the tensors
// agree to float rounding, for an upscale and an antialiased downscale.
void TestPreprocess::pytorchEvalMatchesTorchvision_data() {
    QTest::addColumn<int>("sourceH");
    QTest::addColumn<int>("sourceW");
    QTest::addColumn<int>("resizeH");
    QTest::addColumn<int>("resizeW");
    QTest::addColumn<int>("crop");
    QTest::newRow("upscale 4x6 -> 8x12, crop 6") << 4 << 6 << 8 << 12 << 6;
    QTest::newRow("downscale 23x31 -> 9x7, crop 5") << 23 << 31 << 9 << 7 << 5;
    QTest::newRow("mixed 10x10 -> 13x4, crop 3") << 10 << 10 << 13 << 4 << 3;
}

void TestPreprocess::pytorchEvalMatchesTorchvision() {
    QFETCH(int, sourceH);
    QFETCH(int, sourceW);
    QFETCH(int, resizeH);
    QFETCH(int, resizeW);
    QFETCH(int, crop);
    const cv::Mat image = gradient(sourceH, sourceW);
    std::mt19937_64 rng(0);
    const torch::Tensor ours =
        preprocess(image, spec("pytorch", resizeH, resizeW, crop, crop), rng);
    QString rows;
    for (int y = 0; y < image.rows; ++y) {
        rows += "[";
        for (int x = 0; x < image.cols; ++x) {
            const cv::Vec3b p = image.at<cv::Vec3b>(y, x);
            rows += QString("[%1,%2,%3],").arg(p[2]).arg(p[1]).arg(p[0]);
        }
        rows += "],";
    }
    const ProcessResult py = runPython(
        "import numpy as np, torchvision.transforms as T\nfrom PIL import Image\n"
        "a = np.array([" +
        rows + "], dtype=np.uint8)\n" +
        QString("t = T.Compose([T.Resize((%1, %2)), T.CenterCrop(%3), T.ToTensor(),")
            .arg(resizeH)
            .arg(resizeW)
            .arg(crop) +
        " T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])\n"
        "print(' '.join('%.8f' % v for v in t(Image.fromarray(a)).flatten().tolist()))\n");
    QVERIFY2(py.exitCode == 0, py.err.constData());
    const QStringList values = QString(py.out).split(' ', Qt::SkipEmptyParts);
    QCOMPARE(values.size(), 3 * crop * crop);
    const torch::Tensor flat = ours.flatten();
    double worst = 0;
    for (int i = 0; i < values.size(); ++i)
        worst = std::max(worst, std::abs(values[i].toDouble() - flat[i].item<double>()));
    // One grey level would be 1 / 255 / 0.229 = 0.017; float rounding is below 1e-5.
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
}

void TestPreprocess::specFromConfig_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("style");
    QTest::addColumn<bool>("bgr");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("image");
    QTest::addColumn<int>("input");
    // A framework means Table 11's row for the model in it; face networks keep (x - 127.5) / 128.
    QTest::newRow("resnet50") << "preset: resnet50"
                              << "pytorch" << false << 3 << 256 << 224;
    QTest::newRow("resnet50 caffe") << "preset: resnet50\nstyle: caffe"
                                    << "caffe" << true << 3 << 256 << 224;
    QTest::newRow("googlenet tf") << "preset: googlenet\nstyle: tensorflow"
                                  << "tensorflow-inception" << false << 3 << 256 << 224;
    QTest::newRow("vgg16 tf") << "preset: vgg16\nstyle: tensorflow"
                              << "tensorflow" << false << 3 << 256 << 224;
    QTest::newRow("lightcnn") << "preset: lightcnn-29"
                              << "lightcnn" << true << 1 << 144 << 128;
    QTest::newRow("sphereface") << "preset: sphereface"
                                << "face" << true << 3 << 112 << 112;
    QTest::newRow("arcface") << "preset: arcface"
                             << "face" << false << 3 << 112 << 112;
    QTest::newRow("explicit") << "preset: resnet50\nstyle:\n  preprocess: tensorflow-inception"
                              << "tensorflow-inception" << false << 3 << 256 << 224;
}

void TestPreprocess::specFromConfig() {
    QFETCH(QString, yaml);
    const ExperimentConfig config = parseExperimentConfig(yaml.toStdString(), "test.yaml");
    const PreprocessSpec s = preprocessSpecFor(config, true);
    QTEST(QString(styleName(s.style)), "style");
    QTEST(s.bgr, "bgr");
    QTEST(s.channels, "channels");
    QTEST(int(s.imageHeight), "image");
    QTEST(int(s.inputHeight), "input");
    QVERIFY(s.train);
    QVERIFY(!preprocessSpecFor(config, false).train);
}

void TestPreprocess::decodeConverts() {
    // Grayscale PNG -> BGR with B = G = R; to one channel unchanged.
    cv::Mat gray(2, 3, CV_8UC1);
    for (int i = 0; i < 6; ++i)
        gray.data[i] = uchar(40 * i + 5);
    const cv::Mat fromGray = decodeImage(encode(".png", gray), "gray.png", 3);
    QCOMPARE(fromGray.type(), CV_8UC3);
    QCOMPARE(fromGray.at<cv::Vec3b>(1, 2), cv::Vec3b(205, 205, 205));
    QCOMPARE(decodeImage(encode(".png", gray), "gray.png", 1).at<uchar>(1, 2), uchar(205));
    // RGBA: alpha dropped, colour kept (PIL's convert("RGB")), also where alpha is 0.
    cv::Mat bgra(1, 2, CV_8UC4);
    bgra.at<cv::Vec4b>(0, 0) = cv::Vec4b(10, 20, 30, 0);
    bgra.at<cv::Vec4b>(0, 1) = cv::Vec4b(40, 50, 60, 255);
    const cv::Mat fromRgba = decodeImage(encode(".png", bgra), "rgba.png", 3);
    QCOMPARE(fromRgba.type(), CV_8UC3);
    QCOMPARE(fromRgba.at<cv::Vec3b>(0, 0), cv::Vec3b(10, 20, 30));
    QCOMPARE(fromRgba.at<cv::Vec3b>(0, 1), cv::Vec3b(40, 50, 60));
    // 16-bit: x / 257 rounded: 65535 -> 255, 25700 -> 100, 1000 -> 3.89 -> 4, 0 -> 0.
    cv::Mat deep(1, 2, CV_16UC3);
    deep.at<cv::Vec<ushort, 3>>(0, 0) = cv::Vec<ushort, 3>(65535, 25700, 1000);
    deep.at<cv::Vec<ushort, 3>>(0, 1) = cv::Vec<ushort, 3>(0, 128, 129);
    const cv::Mat from16 = decodeImage(encode(".png", deep), "deep.png", 3);
    QCOMPARE(from16.type(), CV_8UC3);
    QCOMPARE(from16.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 100, 4));
    QCOMPARE(from16.at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 1));
    // Colour to one channel: OpenCV's 0.299 R + 0.587 G + 0.114 B.
    cv::Mat colour(1, 1, CV_8UC3, cv::Scalar(0, 0, 255));
    QCOMPARE(decodeImage(encode(".png", colour), "c.png", 1).at<uchar>(0, 0), uchar(76));
}

void TestPreprocess::badImagesNameThePath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<unsigned char> jpeg = encode(".jpg", gradient(64, 64));
    jpeg.resize(jpeg.size() / 2);
    const QString truncated = dir.filePath("truncated.jpg");
    const QString empty = dir.filePath("empty.jpg");
    const QString text = dir.filePath("notes.jpg");
    writeFile(truncated, jpeg);
    writeFile(empty, {});
    const std::string words = "not an image at all\n";
    writeFile(text, std::vector<unsigned char>(words.begin(), words.end()));
    const struct {
        QString path;
        const char* problem;
    } cases[] = {{truncated, "truncated JPEG"},
                 {empty, "empty image"},
                 {text, "not an image"},
                 {dir.filePath("missing.jpg"), "cannot open"}};
    for (const auto& c : cases) {
        try {
            IndexedImage image;
            image.path = c.path.toStdString();
            decodeImage(readImageBytes(image), image.path, 3);
            QFAIL(qPrintable("no error for " + c.path));
        } catch (const InputError& error) {
            QVERIFY2(QString(error.what()).startsWith(c.path), error.what());
            QVERIFY2(QString(error.what()).contains(c.problem), error.what());
        }
    }
    // Zero bytes given directly (a RecordIO record, say) is the same error.
    QVERIFY_THROWS_EXCEPTION(InputError, decodeImage({}, "rec", 3));
    // A record past the end of its file names the path and the offset.
    IndexedImage record;
    record.path = text.toStdString();
    record.offset = 4;
    record.size = 1000;
    try {
        readImageBytes(record);
        QFAIL("no error for a short record");
    } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains("record at byte 4"), error.what());
    }
}

// The formats of the folder readers' extensions (jpg jpeg png bmp webp ppm pgm tif) decode.
void TestPreprocess::supportedFormatsDecode_data() {
    QTest::addColumn<QString>("ext");
    for (const char* ext : {".jpg", ".png", ".bmp", ".webp", ".ppm", ".pgm", ".pbm", ".tif"})
        QTest::newRow(ext) << ext;
}

void TestPreprocess::supportedFormatsDecode() {
    QFETCH(QString, ext);
    cv::Mat image = gradient(12, 16);
    if (ext == ".pgm" || ext == ".pbm") // OpenCV writes these from gray images only
        cv::extractChannel(gradient(12, 16), image, 1);
    const std::vector<unsigned char> bytes = encode(qPrintable(ext), image);
    QVERIFY(!bytes.empty());
    const cv::Mat decoded = decodeImage(bytes, "image" + ext.toStdString(), 3);
    QCOMPARE(decoded.type(), CV_8UC3);
    QCOMPARE(decoded.size(), cv::Size(16, 12));
}

namespace {

// The bytes of a string literal, embedded zeros included, without the terminating zero.
template <std::size_t N> QByteArray bytesOf(const char (&text)[N]) {
    return QByteArray(text, N - 1);
}

// A PNG signature and an IHDR chunk declaring width x height, 8-bit RGBA (CRC not computed:
// the size is refused before any decoder reads the chunk).
QByteArray pngHeader(std::uint32_t width, std::uint32_t height) {
    QByteArray bytes = bytesOf("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR");
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += static_cast<char>(v >> shift);
    return bytes + bytesOf("\x08\x06\0\0\0\0\0\0\0");
}

} // namespace

// Formats OpenCV decodes through a temporary file (which it leaves behind when it throws), and
// headers declaring sizes OpenCV would allocate before reading a pixel, are refused from their
// first bytes: an InputError naming the source and the format, and no temporary file.
void TestPreprocess::hostileImagesRejectedBeforeDecoding_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    QTest::newRow("PFM, width 0")
        << bytesOf("PF\n0 2\n-1.0\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")
        << "unsupported image format: PFM (portable float map); FaceBench reads JPEG, PNG";
    QTest::newRow("PFM, gray") << bytesOf("Pf\n1\n\x11 2\n") << "unsupported image format: PFM";
    QTest::newRow("Sun raster")
        << bytesOf(
               "\x59\xa6\x6a\x95\0\0\0\x02\x08\0\0\x02\0\0\0\x08\0\0\0\x0c\0\0\0\x01\0\0\0\0\0\0\0"
               "\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b")
        << "unsupported image format: Sun raster";
    QTest::newRow("Radiance HDR") << bytesOf("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 2\n")
                                  << "unsupported image format: Radiance HDR";
    QTest::newRow("PAM") << bytesOf("P7\nWIDTH 1\nHEIGHT 1\n") << "unsupported image format: PAM";
    QTest::newRow("GIF") << bytesOf("GIF89a\x01\0\x01\0") << "unsupported image format: GIF";
    QTest::newRow("PNG 2^31 x 2^31")
        << pngHeader(0x80000000u, 0x80000000u)
        << "PNG image of 2147483648 x 2147483648 pixels: over FaceBench's limit";
    QTest::newRow("PNG 8193 x 4097")
        << pngHeader(8193, 4097) << "PNG image of 8193 x 4097 pixels: over";
    QTest::newRow("PNG width 0") << pngHeader(0, 10)
                                 << "PNG header declares an empty image (0 x 10 pixels)";
    QTest::newRow("PNG signature only")
        << bytesOf("\x89PNG\r\n\x1A\n") << "truncated or corrupt PNG header (no image size)";
    QTest::newRow("JPEG 65535 x 65535")
        << bytesOf(
               "\xFF\xD8\xFF\xE0\0\x04\0\0\xFF\xC0\0\x0B\x08\xFF\xFF\xFF\xFF\x01\x01\x11\0\xFF\xD9")
        << "JPEG image of 65535 x 65535 pixels: over";
    QTest::newRow("JPEG scan before frame")
        << bytesOf("\xFF\xD8\xFF\xDA\0\x02\xFF\xD9") << "truncated or corrupt JPEG header";
    QTest::newRow("BMP height INT_MIN")
        << bytesOf("BM\0\0\0\0\0\0\0\0\0\0\0\0\x28\0\0\0\x01\0\0\0\0\0\0\x80")
        << "BMP image of 1 x 2147483648 pixels: over";
    QTest::newRow("WebP VP8X 2^24 x 2^24")
        << bytesOf("RIFF\0\0\0\0WEBPVP8X\x0A\0\0\0\0\0\0\0\xFF\xFF\xFF\xFF\xFF\xFF")
        << "WebP image of 16777216 x 16777216 pixels: over";
    QTest::newRow("PPM 99999999999 x 1") << bytesOf("P6\n# comment\n99999999999 1\n255\n")
                                         << "PNM image of 99999999999 x 1 pixels: over";
    QTest::newRow("TIFF 2^32-1 x 1")
        << bytesOf(
               "II\x2A\0\x08\0\0\0\x02\0\0\x01\x04\0\x01\0\0\0\xFF\xFF\xFF\xFF\x01\x01\x03\0\x01\0\0\0\x01\0\0\0")
        << "TIFF image of 4294967295 x 1 pixels: over";
    QTest::newRow("TIFF tiles 2^16 x 2^16")
        << bytesOf(
               "II\x2A\0\x08\0\0\0\x04\0\0\x01\x03\0\x01\0\0\0\x01\0\0\0\x01\x01\x03\0\x01\0\0\0\x01\0\0\0"
               "\x42\x01\x04\0\x01\0\0\0\0\0\x01\0\x43\x01\x04\0\x01\0\0\0\0\0\x01\0")
        << "TIFF tiles of 65536 x 65536 pixels: over";
    QTest::newRow("text") << bytesOf("hello\n")
                          << "not an image: the bytes match none of the formats";
}

void TestPreprocess::hostileImagesRejectedBeforeDecoding() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    QTemporaryDir openCvTemp; // where OpenCV would leave its temporary file
    QVERIFY(openCvTemp.isValid());
    const QByteArray saved = qgetenv("OPENCV_TEMP_PATH");
    qputenv("OPENCV_TEMP_PATH", openCvTemp.path().toUtf8());
    try {
        decodeImage(std::vector<unsigned char>(bytes.begin(), bytes.end()), "hostile.img", 3);
        QFAIL("no error");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.where().file), QString("hostile.img"));
        QVERIFY2(QString::fromStdString(error.problem()).startsWith(problem), error.what());
    }
    if (saved.isNull())
        qunsetenv("OPENCV_TEMP_PATH");
    else
        qputenv("OPENCV_TEMP_PATH", saved);
    QCOMPARE(QDir(openCvTemp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList());
}

QTEST_GUILESS_MAIN(TestPreprocess)
#include "test_preprocess.moc"
