#include "util/pickle_machine.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace fb {

namespace {

using Kind = PickleValue::Kind;

std::string hex(unsigned char op) {
    const char* digits = "0123456789abcdef";
    return {digits[op >> 4], digits[op & 15]};
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xf0 | ((cp >> 18) & 0x07));
        out += char(0x80 | ((cp >> 12) & 0x3f));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

} // namespace

std::vector<std::int64_t> Pickle::integers(std::size_t sequence) const {
    std::vector<std::int64_t> list;
    for (std::size_t item : at(sequence).items)
        list.push_back(at(item).integer);
    return list;
}

PickleMachine::PickleMachine(const std::string& bytes, PickleRules rules)
    : m_bytes(bytes), m_rules(std::move(rules)) {}

Pickle PickleMachine::run() {
    while (true) {
        const unsigned char op = byte();
        // One opcode a line, as pickletools lists them.
        // clang-format off
        switch (op) {
        case 0x80: byte(); break;                                   // PROTO
        case 0x95: little(8); break;                                // FRAME: framing only
        case '.': m_pickle.root = pop(); return std::move(m_pickle); // STOP
        case '(': m_marks.push_back(m_stack.size()); break;         // MARK
        case ')': push(container(Kind::Tuple, 0)); break;           // EMPTY_TUPLE
        case ']': push(container(Kind::List, 0)); break;            // EMPTY_LIST
        case '}': push(container(Kind::Dict, 0)); break;            // EMPTY_DICT
        case 'l': push(container(Kind::List, itemsAboveMark())); break;  // LIST
        case 't': push(container(Kind::Tuple, itemsAboveMark())); break; // TUPLE
        case 0x85: push(container(Kind::Tuple, 1)); break;          // TUPLE1
        case 0x86: push(container(Kind::Tuple, 2)); break;          // TUPLE2
        case 0x87: push(container(Kind::Tuple, 3)); break;          // TUPLE3
        case 'a': addItems(Kind::List, 1); break;                   // APPEND
        case 'e': addItems(Kind::List, itemsAboveMark()); break;    // APPENDS
        case 's': addItems(Kind::Dict, 2); break;                   // SETITEM
        case 'u': addItems(Kind::Dict, itemsAboveMark()); break;    // SETITEMS
        case 'N': push(make(Kind::None)); break;                    // NONE
        case 0x88: push(integer(Kind::Bool, 1)); break;             // NEWTRUE
        case 0x89: push(integer(Kind::Bool, 0)); break;             // NEWFALSE
        case 'K': push(integer(Kind::Int, byte())); break;          // BININT1
        case 'M': push(integer(Kind::Int, std::int64_t(little(2)))); break; // BININT2
        case 'J': push(integer(Kind::Int, std::int32_t(little(4)))); break; // BININT
        case 0x8a: push(integer(Kind::Int, long1())); break;        // LONG1
        case 'I': push(textInt(line())); break;                     // INT ("I01" True)
        case 'G': push(binfloat()); break;                          // BINFLOAT
        case 'C': case 'U': push(bytes(byte())); break;             // SHORT_BINBYTES, SHORT_BINSTRING
        case 'B': case 'T': push(bytes(little(4))); break;          // BINBYTES, BINSTRING
        case 0x8e: case 0x96: push(bytes(little(8))); break;        // BINBYTES8, BYTEARRAY8
        case 'X': { const std::size_t n = little(4); const std::size_t at = take(n);
                    push(text(Kind::Text, m_bytes.substr(at, n))); break; } // BINUNICODE
        case 0x8c: { const std::size_t n = byte(); const std::size_t at = take(n);
                     push(text(Kind::Text, m_bytes.substr(at, n))); break; } // SHORT_BINUNICODE
        case 'V': push(rawUnicode(line())); break;                  // UNICODE (protocol 0)
        case 'c': push(global()); break;                            // GLOBAL
        case 'q': put(byte()); break;                               // BINPUT
        case 'r': put(little(4)); break;                            // LONG_BINPUT
        case 'p': put(decimal(line())); break;                      // PUT
        case 0x94: put(m_memo.size()); break;                       // MEMOIZE
        case 'h': push(memo(byte())); break;                        // BINGET
        case 'j': push(memo(little(4))); break;                     // LONG_BINGET
        case 'g': push(memo(decimal(line()))); break;               // GET
        case 'Q': push(persistent(pop())); break;                   // BINPERSID
        case 'R': { const std::size_t args = pop(), callable = pop();
                    push(call(callable, args)); break; }            // REDUCE
        case 'b': pop(); break; // BUILD: an OrderedDict's state (_metadata) is not needed
        default:
            m_pos -= 1;
            fail("unsupported pickle opcode 0x" + hex(op) + " at byte " + std::to_string(m_pos));
        }
        // clang-format on
    }
}

std::size_t PickleMachine::persistent(std::size_t) {
    fail("unsupported persistent id in " + m_rules.name);
}

