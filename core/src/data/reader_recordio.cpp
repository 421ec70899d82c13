// InsightFace's MXNet RecordIO (train.rec + train.idx: MS1M-ArcFace, Glint360K, the
// CASIA-WebFace and VGGFace2 packs), read natively: no MXNet.
//   record  = uint32 magic 0xced7230a, uint32 lrecord (upper 3 bits cflag, lower 29 length),
//             payload, zero padding to 4 bytes (dmlc-core recordio.h).
//   payload = IRHeader {uint32 flag; float label; uint64 id; uint64 id2} (24 bytes), then
//             `flag` float labels when flag > 0, then the encoded image (mxnet recordio.py).
//   .idx    = "key<TAB>byte offset" lines (MXIndexedRecordIO).
// As InsightFace's MXFaceDataset reads it: when record 0's header has flag > 0 it is not an
// image; label[0] is the first key after the images (images are keys 1 .. label[0]-1, the
// identity records follow). Otherwise every key is an image. A record's label is header.label,
// or the first of its label array; identities are the distinct labels, named by their number
// and numbered in numeric order. Without a .idx the .rec is walked record by record.
// dmlc's writer splits a record whose payload holds the magic at a 4-byte boundary (cflag
// 1..3); such an image is not one contiguous byte range, so it is left out and listed.
#include "data/dataset_readers.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fb::data {

namespace {

constexpr std::uint32_t kMagic = 0xced7230a;
constexpr std::int64_t kRecordHeadBytes = 8; // magic + lrecord: the least a record takes
constexpr std::int64_t kHeaderBytes = 24;

bool endsWith(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

class RecFile {
public:
    explicit RecFile(const std::string& path)
        : m_path(path), m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (m_fd < 0)
            throw InputError(SourceLocation{path}, "",
                             std::string("cannot open the record file: ") + std::strerror(errno));
        struct stat st;
        if (::fstat(m_fd, &st) == 0)
            m_size = std::int64_t(st.st_size);
    }
    ~RecFile() { ::close(m_fd); }
    RecFile(const RecFile&) = delete;
    RecFile& operator=(const RecFile&) = delete;

    std::int64_t size() const { return m_size; }
    // Compares without adding to the offset, which may come from the file and be near INT64_MAX.
    bool read(std::int64_t offset, void* into, std::size_t bytes) const {
        return offset >= 0 && offset <= m_size &&
               std::uint64_t(bytes) <= std::uint64_t(m_size - offset) &&
               ::pread(m_fd, into, bytes, off_t(offset)) == ssize_t(bytes);
    }
    // Each record takes at least its 8-byte head, so no index can list more records than this.
    std::int64_t maxRecords() const { return m_size / kRecordHeadBytes; }

private:
    std::string m_path;
    int m_fd;
    std::int64_t m_size = 0;
};

std::uint32_t u32(const unsigned char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4); // RecordIO is little-endian, as are the hosts LibTorch runs on
    return v;
}

struct Record {
    std::int64_t imageOffset = 0;
    std::int64_t imageSize = 0;
    std::uint32_t flag = 0;
    std::vector<float> labels; // header.label, or the label array when flag > 0
};

