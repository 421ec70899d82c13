// The Datasets panel: indexing in the background fills the identity model with the
// exact identities and image counts, the search narrows it, thumbnails arrive off the GUI
// thread, and the face-crop preview draws exactly the box the crop verb cuts (enlargeAndClip,
// seed Section 4.1). Bad input (corrupt image, missing folder, missing MTCNN weights) gives a
// message, never a crash.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <facebench/dataset_index.h>
#include <facebench/face_detection.h>
#include <facebench/runtime.h>
#include <facebench/synthetic_data.h>
#include <facebench/ui/datasets_panel.h>
#include <facebench/ui/job_runner.h>

#include "datasets/crop_overlay.h"
#include "datasets/dataset_stats_view.h"
#include "datasets/face_crop_preview.h"
#include "datasets/identity_model.h"
#include "datasets/thumbnail_model.h"

using namespace fb::ui;

namespace {

// Images removed from the synthetic training set per identity, so the counts differ.
const int kIdentities = 5;
const int kImagesPerIdentity = 4;
const QList<int> kRemoved = {0, 1, 3, 0, 2}; // identity i keeps 4 - kRemoved[i]

QString realPhoto() {
    return qEnvironmentVariable("FACEBENCH_SOURCE_DIR") +
           QStringLiteral("/tests/data/real-faces/sample1.jpg");
}

bool waitIndexed(DatasetsPanel& panel) {
    QSignalSpy finished(&panel, &DatasetsPanel::indexFinished);
    return finished.wait(30000) && finished.first().first().toBool();
}

bool waitPreview(FaceCropPreview* preview) {
    QSignalSpy ready(preview, &FaceCropPreview::previewReady);
    return ready.wait(30000);
}

fb::FaceBox box(double x1, double y1, double x2, double y2) {
    fb::FaceBox face;
    face.x1 = x1;
    face.y1 = y1;
    face.x2 = x2;
    face.y2 = y2;
    return face;
}

// The first image (by name) of the first identity folder under root.
QString firstImage(const QString& root) {
    const QString identity =
        QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name).value(0);
    const QDir folder(root + QLatin1Char('/') + identity);
    return folder.filePath(folder.entryList(QDir::Files, QDir::Name).value(0));
}

QRectF rectOf(const fb::CropBox& c) {
    return QRectF(QPointF(c.x1, c.y1), QPointF(c.x2, c.y2));
}

} // namespace

class TestDatasetsPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void constructs();
    void indexFillsIdentityModel();
    void searchFilterNarrows_data();
    void searchFilterNarrows();
    void thumbnailsArrive();
    void statsAndHistogram();
    void depthHistogramBins_data();
    void depthHistogramBins();
    void overlayGeometry_data();
    void overlayGeometry();
    void previewProvidedBoxes();
    void previewHaarOnRealPhoto();
    void previewWithoutDetector();
    void missingMtcnnWeightsShowSetupCommand();
    void corruptImageGivesMessage();
    void missingFolderGivesMessage();
    void unreadableListGivesMessage();
    void errorClearsPreviousDataset();
    void datasetRootOffersItsParts();
    void fitsALaptopScreen();

private:
    QTemporaryDir m_dir;
    QString m_train;
};

void TestDatasetsPanel::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FaceBenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_datasets_panel"));
    fb::initRuntime(1);
    QVERIFY(m_dir.isValid());

    // A tiny synthetic set, in process (facebench/synthetic_data.h): 32 x 32 crops, the fewest
    // test identities the protocols allow.
    fb::SynthOptions options;
    options.outDir = m_dir.filePath(QStringLiteral("synth")).toStdString();
    options.identities = kIdentities;
    options.imagesPerIdentity = kImagesPerIdentity;
    options.testIdentities = fb::kSynthMinTestIdentities;
    options.width = fb::kSynthMinSide;
    options.height = fb::kSynthMinSide;
    options.threads = 2;
    fb::SynthJob(options).run();
    m_train = m_dir.filePath(QStringLiteral("synth/train"));

    const QStringList identities =
        QDir(m_train).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(identities.size(), kIdentities);
    for (int i = 0; i < kIdentities; ++i) {
        QDir folder(m_train + QLatin1Char('/') + identities[i]);
        const QStringList files = folder.entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), kImagesPerIdentity);
        for (int r = 0; r < kRemoved[i]; ++r)
            QVERIFY(folder.remove(files[r]));
    }
}