void PickleMachine::fail(const std::string& problem) const {
    throw PickleError{m_pos, problem};
}

void PickleMachine::charge(std::size_t bytes) {
    if (m_rules.memoryPerInputByte == 0)
        return;
    m_charged += bytes;
    if (m_charged > m_rules.memoryPerInputByte * m_bytes.size() + PickleRules::kMemorySlack)
        fail("unpickling would take more than " + std::to_string(m_rules.memoryPerInputByte) +
             " times the file's size in memory (an object made or copied over and over)");
}

// --- bytes -------------------------------------------------------------------------------

unsigned char PickleMachine::byte() {
    if (m_pos >= m_bytes.size())
        fail(m_rules.name + " ends early");
    return static_cast<unsigned char>(m_bytes[m_pos++]);
}

std::uint64_t PickleMachine::little(int count) {
    std::uint64_t value = 0;
    for (int i = 0; i < count; ++i)
        value |= std::uint64_t(byte()) << (8 * i);
    return value;
}

std::int64_t PickleMachine::long1() {
    const int count = byte();
    if (count > 8)
        fail("integer too large in " + m_rules.name);
    std::uint64_t value = little(count);
    if (count > 0 && count < 8 && (value >> (8 * count - 1)) & 1) // sign-extend
        value |= ~std::uint64_t(0) << (8 * count);
    return static_cast<std::int64_t>(value);
}

std::size_t PickleMachine::take(std::uint64_t length) {
    if (length > m_bytes.size() - m_pos)
        fail(m_rules.name + " ends early");
    const std::size_t at = m_pos;
    m_pos += static_cast<std::size_t>(length);
    return at;
}

std::string PickleMachine::line() {
    const std::size_t end = m_bytes.find('\n', m_pos);
    if (end == std::string::npos)
        fail(m_rules.name + " ends early");
    std::string value = m_bytes.substr(m_pos, end - m_pos);
    m_pos = end + 1;
    return value;
}

// PUT and GET keys: decimal digits only, no wider than 64 bits.
std::uint64_t PickleMachine::decimal(const std::string& text) {
    std::uint64_t value = 0;
    if (text.empty() || text.size() > 19)
        fail("malformed pickle (a bad number in the text)");
    for (const char c : text) {
        if (c < '0' || c > '9')
            fail("malformed pickle (a bad number in the text)");
        value = value * 10 + std::uint64_t(c - '0');
    }
    return value;
}

// --- values ------------------------------------------------------------------------------

std::size_t PickleMachine::make(Kind kind) {
    charge(sizeof(PickleValue) + sizeof(std::size_t)); // the value and its place on the stack
    m_pickle.values.emplace_back();
    m_pickle.values.back().kind = kind;
    return m_pickle.values.size() - 1;
}

std::size_t PickleMachine::integer(Kind kind, std::int64_t number) {
    const std::size_t v = make(kind);
    value(v).integer = number;
    return v;
}

std::size_t PickleMachine::text(Kind kind, std::string content) {
    const std::size_t v = make(kind);
    charge(content.size());
    value(v).text = std::move(content);
    return v;
}

std::size_t PickleMachine::bytes(std::uint64_t length) {
    if (length > m_bytes.size() - m_pos)
        fail("a bytes object of " + std::to_string(length) +
             " bytes runs past the end of the file (truncated?)");
    const std::size_t at = take(length);
    return text(Kind::Bytes, m_bytes.substr(at, static_cast<std::size_t>(length)));
}

std::size_t PickleMachine::binfloat() { // big-endian IEEE 754
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
        bits = (bits << 8) | byte();
    const std::size_t v = make(Kind::Float);
    std::memcpy(&value(v).real, &bits, sizeof bits);
    return v;
}

std::size_t PickleMachine::global() {
    std::string module = line();
    return text(Kind::Global, module + "." + line());
}

// Protocol 0's INT: "01" and "00" are True and False.
std::size_t PickleMachine::textInt(const std::string& text) {
    if (text == "01" || text == "00")
        return integer(Kind::Bool, text == "01");
    const bool negative = !text.empty() && text[0] == '-';
    const std::uint64_t magnitude = decimal(negative ? text.substr(1) : text);
    if (magnitude > std::uint64_t(INT64_MAX))
        fail("integer too large in " + m_rules.name);
    return integer(Kind::Int, negative ? -std::int64_t(magnitude) : std::int64_t(magnitude));
}