// Reads one record's header; returns "" or what is wrong with it.
std::string readRecord(const RecFile& rec, std::int64_t offset, Record& record) {
    unsigned char head[8 + kHeaderBytes];
    if (!rec.read(offset, head, 8))
        return "no record at this offset (beyond the end of the file)";
    if (u32(head) != kMagic)
        return "not a record (no RecordIO magic 0xced7230a)";
    const std::uint32_t lrecord = u32(head + 4);
    const std::uint32_t cflag = lrecord >> 29;
    const std::int64_t length = lrecord & ((1u << 29) - 1);
    if (cflag != 0)
        return "the record is split in parts (its image holds the RecordIO magic); not supported";
    if (offset + 8 + length > rec.size())
        return "truncated record: " + std::to_string(length) + " bytes announced, " +
               std::to_string(rec.size() - offset - 8) + " left in the file";
    if (length < kHeaderBytes || !rec.read(offset + 8, head + 8, kHeaderBytes))
        return "record shorter than its 24-byte header";
    record.flag = u32(head + 8);
    const std::int64_t labelBytes = std::int64_t(record.flag) * 4;
    if (kHeaderBytes + labelBytes > length)
        return "header announces " + std::to_string(record.flag) +
               " labels, more than the record holds";
    if (record.flag == 0) {
        float label;
        std::memcpy(&label, head + 12, 4);
        record.labels = {label};
    } else {
        record.labels.resize(record.flag);
        if (!rec.read(offset + 8 + kHeaderBytes, record.labels.data(), std::size_t(labelBytes)))
            return "cannot read the label array";
    }
    record.imageOffset = offset + 8 + kHeaderBytes + labelBytes;
    record.imageSize = length - kHeaderBytes - labelBytes;
    return "";
}

// True when v is a number in [low, high]. Only then may it be converted to an integer: converting
// a float outside the integer's range is undefined behaviour.
bool inRange(float v, double low, double high) {
    return std::isfinite(v) && double(v) >= low && double(v) <= high;
}

std::string shortNumber(float v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", double(v));
    return text;
}

// The index must describe this .rec: every offset inside it, and no more entries than it can hold
// records, which also bounds the memory the index takes.
std::map<long long, std::int64_t> readIdx(const std::string& idxPath, const RecFile& rec,
                                          const std::string& recPath) {
    std::ifstream in(idxPath);
    if (!in)
        throw InputError(SourceLocation{idxPath}, "",
                         std::string("cannot read the index: ") + std::strerror(errno));
    std::map<long long, std::int64_t> offsets;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        std::istringstream fields(line);
        long long key = 0, offset = 0;
        if (!(fields >> key >> offset) || offset < 0)
            throw InputError(SourceLocation{idxPath, lineNo}, "",
                             "expected \"key<TAB>offset\", found \"" + line + "\"");
        if (offset > rec.size() - kRecordHeadBytes)
            throw InputError(SourceLocation{idxPath, lineNo}, "",
                             "offset " + std::to_string(offset) +
                                 " leaves no room for a record in " + recPath + " (" +
                                 std::to_string(rec.size()) +
                                 " bytes): the index does not belong to this record file");
        if (std::int64_t(offsets.size()) >= rec.maxRecords() && !offsets.count(key))
            throw InputError(SourceLocation{idxPath, lineNo}, "",
                             "more entries than " + recPath + " (" + std::to_string(rec.size()) +
                                 " bytes) can hold records: the index does not belong to this "
                                 "record file");
        offsets[key] = offset;
    }
    return offsets;
}

// No .idx: the records lie back to back; keys count from 0.
std::map<long long, std::int64_t> walkRec(const RecFile& rec, const std::string& recPath) {
    std::map<long long, std::int64_t> offsets;
    std::int64_t offset = 0;
    long long key = 0;
    while (offset + 8 <= rec.size()) {
        unsigned char head[8];
        rec.read(offset, head, 8);
        if (u32(head) != kMagic)
            throw InputError(SourceLocation{recPath}, "",
                             "byte " + std::to_string(offset) +
                                 ": not a record (no RecordIO magic); the file is damaged");
        const std::uint32_t lrecord = u32(head + 4);
        const std::uint32_t cflag = lrecord >> 29;
        if (cflag == 0 || cflag == 1)
            offsets[key++] = offset;
        offset += 8 + ((std::int64_t(lrecord & ((1u << 29) - 1)) + 3) / 4) * 4;
    }
    return offsets;
}

} // namespace