void TestDatasetsPanel::constructs() {
    DatasetsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.identityModel()->rowCount(), 0);
    QCOMPARE(panel.thumbnailModel()->rowCount(), 0);
    QVERIFY(!panel.isIndexing());
    QVERIFY(panel.cropPreview()->result().image.isNull());
}

void TestDatasetsPanel::indexFillsIdentityModel() {
    JobRunner runner;
    DatasetsPanel panel(&runner);
    QVERIFY(panel.openDataset(m_train));
    QVERIFY(panel.isIndexing()); // runs on the job runner; the call returned at once
    QCOMPARE(runner.jobIds().size(), 1);
    QCOMPARE(runner.info(runner.jobIds().first()).kind, QStringLiteral("index"));
    QVERIFY(waitIndexed(panel));
    QVERIFY(!panel.isIndexing());

    const IdentityModel* model = panel.identityModel();
    QCOMPARE(model->rowCount(), kIdentities);
    const QStringList names =
        QDir(m_train).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (int label = 0; label < kIdentities; ++label) {
        QCOMPARE(model->data(model->index(label, IdentityModel::NameColumn)).toString(),
                 names[label]);
        QCOMPARE(model->data(model->index(label, IdentityModel::ImagesColumn)).toInt(),
                 kImagesPerIdentity - kRemoved[label]);
        QCOMPARE(static_cast<int>(model->imagesOf(label).size()),
                 kImagesPerIdentity - kRemoved[label]);
    }
    QVERIFY2(panel.message().contains(QStringLiteral("5 identities")), qPrintable(panel.message()));
}

void TestDatasetsPanel::searchFilterNarrows_data() {
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("rows");
    QTest::newRow("everything") << QString() << kIdentities;
    QTest::newRow("one") << QStringLiteral("0003") << 1;
    QTest::newRow("case-insensitive") << QStringLiteral("N00000") << kIdentities;
    QTest::newRow("none") << QStringLiteral("nobody") << 0;
}

void TestDatasetsPanel::searchFilterNarrows() {
    QFETCH(QString, search);
    QFETCH(int, rows);
    DatasetsPanel panel;
    QVERIFY(panel.openDataset(m_train));
    QVERIFY(waitIndexed(panel));
    panel.setSearchText(search);
    QCOMPARE(panel.identityProxy()->rowCount(), rows);
    if (rows == 1) {
        const QModelIndex count = panel.identityProxy()->index(0, IdentityModel::ImagesColumn);
        QCOMPARE(count.data().toInt(), kImagesPerIdentity - kRemoved[2]);
    }
}

void TestDatasetsPanel::thumbnailsArrive() {
    DatasetsPanel panel;
    QVERIFY(panel.openDataset(m_train));
    QVERIFY(waitIndexed(panel));
    panel.selectIdentity(3);
    ThumbnailModel* thumbnails = panel.thumbnailModel();
    QCOMPARE(thumbnails->rowCount(), kImagesPerIdentity - kRemoved[3]);
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails->loadedCount(), thumbnails->rowCount(), 10000);
    // The batched dataChanged has gone out too (the flush timer fires after the last arrival).
    QTRY_VERIFY_WITH_TIMEOUT(
        thumbnails->data(thumbnails->index(0), ThumbnailModel::LoadedRole).toBool(), 5000);
    for (int row = 0; row < thumbnails->rowCount(); ++row) {
        const QModelIndex index = thumbnails->index(row);
        QVERIFY(index.data(ThumbnailModel::ErrorRole).toString().isEmpty());
        const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(pixmap.size(), QSize(32, 32)); // smaller than the thumbnail size: kept as is
        QVERIFY(index.data(ThumbnailModel::PathRole).toString().startsWith(m_train));
    }
}

