#include "weights/pickle_reader.h"

#include "facebench/errors.h"

#include <cstring>
#include <unordered_map>

namespace fb {

namespace {

using Kind = PickleValue::Kind;

// PyTorch tensors have at most 64 dimensions (c10's limit for a view's sizes).
constexpr std::size_t kMaxDimensions = 64;
// torch.save's record keys are short decimal numbers; a storage cache looks them up by text.
constexpr std::size_t kMaxStorageKeyLength = 256;

// A protocol-2 unpickler for torch.save's data.pkl: the opcodes Python's pickler emits for
// OrderedDicts of tensors, and the callables torch.save references, nothing else.
class Unpickler {
public:
    Unpickler(const std::string& bytes, const std::string& source)
        : m_bytes(bytes), m_source(source) {}

    Pickle run() {
        while (true) {
            const unsigned char op = byte();
            switch (op) {
            case 0x80:
                byte();
                break; // PROTO
            case '.':
                m_pickle.root = pop();
                return std::move(m_pickle); // STOP
            case '(':
                m_marks.push_back(m_stack.size());
                break; // MARK
            case ')':
                push(container(Kind::Tuple, 0));
                break; // EMPTY_TUPLE
            case ']':
                push(container(Kind::List, 0));
                break; // EMPTY_LIST
            case '}':
                push(container(Kind::Dict, 0));
                break; // EMPTY_DICT
            case 'N':
                push(make(Kind::None));
                break; // NONE
            case 0x88:
                push(integer(Kind::Bool, 1));
                break; // NEWTRUE
            case 0x89:
                push(integer(Kind::Bool, 0));
                break; // NEWFALSE
            case 'K':
                push(integer(Kind::Int, byte()));
                break; // BININT1
            case 'M':
                push(integer(Kind::Int, std::int64_t(little(2))));
                break; // BININT2
            case 'J':
                push(integer(Kind::Int, std::int32_t(little(4))));
                break; // BININT
            case 0x8a:
                push(integer(Kind::Int, long1()));
                break; // LONG1
            case 'G':
                push(binfloat());
                break; // BINFLOAT
            case 'X':
                push(text(Kind::Text, take(little(4))));
                break; // BINUNICODE
            case 0x8c:
                push(text(Kind::Text, take(byte())));
                break; // SHORT_BINUNICODE
            case 'c':
                push(global());
                break; // GLOBAL
            case 'q':
                m_memo[byte()] = top();
                break; // BINPUT
            case 'r':
                m_memo[little(4)] = top();
                break; // LONG_BINPUT
            case 'h':
                push(memo(byte()));
                break; // BINGET
            case 'j':
                push(memo(little(4)));
                break; // LONG_BINGET
            case 't':
                push(container(Kind::Tuple, itemsAboveMark()));
                break; // TUPLE
            case 0x85:
                push(container(Kind::Tuple, 1));
                break; // TUPLE1
            case 0x86:
                push(container(Kind::Tuple, 2));
                break; // TUPLE2
            case 0x87:
                push(container(Kind::Tuple, 3));
                break; // TUPLE3
            case 'a':
                addItems(Kind::List, 1);
                break; // APPEND
            case 'e':
                addItems(Kind::List, itemsAboveMark());
                break; // APPENDS
            case 's':
                addItems(Kind::Dict, 2);
                break; // SETITEM
            case 'u':
                addItems(Kind::Dict, itemsAboveMark());
                break; // SETITEMS
            case 'Q':
                push(persistent(pop()));
                break; // BINPERSID
            case 'R': {
                const std::size_t args = pop(), callable = pop(); // REDUCE
                push(call(callable, args));
                break;
            }
            case 'b':
                pop();
                break; // BUILD: an OrderedDict's state (_metadata) is not needed
            default:
                fail("unsupported pickle opcode 0x" + hex(op) + " at byte " +
                     std::to_string(m_pos - 1));
            }
        }
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw InputError(SourceLocation{m_source}, "", problem);
    }

    // --- bytes ---------------------------------------------------------------------------
    unsigned char byte() {
        if (m_pos >= m_bytes.size())
            fail("data.pkl ends early");
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
            fail("integer too large in data.pkl");
        std::uint64_t value = little(count);
        if (count > 0 && count < 8 && (value >> (8 * count - 1)) & 1) // sign-extend
            value |= ~std::uint64_t(0) << (8 * count);
        return static_cast<std::int64_t>(value);
    }
    std::string take(std::uint64_t length) {
        if (length > m_bytes.size() - m_pos)
            fail("data.pkl ends early");
        std::string value = m_bytes.substr(m_pos, static_cast<std::size_t>(length));
        m_pos += static_cast<std::size_t>(length);
        return value;
    }
    std::string line() {
        const std::size_t end = m_bytes.find('\n', m_pos);
        if (end == std::string::npos)
            fail("data.pkl ends early");
        std::string value = m_bytes.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        return value;
    }
    static std::string hex(unsigned char op) {
        const char* digits = "0123456789abcdef";
        return {digits[op >> 4], digits[op & 15]};
    }

