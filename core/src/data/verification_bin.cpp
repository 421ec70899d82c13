// A small unpickler for InsightFace's .bin verification sets: just the opcodes pickle.dump
// emits for a tuple of two lists, one of bytes (or Python 2 str) and one of bools, under
// protocols 0-5. Anything else (numpy arrays, classes) is refused with the opcode and byte
// offset, never guessed at. Separate from the state_dict unpickler in weights/ on purpose: that
// one builds tensors; this one only needs bytes, bools and lists.
#include "facebench/verification_bin.h"

#include "facebench/errors.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace fb {

namespace {

struct Value {
    enum Kind { Mark, None, Bool, Int, Bytes, Text, Global, List } kind = None;
    std::int64_t integer = 0;
    std::vector<unsigned char> bytes;
    std::u32string text;                       // Text: code points; Global: "module name" in bytes
    std::vector<std::shared_ptr<Value>> items; // List (tuples too)
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
            case ']': case ')': push(make(Value::List)); break;     // EMPTY_LIST, EMPTY_TUPLE
            case 'l': case 't': push(listOf(popToMark())); break;   // LIST, TUPLE
            case 0x85: push(tupleOf(1)); break;                     // TUPLE1
            case 0x86: push(tupleOf(2)); break;                     // TUPLE2
            case 0x87: push(tupleOf(3)); break;                     // TUPLE3
            case 'a': { ValuePtr v = pop(); list(top()).push_back(v); break; } // APPEND
            case 'e': { auto v = popToMark(); auto& l = list(top());           // APPENDS
                        l.insert(l.end(), v.begin(), v.end()); break; }
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
            case 'q': m_memo[little(1)] = top(); break;             // BINPUT
            case 'r': m_memo[little(4)] = top(); break;             // LONG_BINPUT
            case 'p': m_memo[std::stoull(line())] = top(); break;   // PUT
            case 0x94: m_memo[m_memo.size()] = top(); break;        // MEMOIZE
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
    static ValuePtr make(Value::Kind kind) {
        auto v = std::make_shared<Value>();
        v->kind = kind;
        return v;
    }
    static ValuePtr boolean(bool b) {
        ValuePtr v = make(Value::Bool);
        v->integer = b;
        return v;
    }
    static ValuePtr integer(std::int64_t i) {
        ValuePtr v = make(Value::Int);
        v->integer = i;
        return v;
    }
    static ValuePtr listOf(std::vector<ValuePtr> items) {
        ValuePtr v = make(Value::List);
        v->items = std::move(items);
        return v;
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
        v->bytes.assign(name.begin(), name.end());
        return v;
    }
    // _codecs.encode(text, 'latin1') and bytes(): the only calls these files make.
    ValuePtr call(std::size_t at, const ValuePtr& f, const ValuePtr& args) {
        const std::string name(f->bytes.begin(), f->bytes.end());
        if (f->kind == Value::Global && (name == "__builtin__ bytes" || name == "builtins bytes") &&
            args->kind == Value::List && args->items.empty())
            return make(Value::Bytes);
        if (f->kind == Value::Global && name == "_codecs encode" && args->kind == Value::List &&
            args->items.size() == 2 && args->items[0]->kind == Value::Text) {
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
        v->bytes.assign(m_data.begin() + std::ptrdiff_t(m_pos),
                        m_data.begin() + std::ptrdiff_t(m_pos + size));
        m_pos += size;
        return v;
    }
    void push(ValuePtr v) { m_stack.push_back(std::move(v)); }
    ValuePtr pop() {
        if (m_stack.empty())
            fail(m_pos, "malformed pickle (stack underflow)");
        ValuePtr v = m_stack.back();
        m_stack.pop_back();
        return v;
    }
    const ValuePtr& top() {
        if (m_stack.empty())
            fail(m_pos, "malformed pickle (stack underflow)");
        return m_stack.back();
    }
    std::vector<ValuePtr>& list(const ValuePtr& v) {
        if (v->kind != Value::List)
            fail(m_pos, "malformed pickle (append to a non-list)");
        return v->items;
    }
    std::vector<ValuePtr> popToMark() {
        std::vector<ValuePtr> items;
        for (;;) {
            ValuePtr v = pop();
            if (v->kind == Value::Mark)
                break;
            items.push_back(v);
        }
        return {items.rbegin(), items.rend()};
    }
    ValuePtr tupleOf(int n) {
        std::vector<ValuePtr> items(static_cast<std::size_t>(n));
        for (int i = n - 1; i >= 0; --i)
            items[std::size_t(i)] = pop();
        return listOf(std::move(items));
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
    if (root->kind != Value::List || root->items.size() != 2 ||
        root->items[0]->kind != Value::List || root->items[1]->kind != Value::List)
        unpickler.fail(data.size(), "expected the pair (list of images, list of is-same flags)");
    VerificationBin result;
    for (const ValuePtr& image : root->items[0]->items) {
        if (image->kind != Value::Bytes)
            unpickler.fail(data.size(), "image " + std::to_string(result.images.size()) +
                                            " is not a bytes object");
        result.images.push_back(image->bytes); // copied: a memoised object may repeat
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