void TestDatasetsPanel::statsAndHistogram() {
    DatasetsPanel panel;
    QVERIFY(panel.openDataset(m_train));
    QVERIFY(waitIndexed(panel));
    // Depths 4, 3, 1, 4, 2: one bin per value from 1 to 4.
    const DepthHistogram& histogram = panel.statsView()->histogram();
    QCOMPARE(histogram.lower, (std::vector<long long>{1, 2, 3, 4}));
    QCOMPARE(histogram.counts, (std::vector<long long>{1, 1, 1, 2}));
    QCOMPARE(panel.statsView()->plot()->plottableCount(), 1);
    QVERIFY(!panel.statsView()->plot()->xAxis->label().isEmpty());
    QVERIFY(!panel.statsView()->plot()->yAxis->label().isEmpty());
}

void TestDatasetsPanel::depthHistogramBins_data() {
    QTest::addColumn<std::vector<long long>>("depths");
    QTest::addColumn<int>("maxBins");
    QTest::addColumn<long long>("width");
    QTest::addColumn<std::vector<long long>>("lower");
    QTest::addColumn<std::vector<long long>>("counts");
    QTest::newRow("empty") << std::vector<long long>{} << 40 << 1LL << std::vector<long long>{}
                           << std::vector<long long>{};
    QTest::newRow("one value") << std::vector<long long>{20, 20, 20} << 40 << 1LL
                               << std::vector<long long>{20} << std::vector<long long>{3};
    QTest::newRow("gap") << std::vector<long long>{3, 3, 5} << 40 << 1LL
                         << std::vector<long long>{3, 4, 5} << std::vector<long long>{2, 0, 1};
    // 1..10 in 4 bins: width ceil(10 / 4) = 3: [1,3] [4,6] [7,9] [10,12].
    QTest::newRow("wide") << std::vector<long long>{1, 2, 3, 4, 9, 10} << 4 << 3LL
                          << std::vector<long long>{1, 4, 7, 10}
                          << std::vector<long long>{3, 1, 1, 1};
}

void TestDatasetsPanel::depthHistogramBins() {
    QFETCH(std::vector<long long>, depths);
    QFETCH(int, maxBins);
    QFETCH(long long, width);
    QFETCH(std::vector<long long>, lower);
    QFETCH(std::vector<long long>, counts);
    const DepthHistogram histogram = depthHistogram(depths, maxBins);
    QCOMPARE(histogram.binWidth, width);
    QCOMPARE(histogram.lower, lower);
    QCOMPARE(histogram.counts, counts);
    for (std::size_t i = 0; i < histogram.lower.size(); ++i)
        QCOMPARE(histogram.upper[i], histogram.lower[i] + width - 1);
}

void TestDatasetsPanel::overlayGeometry_data() {
    QTest::addColumn<QSize>("image");
    QTest::addColumn<QRectF>("area");
    QTest::addColumn<QRectF>("face"); // x1, y1 - x2, y2
    QTest::addColumn<QRectF>("crop"); // expected, widget coordinates
    // The crop arithmetic's worked example (facebench/face_detection.h, CropBox): 15% margin,
    // [100.4, 50.7, 200.9, 170.2] on 320 x 240 -> [85, 32, 215, 188].
    const QRectF face1(QPointF(100.4, 50.7), QPointF(200.9, 170.2));
    QTest::newRow("identity") << QSize(320, 240) << QRectF(0, 0, 320, 240) << face1
                              << QRectF(QPointF(85, 32), QPointF(215, 188));
    QTest::newRow("scaled x2") << QSize(320, 240) << QRectF(0, 0, 640, 480) << face1
                               << QRectF(QPointF(170, 64), QPointF(430, 376));
    // Letterboxed: 320 x 240 in 400 x 400 at (10, 20): scale 1.25, drawn 400 x 300 from y 70.
    QTest::newRow("letterboxed") << QSize(320, 240) << QRectF(10, 20, 400, 400) << face1
                                 << QRectF(QPointF(116.25, 110), QPointF(278.75, 305));
    // [5, 10, 105, 130] -> [-10, -8, 120, 148] -> clipped [0, 0, 120, 148].
    QTest::newRow("clipped") << QSize(320, 240) << QRectF(0, 0, 320, 240)
                             << QRectF(QPointF(5, 10), QPointF(105, 130))
                             << QRectF(QPointF(0, 0), QPointF(120, 148));
}