    // --- values --------------------------------------------------------------------------
    std::size_t make(Kind kind) {
        m_pickle.values.emplace_back();
        m_pickle.values.back().kind = kind;
        return m_pickle.values.size() - 1;
    }
    PickleValue& value(std::size_t index) { return m_pickle.values[index]; }
    std::size_t integer(Kind kind, std::int64_t number) {
        const std::size_t v = make(kind);
        value(v).integer = number;
        return v;
    }
    std::size_t text(Kind kind, std::string content) {
        const std::size_t v = make(kind);
        value(v).text = std::move(content);
        return v;
    }
    std::size_t binfloat() { // big-endian IEEE 754
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits = (bits << 8) | byte();
        const std::size_t v = make(Kind::Float);
        std::memcpy(&value(v).real, &bits, sizeof bits);
        return v;
    }
    std::size_t global() {
        std::string module = line();
        return text(Kind::Global, module + "." + line());
    }
    const PickleValue& expect(std::size_t index, Kind kind, const char* what) {
        if (value(index).kind != kind)
            fail(std::string("data.pkl has an unexpected value where ") + what + " belongs");
        return value(index);
    }
    bool isSequence(std::size_t index) {
        return value(index).kind == Kind::Tuple || value(index).kind == Kind::List;
    }

    // --- stack and memo ------------------------------------------------------------------
    void push(std::size_t index) { m_stack.push_back(index); }
    std::size_t pop() {
        if (m_stack.size() <= markedDepth())
            fail("pickle stack underflow");
        const std::size_t index = m_stack.back();
        m_stack.pop_back();
        return index;
    }
    std::size_t top() {
        if (m_stack.size() <= markedDepth())
            fail("pickle stack underflow");
        return m_stack.back();
    }
    // Values below the innermost MARK belong to an enclosing construct: popping into them is
    // an underflow, as in Python's unpickler.
    std::size_t markedDepth() const { return m_marks.empty() ? 0 : m_marks.back(); }
    // How many values lie above the innermost MARK; the mark itself is consumed.
    std::size_t itemsAboveMark() {
        if (m_marks.empty())
            fail("pickle MARK missing");
        const std::size_t count = m_stack.size() - m_marks.back();
        m_marks.pop_back();
        return count;
    }
    std::size_t memo(std::uint64_t index) {
        const auto found = m_memo.find(index);
        if (found == m_memo.end())
            fail("pickle memo " + std::to_string(index) + " was never stored");
        return found->second;
    }

    // A Tuple, List or Dict of the top `count` stack values (the stack has them, in order, as
    // one slice: building is linear in the items however many there are).
    std::size_t container(Kind kind, std::size_t count) {
        if (count > m_stack.size() - markedDepth())
            fail("pickle stack underflow");
        const std::size_t v = make(kind);
        takeItems(v, count);
        return v;
    }
    // APPEND(S) and SETITEM(S): the top `count` values go into the List or Dict below them.
    void addItems(Kind kind, std::size_t count) {
        if (count > m_stack.size() - markedDepth())
            fail("pickle stack underflow");
        if (kind == Kind::Dict && count % 2 != 0)
            fail("a dict in data.pkl gets a key without a value");
        if (m_stack.size() - count <= markedDepth())
            fail("pickle stack underflow");
        const std::size_t target = m_stack[m_stack.size() - count - 1];
        expect(target, kind, kind == Kind::List ? "a list" : "a dict");
        if (value(target).sealed)
            fail("data.pkl changes a list or dict after placing it inside another value");
        takeItems(target, count);
    }
    void takeItems(std::size_t target, std::size_t count) {
        const auto first = m_stack.end() - static_cast<std::ptrdiff_t>(count);
        for (auto it = first; it != m_stack.end(); ++it) {
            if (*it == target)
                fail("a list or dict in data.pkl contains itself");
            value(*it).sealed = true;
        }
        auto& items = value(target).items;
        items.insert(items.end(), first, m_stack.end());
        m_stack.erase(first, m_stack.end());
    }

    // --- torch.save's objects ------------------------------------------------------------
    // ('storage', torch.FloatStorage, key, location, numel): the record data/<key>.
    std::size_t persistent(std::size_t id) {
        const PickleValue& tuple = expect(id, Kind::Tuple, "a persistent id");
        if (tuple.items.size() < 5 || value(tuple.items[0]).kind != Kind::Text ||
            value(tuple.items[0]).text != "storage")
            fail("unsupported persistent id in data.pkl");
        const std::size_t storageClass = tuple.items[1];
        const std::size_t key = tuple.items[2];
        const std::size_t numel = tuple.items[4];
        expect(storageClass, Kind::Global, "a storage class");
        expect(key, Kind::Text, "a storage key");
        expect(numel, Kind::Int, "a storage size");
        if (value(key).text.size() > kMaxStorageKeyLength)
            fail("a storage key in data.pkl is longer than " +
                 std::to_string(kMaxStorageKeyLength) + " bytes");
        if (value(numel).integer < 0)
            fail("a storage in data.pkl has a negative size");
        const std::size_t v = make(Kind::Storage);
        value(v).text = value(key).text;
        value(v).integer = value(numel).integer;
        value(v).items = {storageClass};
        return v;
    }

