#include "face_crop_preview.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <facebench/model_catalog.h>
#include <facebench/ui/job_runner.h>
#include <facebench/ui/to_qstring.h>

#include <map>

namespace fb::ui {
namespace {

// Okabe-Ito colours (as the charts): distinguishable for colour-blind readers.
const QColor kFaceColor(0x00, 0x72, 0xb2);     // blue: the detected box
const QColor kCropColor(0xe6, 0x9f, 0x00);     // orange: the 15%-enlarged crop box
const QColor kLandmarkColor(0x00, 0x9e, 0x73); // green: landmarks
const QColor kOtherColor(0x99, 0x99, 0x99);    // faces pickFace did not choose

// The crop is small (96 x 112): shown at twice its size when the preview is wide enough for
// the photo beside it, at its own size otherwise.
constexpr int kCropZoom = 2;
constexpr int kZoomMinWidth = 640;

} // namespace

CropCanvas::CropCanvas(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("cropCanvas"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void CropCanvas::setResult(const FaceCropResult* result, double enlarge) {
    m_result = result;
    m_enlarge = enlarge;
    m_scaled = QPixmap();
    update();
}

ImageViewMapping CropCanvas::mapping() const {
    if (!m_result || m_result->image.isNull())
        return {};
    return ImageViewMapping(m_result->image.size(), QRectF(rect()).adjusted(4, 4, -4, -4));
}

CropOverlay CropCanvas::overlay() const {
    if (!m_result || m_result->image.isNull())
        return {};
    return cropOverlay(m_result->faces, m_result->picked, m_result->image.width(),
                       m_result->image.height(), m_enlarge, mapping());
}

void CropCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    if (!m_result || m_result->image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Select an image to preview its face crop."));
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    const ImageViewMapping map = mapping();
    const QSize drawn = map.imageRect().size().toSize();
    if (m_scaled.size() != drawn && !drawn.isEmpty())
        m_scaled = QPixmap::fromImage(
            m_result->image.scaled(drawn, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    painter.drawPixmap(map.imageRect(), m_scaled, QRectF(QPointF(0, 0), QSizeF(m_scaled.size())));

    const CropOverlay shapes = overlay();
    for (int i = 0; i < static_cast<int>(shapes.faces.size()); ++i) {
        const bool picked = i == shapes.picked;
        painter.setPen(QPen(picked ? kFaceColor : kOtherColor, picked ? 2.5 : 1.5,
                            picked ? Qt::SolidLine : Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(shapes.faces[i]);
    }
    if (!shapes.cropBox.isEmpty()) {
        painter.setPen(QPen(kCropColor, 2.5, Qt::DashLine));
        painter.drawRect(shapes.cropBox);
    }
    painter.setPen(QPen(Qt::white, 1));
    painter.setBrush(kLandmarkColor);
    for (const QPointF& point : shapes.landmarks)
        painter.drawEllipse(point, 4, 4);
}

FaceCropPreview::FaceCropPreview(JobRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner) {
    setObjectName(QStringLiteral("faceCropPreview"));

    m_detectorBox = new QComboBox;
    m_detectorBox->setObjectName(QStringLiteral("detectorBox"));
    m_detectorBox->addItem(tr("MTCNN (the study's)"), QStringLiteral("mtcnn"));
    m_detectorBox->addItem(tr("Haar cascade"), QStringLiteral("haar"));
    m_detectorBox->addItem(tr("None (already cropped)"), QStringLiteral("none"));
    // MTCNN when its converted weights are installed, else Haar, which needs no download;
    // choosing MTCNN without them shows the core's message naming the setup command.
    const bool haveMtcnn = QFileInfo::exists(toQString(fb::mtcnnWeightsPath()));
    m_detectorBox->setCurrentIndex(haveMtcnn ? 0 : 1);
    m_request.detector = m_detectorBox->currentData().toString();

    // One entry per distinct input size of the model zoo (Table 2), naming its models.
    m_sizeBox = new QComboBox;
    m_sizeBox->setObjectName(QStringLiteral("inputSizeBox"));
    std::map<std::pair<int, int>, QStringList> sizes;
    for (const fb::ModelInfo& model : fb::modelCatalog())
        sizes[{model.inputWidth, model.inputHeight}] << toQString(model.name);
    for (const auto& [size, names] : sizes) {
        QString models = names.mid(0, 2).join(QStringLiteral(", "));
        if (names.size() > 2)
            models += tr(", …");
        m_sizeBox->addItem(tr("%1 × %2 px (%3)").arg(size.first).arg(size.second).arg(models),
                           QSize(size.first, size.second));
    }
    const int preferred = m_sizeBox->findData(QSize(96, 112));
    m_sizeBox->setCurrentIndex(preferred >= 0 ? preferred : 0);
    if (m_sizeBox->count() > 0) {
        const QSize size = m_sizeBox->currentData().toSize();
        m_request.inputWidth = size.width();
        m_request.inputHeight = size.height();
    }

    m_openButton = new QPushButton(tr("Open Image…"));
    m_openButton->setObjectName(QStringLiteral("openImageButton"));
    m_openButton->setToolTip(tr("Preview the crop of any image file"));

    m_canvas = new CropCanvas;
    m_cropLabel = new QLabel;
    m_cropLabel->setObjectName(QStringLiteral("cropLabel"));
    m_cropLabel->setAlignment(Qt::AlignCenter);
    m_cropCaption = new QLabel;
    m_cropCaption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_cropCaption->setWordWrap(true);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("cropStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileLabel = new QLabel;
    m_fileLabel->setObjectName(QStringLiteral("cropFile"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* legend =
        new QLabel(tr("<span style='color:%1'>■</span> detected face &nbsp; "
                      "<span style='color:%2'>■</span> crop box (+15% each side) &nbsp; "
                      "<span style='color:%3'>●</span> landmarks")
                       .arg(kFaceColor.name(), kCropColor.name(), kLandmarkColor.name()));
    legend->setTextFormat(Qt::RichText);

    // Two rows, so the preview column stays narrow enough for a 1100 px window.
    auto* controls = new QGridLayout;
    controls->addWidget(new QLabel(tr("Detector:")), 0, 0);
    controls->addWidget(m_detectorBox, 0, 1);
    controls->addWidget(m_openButton, 0, 2);
    controls->addWidget(new QLabel(tr("Model input:")), 1, 0);
    controls->addWidget(m_sizeBox, 1, 1, 1, 2);
    controls->setColumnStretch(1, 1);

    auto* cropColumn = new QVBoxLayout;
    auto* cropTitle = new QLabel(tr("<b>Crop</b>"));
    cropTitle->setAlignment(Qt::AlignHCenter);
    cropColumn->addWidget(cropTitle);
    cropColumn->addWidget(m_cropLabel);
    cropColumn->addWidget(m_cropCaption);
    cropColumn->addStretch(1);

    auto* images = new QHBoxLayout;
    images->addWidget(m_canvas, 1);
    images->addLayout(cropColumn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_fileLabel);
    layout->addLayout(images, 1);
    layout->addWidget(legend);
    layout->addWidget(m_status);

    // The combo boxes may shrink (the size entries name models): the panel fits a 1100 px window.
    for (QComboBox* box : {m_detectorBox, m_sizeBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    connect(m_detectorBox, &QComboBox::currentIndexChanged, this,
            [this] { setDetector(m_detectorBox->currentData().toString()); });
    connect(m_sizeBox, &QComboBox::currentIndexChanged, this, [this] {
        const QSize size = m_sizeBox->currentData().toSize();
        setInputSize(size.width(), size.height());
    });
    connect(m_openButton, &QPushButton::clicked, this, &FaceCropPreview::chooseImage);
    connect(m_runner, &JobRunner::jobFinished, this,
            [this](int id, JobState) { onJobFinished(id); });
    showResult();
}

void FaceCropPreview::setImage(const fb::IndexedImage& image) {
    m_request.image = image;
    if (m_request.detector == QLatin1String("boxes"))
        m_request.detector = m_detectorBox->currentData().toString();
    m_hasImage = true;
    run();
}

void FaceCropPreview::clearImage() {
    const int previous = m_jobId;
    m_jobId = 0;
    if (previous != 0)
        m_runner->cancel(previous);
    m_pending.reset();
    m_request.image = fb::IndexedImage{};
    m_hasImage = false;
    m_result = FaceCropResult();
    m_fileLabel->clear();
    showResult();
}

void FaceCropPreview::setProvidedFaces(const fb::IndexedImage& image,
                                       std::vector<fb::FaceBox> faces) {
    m_request.image = image;
    m_request.detector = QStringLiteral("boxes");
    m_request.providedFaces = std::move(faces);
    m_hasImage = true;
    run();
}

void FaceCropPreview::setDetector(const QString& detector) {
    const int index = m_detectorBox->findData(detector);
    if (index >= 0 && index != m_detectorBox->currentIndex()) {
        m_detectorBox->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    m_request.detector = detector;
    if (m_hasImage)
        run();
}

QString FaceCropPreview::detector() const {
    return m_request.detector;
}

void FaceCropPreview::setInputSize(int width, int height) {
    if (width <= 0 || height <= 0)
        return;
    m_request.inputWidth = width;
    m_request.inputHeight = height;
    if (m_hasImage)
        run();
}

void FaceCropPreview::chooseImage() {
    const QString start = m_request.image.path.empty()
                              ? QString()
                              : QFileInfo(toQString(m_request.image.path)).path();
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Preview Image"), start,
        tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.ppm *.pgm *.tif *.tiff);;All files (*)"));
    if (file.isEmpty())
        return;
    fb::IndexedImage image;
    image.path = file.toStdString();
    image.size = QFileInfo(file).size();
    setImage(image);
}

void FaceCropPreview::run() {
    // The previous preview may still run: its result is not wanted any more (forgotten first,
    // so its cancellation is not taken for this preview's end).
    const int previous = m_jobId;
    m_jobId = 0;
    if (previous != 0)
        m_runner->cancel(previous);
    auto pending = std::make_shared<FaceCropResult>();
    const FaceCropRequest request = m_request;
    const std::shared_ptr<DetectorCache> detectors = m_detectors;
    JobSpec spec;
    spec.title =
        tr("Face crop preview of %1").arg(QFileInfo(toQString(request.image.path)).fileName());
    spec.kind = QStringLiteral("detection");
    spec.transient = true; // one per click: not worth a line in the job list unless it fails
    spec.run = [pending, request, detectors](JobContext& context) {
        if (context.isCancelled())
            return;
        *pending = computeFaceCrop(request, *detectors);
    };
    m_pending = pending;
    m_jobId = m_runner->submit(std::move(spec));
    m_fileLabel->setText(toQString(request.image.path));
    m_status->setText(tr("Detecting…"));
}

void FaceCropPreview::onJobFinished(int id) {
    if (id != m_jobId)
        return; // an older preview, replaced since
    m_jobId = 0;
    const JobInfo info = m_runner->info(id);
    if (info.state == JobState::Done && m_pending) {
        m_result = std::move(*m_pending);
    } else {
        m_result = FaceCropResult();
        m_result.error = info.error.isEmpty() ? tr("The preview was cancelled.") : info.error;
    }
    m_pending.reset();
    showResult();
    emit previewReady();
}

QString FaceCropPreview::statusText() const {
    return m_status->text();
}

void FaceCropPreview::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int zoom = width() >= kZoomMinWidth ? kCropZoom : 1;
    if (zoom != m_cropZoom) {
        m_cropZoom = zoom;
        showResult();
    }
}

void FaceCropPreview::showResult() {
    const int zoom = m_cropZoom;
    m_canvas->setResult(&m_result, m_request.enlarge);
    if (m_result.crop.isNull()) {
        m_cropLabel->clear();
        m_cropCaption->clear();
    } else {
        m_cropLabel->setPixmap(QPixmap::fromImage(m_result.crop.scaled(
            m_result.crop.size() * zoom, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        m_cropCaption->setText(tr("%1 × %2 px, shown at %3×")
                                   .arg(m_result.crop.width())
                                   .arg(m_result.crop.height())
                                   .arg(zoom));
    }
    QString text;
    QPalette palette = this->palette();
    if (!m_result.error.isEmpty()) {
        text = m_result.error;
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x30, 0x30));
    } else if (!m_hasImage) {
        text = tr("Select an image in the grid, or open any image file.");
    } else if (m_request.detector == QLatin1String("none")) {
        text = tr("No detection: the whole image resized to the model input.");
    } else if (m_result.centreCropped) {
        text = tr("No face found: a training image would be discarded; a test image is "
                  "centre-cropped (shown) and flagged.");
    } else if (m_result.picked != fb::kNoFace) {
        const fb::FaceBox& face = m_result.faces[m_result.picked];
        const fb::CropBox& box = m_result.cropBox;
        text = tr("%n face(s) in %1 ms. Picked: box [%2, %3, %4, %5], score %6; crop box "
                  "[%7, %8, %9, %10] (x2, y2 exclusive).",
                  nullptr, static_cast<int>(m_result.faces.size()))
                   .arg(QString::number(m_result.seconds * 1000, 'f', 0))
                   .arg(face.x1, 0, 'f', 1)
                   .arg(face.y1, 0, 'f', 1)
                   .arg(face.x2, 0, 'f', 1)
                   .arg(face.y2, 0, 'f', 1)
                   .arg(face.score, 0, 'f', 3)
                   .arg(box.x1)
                   .arg(box.y1)
                   .arg(box.x2)
                   .arg(box.y2);
    }
    m_status->setPalette(palette);
    m_status->setText(text);
}

} // namespace fb::ui
