#pragma once
// Score files: CSV with a header that names a `score` and a `label` column (label 1 genuine,
// 0 impostor); other columns are ignored. The protocols write eval/<protocol>-scores.csv as
// score,label,a,b (docs/ARCHITECTURE.md, "The run directory"); `verify-scores` reads any such file.
#include "facebench/verification_metrics.h"

#include <cstddef>
#include <string>
#include <vector>

namespace fb {

// Files whose data lines exceed this many bytes parse in two halves on two threads.
constexpr std::size_t kScoreCsvThreadedBytes = std::size_t{8} << 20;

// Reads genuine and impostor scores. Throws InputError naming file:line for a missing column,
// an unparsable or non-finite score, a label other than 0/1, a short line; and naming the file
// for an empty genuine or impostor set. Parses with std::from_chars (no iostreams): about
// 10 million lines a second. `threadedAboveBytes` exists so that tests and the fuzz harness can
// reach the two-thread path with small files; both paths give the same scores and the same
// error (the first bad line).
ScoreSet readScoreCsv(const std::string& path,
                      std::size_t threadedAboveBytes = kScoreCsvThreadedBytes);

struct ScoredPair {
    double score = 0;
    bool same = false;
    std::string a; // image paths (or ids) of the two sides
    std::string b;
    // The subject the pair belongs to for the subject bootstrap (facebench/
    // verification_intervals.h): its first image's subject; "" when unknown.
    std::string subject;
};

// "score,label,a,b" with a header line, plus a "subject" column when any pair has a subject;
// fields with a comma or quote are CSV-quoted. Scores are written with 17 significant digits,
// so they read back bit for bit.
std::string formatScoreCsv(const std::vector<ScoredPair>& pairs);

} // namespace fb
