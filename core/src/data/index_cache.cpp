// The cached index file: little-endian binary, versioned, checksummed.
//   "FBINDEX\n" u32 version
//   str key (absolute input path)  str format  str root  str base  i64 builtAtNs  i64 ignored
//   u64 n, n x {u8 folder, u8 hashed, str path, i64 mtimeNs, i64 size, u64 namesHash}
//   u64 n, n x str identity
//   u64 n, n x {str path (relative to base when it starts with base + '/'), u8 relative,
//               i64 offset, i64 size, i32 label}
//   u64 n, n x {str path, str problem}
//   u64 checksum (FNV-1a of every byte before it)
// str = u32 length + bytes. Paths are stored relative to the root folder: a million-image
// ImageFolder index (n000000/0000.jpg) takes about 40 MB.
#include "data/index_cache.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "facebench/user_folders.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fb::data {

namespace {

constexpr char kMagic[8] = {'F', 'B', 'I', 'N', 'D', 'E', 'X', '\n'};
constexpr std::uint32_t kVersion = 1;
constexpr std::int64_t kRacyNs = 2000000000LL; // 2 s: generous beside file-system clock ticks

std::uint64_t fnv(const char* data, std::size_t size) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i < size; ++i)
        h = (h ^ std::uint8_t(data[i])) * 1099511628211ULL;
    return h;
}

class Writer {
public:
    template <typename T> void put(T value) {
        m_out.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void str(const std::string& s) {
        put(std::uint32_t(s.size()));
        m_out.append(s);
    }
    void raw(const char* data, std::size_t size) { m_out.append(data, size); }
    std::string& out() { return m_out; }

private:
    std::string m_out;
};

class Reader {
public:
    Reader(const std::string& data, std::size_t end) : m_data(data), m_end(end) {}
    template <typename T> bool get(T& value) {
        if (m_end - m_pos < sizeof value)
            return false;
        std::memcpy(&value, m_data.data() + m_pos, sizeof value);
        m_pos += sizeof value;
        return true;
    }
    bool str(std::string& s) {
        std::uint32_t size = 0;
        if (!get(size) || m_end - m_pos < size)
            return false;
        s.assign(m_data, m_pos, size);
        m_pos += size;
        return true;
    }
    // A count that cannot exceed the bytes left (each item takes at least `minBytes`).
    bool count(std::uint64_t& n, std::size_t minBytes) {
        return get(n) && n <= (m_end - m_pos) / minBytes;
    }
    bool done() const { return m_pos == m_end; }

private:
    const std::string& m_data;
    std::size_t m_pos = 0;
    std::size_t m_end;
};

std::string hashedName(const std::string& path) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", (unsigned long long)fnv(path.data(), path.size()));
    std::string base = std::filesystem::path(path).filename().string();
    for (char& c : base)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            c = '_';
    return std::string(hex) + "-" + base + kIndexCacheName;
}

bool unchanged(const WatchedPath& w, std::int64_t builtAtNs) {
    std::int64_t mtime = 0, size = 0;
    bool folder = false;
    if (!fileTimes(w.path, mtime, size, &folder) || folder != w.folder)
        return false;
    const bool trusted = mtime == w.mtimeNs && mtime < builtAtNs - kRacyNs;
    if (!w.folder)
        return trusted && size == w.size;
    if (trusted)
        return true;
    if (!w.hashed)
        return false;
    bool ok = false;
    return folderNamesHash(w.path, &ok) == w.namesHash && ok;
}

} // namespace

std::vector<std::string> indexCacheCandidates(const std::string& path,
                                              const std::string& cacheDir) {
    if (!cacheDir.empty())
        return {cacheDir + "/" + hashedName(path)};
    // Never beside the data unless asked (--cache-dir): a dataset may be a git checkout, a
    // shared or a read-only disk, and a file written into it is the user's to clean up.
    const std::string user = userCacheFolder();
    if (user.empty())
        return {};
    return {user + "/" + hashedName(path)};
}

