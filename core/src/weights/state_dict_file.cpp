#include "weights/state_dict_file.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"

#include "weights/pickle_reader.h"

#include <caffe2/serialize/inline_container.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

namespace fb {

namespace {

// The storage classes torch.save names, and their element types.
torch::ScalarType storageType(const std::string& name) {
    static const std::map<std::string, torch::ScalarType> types = {
        {"FloatStorage", torch::kFloat32}, {"DoubleStorage", torch::kFloat64},
        {"HalfStorage", torch::kFloat16},  {"BFloat16Storage", torch::kBFloat16},
        {"LongStorage", torch::kInt64},    {"IntStorage", torch::kInt32},
        {"ShortStorage", torch::kInt16},   {"CharStorage", torch::kInt8},
        {"ByteStorage", torch::kUInt8},    {"BoolStorage", torch::kBool},
    };
    const auto found = types.find(name);
    if (found == types.end())
        throw std::runtime_error("unsupported storage type torch." + name.substr(0, 200));
    return found->second;
}

bool isZipFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0;
}

// Makes the tensors data.pkl describes from the archive's storage records. The pickle reader
// has checked every view against its storage's element count; here each record must hold
// exactly that many elements.
class TensorMaker {
public:
    TensorMaker(const Pickle& pickle, caffe2::serialize::PyTorchStreamReader& archive,
                std::uint64_t fileSize)
        : m_pickle(pickle), m_archive(archive), m_fileSize(fileSize) {}

    torch::Tensor tensor(std::size_t index) {
        const auto made = m_tensors.find(index);
        if (made != m_tensors.end())
            return made->second; // one tensor listed twice stays one tensor
        const PickleValue& view = m_pickle.at(index);
        const torch::Tensor flat = storage(view.items.at(0));
        const std::vector<std::int64_t> sizes = m_pickle.integers(view.items.at(1));
        const std::vector<std::int64_t> strides = m_pickle.integers(view.items.at(2));
        // Tensors may overlap in their storages (a view and its base, weights tied under two
        // names), so their copies can outgrow the storages a little; a file of thousands of
        // views of one storage would ask for any amount of memory. Twice the file is the limit.
        std::int64_t elements = 1;
        for (std::int64_t size : sizes)
            if (__builtin_mul_overflow(elements, size, &elements))
                throw std::runtime_error("a tensor has more elements than a 64-bit count holds");
        if (static_cast<std::uint64_t>(elements) > 2 * m_fileSize ||
            static_cast<std::uint64_t>(elements) * flat.element_size() >
                2 * m_fileSize - m_tensorBytes)
            throw std::runtime_error("the tensors hold more than twice the file's bytes "
                                     "(views overlapping in one storage)");
        m_tensorBytes += static_cast<std::uint64_t>(elements) * flat.element_size();
        torch::Tensor tensor = flat.as_strided(sizes, strides, view.integer).clone();
        m_tensors.emplace(index, tensor);
        return tensor;
    }

private:
    // The record data/<key> as a 1-D tensor of the storage's type, read once per key.
    torch::Tensor storage(std::size_t index) {
        const PickleValue& storage = m_pickle.at(index);
        const torch::ScalarType type =
            storageType(storageClassName(m_pickle.at(storage.items.at(0))));
        const auto cached = m_storages.find(storage.text);
        if (cached != m_storages.end()) {
            // The views were checked against this declaration's size: it must be the record's.
            if (cached->second.scalar_type() != type || cached->second.numel() != storage.integer)
                throw std::runtime_error("storage " + storage.text +
                                         " is declared twice with different types or sizes");
            return cached->second;
        }
        const auto numel = static_cast<std::uint64_t>(storage.integer);
        const std::uint64_t elementSize = torch::elementSize(type);
        const std::string record = "data/" + storage.text;
        // Checked before the record is read: a storage larger than the file cannot be in it.
        if (numel > m_fileSize / elementSize)
            throw std::runtime_error("record " + record + " would need " + std::to_string(numel) +
                                     " elements, more than the file holds");
        if (!m_archive.hasRecord(record))
            throw std::runtime_error("the archive has no record " + record);
        auto [data, size] = m_archive.getRecord(record);
        const std::uint64_t expected = numel * elementSize;
        if (size != expected)
            throw std::runtime_error("record " + record + " holds " + std::to_string(size) +
                                     " bytes, expected " + std::to_string(expected));
        torch::Tensor flat =
            numel == 0 ? torch::empty({0}, torch::TensorOptions(type))
                       : torch::from_blob(data.get(), {storage.integer}, torch::TensorOptions(type))
                             .clone();
        m_storages.emplace(storage.text, flat);
        return flat;
    }