DatasetIndex readRecordIo(const std::string& path, IndexContext& context) {
    std::string recPath = path, idxPath;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        recPath = path + "/train.rec";
        idxPath = path + "/train.idx";
    } else if (endsWith(path, ".idx")) {
        idxPath = path;
        recPath = path.substr(0, path.size() - 4) + ".rec";
    } else {
        idxPath = (endsWith(path, ".rec") ? path.substr(0, path.size() - 4) : path) + ".idx";
    }
    DatasetIndex index;
    index.root = recPath;
    index.format = "recordio";
    const RecFile rec(recPath);
    std::int64_t mtime = 0, size = 0;
    if (fileTimes(recPath, mtime, size))
        context.watched.push_back({recPath, false, false, mtime, size, 0});
    const bool haveIdx = fileTimes(idxPath, mtime, size);
    if (haveIdx)
        context.watched.push_back({idxPath, false, false, mtime, size, 0});
    const std::map<long long, std::int64_t> offsets =
        haveIdx ? readIdx(idxPath, rec, recPath) : walkRec(rec, recPath);
    if (offsets.empty())
        throw InputError(SourceLocation{haveIdx ? idxPath : recPath}, "", "no records");

    // Which keys are images: InsightFace's record 0 convention, else all of them.
    std::vector<long long> imageKeys;
    Record first;
    const auto zero = offsets.find(0);
    if (zero != offsets.end() && readRecord(rec, zero->second, first).empty() && first.flag > 0) {
        // Images and identity records all have entries, so the first key after the images is at
        // most the number of entries; checked before the conversion and the loop over the keys.
        const float firstAfterImages = first.labels[0];
        if (!inRange(firstAfterImages, 1, double(offsets.size())))
            throw InputError(SourceLocation{recPath}, "",
                             "record 0 says the images end before key " +
                                 shortNumber(firstAfterImages) + ", but " +
                                 (haveIdx ? idxPath : recPath) + " holds only " +
                                 std::to_string(offsets.size()) +
                                 (offsets.size() == 1 ? " record" : " records"));
        const long long end = (long long)firstAfterImages; // truncated, as int() in InsightFace
        for (long long key = 1; key < end; ++key)
            imageKeys.push_back(key);
    } else {
        for (const auto& entry : offsets)
            imageKeys.push_back(entry.first);
    }

    struct Found {
        IndexedImage image;
        long long label;
    };
    std::vector<Found> found;
    found.reserve(imageKeys.size());
    long long sinceReport = 0;
    for (const long long key : imageKeys) {
        const std::string where = recPath + ": record " + std::to_string(key);
        const auto it = offsets.find(key);
        if (it == offsets.end()) {
            index.problems.push_back(
                {where, "missing from " + (haveIdx ? idxPath : recPath) +
                            " (record 0 announces images 1.." +
                            std::to_string(imageKeys.empty() ? 0 : imageKeys.back()) + ")"});
            continue;
        }
        Record record;
        const std::string problem = readRecord(rec, it->second, record);
        if (!problem.empty()) {
            index.problems.push_back({where + " at byte " + std::to_string(it->second), problem});
            continue;
        }
        const float label = record.labels[0];
        if (!inRange(label, 0, 2147483647.0)) {
            index.problems.push_back(
                {where, "label " + std::to_string(label) + " is not an identity number"});
            continue;
        }
        Found item;
        item.image.path = recPath;
        item.image.offset = record.imageOffset;
        item.image.size = record.imageSize;
        item.label = (long long)label; // truncated, as torch.tensor(label, dtype=torch.long)
        found.push_back(std::move(item));
        if (++sinceReport == 4096) {
            context.filesSeen(sinceReport);
            sinceReport = 0;
        }
    }
    context.filesSeen(sinceReport);

    std::map<long long, std::int32_t> labelOf;
    for (const Found& item : found)
        labelOf.emplace(item.label, 0);
    for (auto& [number, label] : labelOf) {
        label = std::int32_t(index.identities.size());
        index.identities.push_back(std::to_string(number));
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.label != b.label ? a.label < b.label : a.image.offset < b.image.offset;
    });
    index.images.reserve(found.size());
    for (Found& item : found) {
        item.image.label = labelOf.at(item.label);
        index.images.push_back(std::move(item.image));
    }
    return index;
}

} // namespace fb::data
