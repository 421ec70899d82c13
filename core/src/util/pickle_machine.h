#pragma once
// One bounded pickle virtual machine for the two pickles FaceBench reads from untrusted files:
// torch.save's data.pkl (weights/pickle_reader.cpp) and InsightFace's .bin verification sets
// (data/verification_bin.cpp). It runs the opcodes Python's pickler emits for plain data under
// protocols 0-5 (no classes, no numpy arrays); what a GLOBAL's REDUCE or a persistent id means is
// the format's business, left to a subclass, which also names the values those calls make.
//
// Hostile bytes are bounded by construction: every length is checked against the bytes left
// before anything is allocated; values live in one flat table and refer to each other by index,
// so a value referenced many times is never copied and freeing nests no deeper than one level
// however deep the pickle nests; a list or dict that is already inside another value may not
// change any more, so no value can come to contain itself. PickleRules adds what a format can
// afford to be stricter about: a nesting limit, lists of scalars only, a memory budget.
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace fb {

struct PickleValue {
    enum class Kind : std::uint8_t {
        None,
        Bool,
        Int,
        Float,
        Text,   // UTF-8
        Bytes,  // bytes, bytearray, Python 2 str
        Global, // "module.name"
        Tuple,
        List,
        Dict,
        Storage, // made by torch.save's persistent ids (weights/pickle_reader.cpp)
        Tensor   // made by torch.save's _rebuild_tensor_v2 (weights/pickle_reader.cpp)
    };
    Kind kind = Kind::None;
    bool sealed = false;       // a List or Dict already inside another value: it may not change
    std::uint32_t nesting = 0; // containers on the deepest path down (PickleRules::maxNesting)
    std::int64_t integer = 0;  // Bool, Int; Storage: element count; Tensor: storage offset
    double real = 0;           // Float
    std::string text;          // Text, Bytes, Global; Storage: record key
    std::vector<std::size_t> items; // Tuple, List: the items; Dict: key, value, key, value, ...;
                                    // Storage: {storage class (a Global)};
                                    // Tensor: {Storage, sizes, strides (sequences of Int)}

    bool isContainer() const {
        return kind == Kind::Tuple || kind == Kind::List || kind == Kind::Dict;
    }
};

struct Pickle {
    std::vector<PickleValue> values; // every value the pickle made, in order
    std::size_t root = 0;            // what STOP returned

    const PickleValue& at(std::size_t index) const { return values.at(index); }
    const PickleValue& rootValue() const { return values.at(root); }
    // The integers of a Tuple or List of Int (a tensor's sizes or strides).
    std::vector<std::int64_t> integers(std::size_t sequence) const;
};

// A malformed or refused pickle: what is wrong and the byte offset where it was found. Each
// format turns it into an InputError naming its file.
struct PickleError {
    std::size_t offset = 0;
    std::string problem;
};

struct PickleRules {
    std::string name = "the pickle"; // how messages name it ("data.pkl")
    std::uint32_t maxNesting = 0;    // containers nested deeper are refused; 0: no limit
    bool scalarItemsOnly = false;    // APPEND(S)/SETITEM(S) refuse lists, tuples and dicts
    // Unpickling may take at most this many bytes of memory per byte of input, plus
    // kMemorySlack; 0: no budget.
    std::size_t memoryPerInputByte = 0;
    static constexpr std::size_t kMemorySlack = std::size_t(1) << 20;
};

class PickleMachine {
public:
    PickleMachine(const std::string& bytes, PickleRules rules);
    virtual ~PickleMachine() = default;
    PickleMachine(const PickleMachine&) = delete;
    PickleMachine& operator=(const PickleMachine&) = delete;

    // Runs to STOP. Throws PickleError.
    Pickle run();

protected:
    // REDUCE of `callable` (a value of any kind) on `args`: the new value's index.
    virtual std::size_t call(std::size_t callable, std::size_t args) = 0;
    // BINPERSID: the value a persistent id stands for. By default refused.
    virtual std::size_t persistent(std::size_t id);

    [[noreturn]] void fail(const std::string& problem) const;
    // Counts memory against PickleRules::memoryPerInputByte; refuses a pickle that exceeds it.
    void charge(std::size_t bytes);
    std::size_t make(PickleValue::Kind kind);
    PickleValue& value(std::size_t index) { return m_pickle.values[index]; }
    // The value at `index`, refused unless it is of `kind` ("... where `what` belongs").
    const PickleValue& expect(std::size_t index, PickleValue::Kind kind, const char* what);

private:
    unsigned char byte();
    std::uint64_t little(int count);
    std::int64_t long1();
    std::size_t take(std::uint64_t length); // checks `length` bytes remain; returns their offset
    std::string line();
    std::uint64_t decimal(const std::string& text);

    std::size_t integer(PickleValue::Kind kind, std::int64_t number);
    std::size_t text(PickleValue::Kind kind, std::string content);
    std::size_t bytes(std::uint64_t length);
    std::size_t binfloat();
    std::size_t global();
    std::size_t textInt(const std::string& text);
    std::size_t rawUnicode(const std::string& escaped);

    void push(std::size_t index);
    std::size_t pop();
    std::size_t top();
    std::size_t markedDepth() const;
    std::size_t itemsAboveMark();
    std::size_t valuesAboveMark() const; // how many values pop() may take
    [[noreturn]] void underflow() const;
    void put(std::uint64_t key);
    std::size_t memo(std::uint64_t key);
    std::size_t container(PickleValue::Kind kind, std::size_t count);
    void addItems(PickleValue::Kind kind, std::size_t count);
    void takeItems(std::size_t target, std::size_t count);

    const std::string& m_bytes;
    PickleRules m_rules;
    std::size_t m_pos = 0;
    std::size_t m_charged = 0; // bytes of memory counted by charge()
    Pickle m_pickle;
    std::vector<std::size_t> m_stack;
    std::vector<std::size_t> m_marks; // stack sizes at each open MARK
    std::unordered_map<std::uint64_t, std::size_t> m_memo;
};

} // namespace fb
