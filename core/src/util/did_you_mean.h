#pragma once
#include <string>
#include <vector>

namespace fb {

// The candidate closest to `word` by edit distance, or "" when none is close enough to be a
// plausible typo (distance at most a third of the longer word, at least 1).
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" when closestMatch finds nothing.
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

} // namespace fb