// raw-unicode-escape: bytes are code points, except \uXXXX and \UXXXXXXXX escapes; kept as UTF-8.
std::size_t PickleMachine::rawUnicode(const std::string& escaped) {
    std::string utf8;
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        const std::size_t digits = escaped[i] == '\\' && i + 1 < escaped.size()
                                       ? (escaped[i + 1] == 'u'   ? 4
                                          : escaped[i + 1] == 'U' ? 8
                                                                  : 0)
                                       : 0;
        std::uint32_t cp = static_cast<unsigned char>(escaped[i]);
        if (digits && i + 2 + digits <= escaped.size()) {
            cp = 0;
            for (std::size_t k = 0; k < digits; ++k) {
                const char c = escaped[i + 2 + k];
                const int d = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
                if (d < 0 || cp > 0x10ffff)
                    fail("malformed pickle (a bad number in the text)");
                cp = cp * 16 + std::uint32_t(d);
            }
            i += 1 + digits;
        }
        appendUtf8(utf8, cp);
    }
    return text(Kind::Text, std::move(utf8));
}

const PickleValue& PickleMachine::expect(std::size_t index, Kind kind, const char* what) {
    if (value(index).kind != kind)
        fail(m_rules.name + " has an unexpected value where " + what + " belongs");
    return value(index);
}

// --- stack and memo ----------------------------------------------------------------------

void PickleMachine::push(std::size_t index) {
    m_stack.push_back(index);
}

std::size_t PickleMachine::pop() {
    const std::size_t index = top();
    m_stack.pop_back();
    return index;
}

std::size_t PickleMachine::top() {
    if (valuesAboveMark() == 0)
        underflow();
    return m_stack.back();
}

// Values below the innermost MARK belong to an enclosing construct: popping into them is an
// underflow, as in Python's unpickler.
std::size_t PickleMachine::markedDepth() const {
    return m_marks.empty() ? 0 : m_marks.back();
}
std::size_t PickleMachine::valuesAboveMark() const {
    return m_stack.size() - markedDepth();
}

void PickleMachine::underflow() const {
    fail(m_marks.empty() ? "pickle stack underflow"
                         : "pickle stack underflow (a MARK where a value was expected)");
}

// How many values lie above the innermost MARK; the mark itself is consumed.
std::size_t PickleMachine::itemsAboveMark() {
    if (m_marks.empty())
        fail("pickle stack has no MARK");
    const std::size_t count = valuesAboveMark();
    m_marks.pop_back();
    return count;
}

void PickleMachine::put(std::uint64_t key) {
    const std::size_t index = top();
    const auto [it, added] = m_memo.try_emplace(key, index);
    if (added)
        charge(64); // a hash node
    else
        it->second = index;
}

std::size_t PickleMachine::memo(std::uint64_t key) {
    const auto found = m_memo.find(key);
    if (found == m_memo.end())
        fail("pickle memo " + std::to_string(key) + " was never stored");
    return found->second;
}

// A Tuple, List or Dict of the top `count` stack values (the stack has them, in order, as one
// slice: building is linear in the items however many there are).
std::size_t PickleMachine::container(Kind kind, std::size_t count) {
    if (count > valuesAboveMark())
        underflow();
    std::uint32_t nesting = 0;
    if (m_rules.maxNesting > 0) {
        for (auto it = m_stack.end() - std::ptrdiff_t(count); it != m_stack.end(); ++it)
            nesting = std::max(nesting, value(*it).nesting);
        if (++nesting > m_rules.maxNesting)
            fail("lists or tuples nested more than " + std::to_string(m_rules.maxNesting) +
                 " deep");
    }
    const std::size_t v = make(kind);
    value(v).nesting = nesting;
    takeItems(v, count);
    return v;
}

// APPEND(S) and SETITEM(S): the top `count` values go into the List or Dict below them.
void PickleMachine::addItems(Kind kind, std::size_t count) {
    if (count >= valuesAboveMark()) // the items and the List or Dict below them
        underflow();
    if (kind == Kind::Dict && count % 2 != 0)
        fail("a dict in " + m_rules.name + " gets a key without a value");
    const std::size_t target = m_stack[m_stack.size() - count - 1];
    if (value(target).kind != kind)
        fail(kind == Kind::List ? "malformed pickle (append to a non-list)"
                                : "malformed pickle (set an item of a non-dict)");
    if (m_rules.scalarItemsOnly)
        for (auto it = m_stack.end() - std::ptrdiff_t(count); it != m_stack.end(); ++it)
            if (value(*it).isContainer())
                fail("a list or tuple appended to a list (" + m_rules.name +
                     " holds lists of scalars)");
    if (value(target).sealed)
        fail(m_rules.name + " changes a list or dict after placing it inside another value");
    takeItems(target, count);
}

void PickleMachine::takeItems(std::size_t target, std::size_t count) {
    const auto first = m_stack.end() - static_cast<std::ptrdiff_t>(count);
    for (auto it = first; it != m_stack.end(); ++it) {
        if (*it == target)
            fail("a list or dict in " + m_rules.name + " contains itself");
        value(*it).sealed = true;
    }
    auto& items = value(target).items;
    items.insert(items.end(), first, m_stack.end());
    m_stack.erase(first, m_stack.end());
}

} // namespace fb
