#include "weights/state_dict_file.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"

#include <caffe2/serialize/inline_container.h>

#include <cstring>
#include <fstream>
#include <map>
#include <variant>

namespace fb {

namespace {

// --- the values a torch.save pickle holds -------------------------------------------------

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct Global {
    std::string module, name; // "torch._utils", "_rebuild_tensor_v2"
    std::string qualified() const { return module + "." + name; }
};
struct Tuple {
    std::vector<ValuePtr> items;
};
struct Dict {
    std::vector<std::pair<ValuePtr, ValuePtr>> items;
};
struct Storage {
    torch::Tensor flat; // 1-D, the storage's dtype
};
struct Mark {};
struct None {};

struct Value {
    std::variant<None, bool, std::int64_t, double, std::string, Global, Tuple, Dict, Storage,
                 torch::Tensor, Mark>
        data;
};

template <class T> ValuePtr make(T value) { return std::make_shared<Value>(Value{std::move(value)}); }

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
        throw std::runtime_error("unsupported storage type torch." + name);
    return found->second;
}

// A protocol-2 unpickler for torch.save's data.pkl: the opcodes Python's pickler emits for
// OrderedDicts of tensors, and the callables torch.save references, nothing else.
class Unpickler {
public:
    Unpickler(const std::string& bytes, caffe2::serialize::PyTorchStreamReader& archive)
        : m_bytes(bytes), m_archive(archive) {}

