// The synthetic data's InsightFace .bin sets (synth_bin_sets.h).
#include "synth_bin_sets.h"

#include "facebench/errors.h"
#include "synth_random.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

namespace fb::synth {

namespace fs = std::filesystem;

namespace {

constexpr int kBinFolds = 10;
constexpr int kCfpPairsPerFold = 350;   // CFP-FP: 10 splits of 350 same and 350 different
constexpr int kAgedbPairsPerFold = 300; // AgeDB-30: 10 splits of 300 same and 300 different
// Pair lists up to this size are enumerated and shuffled; larger ones are sampled.
constexpr long long kEnumerateLimit = 1000000;

void appendLittle32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((v >> (8 * i)) & 0xff);
}

struct BinPair {
    std::size_t a, b; // indices into Plan::images
    bool same;
};

using Sides = std::pair<std::vector<std::size_t>, std::vector<std::size_t>>; // left, right

// `count` distinct pairs (a, b) drawn from `candidates` (enumerated when they are few) or by
// `sample` (rejection sampling when they are many).
template <typename Enumerate, typename Sample>
std::vector<std::pair<std::size_t, std::size_t>>
drawDistinct(long long available, int count, Rng& rng, Enumerate&& enumerate, Sample&& sample) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (available <= kEnumerateLimit) {
        enumerate(out);
        rng.shuffle(out);
        out.resize(std::min<std::size_t>(out.size(), std::size_t(count)));
        return out;
    }
    std::set<std::pair<std::size_t, std::size_t>> seen;
    while (int(out.size()) < count) {
        const std::pair<std::size_t, std::size_t> p = sample();
        if (seen.insert(p).second)
            out.push_back(p);
    }
    return out;
}

std::size_t pick(const std::vector<std::size_t>& v, Rng& rng) {
    return v[std::size_t(rng.index(int(v.size())))];
}

// Same pairs of one fold: a left image against a right image of one subject.
std::vector<std::pair<std::size_t, std::size_t>>
samePairs(const std::vector<Sides>& fold, long long available, int count, Rng& rng) {
    return drawDistinct(
        available, count, rng,
        [&](auto& out) {
            for (const auto& [left, right] : fold)
                for (std::size_t a : left)
                    for (std::size_t b : right)
                        out.emplace_back(a, b);
        },
        [&] {
            for (;;) {
                const Sides& s = fold[std::size_t(rng.index(int(fold.size())))];
                if (!s.first.empty() && !s.second.empty())
                    return std::make_pair(pick(s.first, rng), pick(s.second, rng));
            }
        });
}

// Different pairs of one fold: a left image of one subject against a right image of another.
std::vector<std::pair<std::size_t, std::size_t>> differentPairs(const std::vector<Sides>& fold,
                                                                int count, Rng& rng) {
    long long rights = 0, available = 0;
    for (const Sides& s : fold)
        rights += (long long)s.second.size();
    for (const Sides& s : fold)
        available += (long long)s.first.size() * (rights - (long long)s.second.size());
    return drawDistinct(
        available, std::min<long long>(count, available), rng,
        [&](auto& out) {
            for (std::size_t i = 0; i < fold.size(); ++i)
                for (std::size_t j = 0; j < fold.size(); ++j)
                    if (i != j)
                        for (std::size_t a : fold[i].first)
                            for (std::size_t b : fold[j].second)
                                out.emplace_back(a, b);
        },
        [&] {
            for (;;) {
                const std::size_t i = std::size_t(rng.index(int(fold.size())));
                const std::size_t j = std::size_t(rng.index(int(fold.size())));
                if (i != j && !fold[i].first.empty() && !fold[j].second.empty())
                    return std::make_pair(pick(fold[i].first, rng), pick(fold[j].second, rng));
            }
        });
}

