// A small unpickler for InsightFace's .bin verification sets: just the opcodes pickle.dump
// emits for a tuple of two lists, one of bytes (or Python 2 str) and one of bools, under
// protocols 0-5. Anything else (numpy arrays, classes) is refused with the opcode and byte
// offset, never guessed at. Separate from the state_dict unpickler in weights/ on purpose: that
// one builds tensors; this one only needs bytes, bools and lists.
// Hostile files are bounded by the format's own shape: lists hold bytes, bools and numbers only
// (so no list can come to contain itself), containers nest at most kMaxNesting deep (so freeing
// them cannot overflow the stack), a memoised object listed twice is shared, never copied, and
// the memory unpickling takes is bounded by the file's size (see kMemoryPerFileByte).
#include "facebench/verification_bin.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace fb {

namespace {

// The files nest two deep (a tuple of two lists); deeper is refused well before a value's
// destructor, which recurses into its items, could exhaust the stack.
constexpr int kMaxNesting = 64;
// Unpickling takes at most this many bytes of memory per byte of the file, plus kMemorySlack.
// The real files take about their own size (the images' bytes); protocols 0-2 also hold each
// image as text (4 bytes a code point) before encoding it: about 5 times. A file of one-byte
// opcodes each making an object, or of a memoised string encoded over and over, would take
// 100 times its size and more.
constexpr std::size_t kMemoryPerFileByte = 16;
constexpr std::size_t kMemorySlack = std::size_t(1) << 20;

struct Value {
    enum Kind { Mark, None, Bool, Int, Bytes, Text, Global, List, Tuple } kind = None;
    int nesting = 0; // containers on the deepest path down from here: 0 for a scalar
    std::int64_t integer = 0;
    std::vector<unsigned char> bytes;
    std::u32string text;                       // Text: code points; Global: "module name" in bytes
    std::vector<std::shared_ptr<Value>> items; // List, Tuple

    bool isContainer() const { return kind == List || kind == Tuple; }
};
using ValuePtr = std::shared_ptr<Value>;

class Unpickler {
public:
    Unpickler(const std::string& path, const std::string& data) : m_path(path), m_data(data) {}

    ValuePtr run() {
        for (;;) {
            const std::size_t at = m_pos;
            const unsigned char op = byte();
            // One opcode a line, as pickletools lists them.
            // clang-format off
            switch (op) {
            case 0x80: byte(); break;                               // PROTO
            case 0x95: little(8); break;                            // FRAME: framing only
            case '.': return pop();                                 // STOP
            case '(': push(make(Value::Mark)); break;               // MARK
            case ']': push(containerOf(Value::List, {})); break;    // EMPTY_LIST
            case ')': push(containerOf(Value::Tuple, {})); break;   // EMPTY_TUPLE
            case 'l': push(containerOf(Value::List, popToMark())); break; // LIST
            case 't': push(containerOf(Value::Tuple, popToMark())); break; // TUPLE
            case 0x85: push(tupleOf(1)); break;                     // TUPLE1
            case 0x86: push(tupleOf(2)); break;                     // TUPLE2
            case 0x87: push(tupleOf(3)); break;                     // TUPLE3
            case 'a': { ValuePtr v = pop(); append(top(), {v}); break; } // APPEND
            case 'e': { auto v = popToMark(); append(top(), v); break; } // APPENDS
            case 'C': case 'U': push(bytes(little(1))); break;      // SHORT_BINBYTES, SHORT_BINSTRING
            case 'B': case 'T': push(bytes(little(4))); break;      // BINBYTES, BINSTRING
            case 0x8e: case 0x96: push(bytes(little(8))); break;    // BINBYTES8, BYTEARRAY8
            case 0x88: push(boolean(true)); break;                  // NEWTRUE
            case 0x89: push(boolean(false)); break;                 // NEWFALSE
            case 'N': push(make(Value::None)); break;               // NONE
            case 'K': push(integer(std::int64_t(little(1)))); break; // BININT1
            case 'M': push(integer(std::int64_t(little(2)))); break; // BININT2
            case 'J': push(integer(std::int32_t(little(4)))); break; // BININT
            case 'I': push(textInt(line())); break;                 // INT ("I01" True, "I00" False)
            case 'q': put(little(1)); break;                        // BINPUT
            case 'r': put(little(4)); break;                        // LONG_BINPUT
            case 'p': put(std::stoull(line())); break;              // PUT
            case 0x94: put(m_memo.size()); break;                   // MEMOIZE
            case 'h': push(memo(little(1))); break;                 // BINGET
            case 'j': push(memo(little(4))); break;                 // LONG_BINGET
            case 'g': push(memo(std::stoull(line()))); break;       // GET
            // Python 3 pickles bytes under protocols 0-2 as _codecs.encode(text, 'latin1'),
            // and b'' as bytes().
            case 'X': push(utf8(little(4))); break;                 // BINUNICODE
            case 0x8c: push(utf8(little(1))); break;                // SHORT_BINUNICODE
            case 'V': push(rawUnicode(line())); break;              // UNICODE (protocol 0)
            case 'c': push(global()); break;                        // GLOBAL
            case 'R': { ValuePtr args = pop(), f = pop(); push(call(at, f, args)); break; } // REDUCE
            default:
                fail(at, "unsupported pickle opcode 0x" + hex(op) +
                             " (expected a tuple of a list of bytes and a list of bools, as "
                             "InsightFace's pickle.dump((bins, issame_list)) writes)");
            }
            // clang-format on
        }
    }