    ValuePtr run() {
        while (true) {
            const unsigned char op = byte();
            switch (op) {
            case 0x80: byte(); break;                                    // PROTO
            case '.': return pop();                                      // STOP
            case '(': push(make(Mark{})); break;                         // MARK
            case ')': push(make(Tuple{})); break;                        // EMPTY_TUPLE
            case '}': push(make(Dict{})); break;                         // EMPTY_DICT
            case ']': push(make(Tuple{})); break;                        // EMPTY_LIST (as a tuple)
            case 'N': push(make(None{})); break;                         // NONE
            case 0x88: push(make(true)); break;                          // NEWTRUE
            case 0x89: push(make(false)); break;                         // NEWFALSE
            case 'K': push(make(std::int64_t(byte()))); break;           // BININT1
            case 'M': push(make(std::int64_t(little(2)))); break;        // BININT2
            case 'J': push(make(std::int64_t(std::int32_t(little(4))))); break; // BININT
            case 0x8a: push(make(long1())); break;                       // LONG1
            case 'G': push(make(binfloat())); break;                     // BINFLOAT
            case 'X': push(make(text(little(4)))); break;                // BINUNICODE
            case 0x8c: push(make(text(byte()))); break;                  // SHORT_BINUNICODE
            case 'c': push(make(global())); break;                       // GLOBAL
            case 'q': m_memo[byte()] = top(); break;                     // BINPUT
            case 'r': m_memo[little(4)] = top(); break;                  // LONG_BINPUT
            case 'h': push(memo(byte())); break;                         // BINGET
            case 'j': push(memo(little(4))); break;                      // LONG_BINGET
            case 't': push(make(Tuple{popToMark()})); break;             // TUPLE
            case 0x85: push(tupleOf(1)); break;                          // TUPLE1
            case 0x86: push(tupleOf(2)); break;                          // TUPLE2
            case 0x87: push(tupleOf(3)); break;                          // TUPLE3
            case 'a': { ValuePtr item = pop(); as<Tuple>(top()).items.push_back(item); break; } // APPEND
            case 'e': { auto items = popToMark(); auto& list = as<Tuple>(top()).items;           // APPENDS
                        list.insert(list.end(), items.begin(), items.end()); break; }
            case 's': { ValuePtr v = pop(), k = pop(); as<Dict>(top()).items.emplace_back(k, v); break; } // SETITEM
            case 'u': { auto items = popToMark(); auto& dict = as<Dict>(top()).items;            // SETITEMS
                        for (std::size_t i = 0; i + 1 < items.size(); i += 2)
                            dict.emplace_back(items[i], items[i + 1]);
                        break; }
            case 'Q': push(persistent(pop())); break;                    // BINPERSID
            case 'R': { ValuePtr args = pop(), callable = pop(); push(call(callable, args)); break; } // REDUCE
            case 'b': pop(); break; // BUILD: an OrderedDict's state (_metadata) is not needed
            default:
                throw std::runtime_error("unsupported pickle opcode 0x" + hex(op) + " at byte " +
                                         std::to_string(m_pos - 1));
            }
        }
    }

private:
    unsigned char byte() {
        if (m_pos >= m_bytes.size())
            throw std::runtime_error("data.pkl ends early");
        return static_cast<unsigned char>(m_bytes[m_pos++]);
    }
    std::uint64_t little(int count) {
        std::uint64_t value = 0;
        for (int i = 0; i < count; ++i)
            value |= std::uint64_t(byte()) << (8 * i);
        return value;
    }
    std::int64_t long1() {
        const int count = byte();
        if (count > 8)
            throw std::runtime_error("integer too large in data.pkl");
        std::uint64_t value = little(count);
        if (count > 0 && count < 8 && (value >> (8 * count - 1)) & 1) // sign-extend
            value |= ~std::uint64_t(0) << (8 * count);
        return static_cast<std::int64_t>(value);
    }
    double binfloat() { // big-endian IEEE 754
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits = (bits << 8) | byte();
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    std::string text(std::size_t length) {
        if (m_pos + length > m_bytes.size())
            throw std::runtime_error("data.pkl ends early");
        std::string value = m_bytes.substr(m_pos, length);
        m_pos += length;
        return value;
    }
    std::string line() {
        const std::size_t end = m_bytes.find('\n', m_pos);
        if (end == std::string::npos)
            throw std::runtime_error("data.pkl ends early");
        std::string value = m_bytes.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        return value;
    }
    Global global() {
        Global g;
        g.module = line();
        g.name = line();
        return g;
    }
    static std::string hex(unsigned char op) {
        const char* digits = "0123456789abcdef";
        return {digits[op >> 4], digits[op & 15]};
    }

    template <class T> static T& as(const ValuePtr& value) {
        if (T* typed = std::get_if<T>(&value->data))
            return *typed;
        throw std::runtime_error("unexpected value in data.pkl");
    }
    void push(ValuePtr value) { m_stack.push_back(std::move(value)); }
    ValuePtr pop() {
        if (m_stack.empty())
            throw std::runtime_error("pickle stack underflow");
        ValuePtr value = m_stack.back();
        m_stack.pop_back();
        return value;
    }
    ValuePtr& top() {
        if (m_stack.empty())
            throw std::runtime_error("pickle stack underflow");
        return m_stack.back();
    }
    ValuePtr memo(std::uint64_t index) {
        const auto found = m_memo.find(index);
        if (found == m_memo.end())
            throw std::runtime_error("pickle memo " + std::to_string(index) + " was never stored");
        return found->second;
    }
    std::vector<ValuePtr> popToMark() {
        std::vector<ValuePtr> items;
        while (true) {
            ValuePtr value = pop();
            if (std::holds_alternative<Mark>(value->data))
                break;
            items.insert(items.begin(), value);
        }
        return items;
    }
    ValuePtr tupleOf(int count) {
        std::vector<ValuePtr> items(count);
        for (int i = count - 1; i >= 0; --i)
            items[i] = pop();
        return make(Tuple{items});
    }

    // ('storage', torch.FloatStorage, key, location, numel): the record data/<key>.
    ValuePtr persistent(const ValuePtr& id) {
        const auto& fields = as<Tuple>(id).items;
        if (fields.size() < 5 || as<std::string>(fields[0]) != "storage")
            throw std::runtime_error("unsupported persistent id in data.pkl");
        const torch::ScalarType type = storageType(as<Global>(fields[1]).name);
        const std::string key = as<std::string>(fields[2]);
        auto cached = m_storages.find(key);
        if (cached == m_storages.end()) {
            const std::int64_t numel = as<std::int64_t>(fields[4]);
            const std::string record = "data/" + key;
            if (!m_archive.hasRecord(record))
                throw std::runtime_error("the archive has no record " + record);
            auto [data, size] = m_archive.getRecord(record);
            const std::size_t expected = numel * torch::elementSize(type);
            if (size != expected)
                throw std::runtime_error("record " + record + " holds " + std::to_string(size) +
                                         " bytes, expected " + std::to_string(expected));
            torch::Tensor flat = torch::from_blob(data.get(), {numel}, torch::TensorOptions(type)).clone();
            cached = m_storages.emplace(key, flat).first;
        }
        return make(Storage{cached->second});
    }

    ValuePtr call(const ValuePtr& callable, const ValuePtr& args) {
        const std::string name = as<Global>(callable).qualified();
        const auto& a = as<Tuple>(args).items;
        if (name == "collections.OrderedDict")
            return make(Dict{});
        if (name == "torch._utils._rebuild_tensor_v2" && a.size() >= 4)
            return make(rebuildTensor(as<Storage>(a[0]).flat, as<std::int64_t>(a[1]),
                                      intList(a[2]), intList(a[3])));
        if (name == "torch._utils._rebuild_parameter" && !a.empty())
            return make(as<torch::Tensor>(a[0]));
        // torch::pickle_save wraps a typed dict as restore_type_tag(dict, "Dict[str, Tensor]").
        if (name == "torch.jit._pickle.restore_type_tag" && !a.empty())
            return a[0];
        throw std::runtime_error("unsupported object " + name + " in data.pkl");
    }
    std::vector<std::int64_t> intList(const ValuePtr& value) {
        std::vector<std::int64_t> list;
        for (const ValuePtr& item : as<Tuple>(value).items)
            list.push_back(as<std::int64_t>(item));
        return list;
    }
    static torch::Tensor rebuildTensor(const torch::Tensor& flat, std::int64_t offset,
                                       const std::vector<std::int64_t>& size,
                                       const std::vector<std::int64_t>& stride) {
        std::int64_t last = offset; // the furthest element the view touches must exist
        for (std::size_t i = 0; i < size.size(); ++i)
            last += size[i] > 0 ? (size[i] - 1) * stride[i] : 0;
        if (last >= flat.numel() && flat.numel() > 0)
            throw std::runtime_error("a tensor reaches past the end of its storage");
        return flat.as_strided(size, stride, offset).clone();
    }

    const std::string& m_bytes;
    caffe2::serialize::PyTorchStreamReader& m_archive;
    std::size_t m_pos = 0;
    std::vector<ValuePtr> m_stack;
    std::map<std::uint64_t, ValuePtr> m_memo;
    std::map<std::string, torch::Tensor> m_storages;
};

bool isZipFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0;
}

} // namespace

