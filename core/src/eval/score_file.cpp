// Score CSV reading and writing (facebench/score_file.h). Reads the whole file at once and
// parses with std::from_chars: verify-scores on 10 million lines stays well inside its 3 s.
#include "facebench/score_file.h"

#include "facebench/errors.h"
#include "util/csv_field.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <thread>

namespace fb {

namespace {

std::string readWholeFile(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                         &std::fclose);
    if (!file)
        throw InputError(SourceLocation{path}, "", "cannot open the score file");
    std::string content;
    if (std::fseek(file.get(), 0, SEEK_END) == 0) {
        const long size = std::ftell(file.get());
        std::rewind(file.get());
        if (size > 0)
            content.reserve(static_cast<std::size_t>(size));
    }
    char buffer[1 << 16];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0)
        content.append(buffer, got);
    if (std::ferror(file.get()))
        throw InputError(SourceLocation{path}, "", "cannot read the score file");
    return content;
}

// One CSV field starting at p (before `end`): [begin, end) of its text without quotes (quoted
// fields keep doubled quotes; they are never score or label fields). Moves p past the field and
// its comma; `more` tells whether a comma followed, i.e. another field exists.
struct Field {
    const char* begin;
    const char* end;
    bool more;
};
Field nextField(const char*& p, const char* end) {
    Field f{p, p, false};
    if (p < end && *p == '"') {
        f.begin = ++p;
        while (p < end && !(*p == '"' && (p + 1 == end || p[1] != '"')))
            p += (*p == '"') ? 2 : 1;
        f.end = p < end ? p : end;
        if (p < end)
            ++p; // closing quote
        while (p < end && *p != ',')
            ++p;
    } else {
        while (p < end && *p != ',')
            ++p;
        f.end = p;
    }
    if (p < end) { // at a comma
        ++p;
        f.more = true;
    }
    return f;
}

// Plain decimals ("0.734", "-12.5", at most 19 digits, no exponent) by Clinger's fast path:
// the digits as an integer w <= 2^53 and 10^k, k <= 22, are exact doubles, so w / 10^k is the
// correctly rounded value, bit for bit what from_chars gives. Anything else goes to from_chars.
bool parseDecimalFast(const char* b, const char* e, double& value) {
    static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const bool negative = b < e && *b == '-';
    if (negative)
        ++b;
    std::uint64_t w = 0;
    int digits = 0, fraction = 0;
    bool point = false;
    for (; b < e; ++b) {
        if (*b >= '0' && *b <= '9') {
            if (++digits > 19)
                return false;
            w = w * 10 + static_cast<std::uint64_t>(*b - '0');
            fraction += point ? 1 : 0;
        } else if (*b == '.' && !point) {
            point = true;
        } else {
            return false;
        }
    }
    if (digits == 0 || w > (std::uint64_t{1} << 53) || fraction > 22)
        return false;
    value = static_cast<double>(w) / kPow10[fraction];
    if (negative)
        value = -value;
    return true;
}

std::string trimmed(const char* b, const char* e) {
    while (b < e && (*b == ' ' || *b == '\t'))
        ++b;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        --e;
    return std::string(b, e);
}

// The data lines in [p, end), the first of them line `line + 1` of the file.
void parseRows(const char* p, const char* const end, int line, int scoreColumn, int labelColumn,
               const std::string& path, ScoreSet& scores) {
    auto lineEnd = [end](const char* from) {
        const void* nl = std::memchr(from, '\n', static_cast<std::size_t>(end - from));
        return nl ? static_cast<const char*>(nl) : end;
    };
    const int lastNeeded = std::max(scoreColumn, labelColumn);
    const char* eol = nullptr;
    while (p < end) {
        ++line;
        eol = lineEnd(p);
        const char* lineStop = (eol > p && eol[-1] == '\r') ? eol - 1 : eol;
        if (lineStop == p) { // blank line
            p = eol < end ? eol + 1 : end;
            continue;
        }
        double score = 0;
        int label = -1;
        bool haveScore = false, haveLabel = false;
        const char* q = p;
        bool more = true;
        for (int c = 0; c <= lastNeeded && more; ++c) {
            const Field f = nextField(q, lineStop);
            more = f.more;
            const char* b = f.begin;
            const char* e = f.end;
            while (b < e && *b == ' ')
                ++b;
            while (e > b && e[-1] == ' ')
                --e;
            if (c == scoreColumn) {
                const char* start = (b < e && *b == '+') ? b + 1 : b;
                if (!parseDecimalFast(start, e, score)) {
                    const auto [ptr, ec] = std::from_chars(start, e, score);
                    if (ec != std::errc() || ptr != e || b == e)
                        throw InputError(SourceLocation{path, line}, "score",
                                         "cannot parse '" + std::string(b, e) + "' as a number");
                }
                if (!std::isfinite(score))
                    throw InputError(SourceLocation{path, line}, "score",
                                     "score '" + std::string(b, e) +
                                         "' is not finite (NaN or infinity)");
                haveScore = true;
            } else if (c == labelColumn) {
                if (e - b == 1 && (*b == '0' || *b == '1'))
                    label = *b - '0';
                else
                    throw InputError(SourceLocation{path, line}, "label",
                                     "label '" + std::string(b, e) +
                                         "' is not 0 (impostor) or 1 (genuine)");
                haveLabel = true;
            }
        }
        if (!haveScore || !haveLabel)
            throw InputError(SourceLocation{path, line}, !haveScore ? "score" : "label",
                             "the line has too few columns (expected at least " +
                                 std::to_string(lastNeeded + 1) + ")");
        (label == 1 ? scores.genuine : scores.impostor).push_back(score);
        p = eol < end ? eol + 1 : end;
    }
}

} // namespace

