#pragma once
// The box arithmetic of MTCNN as facenet's align/detect_face.py does it (generateBoundingBox,
// nms, bbreg, rerec, pad): torch-free, on plain vectors, so it is tested and compiled apart
// from the networks.
#include <opencv2/core.hpp>

#include <array>
#include <vector>

namespace fb::mtcnn {

struct Candidate {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, score = 0;
    std::array<double, 4> reg{};     // regression (dx1, dy1, dx2, dy2), fractions of the box size
    std::array<double, 10> points{}; // O-Net landmarks: x1..x5, y1..y5 in image pixels
};

// facenet: m = 12 / minsize, scales m * factor^k while min(h, w) * m * factor^k >= 12.
std::vector<double> pyramidScales(int width, int height, int minFace, double factor);

// P-Net's output at one scale, in image orientation: prob[r * cols + c] (face probability) and
// reg[k * rows * cols + r * cols + c]. Appends the cells with prob >= threshold as boxes in
// image pixels: stride 2, cell 12 (facenet's generateBoundingBox, np.fix included).
void generateBoxes(const float* prob, const float* reg, int rows, int cols, double scale,
                   double threshold, std::vector<Candidate>& out);

// Greedy NMS, highest score first; overlap by union ("Union") or by the smaller area ("Min");
// areas with facenet's +1. Returns the kept indices, best first.
std::vector<std::size_t> nms(const std::vector<Candidate>& boxes, double threshold, bool byMin);
std::vector<Candidate> select(const std::vector<Candidate>& boxes,
                              const std::vector<std::size_t>& keep);

// Stage 1's calibration (no +1 in the width) and bbreg's (with +1) for stages 2 and 3.
void regressStage1(Candidate& c);
void bbreg(Candidate& c);
// rerec: square boxes around the same centre, side max(w, h).
void rerec(Candidate& c);
// np.fix on the coordinates.
void fixBox(Candidate& c);

// facenet's pad + imresample: the box's pixels [x1-1 .. x2-1] x [y1-1 .. y2-1] (boxes are
// whole numbers after fixBox), zero outside the image, resized with INTER_AREA to side x side.
// `image` is CV_32FC3. Returns an empty Mat for a degenerate box (facenet would fail there).
cv::Mat cropPadded(const cv::Mat& image, const Candidate& c, int side);

} // namespace fb::mtcnn
