// Directory walking shared by the ImageFolder and LFW readers. Speed matters (the target:
// a million files in under a minute): entries come from readdir with their d_type, so a file
// costs one fstatat (for its size) relative to an open folder descriptor, never a path lookup
// from the root; folders are sorted in memory.
#include "data/dataset_readers.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fb::data {

namespace {

std::int64_t mtimeOf(const struct stat& st) {
    return std::int64_t(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// An open folder, closed on scope exit.
class Folder {
public:
    explicit Folder(const std::string& path)
        : m_fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (m_fd >= 0) {
            m_dir = ::fdopendir(m_fd);
            if (!m_dir) {
                m_error = errno;
                ::close(m_fd);
                m_fd = -1;
            }
        } else {
            m_error = errno;
        }
    }
    ~Folder() {
        if (m_dir)
            ::closedir(m_dir); // closes m_fd too
    }
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;

    bool ok() const { return m_dir != nullptr; }
    std::string error() const { return std::strerror(m_error); }
    int fd() const { return m_fd; }
    struct dirent* next() {
        return ::readdir(m_dir);
    }

private:
    int m_fd = -1;
    DIR* m_dir = nullptr;
    int m_error = 0;
};

bool hidden(const char* name) {
    return name[0] == '.';
}

enum class Kind { File, Folder, Other, Missing };

// d_type when the file system gives it; fstatat (following links) otherwise.
Kind kindOf(int folderFd, const struct dirent* entry, struct stat* st, bool& statted) {
    statted = false;
    if (entry->d_type == DT_DIR)
        return Kind::Folder;
    if (entry->d_type == DT_REG)
        return Kind::File;
    if (entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN)
        return Kind::Other;
    if (::fstatat(folderFd, entry->d_name, st, 0) != 0)
        return Kind::Missing;
    statted = true;
    if (S_ISDIR(st->st_mode))
        return Kind::Folder;
    return S_ISREG(st->st_mode) ? Kind::File : Kind::Other;
}

void scanFolder(const std::string& path, Folder& folder, IndexContext& context,
                std::vector<IndexedImage>& images, std::vector<DataProblem>& problems,
                long long& ignored) {
    std::uint64_t hash = 0;
    std::vector<std::string> subfolders;
    long long files = 0;
    while (struct dirent* entry = folder.next()) {
        if (hidden(entry->d_name))
            continue;
        hash += nameHash(entry->d_name);
        struct stat st;
        bool statted = false;
        const Kind kind = kindOf(folder.fd(), entry, &st, statted);
        if (kind == Kind::Folder) {
            subfolders.emplace_back(entry->d_name);
            continue;
        }
        if (kind == Kind::Missing) {
            problems.push_back({path + "/" + entry->d_name, "broken link or vanished file"});
            continue;
        }
        ++files;
        if (kind != Kind::File || !isImageFileName(entry->d_name)) {
            ++ignored;
            continue;
        }
        if (!statted && ::fstatat(folder.fd(), entry->d_name, &st, 0) != 0) {
            problems.push_back(
                {path + "/" + entry->d_name, std::string("cannot stat: ") + std::strerror(errno)});
            continue;
        }
        IndexedImage image;
        image.path = path + "/" + entry->d_name;
        image.size = std::int64_t(st.st_size);
        images.push_back(std::move(image));
    }
    struct stat self;
    if (::fstat(folder.fd(), &self) == 0)
        context.watched.push_back({path, true, true, mtimeOf(self), 0, hash});
    context.filesSeen(files);
    std::sort(subfolders.begin(), subfolders.end());
    for (const std::string& name : subfolders) {
        const std::string sub = path + "/" + name;
        Folder child(sub);
        if (!child.ok()) {
            problems.push_back({sub, "cannot open folder: " + child.error()});
            continue;
        }
        scanFolder(sub, child, context, images, problems, ignored);
    }
}

} // namespace

std::uint64_t nameHash(const char* name) {
    // FNV-1a, then a splitmix finaliser so that summing hashes stays well mixed.
    std::uint64_t h = 1469598103934665603ULL;
    for (const char* c = name; *c; ++c)
        h = (h ^ std::uint8_t(*c)) * 1099511628211ULL;
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

std::uint64_t folderNamesHash(const std::string& path, bool* ok) {
    Folder folder(path);
    if (ok)
        *ok = folder.ok();
    std::uint64_t hash = 0;
    if (!folder.ok())
        return 0;
    while (struct dirent* entry = folder.next())
        if (!hidden(entry->d_name))
            hash += nameHash(entry->d_name);
    return hash;
}

bool fileTimes(const std::string& path, std::int64_t& mtimeNs, std::int64_t& size, bool* isFolder) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0)
        return false;
    mtimeNs = mtimeOf(st);
    size = std::int64_t(st.st_size);
    if (isFolder)
        *isFolder = S_ISDIR(st.st_mode);
    return true;
}

std::vector<FolderEntry> listIdentityFolders(const std::string& root, long long& filesInRoot,
                                             IndexContext& context) {
    Folder folder(root);
    if (!folder.ok())
        throw InputError(SourceLocation{root}, "", "cannot open folder: " + folder.error());
    std::vector<FolderEntry> result;
    std::uint64_t hash = 0;
    filesInRoot = 0;
    while (struct dirent* entry = folder.next()) {
        if (hidden(entry->d_name))
            continue;
        hash += nameHash(entry->d_name);
        struct stat st;
        bool statted = false;
        if (kindOf(folder.fd(), entry, &st, statted) == Kind::Folder)
            result.push_back({entry->d_name, root + "/" + entry->d_name});
        else
            ++filesInRoot;
    }
    struct stat self;
    if (::fstat(folder.fd(), &self) == 0)
        context.watched.push_back({root, true, true, mtimeOf(self), 0, hash});
    std::sort(result.begin(), result.end(),
              [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
    return result;
}

ScannedIdentity scanIdentityFolder(const FolderEntry& entry, IndexContext& context,
                                   std::vector<DataProblem>& problems, long long& ignored) {
    ScannedIdentity identity;
    identity.name = entry.name;
    Folder folder(entry.path);
    if (!folder.ok()) {
        problems.push_back({entry.path, "cannot open folder: " + folder.error()});
        return identity;
    }
    scanFolder(entry.path, folder, context, identity.images, problems, ignored);
    std::sort(identity.images.begin(), identity.images.end(),
              [](const IndexedImage& a, const IndexedImage& b) { return a.path < b.path; });
    return identity;
}

void appendIdentities(DatasetIndex& index, std::vector<ScannedIdentity>&& identities) {
    std::size_t total = index.images.size();
    for (const ScannedIdentity& identity : identities)
        total += identity.images.size();
    index.images.reserve(total);
    for (ScannedIdentity& identity : identities) {
        const auto label = std::int32_t(index.identities.size());
        index.identities.push_back(std::move(identity.name));
        for (IndexedImage& image : identity.images) {
            image.label = label;
            index.images.push_back(std::move(image));
        }
    }
}

} // namespace fb::data