    [[noreturn]] void fail(std::size_t at, const std::string& problem) const {
        throw InputError(SourceLocation{m_path}, "", "byte " + std::to_string(at) + ": " + problem);
    }

private:
    static std::string hex(unsigned v) {
        char text[8];
        std::snprintf(text, sizeof text, "%02x", v);
        return text;
    }
    // Counts memory against the file's budget; refuses a file that would exceed it.
    void charge(std::size_t bytes) {
        m_charged += bytes;
        if (m_charged > kMemoryPerFileByte * m_data.size() + kMemorySlack)
            fail(m_pos, "unpickling would take more than " + std::to_string(kMemoryPerFileByte) +
                            " times the file's size in memory (an object made or copied over "
                            "and over)");
    }
    // The object, its shared_ptr control block and the pointer to it on the stack or in a list.
    ValuePtr make(Value::Kind kind) {
        charge(sizeof(Value) + 32);
        auto v = std::make_shared<Value>();
        v->kind = kind;
        return v;
    }
    ValuePtr boolean(bool b) {
        ValuePtr v = make(Value::Bool);
        v->integer = b;
        return v;
    }
    ValuePtr integer(std::int64_t i) {
        ValuePtr v = make(Value::Int);
        v->integer = i;
        return v;
    }
    // A list or tuple made from values that exist already, so it cannot contain itself.
    ValuePtr containerOf(Value::Kind kind, std::vector<ValuePtr> items) {
        ValuePtr v = make(kind);
        for (const ValuePtr& item : items)
            v->nesting = std::max(v->nesting, item->nesting);
        if (++v->nesting > kMaxNesting)
            fail(m_pos, "lists or tuples nested more than " + std::to_string(kMaxNesting) +
                            " deep (these files nest two deep)");
        v->items = std::move(items);
        return v;
    }
    // APPEND and APPENDS add to a list that exists already; were a container allowed in, a list
    // could be appended into itself (through the memo) and its nesting would change after the
    // fact. These files only ever append bytes and bools.
    void append(const ValuePtr& list, const std::vector<ValuePtr>& items) {
        if (list->kind != Value::List)
            fail(m_pos, "malformed pickle (append to a non-list)");
        for (const ValuePtr& item : items)
            if (item->isContainer())
                fail(m_pos, "a list or tuple appended to a list (these files hold lists of "
                            "bytes and bools)");
        list->items.insert(list->items.end(), items.begin(), items.end());
    }
    unsigned char byte() {
        if (m_pos >= m_data.size())
            fail(m_pos, "the pickle ends early (truncated file?)");
        return static_cast<unsigned char>(m_data[m_pos++]);
    }
    std::uint64_t little(int bytes) {
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i)
            v |= std::uint64_t(byte()) << (8 * i);
        return v;
    }
    std::string line() {
        const std::size_t end = m_data.find('\n', m_pos);
        if (end == std::string::npos)
            fail(m_pos, "the pickle ends early (truncated file?)");
        std::string text = m_data.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        return text;
    }
    ValuePtr textInt(const std::string& text) {
        if (text == "01")
            return boolean(true);
        if (text == "00")
            return boolean(false);
        try {
            return integer(std::stoll(text));
        } catch (const std::exception&) {
            fail(m_pos, "bad INT \"" + text + "\"");
        }
    }
    ValuePtr global() {
        ValuePtr v = make(Value::Global);
        const std::string module = line();
        const std::string name = module + " " + line();
        charge(name.size());
        v->bytes.assign(name.begin(), name.end());
        return v;
    }
    // _codecs.encode(text, 'latin1') and bytes(): the only calls these files make.
    ValuePtr call(std::size_t at, const ValuePtr& f, const ValuePtr& args) {
        const std::string name(f->bytes.begin(), f->bytes.end());
        if (f->kind == Value::Global && (name == "__builtin__ bytes" || name == "builtins bytes") &&
            args->isContainer() && args->items.empty())
            return make(Value::Bytes);
        if (f->kind == Value::Global && name == "_codecs encode" && args->isContainer() &&
            args->items.size() == 2 && args->items[0]->kind == Value::Text) {
            charge(args->items[0]->text.size()); // a memoised string may be encoded again and again
            ValuePtr v = make(Value::Bytes);
            for (const char32_t c : args->items[0]->text) {
                if (c > 0xff)
                    fail(at, "text that is not latin-1 where bytes were expected");
                v->bytes.push_back(static_cast<unsigned char>(c));
            }
            return v;
        }
        fail(at, "unsupported call " + name + " (expected bytes, bools and lists only)");
    }
    ValuePtr utf8(std::uint64_t size) {
        const ValuePtr raw = bytes(size);
        ValuePtr v = make(Value::Text);
        charge(sizeof(char32_t) * raw->bytes.size()); // at most a code point a byte
        const auto& b = raw->bytes;
        for (std::size_t i = 0; i < b.size();) {
            const unsigned char c = b[i];
            const int extra = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
            char32_t cp = extra == 0   ? c
                          : extra == 1 ? (c & 0x1f)
                          : extra == 2 ? (c & 0x0f)
                                       : (c & 0x07);
            if (extra > 0 && i + std::size_t(extra) >= b.size())
                fail(m_pos, "bad UTF-8 in a string");
            for (int k = 1; k <= extra; ++k)
                cp = (cp << 6) | (b[i + std::size_t(k)] & 0x3f);
            v->text.push_back(cp);
            i += std::size_t(extra) + 1;
        }
        return v;
    }
    // raw-unicode-escape: bytes are code points, except \uXXXX and \UXXXXXXXX escapes.
    ValuePtr rawUnicode(const std::string& escaped) {
        ValuePtr v = make(Value::Text);
        charge(sizeof(char32_t) * escaped.size()); // at most a code point a byte
        for (std::size_t i = 0; i < escaped.size(); ++i) {
            const int digits = escaped[i] == '\\' && i + 1 < escaped.size()
                                   ? (escaped[i + 1] == 'u'   ? 4
                                      : escaped[i + 1] == 'U' ? 8
                                                              : 0)
                                   : 0;
            if (digits && i + 2 + std::size_t(digits) <= escaped.size()) {
                v->text.push_back(
                    char32_t(std::stoul(escaped.substr(i + 2, std::size_t(digits)), nullptr, 16)));
                i += 1 + std::size_t(digits);
            } else {
                v->text.push_back(static_cast<unsigned char>(escaped[i]));
            }
        }
        return v;
    }
    ValuePtr bytes(std::uint64_t size) {
        if (size > m_data.size() - m_pos)
            fail(m_pos, "a bytes object of " + std::to_string(size) +
                            " bytes runs past the end of the file (truncated?)");
        ValuePtr v = make(Value::Bytes);
        charge(size);
        v->bytes.assign(m_data.begin() + std::ptrdiff_t(m_pos),
                        m_data.begin() + std::ptrdiff_t(m_pos + size));
        m_pos += size;
        return v;
    }
    void push(ValuePtr v) { m_stack.push_back(std::move(v)); }
    // The top value; a MARK is not a value (Python keeps marks apart from the stack).
    const ValuePtr& top() {
        if (m_stack.empty())
            fail(m_pos, "malformed pickle (stack underflow)");
        if (m_stack.back()->kind == Value::Mark)
            fail(m_pos, "malformed pickle (a MARK where a value was expected)");
        return m_stack.back();
    }
    ValuePtr pop() {
        ValuePtr v = top();
        m_stack.pop_back();
        return v;
    }
    // The values above the topmost MARK, in stack order; the MARK goes too.
    std::vector<ValuePtr> popToMark() {
        std::size_t mark = m_stack.size();
        while (mark > 0 && m_stack[mark - 1]->kind != Value::Mark)
            --mark;
        if (mark == 0)
            fail(m_pos, "malformed pickle (no MARK)");
        std::vector<ValuePtr> items(std::make_move_iterator(m_stack.begin() + std::ptrdiff_t(mark)),
                                    std::make_move_iterator(m_stack.end()));
        m_stack.resize(mark - 1);
        return items;
    }
    ValuePtr tupleOf(int n) {
        std::vector<ValuePtr> items(static_cast<std::size_t>(n));
        for (int i = n - 1; i >= 0; --i)
            items[std::size_t(i)] = pop();
        return containerOf(Value::Tuple, std::move(items));
    }
    void put(std::uint64_t key) {
        const ValuePtr& value = top();
        const auto [it, added] = m_memo.try_emplace(key, value);
        if (added)
            charge(64); // a map node
        else
            it->second = value;
    }
    ValuePtr memo(std::uint64_t key) {
        const auto it = m_memo.find(key);
        if (it == m_memo.end())
            fail(m_pos, "malformed pickle (memo " + std::to_string(key) + " unset)");
        return it->second;
    }

