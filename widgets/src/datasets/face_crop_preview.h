#pragma once
// The face-crop preview of the Datasets panel: the selected image with the detected box(es),
// the 15%-enlarged crop box and the five landmarks drawn over it, and beside it the crop at the
// model's input size, as training will see it (seed Section 4.1, Fig. 1). Detection runs as a
// job on the JobRunner, never on the GUI thread; the detector is selectable.
#include <QImage>
#include <QPixmap>
#include <QWidget>

#include "crop_overlay.h"
#include "face_crop_task.h"

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace fb::ui {

class JobRunner;

// Paints an image scaled to fit, with a CropOverlay over it.
class CropCanvas : public QWidget {
    Q_OBJECT
public:
    explicit CropCanvas(QWidget* parent = nullptr);
    void setResult(const FaceCropResult* result, double enlarge);
    // The mapping and overlay for the widget's current size (what paintEvent draws).
    ImageViewMapping mapping() const;
    CropOverlay overlay() const;
    QSize sizeHint() const override { return {420, 320}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const FaceCropResult* m_result = nullptr;
    double m_enlarge = 0.15;
    // The photo scaled to the drawn size once, not on every repaint (a 1920 x 1280 photo).
    mutable QPixmap m_scaled;
};

class FaceCropPreview : public QWidget {
    Q_OBJECT
public:
    explicit FaceCropPreview(JobRunner* runner, QWidget* parent = nullptr);

    // Previews `image` with the current detector (a detection job). Replaces a pending one.
    void setImage(const fb::IndexedImage& image);
    // Shows no image (the dataset it came from is gone); a detection under way is dropped.
    void clearImage();
    // "mtcnn", "haar" or "none"; re-runs the preview.
    void setDetector(const QString& detector);
    QString detector() const;
    // The crop's output size: the model's input (Table 2).
    void setInputSize(int width, int height);
    QSize inputSize() const { return {m_request.inputWidth, m_request.inputHeight}; }
    // Previews with given boxes instead of a detector (a dataset's boxes.csv).
    void setProvidedFaces(const fb::IndexedImage& image, std::vector<fb::FaceBox> faces);

    const FaceCropResult& result() const { return m_result; }
    bool isBusy() const { return m_jobId != 0; }
    CropCanvas* canvas() const { return m_canvas; }
    QString statusText() const;

signals:
    // The preview shows a new result (or error).
    void previewReady();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void run();
    void chooseImage();
    void showResult();
    void onJobFinished(int id);

    JobRunner* m_runner;
    std::shared_ptr<DetectorCache> m_detectors = std::make_shared<DetectorCache>();
    FaceCropRequest m_request;
    bool m_hasImage = false;
    FaceCropResult m_result;
    std::shared_ptr<FaceCropResult> m_pending;
    int m_jobId = 0;
    int m_cropZoom = 1;

    QComboBox* m_detectorBox = nullptr;
    QComboBox* m_sizeBox = nullptr;
    QPushButton* m_openButton = nullptr;
    CropCanvas* m_canvas = nullptr;
    QLabel* m_cropLabel = nullptr;
    QLabel* m_cropCaption = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_fileLabel = nullptr;
};

} // namespace fb::ui