void TestDatasetsPanel::overlayGeometry() {
    QFETCH(QSize, image);
    QFETCH(QRectF, area);
    QFETCH(QRectF, face);
    QFETCH(QRectF, crop);
    fb::FaceBox detected = box(face.left(), face.top(), face.right(), face.bottom());
    detected.landmarks = {
        {{120.0, 90.0}}, {{180.0, 90.0}}, {{150.0, 120.0}}, {{125.0, 150.0}}, {{175.0, 150.0}}};
    const ImageViewMapping mapping(image, area);
    const CropOverlay overlay =
        cropOverlay({box(1, 1, 11, 11), detected}, 1, image.width(), image.height(), 0.15, mapping);
    QCOMPARE(overlay.picked, 1);
    QCOMPARE(overlay.faces.size(), std::size_t(2));
    QCOMPARE(overlay.cropBox, crop);
    // The same box enlargeAndClip gives, through the same mapping.
    QCOMPARE(overlay.cropBox,
             mapping.map(rectOf(fb::enlargeAndClip(detected, image.width(), image.height()))));
    QCOMPARE(overlay.faces[1], mapping.map(face));
    QCOMPARE(overlay.landmarks.size(), std::size_t(5));
    QCOMPARE(overlay.landmarks[2], mapping.map(QPointF(150, 120)));
}

void TestDatasetsPanel::previewProvidedBoxes() {
    DatasetsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    FaceCropPreview* preview = panel.cropPreview();
    preview->setInputSize(24, 28);
    QVERIFY(panel.openDataset(m_train));
    QVERIFY(waitIndexed(panel));
    QVERIFY(!preview->isBusy() || waitPreview(preview)); // the first image's own preview

    const fb::IndexedImage image = panel.identityModel()->imagesOf(0).front();
    preview->setProvidedFaces(image, {box(4.4, 6.7, 20.9, 26.2)});
    QVERIFY(waitPreview(preview));
    const FaceCropResult& result = preview->result();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.image.size(), QSize(32, 32));
    QCOMPARE(result.picked, std::size_t(0));
    const fb::CropBox expected = fb::enlargeAndClip(box(4.4, 6.7, 20.9, 26.2), 32, 32, 0.15);
    QCOMPARE(rectOf(result.cropBox), rectOf(expected));
    QCOMPARE(result.crop.size(), QSize(24, 28)); // the model's input size
    const CropOverlay overlay = preview->canvas()->overlay();
    QCOMPARE(overlay.cropBox, preview->canvas()->mapping().map(rectOf(expected)));
}

void TestDatasetsPanel::previewHaarOnRealPhoto() {
    if (!QFile::exists(realPhoto()))
        QSKIP("tests/data/real-faces is missing");
    DatasetsPanel panel;
    panel.resize(1200, 800);
    panel.show();
    FaceCropPreview* preview = panel.cropPreview();
    preview->setDetector(QStringLiteral("haar"));
    panel.previewImageFile(realPhoto());
    QVERIFY(preview->isBusy());
    QVERIFY(waitPreview(preview));
    const FaceCropResult& result = preview->result();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.image.size(), QSize(1920, 1280));
    QVERIFY(!result.faces.empty());
    QCOMPARE(result.picked, fb::pickFace(result.faces, 1920, 1280));
    const fb::CropBox expected = fb::enlargeAndClip(result.faces[result.picked], 1920, 1280);
    QCOMPARE(rectOf(result.cropBox), rectOf(expected));
    QCOMPARE(result.crop.size(), preview->inputSize());
    const CropOverlay overlay = preview->canvas()->overlay();
    QCOMPARE(overlay.faces.size(), result.faces.size());
    QCOMPARE(overlay.cropBox, preview->canvas()->mapping().map(rectOf(expected)));
    QVERIFY(preview->statusText().contains(QStringLiteral("crop box")));
}