    std::size_t call(std::size_t callable, std::size_t argsIndex) {
        // By reference: a memoised callable or argument tuple may be used by many REDUCEs.
        const std::string& name = expect(callable, Kind::Global, "a callable").text;
        const std::vector<std::size_t>& args = expect(argsIndex, Kind::Tuple, "arguments").items;
        if (name == "collections.OrderedDict")
            return make(Kind::Dict);
        if (name == "torch._utils._rebuild_tensor_v2" && args.size() >= 4)
            return tensor(args[0], args[1], args[2], args[3]);
        if (name == "torch._utils._rebuild_parameter" && !args.empty()) {
            expect(args[0], Kind::Tensor, "a parameter's tensor");
            return args[0];
        }
        // torch::pickle_save wraps a typed dict as restore_type_tag(dict, "Dict[str, Tensor]").
        if (name == "torch.jit._pickle.restore_type_tag" && !args.empty())
            return args[0];
        fail("unsupported object " + name.substr(0, 200) + " in data.pkl");
    }

    // A tensor's sizes or strides: a tuple (or list) of at most kMaxDimensions integers. It is
    // sealed, so that it cannot change once the view is checked.
    std::vector<std::int64_t> dimensions(std::size_t index, const char* what) {
        if (!isSequence(index))
            fail(std::string("data.pkl has an unexpected value where a tensor's ") + what +
                 " belong");
        if (value(index).items.size() > kMaxDimensions)
            fail(std::string("a tensor in data.pkl has more than ") +
                 std::to_string(kMaxDimensions) + " dimensions");
        value(index).sealed = true;
        std::vector<std::int64_t> list;
        for (std::size_t item : value(index).items)
            list.push_back(expect(item, Kind::Int, what).integer);
        return list;
    }

    // _rebuild_tensor_v2(storage, offset, size, stride, ...): the view must lie inside the
    // storage, checked here once so that as_strided never reads outside it.
    std::size_t tensor(std::size_t storage, std::size_t offsetIndex, std::size_t sizesIndex,
                       std::size_t stridesIndex) {
        const std::int64_t numel = expect(storage, Kind::Storage, "a tensor's storage").integer;
        const std::int64_t offset = expect(offsetIndex, Kind::Int, "a storage offset").integer;
        const std::vector<std::int64_t> sizes = dimensions(sizesIndex, "sizes");
        const std::vector<std::int64_t> strides = dimensions(stridesIndex, "strides");
        if (sizes.size() != strides.size())
            fail("a tensor in data.pkl has " + std::to_string(sizes.size()) + " sizes but " +
                 std::to_string(strides.size()) + " strides");
        if (offset < 0)
            fail("a tensor in data.pkl has a negative storage offset");
        bool empty = false;
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            if (sizes[i] < 0 || strides[i] < 0)
                fail("a tensor in data.pkl has a negative size or stride");
            empty = empty || sizes[i] == 0;
        }
        // The furthest element the view touches must exist; an empty view touches none.
        if (!empty) {
            std::int64_t last = offset;
            for (std::size_t i = 0; i < sizes.size(); ++i) {
                std::int64_t reach = 0;
                if (__builtin_mul_overflow(sizes[i] - 1, strides[i], &reach) ||
                    __builtin_add_overflow(last, reach, &last))
                    fail("a tensor in data.pkl reaches past the end of its storage");
            }
            if (last >= numel)
                fail("a tensor in data.pkl reaches past the end of its storage");
        }
        const std::size_t v = make(Kind::Tensor);
        value(v).integer = offset;
        value(v).items = {storage, sizesIndex, stridesIndex};
        return v;
    }

    const std::string& m_bytes;
    const std::string& m_source;
    std::size_t m_pos = 0;
    Pickle m_pickle;
    std::vector<std::size_t> m_stack;
    std::vector<std::size_t> m_marks; // stack sizes at each open MARK
    std::unordered_map<std::uint64_t, std::size_t> m_memo;
};

} // namespace

std::string storageClassName(const PickleValue& global) {
    return global.text.substr(global.text.rfind('.') + 1);
}

std::vector<std::int64_t> Pickle::integers(std::size_t sequence) const {
    std::vector<std::int64_t> list;
    for (std::size_t item : at(sequence).items)
        list.push_back(at(item).integer);
    return list;
}

Pickle readTorchPickle(const std::string& bytes, const std::string& source) {
    return Unpickler(bytes, source).run();
}

} // namespace fb