    const Pickle& m_pickle;
    caffe2::serialize::PyTorchStreamReader& m_archive;
    const std::uint64_t m_fileSize;
    std::uint64_t m_tensorBytes = 0;
    std::map<std::string, torch::Tensor> m_storages;
    std::map<std::size_t, torch::Tensor> m_tensors;
};

std::string metadataText(const PickleValue& value) {
    switch (value.kind) {
    case PickleValue::Kind::Text:
        return value.text;
    case PickleValue::Kind::Int:
        return std::to_string(value.integer);
    case PickleValue::Kind::Bool:
        return value.integer ? "true" : "false";
    default:
        throw std::runtime_error("unsupported value in the dict");
    }
}

} // namespace

WeightsFile readWeightsFile(const std::string& path) {
    const SourceLocation where{path};
    if (!std::ifstream(path, std::ios::binary))
        throw InputError(where, "", "cannot open the weights file");
    if (!isZipFile(path))
        throw InputError(where, "",
                         "not a torch.save zip archive (truncated, or saved with "
                         "_use_new_zipfile_serialization=False; re-save it with torch.save)");
    const auto unreadable = [&](const std::string& problem) {
        return InputError(where, "",
                          "cannot read the weights: " + problem +
                              " (FaceBench reads torch.save(model.state_dict(), f) files)");
    };
    try {
        std::error_code ignored;
        const std::uint64_t fileSize = std::filesystem::file_size(path, ignored);
        caffe2::serialize::PyTorchStreamReader archive(path);
        auto [data, size] = archive.getRecord("data.pkl");
        const Pickle pickle =
            readTorchPickle(std::string(static_cast<const char*>(data.get()), size), path);
        const PickleValue& root = pickle.rootValue();
        if (root.kind != PickleValue::Kind::Dict)
            throw std::runtime_error("the file holds no dict of tensors");
        TensorMaker maker(pickle, archive, fileSize);
        WeightsFile file;
        for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
            const PickleValue& key = pickle.at(root.items[i]);
            const std::size_t valueIndex = root.items[i + 1];
            const PickleValue& value = pickle.at(valueIndex);
            if (key.kind != PickleValue::Kind::Text)
                throw std::runtime_error("a key of the dict is not text");
            if (value.kind == PickleValue::Kind::Tensor) {
                file.state.emplace_back(key.text, maker.tensor(valueIndex));
            } else if (value.kind == PickleValue::Kind::Dict && key.text == "state_dict") {
                for (std::size_t j = 0; j + 1 < value.items.size(); j += 2) {
                    const PickleValue& name = pickle.at(value.items[j]);
                    if (name.kind != PickleValue::Kind::Text ||
                        pickle.at(value.items[j + 1]).kind != PickleValue::Kind::Tensor)
                        throw std::runtime_error(
                            "an entry of the state_dict is not a named tensor");
                    file.state.emplace_back(name.text, maker.tensor(value.items[j + 1]));
                }
            } else {
                file.metadata[key.text] = metadataText(value);
            }
        }
        return file;
    } catch (const InputError& error) {
        throw unreadable(error.problem());
    } catch (const std::exception& error) {
        // c10::Error's message carries a C++ backtrace: keep its first line only.
        const std::string message = error.what();
        throw unreadable(message.substr(0, message.find('\n')));
    }
}

StateDict readStateDict(const std::string& path) {
    return readWeightsFile(path).state;
}

void writeWeightsFile(const std::string& path, const WeightsFile& file) {
    c10::Dict<std::string, torch::Tensor> tensors;
    for (const auto& [name, tensor] : file.state)
        tensors.insert(name, tensor.detach().cpu().contiguous());
    std::vector<char> bytes;
    if (file.metadata.empty()) {
        bytes = torch::pickle_save(tensors);
    } else {
        c10::impl::GenericDict root(c10::StringType::get(), c10::AnyType::get());
        for (const auto& [key, text] : file.metadata)
            root.insert(key, text);
        root.insert("state_dict", tensors);
        bytes = torch::pickle_save(root);
    }
    writeFileAtomically(path, std::string(bytes.begin(), bytes.end()));
}

void writeStateDict(const std::string& path, const StateDict& state) {
    writeWeightsFile(path, {state, {}});
}

} // namespace fb