void TestDatasetsPanel::previewWithoutDetector() {
    DatasetsPanel panel;
    FaceCropPreview* preview = panel.cropPreview();
    preview->setDetector(QStringLiteral("none"));
    preview->setInputSize(16, 20);
    panel.previewImageFile(firstImage(m_train));
    QVERIFY(waitPreview(preview));
    const FaceCropResult& result = preview->result();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.faces.empty());
    QCOMPARE(rectOf(result.cropBox), QRectF(0, 0, 32, 32)); // the whole image
    QCOMPARE(result.crop.size(), QSize(16, 20));
}

void TestDatasetsPanel::missingMtcnnWeightsShowSetupCommand() {
    qputenv("FACEBENCH_MTCNN_WEIGHTS", m_dir.filePath(QStringLiteral("no-such.pt")).toUtf8());
    DatasetsPanel panel;
    FaceCropPreview* preview = panel.cropPreview();
    preview->setDetector(QStringLiteral("mtcnn"));
    panel.previewImageFile(firstImage(m_train));
    QVERIFY(waitPreview(preview));
    qunsetenv("FACEBENCH_MTCNN_WEIGHTS");
    const QString error = preview->result().error;
    QVERIFY2(error.contains(QStringLiteral("setup.sh")), qPrintable(error));
    QCOMPARE(preview->statusText(), error);
    QVERIFY(!preview->result().image.isNull()); // the image is still shown
    // Haar needs no download and works on the same image (a face or the centre-crop fallback).
    preview->setDetector(QStringLiteral("haar"));
    QVERIFY(waitPreview(preview));
    QVERIFY2(preview->result().error.isEmpty(), qPrintable(preview->result().error));
    QVERIFY(!preview->result().crop.isNull());
}

