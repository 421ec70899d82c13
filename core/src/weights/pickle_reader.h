#pragma once
// The data.pkl pickle of a torch.save zip archive, read without LibTorch: a protocol-2
// unpickler that knows exactly the opcodes and callables torch.save (and torch::pickle_save)
// use. Storages and tensors come out as descriptions (record key, element count, offset, sizes,
// strides) already checked against each other; weights/state_dict_file.cpp reads the records
// and makes the tensors.
//
// Hostile bytes are bounded by construction: values live in one flat table and refer to each
// other by index, so a value referenced many times is never copied, freeing nests no deeper than
// one level however deep the pickle nests, and a list or dict that is already inside another
// value may not change any more, so no value can come to contain itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct PickleValue {
    enum class Kind : std::uint8_t {
        Mark,
        None,
        Bool,
        Int,
        Float,
        Text,
        Global,
        Tuple,
        List,
        Dict,
        Storage,
        Tensor
    };
    Kind kind = Kind::None;
    bool sealed = false;      // a List or Dict already inside another value: it may not change
    std::int64_t integer = 0; // Bool, Int; Storage: element count; Tensor: storage offset
    double real = 0;          // Float
    std::string text;         // Text; Global: "module.name"; Storage: record key
    std::vector<std::size_t> items; // Tuple, List: the items; Dict: key, value, key, value, ...;
                                    // Storage: {storage class (a Global)};
                                    // Tensor: {Storage, sizes, strides (sequences of Int)}
};

// A storage's class as torch.save names it ("torch.FloatStorage"): its short name.
std::string storageClassName(const PickleValue& global);

struct Pickle {
    std::vector<PickleValue> values; // every value the pickle made, in order
    std::size_t root = 0;            // what STOP returned

    const PickleValue& at(std::size_t index) const { return values.at(index); }
    const PickleValue& rootValue() const { return values.at(root); }
    // The integers of a Tuple or List of Int (a tensor's sizes or strides).
    std::vector<std::int64_t> integers(std::size_t sequence) const;
};

// Reads torch.save's data.pkl. Unsupported opcodes or callables, truncation, stack or memo
// misuse, and tensors whose view leaves their storage are InputErrors naming `source`.
Pickle readTorchPickle(const std::string& bytes, const std::string& source);

} // namespace fb