namespace {

std::string metadataText(const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value.data))
        return *text;
    if (const auto* number = std::get_if<std::int64_t>(&value.data))
        return std::to_string(*number);
    if (const auto* flag = std::get_if<bool>(&value.data))
        return *flag ? "true" : "false";
    throw std::runtime_error("unsupported value in the dict");
}

void collectTensors(const Dict& dict, StateDict& state) {
    for (const auto& [key, value] : dict.items) {
        const std::string* name = std::get_if<std::string>(&key->data);
        const torch::Tensor* tensor = std::get_if<torch::Tensor>(&value->data);
        if (!name || !tensor)
            throw std::runtime_error("an entry of the state_dict is not a named tensor");
        state.emplace_back(*name, *tensor);
    }
}

} // namespace

WeightsFile readWeightsFile(const std::string& path) {
    const SourceLocation where{path};
    if (!std::ifstream(path, std::ios::binary))
        throw InputError(where, "", "cannot open the weights file");
    if (!isZipFile(path))
        throw InputError(where, "", "not a torch.save zip archive (truncated, or saved with "
                                    "_use_new_zipfile_serialization=False; re-save it with torch.save)");
    try {
        caffe2::serialize::PyTorchStreamReader archive(path);
        auto [data, size] = archive.getRecord("data.pkl");
        const std::string bytes(static_cast<const char*>(data.get()), size);
        const ValuePtr root = Unpickler(bytes, archive).run();
        const Dict* dict = std::get_if<Dict>(&root->data);
        if (!dict)
            throw std::runtime_error("the file holds no dict of tensors");
        WeightsFile file;
        for (const auto& [key, value] : dict->items) {
            const std::string* name = std::get_if<std::string>(&key->data);
            if (!name)
                throw std::runtime_error("a key of the dict is not text");
            if (const auto* tensor = std::get_if<torch::Tensor>(&value->data))
                file.state.emplace_back(*name, *tensor);
            else if (const auto* nested = std::get_if<Dict>(&value->data); nested && *name == "state_dict")
                collectTensors(*nested, file.state);
            else
                file.metadata[*name] = metadataText(*value);
        }
        return file;
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& error) {
        // c10::Error's message carries a C++ backtrace: keep its first line only.
        std::string message = error.what();
        message = message.substr(0, message.find('\n'));
        throw InputError(where, "", "cannot read the weights: " + message +
                                        " (FaceBench reads torch.save(model.state_dict(), f) files)");
    }
}

StateDict readStateDict(const std::string& path) { return readWeightsFile(path).state; }

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

void writeStateDict(const std::string& path, const StateDict& state) { writeWeightsFile(path, {state, {}}); }

} // namespace fb
