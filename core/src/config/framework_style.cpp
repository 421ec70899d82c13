// The frameworks' own defaults (seed Section 4.1 and 4.2.3, Tables 11-12) and the names of the
// style values in config files.
#include "config/style_names.h"

namespace fb {

namespace detail {

const StyleNames<Framework>& styleNames(Framework) {
    static const StyleNames<Framework> names{{Framework::PyTorch, "pytorch"},
                                             {Framework::TensorFlow, "tensorflow"},
                                             {Framework::Caffe, "caffe"}};
    return names;
}

const StyleNames<PreprocessStyle>& styleNames(PreprocessStyle) {
    static const StyleNames<PreprocessStyle> names{
        {PreprocessStyle::PyTorch, "pytorch"},
        {PreprocessStyle::TensorFlow, "tensorflow"},
        {PreprocessStyle::Caffe, "caffe"},
        {PreprocessStyle::TensorFlowInception, "tensorflow-inception"},
        {PreprocessStyle::LightCnn, "lightcnn"},
        {PreprocessStyle::Face, "face"},
        {PreprocessStyle::FaceApi, "face-api"}};
    return names;
}

const StyleNames<InitStyle>& styleNames(InitStyle) {
    static const StyleNames<InitStyle> names{{InitStyle::PyTorch, "pytorch"},
                                             {InitStyle::TensorFlow, "tensorflow"},
                                             {InitStyle::Caffe, "caffe"}};
    return names;
}

const StyleNames<LastBatch>& styleNames(LastBatch) {
    static const StyleNames<LastBatch> names{
        {LastBatch::Keep, "keep"}, {LastBatch::Drop, "drop"}, {LastBatch::Wrap, "wrap"}};
    return names;
}

const StyleNames<MemoryFormat>& styleNames(MemoryFormat) {
    static const StyleNames<MemoryFormat> names{{MemoryFormat::Contiguous, "contiguous"},
                                                {MemoryFormat::ChannelsLast, "channels_last"}};
    return names;
}

} // namespace detail

namespace {

template <class Style> const char* nameOf(Style value) {
    for (const auto& [candidate, text] : detail::styleNames(Style{}))
        if (candidate == value)
            return text;
    return "?"; // only for a value cast from an out-of-range integer
}

} // namespace

StyleConfig frameworkStyle(Framework framework) {
    StyleConfig style;
    style.framework = framework;
    switch (framework) {
    case Framework::PyTorch:
        style.preprocess = PreprocessStyle::PyTorch;
        style.init = InitStyle::PyTorch;
        style.lastBatch = LastBatch::Keep;
        style.memoryFormat = MemoryFormat::Contiguous;
        break;
    case Framework::TensorFlow:
        style.preprocess = PreprocessStyle::TensorFlow;
        style.init = InitStyle::TensorFlow;
        style.lastBatch = LastBatch::Drop;
        style.memoryFormat = MemoryFormat::ChannelsLast; // NHWC
        break;
    case Framework::Caffe:
        style.preprocess = PreprocessStyle::Caffe;
        style.init = InitStyle::Caffe;
        style.lastBatch = LastBatch::Wrap;
        style.memoryFormat = MemoryFormat::Contiguous;
        break;
    }
    return style;
}

const char* styleName(Framework value) {
    return nameOf(value);
}
const char* styleName(PreprocessStyle value) {
    return nameOf(value);
}
const char* styleName(InitStyle value) {
    return nameOf(value);
}
const char* styleName(LastBatch value) {
    return nameOf(value);
}
const char* styleName(MemoryFormat value) {
    return nameOf(value);
}

} // namespace fb
