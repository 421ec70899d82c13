#pragma once
// The cached index: a versioned binary file holding a DatasetIndex and the files and
// folders it was built from, reused while they are unchanged. Validity rule (cheap: one stat
// per folder, no stat per image):
//   - a watched file (list, .rec, .idx) is unchanged when its mtime and size are;
//   - a watched folder (the root and every folder below it; for a list, the folders holding
//     its images) is unchanged when its mtime is; when the mtime differs, a folder whose entry
//     names were hashed is re-listed and is unchanged if its visible (not dot-hidden) names
//     hash the same, so the cache file written into the folder does not invalidate itself;
//   - "racy" timestamps, within 2 s before the index was built, are not trusted (a change in
//     the same clock tick would keep the mtime): such folders are re-listed, such files
//     re-indexed.
// Rewriting an image in place (same name, new bytes) is not seen: sizes may then be stale;
// `--no-cache` re-indexes.
#include "data/dataset_readers.h"

#include <string>
#include <vector>

namespace fb::data {

constexpr const char* kIndexCacheName = ".facebench-index";

// Where the cache for `path` (absolute) lives: `cacheDir` when given, else the user cache dir
// ($XDG_CACHE_HOME/facebench, else ~/.cache/facebench); none when neither is known. The file
// name is the path's hash and base name, so one folder holds the caches of many datasets.
std::vector<std::string> indexCacheCandidates(const std::string& path, const std::string& cacheDir);

// True, with `index` filled, when `cachePath` holds the index of (`root`, `format`) and every
// path it watched is unchanged. A missing, foreign, damaged or stale file is just false.
bool readIndexCache(const std::string& cachePath, const std::string& root,
                    const std::string& format, DatasetIndex& index);

// Writes the cache atomically; returns "" or why it could not.
std::string writeIndexCache(const std::string& cachePath, const std::string& root,
                            const DatasetIndex& index, const std::vector<WatchedPath>& watched,
                            std::int64_t builtAtNs);

} // namespace fb::data