void TestDatasetsPanel::corruptImageGivesMessage() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("alice")));
    QImage good(40, 50, QImage::Format_RGB888);
    good.fill(Qt::darkGray);
    QVERIFY(good.save(dir.filePath(QStringLiteral("alice/a_good.png"))));
    QFile bad(dir.filePath(QStringLiteral("alice/b_bad.jpg")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("\xff\xd8\xff\xe0 this is not a JPEG at all");
    bad.close();

    DatasetsPanel panel;
    QVERIFY(panel.openDataset(dir.path(), QStringLiteral("imagefolder")));
    QVERIFY(waitIndexed(panel));
    QCOMPARE(panel.identityModel()->rowCount(), 1);
    ThumbnailModel* thumbnails = panel.thumbnailModel();
    QCOMPARE(thumbnails->rowCount(), 2); // the first identity is selected on indexing
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails->loadedCount(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !thumbnails->index(1).data(ThumbnailModel::ErrorRole).toString().isEmpty(), 5000);
    QVERIFY(thumbnails->index(0).data(ThumbnailModel::ErrorRole).toString().isEmpty());
    QVERIFY(!thumbnails->index(1).data(Qt::DecorationRole).value<QPixmap>().isNull());

    FaceCropPreview* preview = panel.cropPreview();
    preview->setDetector(QStringLiteral("haar"));
    if (preview->isBusy())
        QVERIFY(waitPreview(preview));
    preview->setImage(*thumbnails->imageAt(1));
    QVERIFY(waitPreview(preview));
    QVERIFY(preview->result().image.isNull());
    QVERIFY2(preview->statusText().contains(QStringLiteral("b_bad.jpg")),
             qPrintable(preview->statusText()));
}

void TestDatasetsPanel::missingFolderGivesMessage() {
    DatasetsPanel panel;
    const QString missing = m_dir.filePath(QStringLiteral("no/such/folder"));
    QVERIFY(!panel.openDataset(missing));
    QVERIFY(!panel.isIndexing());
    QVERIFY2(panel.message().contains(QDir::toNativeSeparators(missing)),
             qPrintable(panel.message()));
    QCOMPARE(panel.identityModel()->rowCount(), 0);
}

void TestDatasetsPanel::unreadableListGivesMessage() {
    // A list naming a label that is not a number: the core's InputError names file:line.
    const QString list = m_dir.filePath(QStringLiteral("bad-list.txt"));
    QFile file(list);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a.jpg 0\nb.jpg notanumber\n");
    file.close();
    DatasetsPanel panel;
    QVERIFY(panel.openDataset(list, QStringLiteral("list")));
    QSignalSpy finished(&panel, &DatasetsPanel::indexFinished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(panel.message().contains(QStringLiteral("bad-list.txt")), qPrintable(panel.message()));
    QCOMPARE(panel.identityModel()->rowCount(), 0);
}

void TestDatasetsPanel::errorClearsPreviousDataset() {
    // What stays on screen belongs to the path the message names, not to the dataset before.
    DatasetsPanel panel;
    QVERIFY(panel.openDataset(m_train));
    QVERIFY(waitIndexed(panel));
    QCOMPARE(panel.identityModel()->rowCount(), kIdentities);
    QTRY_VERIFY(panel.thumbnailModel()->rowCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.cropPreview()->result().image.isNull(), 30000);
    const QString missing = m_dir.filePath(QStringLiteral("typo/train"));
    QVERIFY(!panel.openDataset(missing));
    QVERIFY(panel.message().contains(QDir::toNativeSeparators(missing)));
    QCOMPARE(panel.identityModel()->rowCount(), 0);
    QCOMPARE(panel.thumbnailModel()->rowCount(), 0);
    QVERIFY(!panel.datasetIndex());
    auto* stats = panel.statsView()->findChild<QLabel*>(QStringLiteral("statsSummary"));
    QVERIFY(stats);
    QVERIFY2(stats->text().contains(QStringLiteral("No dataset")), qPrintable(stats->text()));
    QVERIFY(panel.cropPreview()->result().image.isNull());
}

void TestDatasetsPanel::datasetRootOffersItsParts() {
    // The synthetic set's root holds train/, test/ and the protocol folders side by side: the
    // training part is indexed, not "train", "test", ... as identities. The cache stays out of
    // the dataset's folder.
    const QString root = m_dir.filePath(QStringLiteral("synth"));
    DatasetsPanel panel;
    QVERIFY(panel.openDataset(root));
    QVERIFY(waitIndexed(panel));
    QCOMPARE(panel.identityModel()->rowCount(), kIdentities);
    QCOMPARE(panel.indexedPart(), QStringLiteral("train"));
    QVERIFY2(panel.datasetParts().contains(QStringLiteral("test")),
             qPrintable(panel.datasetParts().join(QLatin1Char(','))));
    QCOMPARE(panel.datasetParts().first(), QStringLiteral("train"));
    QVERIFY(!QFileInfo::exists(m_train + QStringLiteral("/.facebench-index")));
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/.facebench-index")));
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                          QStringLiteral("/facebench");
    QVERIFY2(!QDir(cache).entryList(QDir::Files | QDir::Hidden).isEmpty(), qPrintable(cache));
    // Another part: still offered, the list follows it.
    QVERIFY(panel.openDataset(root + QStringLiteral("/test")));
    QVERIFY(waitIndexed(panel));
    QCOMPARE(panel.indexedPart(), QStringLiteral("test"));
    QVERIFY(panel.identityModel()->rowCount() != kIdentities);
}

void TestDatasetsPanel::fitsALaptopScreen() {
    // A 1366 x 768 screen leaves the page about 1100 x 640 px: it must not scroll there.
    DatasetsPanel panel;
    QVERIFY(panel.openDataset(m_train));
    QVERIFY(waitIndexed(panel));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.cropPreview()->result().image.isNull(), 30000);
    const QSize minimum = panel.minimumSizeHint();
    for (QWidget* child : panel.findChildren<QWidget*>())
        if (child->minimumSizeHint().height() > 250 && child->isVisibleTo(&panel))
            qInfo("%s %s: minimum %d x %d", child->metaObject()->className(),
                  qPrintable(child->objectName()), child->minimumSizeHint().width(),
                  child->minimumSizeHint().height());
    QVERIFY2(minimum.width() <= 1100 && minimum.height() <= 640,
             qPrintable(QStringLiteral("%1 x %2").arg(minimum.width()).arg(minimum.height())));
}

QTEST_MAIN(TestDatasetsPanel)
#include "test_datasets_panel.moc"
