// readScoreCsv (facebench/score_file.h) on arbitrary bytes: what `verify-scores` reads. Every
// input is parsed twice, on the single-thread path and on the two-thread path that files over
// 8 MiB take (forced here with a zero threshold), and the two must agree: the same scores, or
// the same error naming the same line.
#include "facebench/errors.h"
#include "facebench/score_file.h"
#include "fuzz_support.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

struct Outcome {
    fb::ScoreSet scores;
    std::optional<std::string> error;
};

Outcome read(const std::string& path, std::size_t threadedAboveBytes) {
    Outcome outcome;
    try {
        outcome.scores = fb::readScoreCsv(path, threadedAboveBytes);
    } catch (const fb::InputError& error) {
        outcome.error = error.what(); // the message holds file:line
    }
    return outcome;
}

// Bit for bit: both paths parse each field with the same code.
bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fb::fuzz::writeScratchFile("scores.csv", data, size);
    const Outcome single = read(path, fb::kScoreCsvThreadedBytes);
    const Outcome threaded = read(path, 0);
    if (single.error != threaded.error ||
        !sameBits(single.scores.genuine, threaded.scores.genuine) ||
        !sameBits(single.scores.impostor, threaded.scores.impostor)) {
        std::fprintf(stderr, "single-thread and two-thread parses differ:\n  %s\n  %s\n",
                     single.error.value_or("(scores)").c_str(),
                     threaded.error.value_or("(scores)").c_str());
        std::abort();
    }
    return 0;
}
