#pragma once
// The framework style of an experiment (seed Section 4.2.3): whose defaults it follows for
// pre-processing (Table 11), weight initialisation (Table 12), the epoch's short last batch
// (Section 4.1) and the memory format. Typed: the names below appear only in config files,
// which the config loader reads; code compares these values, never names.
namespace fb {

enum class Framework { PyTorch, TensorFlow, Caffe };

// Pre-processing as the config asks for it. A framework's value means Table 11's row for the
// model in that framework (data/preprocess.h picks the row: tensorflow -> TensorFlowInception
// for GoogLeNet and Inception-v3, caffe -> LightCnn for the LightCNNs, any -> Face for the
// 112x112 / 112x96 face networks); the other values name a row directly.
// FaceApi: face-api's FaceRecognitionNet (150x150 RGB, minus its mean RGB, / 255).
enum class PreprocessStyle {
    PyTorch,
    TensorFlow,
    Caffe,
    TensorFlowInception,
    LightCnn,
    Face,
    FaceApi
};

// Weight initialisation (Table 12): how each framework fills convolution and linear weights.
enum class InitStyle { PyTorch, TensorFlow, Caffe };

// The images left over when the epoch does not divide by the batch size (Section 4.1): PyTorch
// keeps the short batch, TensorFlow drops it, Caffe wraps around into the next pass.
enum class LastBatch { Keep, Drop, Wrap };

// Activation layout: TensorFlow's NHWC is channels-last.
enum class MemoryFormat { Contiguous, ChannelsLast };

struct StyleConfig {
    Framework framework = Framework::PyTorch;
    PreprocessStyle preprocess = PreprocessStyle::PyTorch;
    InitStyle init = InitStyle::PyTorch;
    LastBatch lastBatch = LastBatch::Keep;
    MemoryFormat memoryFormat = MemoryFormat::Contiguous;
};

// Every part as `framework` has it: what a config's "auto" parts resolve to. The one place
// that knows the frameworks' defaults.
StyleConfig frameworkStyle(Framework framework);

// The config file's name of each value ("pytorch", "tensorflow-inception", "channels_last"),
// for writing configs and showing them.
const char* styleName(Framework value);
const char* styleName(PreprocessStyle value);
const char* styleName(InitStyle value);
const char* styleName(LastBatch value);
const char* styleName(MemoryFormat value);

} // namespace fb
