#pragma once
// The per-format readers behind indexDataset, one file each, and what they share:
// progress and cancel polling, and the list of files and folders whose change makes a cached
// index stale (index_cache.cpp). Torch-free.
#include "facebench/dataset_index.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fb::data {

// A file or folder the index depends on, as it was when indexing began.
struct WatchedPath {
    std::string path;
    bool folder = false;
    bool hashed = false; // folders: namesHash was computed
    std::int64_t mtimeNs = 0;
    std::int64_t size = 0;       // files only
    std::uint64_t namesHash = 0; // folders only: namesHash() of the visible entries
};

class IndexContext {
public:
    IndexContext(const std::function<void(const IndexProgress&)>& progress,
                 const std::atomic_bool* cancel)
        : m_progress(progress), m_cancel(cancel) {}
    // Counts files and reports progress now and then; throws JobError when cancelled.
    void filesSeen(long long count);
    void checkCancel() const;

    std::vector<WatchedPath> watched;

private:
    std::function<void(const IndexProgress&)> m_progress; // a copy: callers may pass a temporary
    const std::atomic_bool* m_cancel;
    long long m_files = 0;
    long long m_reported = 0;
};

// ---- shared by the folder readers (folder_scan.cpp) ----------------------------------------
// An order-independent hash of a folder's visible (not dot-hidden) entry names: the cache
// compares it when a folder's mtime changed, so that writing the cache file into the folder
// does not make the cache stale.
std::uint64_t folderNamesHash(const std::string& folder, bool* ok = nullptr);
std::uint64_t nameHash(const char* name);
// stat() wrappers: false when the path cannot be stat'ed.
bool fileTimes(const std::string& path, std::int64_t& mtimeNs, std::int64_t& size,
               bool* isFolder = nullptr);

struct FolderEntry {
    std::string name; // identity folder name
    std::string path; // absolute
};

struct ScannedIdentity {
    std::string name;
    std::vector<IndexedImage> images; // label unset; sorted by path
};

// Lists root's visible sub-folders (sorted by name) and counts the files beside them. Throws
// InputError naming root when it cannot be opened.
std::vector<FolderEntry> listIdentityFolders(const std::string& root, long long& filesInRoot,
                                             IndexContext& context);
// Every image under `folder` (recursively, like torchvision's ImageFolder), sorted by path,
// with its size. Unreadable sub-folders become problems; non-image files are counted.
ScannedIdentity scanIdentityFolder(const FolderEntry& folder, IndexContext& context,
                                   std::vector<DataProblem>& problems, long long& ignored);
// Numbers the identities 0..n-1 in their given order and fills `index`.
void appendIdentities(DatasetIndex& index, std::vector<ScannedIdentity>&& identities);

// ---- the readers ------------------------------------------------------------------------------
DatasetIndex readImageFolder(const std::string& root, IndexContext& context);
DatasetIndex readLfwFolder(const std::string& root, IndexContext& context);
DatasetIndex readListFile(const std::string& listPath, const std::string& imageRoot,
                          IndexContext& context);
// `path`: the .rec file (train.idx beside it, same stem) or a folder holding train.rec.
DatasetIndex readRecordIo(const std::string& path, IndexContext& context);

// True when a folder looks like LFW: its first sub-folders hold only Name/Name_NNNN.<ext>.
bool looksLikeLfw(const std::string& root);

} // namespace fb::data
