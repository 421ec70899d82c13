// indexDataset: picks the reader for the path's format, reuses or writes the cached index
// (index_cache.h gives the validity rule) and turns "nothing to index" into an InputError
// naming the path. The readers are one file a format: reader_image_folder.cpp, reader_lfw.cpp,
// reader_list.cpp, reader_recordio.cpp.
#include "facebench/dataset_index.h"

#include "data/dataset_readers.h"
#include "data/index_cache.h"
#include "facebench/errors.h"
#include "util/did_you_mean.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>

namespace fb {

namespace {

const std::vector<std::string> kFormats = {"imagefolder", "list", "lfw", "recordio"};

bool endsWithNoCase(const std::string& text, const std::string& tail) {
    if (text.size() < tail.size())
        return false;
    for (std::size_t i = 0; i < tail.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - tail.size() + i])) !=
            tail[i])
            return false;
    return true;
}

std::string absolutePath(const std::string& path) {
    std::error_code error;
    std::string result = std::filesystem::absolute(path, error).lexically_normal().string();
    if (error)
        result = path;
    while (result.size() > 1 && result.back() == '/')
        result.pop_back();
    return result;
}

// Stats `path`; throws InputError naming it when it is missing or unreachable.
bool isFolder(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            throw InputError(SourceLocation{path}, "", "no such file or folder");
        throw InputError(SourceLocation{path}, "",
                         std::string("cannot access: ") + std::strerror(errno));
    }
    return S_ISDIR(st.st_mode);
}

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string emptyHint(const std::string& format) {
    if (format == "imagefolder")
        return "expected root/<identity>/<image> with image extensions jpg jpeg png bmp webp ppm "
               "pgm tif";
    if (format == "lfw")
        return "expected LFW's root/Name/Name_0001.jpg";
    if (format == "list")
        return "expected \"path label\" lines naming existing files";
    return "expected train.rec + train.idx as InsightFace writes them";
}

} // namespace

bool isImageFileName(const std::string& name) {
    for (const char* ext :
         {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".ppm", ".pgm", ".tif", ".tiff"})
        if (endsWithNoCase(name, ext) && name.size() > std::strlen(ext))
            return true;
    return false;
}

std::string detectDatasetFormat(const std::string& path) {
    const std::string absolute = absolutePath(path);
    if (isFolder(absolute)) {
        struct stat st;
        if (::stat((absolute + "/train.rec").c_str(), &st) == 0)
            return "recordio";
        return data::looksLikeLfw(absolute) ? "lfw" : "imagefolder";
    }
    if (endsWithNoCase(absolute, ".rec") || endsWithNoCase(absolute, ".idx"))
        return "recordio";
    if (endsWithNoCase(absolute, ".bin"))
        throw InputError(SourceLocation{absolute}, "",
                         "an InsightFace .bin verification set holds image pairs, not identities: "
                         "evaluate it (readVerificationBin), do not index it");
    return "list";
}

DatasetIndex indexDataset(const std::string& path, const IndexOptions& options,
                          const std::function<void(const IndexProgress&)>& progress,
                          const std::atomic_bool* cancel) {
    if (path.empty())
        throw InputError("no dataset path given");
    const std::string root = absolutePath(path);
    const bool folder = isFolder(root);
    std::string format = options.format.empty() ? "auto" : options.format;
    if (format == "auto") {
        format = detectDatasetFormat(root);
    } else if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end()) {
        throw InputError(SourceLocation{}, "format",
                         "unknown dataset format '" + format +
                             "' (auto, imagefolder, list, lfw, "
                             "recordio)" +
                             didYouMean(format, kFormats));
    } else if (!folder && (format == "imagefolder" || format == "lfw")) {
        throw InputError(SourceLocation{root}, "",
                         "is a file; the " + format + " format needs a folder");
    } else if (folder && format == "list") {
        throw InputError(SourceLocation{root}, "", "is a folder; the list format needs a file");
    }

    // The cache key: the path, plus the image root a list's paths were resolved against.
    std::string imageRoot;
    if (!options.imageRoot.empty()) {
        if (format != "list")
            throw InputError(SourceLocation{}, "image-root",
                             "an image root applies to list files only, not to " + format);
        imageRoot = absolutePath(options.imageRoot);
        if (!isFolder(imageRoot))
            throw InputError(SourceLocation{imageRoot}, "image-root", "is not a folder");
    }
    const std::string cacheKey = imageRoot.empty() ? root : root + "\n" + imageRoot;
    const std::int64_t builtAt = nowNs();
    if (options.useCache) {
        for (const std::string& candidate : data::indexCacheCandidates(root, options.cacheDir)) {
            DatasetIndex cached;
            if (data::readIndexCache(candidate, cacheKey, format, cached)) {
                cached.cachePath = candidate;
                cached.fromCache = true;
                if (progress)
                    progress({(long long)cached.images.size(), true});
                return cached;
            }
        }
    }

    data::IndexContext context(progress, cancel);
    DatasetIndex index;
    if (format == "imagefolder")
        index = data::readImageFolder(root, context);
    else if (format == "lfw")
        index = data::readLfwFolder(root, context);
    else if (format == "list")
        index = data::readListFile(root, imageRoot, context);
    else
        index = data::readRecordIo(root, context);
    context.checkCancel();

    if (index.images.empty()) {
        std::string detail;
        if (!index.problems.empty())
            detail = "; " + std::to_string(index.problems.size()) +
                     " problem(s), the first: " + index.problems.front().path + ": " +
                     index.problems.front().problem;
        throw InputError(SourceLocation{root}, "",
                         "no images found (" + format + " format: " + emptyHint(format) + ")" +
                             detail);
    }
    if (options.useCache) {
        for (const std::string& candidate : data::indexCacheCandidates(root, options.cacheDir)) {
            if (data::writeIndexCache(candidate, cacheKey, index, context.watched, builtAt)
                    .empty()) {
                index.cachePath = candidate;
                break;
            }
        }
    }
    return index;
}

} // namespace fb

namespace fb::data {

void IndexContext::filesSeen(long long count) {
    m_files += count;
    if (m_progress && m_files - m_reported >= 10000) {
        m_reported = m_files;
        m_progress({m_files, false});
    }
    checkCancel();
}

void IndexContext::checkCancel() const {
    if (m_cancel && m_cancel->load())
        throw JobError("indexing cancelled");
}

} // namespace fb::data
