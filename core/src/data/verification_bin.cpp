// InsightFace's .bin verification sets on the bounded pickle machine (util/pickle_machine.h):
// the only calls these files make are _codecs.encode(text, 'latin1') and bytes() (Python 3 pickles
// bytes so under protocols 0-2); anything else (numpy arrays, classes) is refused with the byte
// offset, never guessed at.
// The files' own shape lets the machine be stricter than for data.pkl: lists hold bytes, bools and
// numbers only, containers nest at most kMaxNesting deep, and the memory unpickling takes is
// bounded by the file's size (kMemoryPerFileByte).
#include "facebench/verification_bin.h"

#include "facebench/errors.h"
#include "util/pickle_machine.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace fb {

namespace {

using Kind = PickleValue::Kind;

// The files nest two deep (a tuple of two lists); deeper is refused.
constexpr std::uint32_t kMaxNesting = 64;
// Unpickling takes at most this many bytes of memory per byte of the file, plus
// PickleRules::kMemorySlack. The real files take about their own size (the images' bytes);
// protocols 0-2 also hold each image as text (up to 2 bytes of UTF-8 a latin-1 byte) before
// encoding it. A file of one-byte opcodes each making an object, or of a memoised string encoded
// over and over, would take 100 times its size and more.
constexpr std::size_t kMemoryPerFileByte = 16;

PickleRules binRules() {
    PickleRules rules;
    rules.maxNesting = kMaxNesting;
    rules.scalarItemsOnly = true;
    rules.memoryPerInputByte = kMemoryPerFileByte;
    return rules;
}

class BinUnpickler : public PickleMachine {
public:
    explicit BinUnpickler(const std::string& data) : PickleMachine(data, binRules()) {}

private:
    std::size_t call(std::size_t callable, std::size_t argsIndex) override {
        const PickleValue& f = value(callable);
        const PickleValue& args = value(argsIndex);
        const bool global = f.kind == Kind::Global;
        if (global && (f.text == "__builtin__.bytes" || f.text == "builtins.bytes") &&
            args.isContainer() && args.items.empty())
            return make(Kind::Bytes);
        if (global && f.text == "_codecs.encode" && args.isContainer() && args.items.size() == 2 &&
            value(args.items[0]).kind == Kind::Text)
            return latin1(args.items[0]);
        fail("unsupported call " + f.text.substr(0, 200) +
             " (expected bytes, bools and lists only)");
    }

    // _codecs.encode(text, 'latin1'): each code point one byte.
    std::size_t latin1(std::size_t textIndex) {
        charge(value(textIndex).text.size()); // a memoised string may be encoded again and again
        std::string encoded;
        const std::string& utf8 = value(textIndex).text;
        for (std::size_t i = 0; i < utf8.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(utf8[i]);
            if (c < 0x80) {
                encoded += char(c);
            } else if ((c & 0xe0) == 0xc0 && i + 1 < utf8.size()) {
                const std::uint32_t cp = (c & 0x1fu) << 6 | (utf8[++i] & 0x3fu);
                if (cp > 0xff)
                    fail("text that is not latin-1 where bytes were expected");
                encoded += char(cp);
            } else {
                fail("text that is not latin-1 where bytes were expected");
            }
        }
        const std::size_t v = make(Kind::Bytes);
        value(v).text = std::move(encoded);
        return v;
    }
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
    const auto fail = [&](std::size_t at, const std::string& problem) {
        throw InputError(SourceLocation{path}, "", "byte " + std::to_string(at) + ": " + problem);
    };
    Pickle pickle;
    try {
        pickle = BinUnpickler(data).run();
    } catch (const PickleError& error) {
        fail(error.offset, error.problem);
    }
    const auto isSequence = [&](std::size_t index) {
        return pickle.at(index).kind == Kind::Tuple || pickle.at(index).kind == Kind::List;
    };
    if (!isSequence(pickle.root) || pickle.rootValue().items.size() != 2 ||
        !isSequence(pickle.rootValue().items[0]) || !isSequence(pickle.rootValue().items[1]))
        fail(data.size(), "expected the pair (list of images, list of is-same flags)");
    VerificationBin result;
    // One buffer per bytes object: a memoised image listed many times costs its size once.
    std::map<std::size_t, std::shared_ptr<const std::vector<unsigned char>>> buffers;
    const PickleValue& root = pickle.rootValue();
    for (const std::size_t image : pickle.at(root.items[0]).items) {
        if (pickle.at(image).kind != Kind::Bytes)
            fail(data.size(),
                 "image " + std::to_string(result.images.size()) + " is not a bytes object");
        auto& buffer = buffers[image];
        if (!buffer) {
            std::string& bytes = pickle.values[image].text;
            buffer = std::make_shared<const std::vector<unsigned char>>(bytes.begin(), bytes.end());
            std::string().swap(bytes); // one copy at a time
        }
        result.images.push_back(buffer);
    }
    for (const std::size_t flagIndex : pickle.at(root.items[1]).items) {
        const PickleValue& flag = pickle.at(flagIndex);
        if ((flag.kind != Kind::Bool && flag.kind != Kind::Int) || flag.integer < 0 ||
            flag.integer > 1)
            fail(data.size(),
                 "is-same flag " + std::to_string(result.sameFlags.size()) + " is not a bool");
        result.sameFlags.push_back(flag.integer != 0);
    }
    if (result.images.size() != 2 * result.sameFlags.size())
        throw InputError(SourceLocation{path}, "",
                         std::to_string(result.images.size()) + " images for " +
                             std::to_string(result.sameFlags.size()) +
                             " pairs; expected two images a pair");
    return result;
}

} // namespace fb