// 10 subject-disjoint folds; each: `perFold` same pairs, then as many different pairs.
// perFold shrinks to what the smallest fold offers.
std::vector<BinPair> foldedPairs(const std::vector<std::vector<std::size_t>>& subjects,
                                 const std::function<bool(std::size_t)>& isLeft,
                                 const std::function<bool(std::size_t)>& isRight, int wanted,
                                 Rng& rng) {
    std::vector<int> order(subjects.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = int(k);
    rng.shuffle(order);
    std::vector<std::vector<Sides>> folds(kBinFolds);
    std::vector<long long> sameAvailable(kBinFolds, 0);
    for (int f = 0; f < kBinFolds; ++f)
        for (std::size_t i = std::size_t(f); i < order.size(); i += kBinFolds) {
            Sides sides;
            for (std::size_t image : subjects[std::size_t(order[i])]) {
                if (isLeft(image))
                    sides.first.push_back(image);
                if (isRight(image))
                    sides.second.push_back(image);
            }
            sameAvailable[std::size_t(f)] +=
                (long long)sides.first.size() * (long long)sides.second.size();
            folds[std::size_t(f)].push_back(std::move(sides));
        }
    const int perFold = int(
        std::min<long long>(wanted, *std::min_element(sameAvailable.begin(), sameAvailable.end())));
    std::vector<BinPair> pairs;
    for (int f = 0; f < kBinFolds; ++f) {
        const std::vector<Sides>& fold = folds[std::size_t(f)];
        for (const auto& [a, b] : samePairs(fold, sameAvailable[std::size_t(f)], perFold, rng))
            pairs.push_back({a, b, true});
        for (const auto& [a, b] : differentPairs(fold, perFold, rng))
            pairs.push_back({a, b, false});
    }
    return pairs;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw JobError("cannot read " + path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.close();
    if (!out)
        throw JobError("cannot write " + path.string());
}

} // namespace

std::string formatVerificationBin(const std::vector<std::string>& key,
                                  const std::vector<const std::string*>& bytes,
                                  const std::vector<bool>& same) {
    std::string out = "\x80\x03"; // PROTO 3: bytes objects as BINBYTES
    out += "](";                  // EMPTY_LIST, MARK
    std::unordered_map<std::string, std::uint32_t> memo;
    for (std::size_t k = 0; k < key.size(); ++k) {
        const auto found = memo.find(key[k]);
        if (found != memo.end()) {
            out += 'j'; // LONG_BINGET: the same bytes object again
            appendLittle32(out, found->second);
            continue;
        }
        out += 'B'; // BINBYTES
        appendLittle32(out, std::uint32_t(bytes[k]->size()));
        out += *bytes[k];
        const auto index = std::uint32_t(memo.size());
        out += 'r'; // LONG_BINPUT
        appendLittle32(out, index);
        memo.emplace(key[k], index);
    }
    out += "e]("; // APPENDS, EMPTY_LIST, MARK
    for (bool s : same)
        out += s ? '\x88' : '\x89'; // NEWTRUE, NEWFALSE
    out += "e";                     // APPENDS
    out += '\x86';                  // TUPLE2
    out += '.';                     // STOP
    return out;
}

BinSetSizes writeSynthBinSets(const Plan& plan, const fs::path& root, std::uint64_t seed) {
    std::map<std::string, std::size_t> byIdentity;
    std::vector<std::vector<std::size_t>> subjects;
    for (std::size_t i = 0; i < plan.images.size(); ++i) {
        const PlannedImage& image = plan.images[i];
        if (image.split != "test" || !image.lookalikeOf.empty())
            continue;
        const auto [it, added] = byIdentity.emplace(image.identity, subjects.size());
        if (added)
            subjects.emplace_back();
        subjects[it->second].push_back(i);
    }
    std::unordered_map<std::size_t, std::string> cache;
    auto bytesOf = [&](std::size_t image) -> const std::string* {
        auto it = cache.find(image);
        if (it == cache.end())
            it = cache.emplace(image, readFile(root / plan.images[image].path)).first;
        return &it->second;
    };
    fs::create_directories(root / "bin");
    auto write = [&](const std::string& name, const std::vector<BinPair>& pairs) {
        std::vector<std::string> keys;
        std::vector<const std::string*> bytes;
        std::vector<bool> same;
        for (const BinPair& p : pairs) {
            for (std::size_t image : {p.a, p.b}) {
                keys.push_back(std::to_string(image));
                bytes.push_back(bytesOf(image));
            }
            same.push_back(p.same);
        }
        writeFile(root / "bin" / (name + ".bin"), formatVerificationBin(keys, bytes, same));
        return (long long)pairs.size();
    };

    BinSetSizes sizes;
    // lfw.bin: LFW's pairs.txt in file order, as InsightFace's lfw.bin follows it.
    std::map<std::string, std::size_t> lfwImage;
    for (const LfwLink& link : plan.lfwLinks)
        lfwImage.emplace(link.target, link.image);
    std::vector<BinPair> lfw;
    for (const LfwPair& p : plan.lfwPairs.pairs)
        lfw.push_back({lfwImage.at("lfw/" + lfwImagePath(p.name1, p.index1)),
                       lfwImage.at("lfw/" + lfwImagePath(p.name2, p.index2)), p.same});
    sizes.lfwPairs = write("lfw", lfw);
    Rng cfpRng(mix(seed, 0xCF9));
    sizes.cfpFpPairs = write(
        "cfp_fp",
        foldedPairs(
            subjects, [&](std::size_t i) { return plan.images[i].factors.yaw == Yaw::Frontal; },
            [&](std::size_t i) { return plan.images[i].factors.yaw == Yaw::Profile; },
            kCfpPairsPerFold, cfpRng));
    Rng agedbRng(mix(seed, 0xA6E));
    sizes.agedbPairs =
        write("agedb_30",
              foldedPairs(
                  subjects, [&](std::size_t i) { return plan.images[i].factors.age == Age::Young; },
                  [&](std::size_t i) { return plan.images[i].factors.age == Age::Mature; },
                  kAgedbPairsPerFold, agedbRng));
    return sizes;
}

} // namespace fb::synth
