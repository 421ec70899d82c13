// MTCNN's box handling, line for line after facenet's align/detect_face.py (the implementation
// the seed uses, Section 4.1 [42]). Torch-free.
#include "detect/mtcnn_boxes.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fb::mtcnn {

std::vector<double> pyramidScales(int width, int height, int minFace, double factor) {
    std::vector<double> scales;
    const double m = 12.0 / minFace;
    double minl = std::min(width, height) * m;
    int k = 0;
    while (minl >= 12) {
        scales.push_back(m * std::pow(factor, k));
        minl *= factor;
        ++k;
    }
    return scales;
}

void generateBoxes(const float* prob, const float* reg, int rows, int cols, double scale,
                   double threshold, std::vector<Candidate>& out) {
    constexpr double stride = 2, cell = 12;
    const std::size_t plane = static_cast<std::size_t>(rows) * cols;
    // facenet scans the transposed map (np.where over x, then y); the order matters only for
    // equal scores in NMS.
    for (int c = 0; c < cols; ++c)
        for (int r = 0; r < rows; ++r) {
            const std::size_t i = static_cast<std::size_t>(r) * cols + c;
            if (prob[i] < threshold)
                continue;
            Candidate b;
            b.x1 = std::trunc((stride * c + 1) / scale);
            b.y1 = std::trunc((stride * r + 1) / scale);
            b.x2 = std::trunc((stride * c + cell - 1 + 1) / scale);
            b.y2 = std::trunc((stride * r + cell - 1 + 1) / scale);
            b.score = prob[i];
            for (int k = 0; k < 4; ++k)
                b.reg[k] = reg[k * plane + i];
            out.push_back(b);
        }
}

std::vector<std::size_t> nms(const std::vector<Candidate>& boxes, double threshold, bool byMin) {
    std::vector<std::size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), 0);
    // np.argsort ascending, then taken from the end: best score first.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return boxes[a].score < boxes[b].score; });
    std::vector<double> area(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i)
        area[i] = (boxes[i].x2 - boxes[i].x1 + 1) * (boxes[i].y2 - boxes[i].y1 + 1);
    std::vector<std::size_t> keep;
    while (!order.empty()) {
        const std::size_t i = order.back();
        order.pop_back();
        keep.push_back(i);
        std::vector<std::size_t> rest;
        rest.reserve(order.size());
        for (std::size_t j : order) {
            const double w = std::max(0.0, std::min(boxes[i].x2, boxes[j].x2) -
                                               std::max(boxes[i].x1, boxes[j].x1) + 1);
            const double h = std::max(0.0, std::min(boxes[i].y2, boxes[j].y2) -
                                               std::max(boxes[i].y1, boxes[j].y1) + 1);
            const double inter = w * h;
            const double o =
                byMin ? inter / std::min(area[i], area[j]) : inter / (area[i] + area[j] - inter);
            if (o <= threshold)
                rest.push_back(j);
        }
        order.swap(rest);
    }
    return keep;
}

std::vector<Candidate> select(const std::vector<Candidate>& boxes,
                              const std::vector<std::size_t>& keep) {
    std::vector<Candidate> out;
    out.reserve(keep.size());
    for (auto i : keep)
        out.push_back(boxes[i]);
    return out;
}

void regressStage1(Candidate& c) {
    const double w = c.x2 - c.x1, h = c.y2 - c.y1;
    c.x1 += c.reg[0] * w;
    c.y1 += c.reg[1] * h;
    c.x2 += c.reg[2] * w;
    c.y2 += c.reg[3] * h;
}

void bbreg(Candidate& c) {
    const double w = c.x2 - c.x1 + 1, h = c.y2 - c.y1 + 1;
    c.x1 += c.reg[0] * w;
    c.y1 += c.reg[1] * h;
    c.x2 += c.reg[2] * w;
    c.y2 += c.reg[3] * h;
}

void rerec(Candidate& c) {
    const double w = c.x2 - c.x1, h = c.y2 - c.y1;
    const double l = std::max(w, h);
    c.x1 = c.x1 + w * 0.5 - l * 0.5;
    c.y1 = c.y1 + h * 0.5 - l * 0.5;
    c.x2 = c.x1 + l;
    c.y2 = c.y1 + l;
}

void fixBox(Candidate& c) {
    c.x1 = std::trunc(c.x1);
    c.y1 = std::trunc(c.y1);
    c.x2 = std::trunc(c.x2);
    c.y2 = std::trunc(c.y2);
}

cv::Mat cropPadded(const cv::Mat& image, const Candidate& c, int side) {
    // pad(): tmpw = x2 - x1 + 1 pixels, image columns x1-1 .. x2-1 (1-based boxes).
    const int x1 = static_cast<int>(c.x1), y1 = static_cast<int>(c.y1);
    const int tmpw = static_cast<int>(c.x2 - c.x1 + 1), tmph = static_cast<int>(c.y2 - c.y1 + 1);
    if (tmpw <= 0 || tmph <= 0)
        return {};
    cv::Mat tmp = cv::Mat::zeros(tmph, tmpw, CV_32FC3);
    const int c0 = std::max(0, x1 - 1), c1 = std::min(image.cols, x1 - 1 + tmpw);
    const int r0 = std::max(0, y1 - 1), r1 = std::min(image.rows, y1 - 1 + tmph);
    if (c1 > c0 && r1 > r0)
        image(cv::Rect(c0, r0, c1 - c0, r1 - r0))
            .copyTo(tmp(cv::Rect(c0 - (x1 - 1), r0 - (y1 - 1), c1 - c0, r1 - r0)));
    cv::Mat out;
    cv::resize(tmp, out, cv::Size(side, side), 0, 0, cv::INTER_AREA);
    return out;
}

} // namespace fb::mtcnn