ScoreSet readScoreCsv(const std::string& path, std::size_t threadedAboveBytes) {
    const std::string content = readWholeFile(path);
    const char* p = content.data();
    const char* const end = p + content.size();
    auto lineEnd = [end](const char* from) {
        const void* nl = std::memchr(from, '\n', static_cast<std::size_t>(end - from));
        return nl ? static_cast<const char*>(nl) : end;
    };

    // Header: find the score and label columns.
    const char* eol = lineEnd(p);
    int scoreColumn = -1, labelColumn = -1, columns = 0;
    const char* headerStop = (eol > p && eol[-1] == '\r') ? eol - 1 : eol;
    for (const char* q = p;; ++columns) {
        const Field f = nextField(q, headerStop);
        const std::string name = trimmed(f.begin, f.end);
        if (name == "score" && scoreColumn < 0)
            scoreColumn = columns;
        else if (name == "label" && labelColumn < 0)
            labelColumn = columns;
        if (!f.more)
            break;
    }
    if (scoreColumn < 0 || labelColumn < 0)
        throw InputError(
            SourceLocation{path, 1}, scoreColumn < 0 ? "score" : "label",
            "the header names no '" + std::string(scoreColumn < 0 ? "score" : "label") +
                "' column (a CSV header with 'score' and 'label' columns is required)");
    // Big files parse in two halves on two threads (split at a line start); the first half's
    // error wins, so the reported line is the first bad one either way.
    ScoreSet scores;
    p = eol < end ? eol + 1 : end;
    const char* mid = end;
    if (static_cast<std::size_t>(end - p) > threadedAboveBytes) {
        const void* nl = std::memchr(p + (end - p) / 2, '\n',
                                     static_cast<std::size_t>(end - (p + (end - p) / 2)));
        mid = nl ? static_cast<const char*>(nl) + 1 : end;
    }
    ScoreSet second;
    std::exception_ptr secondError;
    std::thread worker;
    if (mid < end) {
        const int midLine = 1 + static_cast<int>(std::count(p, mid, '\n'));
        worker = std::thread([&, midLine] {
            try {
                parseRows(mid, end, midLine, scoreColumn, labelColumn, path, second);
            } catch (...) {
                secondError = std::current_exception();
            }
        });
    }
    try {
        parseRows(p, mid, 1, scoreColumn, labelColumn, path, scores);
    } catch (...) {
        if (worker.joinable())
            worker.join();
        throw;
    }
    if (worker.joinable())
        worker.join();
    if (secondError)
        std::rethrow_exception(secondError);
    scores.genuine.insert(scores.genuine.end(), second.genuine.begin(), second.genuine.end());
    scores.impostor.insert(scores.impostor.end(), second.impostor.begin(), second.impostor.end());
    checkScoreSet(scores, path);
    return scores;
}

std::string formatScoreCsv(const std::vector<ScoredPair>& pairs) {
    const bool subjects = std::any_of(pairs.begin(), pairs.end(),
                                      [](const ScoredPair& p) { return !p.subject.empty(); });
    std::string out = subjects ? "score,label,a,b,subject\n" : "score,label,a,b\n";
    out.reserve(pairs.size() * 48 + out.size());
    char number[32];
    for (const ScoredPair& pair : pairs) {
        const int length = std::snprintf(number, sizeof number, "%.17g", pair.score);
        out.append(number, static_cast<std::size_t>(length));
        out += pair.same ? ",1," : ",0,";
        out += csvField(pair.a);
        out += ',';
        out += csvField(pair.b);
        if (subjects) {
            out += ',';
            out += csvField(pair.subject);
        }
        out += '\n';
    }
    return out;
}

} // namespace fb