    std::string m_path;
    const std::string& m_data;
    std::size_t m_pos = 0;
    std::size_t m_charged = 0; // bytes of memory counted by charge()
    std::vector<ValuePtr> m_stack;
    std::map<std::uint64_t, ValuePtr> m_memo;
};

} // namespace

VerificationBin readVerificationBin(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "",
                         std::string("cannot read: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string data = buffer.str();
    Unpickler unpickler(path, data);
    ValuePtr root;
    try {
        root = unpickler.run();
    } catch (const std::logic_error&) { // std::stoull on a malformed PUT/GET/escape
        throw InputError(SourceLocation{path}, "", "malformed pickle (a bad number in the text)");
    }
    if (!root->isContainer() || root->items.size() != 2 || !root->items[0]->isContainer() ||
        !root->items[1]->isContainer())
        unpickler.fail(data.size(), "expected the pair (list of images, list of is-same flags)");
    VerificationBin result;
    for (const ValuePtr& image : root->items[0]->items) {
        if (image->kind != Value::Bytes)
            unpickler.fail(data.size(), "image " + std::to_string(result.images.size()) +
                                            " is not a bytes object");
        // Shares the bytes (the pointer keeps their Value alive): a memoised image listed many
        // times costs its size once.
        result.images.emplace_back(image, &image->bytes);
    }
    for (const ValuePtr& flag : root->items[1]->items) {
        if ((flag->kind != Value::Bool && flag->kind != Value::Int) || flag->integer < 0 ||
            flag->integer > 1)
            unpickler.fail(data.size(), "is-same flag " + std::to_string(result.sameFlags.size()) +
                                            " is not a bool");
        result.sameFlags.push_back(flag->integer != 0);
    }
    if (result.images.size() != 2 * result.sameFlags.size())
        throw InputError(SourceLocation{path}, "",
                         std::to_string(result.images.size()) + " images for " +
                             std::to_string(result.sameFlags.size()) +
                             " pairs; expected two images a pair");
    return result;
}

} // namespace fb