std::string writeIndexCache(const std::string& cachePath, const std::string& root,
                            const DatasetIndex& index, const std::vector<WatchedPath>& watched,
                            std::int64_t builtAtNs) {
    std::error_code error;
    const std::filesystem::path folder = std::filesystem::path(cachePath).parent_path();
    std::filesystem::create_directories(folder, error);
    // Paths relative to the indexed folder (the list's or .rec's folder for a file).
    std::string base = index.root;
    if (!std::filesystem::is_directory(base, error))
        base = std::filesystem::path(base).parent_path().string();
    Writer w;
    w.raw(kMagic, sizeof kMagic);
    w.put(kVersion);
    w.str(root);
    w.str(index.format);
    w.str(index.root);
    w.str(base);
    w.put(builtAtNs);
    w.put(std::int64_t(index.ignoredFiles));
    w.put(std::uint64_t(watched.size()));
    for (const WatchedPath& p : watched) {
        w.put(std::uint8_t(p.folder));
        w.put(std::uint8_t(p.hashed));
        w.str(p.path);
        w.put(p.mtimeNs);
        w.put(p.size);
        w.put(p.namesHash);
    }
    w.put(std::uint64_t(index.identities.size()));
    for (const std::string& identity : index.identities)
        w.str(identity);
    w.put(std::uint64_t(index.images.size()));
    const std::string prefix = base + "/";
    for (const IndexedImage& image : index.images) {
        const bool relative = image.path.compare(0, prefix.size(), prefix) == 0;
        w.str(relative ? image.path.substr(prefix.size()) : image.path);
        w.put(std::uint8_t(relative));
        w.put(image.offset);
        w.put(image.size);
        w.put(image.label);
    }
    w.put(std::uint64_t(index.problems.size()));
    for (const DataProblem& problem : index.problems) {
        w.str(problem.path);
        w.str(problem.problem);
    }
    w.put(fnv(w.out().data(), w.out().size()));
    try {
        writeFileAtomically(cachePath, w.out());
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

bool readIndexCache(const std::string& cachePath, const std::string& root,
                    const std::string& format, DatasetIndex& index) {
    std::ifstream in(cachePath, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string data = buffer.str();
    if (data.size() < sizeof kMagic + 4 + 8 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        return false;
    const std::size_t end = data.size() - 8;
    std::uint64_t checksum = 0;
    std::memcpy(&checksum, data.data() + end, 8);
    if (checksum != fnv(data.data(), end))
        return false;
    Reader r(data, end);
    char magic[sizeof kMagic];
    for (char& c : magic)
        r.get(c);
    std::uint32_t version = 0;
    std::string key, storedFormat, base;
    DatasetIndex result;
    std::int64_t builtAt = 0, ignored = 0;
    if (!r.get(version) || version != kVersion || !r.str(key) || key != root ||
        !r.str(storedFormat) || storedFormat != format || !r.str(result.root) || !r.str(base) ||
        !r.get(builtAt) || !r.get(ignored))
        return false;
    result.format = storedFormat;
    result.ignoredFiles = ignored;
    // Validity first: a stale cache is not worth parsing further.
    std::uint64_t n = 0;
    if (!r.count(n, 30))
        return false;
    for (std::uint64_t i = 0; i < n; ++i) {
        WatchedPath w;
        std::uint8_t folder = 0, hashed = 0;
        if (!r.get(folder) || !r.get(hashed) || !r.str(w.path) || !r.get(w.mtimeNs) ||
            !r.get(w.size) || !r.get(w.namesHash))
            return false;
        w.folder = folder != 0;
        w.hashed = hashed != 0;
        if (!unchanged(w, builtAt))
            return false;
    }
    if (!r.count(n, 4))
        return false;
    result.identities.resize(n);
    for (std::string& identity : result.identities)
        if (!r.str(identity))
            return false;
    if (!r.count(n, 25))
        return false;
    result.images.resize(n);
    const std::string prefix = base + "/";
    std::string path;
    for (IndexedImage& image : result.images) {
        std::uint8_t relative = 0;
        if (!r.str(path) || !r.get(relative) || !r.get(image.offset) || !r.get(image.size) ||
            !r.get(image.label) || image.label < 0 ||
            std::uint64_t(image.label) >= result.identities.size())
            return false;
        image.path = relative ? prefix + path : path;
    }
    if (!r.count(n, 8))
        return false;
    result.problems.resize(n);
    for (DataProblem& problem : result.problems)
        if (!r.str(problem.path) || !r.str(problem.problem))
            return false;
    if (!r.done())
        return false;
    index = std::move(result);
    return true;
}

} // namespace fb::data
