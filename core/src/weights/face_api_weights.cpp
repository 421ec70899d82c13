#include "weights/face_api_weights.h"

#include "facebench/errors.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace fb {

namespace {

// face-api's largest model is 6.4 MB; no network this reader is for comes near these bounds,
// which keep a hostile manifest from asking for more memory than the files can fill.
constexpr std::int64_t kMaxElements = std::int64_t{1} << 28; // per tensor and in all
constexpr std::uintmax_t kMaxDataBytes = std::uintmax_t{1} << 30;

// Bytes per stored value of a tensor: its quantisation dtype, else its own dtype.
int storedBytes(const nlohmann::json& weight, const std::string& source, const std::string& name) {
    if (weight.contains("quantization")) {
        const std::string dtype = weight["quantization"].value("dtype", "");
        if (dtype == "uint8")
            return 1;
        if (dtype == "uint16")
            return 2;
        throw InputError(SourceLocation{source}, name,
                         "unsupported quantization dtype '" + dtype + "' (uint8 or uint16)");
    }
    const std::string dtype = weight.value("dtype", "");
    if (dtype != "float32")
        throw InputError(SourceLocation{source}, name,
                         "unsupported dtype '" + dtype + "' (float32 expected)");
    return 4;
}

std::vector<std::int64_t> shapeOf(const nlohmann::json& weight, const std::string& source,
                                  const std::string& name, std::int64_t& elements) {
    if (!weight.contains("shape") || !weight["shape"].is_array() || weight["shape"].size() > 8)
        throw InputError(SourceLocation{source}, name, "shape must be a list of at most 8 sizes");
    std::vector<std::int64_t> shape;
    elements = 1;
    for (const nlohmann::json& dim : weight["shape"]) {
        if (!dim.is_number_integer() || dim.get<std::int64_t>() < 0 ||
            dim.get<std::int64_t>() > kMaxElements)
            throw InputError(SourceLocation{source}, name,
                             "shape sizes must be whole numbers >= 0");
        shape.push_back(dim.get<std::int64_t>());
        elements *= shape.back();
        if (elements > kMaxElements)
            throw InputError(SourceLocation{source}, name, "tensor too large");
    }
    return shape;
}

} // namespace

static std::vector<FaceApiTensor> parseManifest(const std::string& manifestText,
                                                const std::vector<std::uint8_t>& data,
                                                const std::string& source) {
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(manifestText);
    } catch (const nlohmann::json::exception& error) {
        throw InputError(SourceLocation{source}, "", std::string("not JSON: ") + error.what());
    }
    if (!manifest.is_array())
        throw InputError(SourceLocation{source}, "",
                         "not a weights manifest (a list of {\"paths\", \"weights\"} groups)");
    std::vector<FaceApiTensor> tensors;
    std::size_t offset = 0;
    std::int64_t total = 0;
    for (const nlohmann::json& group : manifest) {
        if (!group.is_object() || !group.contains("weights") || !group["weights"].is_array())
            throw InputError(SourceLocation{source}, "weights",
                             "each group needs a \"weights\" list");
        for (const nlohmann::json& weight : group["weights"]) {
            if (!weight.is_object() || !weight.contains("name") || !weight["name"].is_string())
                throw InputError(SourceLocation{source}, "name", "each weight needs a name");
            const std::string name = weight["name"].get<std::string>();
            std::int64_t elements = 0;
            FaceApiTensor tensor{name, shapeOf(weight, source, name, elements), {}};
            total += elements;
            if (total > kMaxElements)
                throw InputError(SourceLocation{source}, name,
                                 "more values than any face network has");
            const int bytes = storedBytes(weight, source, name);
            const std::size_t need = static_cast<std::size_t>(elements) * bytes;
            if (need > data.size() - offset)
                throw InputError(SourceLocation{source}, name,
                                 "the data files end before this tensor (" +
                                     std::to_string(data.size()) + " bytes in all)");
            const std::uint8_t* in = data.data() + offset;
            tensor.values.resize(static_cast<std::size_t>(elements));
            if (bytes == 4) {
                if (need > 0) // an empty tensor has no bytes to copy
                    std::memcpy(tensor.values.data(), in, need); // little-endian, as x86-64
            } else {
                const nlohmann::json& q = weight["quantization"];
                if (!q.contains("scale") || !q["scale"].is_number() || !q.contains("min") ||
                    !q["min"].is_number())
                    throw InputError(SourceLocation{source}, name,
                                     "quantization needs numeric \"scale\" and \"min\"");
                const double scale = q["scale"].get<double>(), min = q["min"].get<double>();
                for (std::size_t i = 0; i < tensor.values.size(); ++i) {
                    const unsigned code = bytes == 1 ? in[i] : in[2 * i] | (in[2 * i + 1] << 8);
                    // tfjs: Float32Array.from(codes, v => v * scale + min), the arithmetic in
                    // JavaScript's doubles, rounded once to float32.
                    tensor.values[i] = static_cast<float>(code * scale + min);
                }
            }
            offset += need;
            tensors.push_back(std::move(tensor));
        }
    }
    if (offset != data.size())
        throw InputError(
            SourceLocation{source}, "",
            std::to_string(data.size() - offset) +
                " bytes of the data files are not in the manifest (another model's files?)");
    return tensors;
}

std::vector<FaceApiTensor> parseFaceApiWeights(const std::string& manifestText,
                                               const std::vector<std::uint8_t>& data,
                                               const std::string& source) {
    try {
        return parseManifest(manifestText, data, source);
    } catch (const nlohmann::json::exception& error) {
        // A value of the wrong JSON type ("dtype": 5, "quantization": []).
        throw InputError(SourceLocation{source}, "",
                         std::string("not a weights manifest: ") + error.what());
    }
}

std::vector<FaceApiTensor> readFaceApiWeights(const std::string& manifestPath) {
    std::ifstream in(manifestPath, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{manifestPath}, "", "cannot open the weights manifest");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw InputError(SourceLocation{manifestPath}, "",
                         std::string("not JSON: ") + error.what());
    }
    // The data files, in order, beside the manifest.
    std::vector<std::uint8_t> data;
    const std::filesystem::path folder = std::filesystem::path(manifestPath).parent_path();
    for (const nlohmann::json& group : manifest.is_array() ? manifest : nlohmann::json::array()) {
        if (!group.is_object() || !group.contains("paths") || !group["paths"].is_array())
            throw InputError(SourceLocation{manifestPath}, "paths",
                             "each group needs a \"paths\" list");
        for (const nlohmann::json& name : group["paths"]) {
            if (!name.is_string() || name.get<std::string>().find('/') != std::string::npos)
                throw InputError(SourceLocation{manifestPath}, "paths",
                                 "data files are plain file names beside the manifest");
            const std::filesystem::path path = folder / name.get<std::string>();
            std::error_code error;
            const std::uintmax_t size = std::filesystem::file_size(path, error);
            if (error)
                throw InputError(SourceLocation{path.string()}, "",
                                 "cannot read the weights data file");
            if (size > kMaxDataBytes - data.size())
                throw InputError(SourceLocation{path.string()}, "", "weights data too large");
            std::ifstream file(path, std::ios::binary);
            const std::size_t start = data.size();
            data.resize(start + size);
            if (!file.read(reinterpret_cast<char*>(data.data() + start),
                           static_cast<std::streamsize>(size)))
                throw InputError(SourceLocation{path.string()}, "",
                                 "cannot read the weights data file");
        }
    }
    return parseFaceApiWeights(text, data, manifestPath);
}

} // namespace fb
