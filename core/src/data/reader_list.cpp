// List files: one "path label" line per image, as LightCNN's and FaceX-Zoo's training lists
// (and `data overlap --remove`) write them.
//   - The label is the last whitespace-separated field, the path everything before it, so
//     paths with spaces work. A line with a single field is a path whose identity is its
//     parent folder. Blank lines and lines starting with '#' are skipped.
//   - Relative paths are resolved against the list file's folder, or IndexOptions::imageRoot.
//   - Images with the same label text are one identity. Identities are numbered 0..n-1 in
//     numeric order when every label is an integer (so a list labelled 0..n-1 keeps its
//     labels), else in text order.
//   - An identity's name (what `data overlap` compares) is the parent folder its images share
//     ("0000045/001.jpg 0" -> "0000045", CASIA-WebFace's id), or the label text when its
//     images sit in different folders or another label claims the same folder name.
//   - A listed file that does not exist is left out and listed as a problem "list:line".
#include "data/dataset_readers.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unordered_map>

namespace fb::data {

namespace {

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::string parentName(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0)
        return "";
    const std::size_t before = path.rfind('/', slash - 1);
    return path.substr(before == std::string::npos ? 0 : before + 1,
                       slash - (before == std::string::npos ? 0 : before + 1));
}

std::string parentPath(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

bool integerText(const std::string& text, long long& value) {
    if (text.empty())
        return false;
    char* end = nullptr;
    errno = 0;
    value = std::strtoll(text.c_str(), &end, 10);
    return errno == 0 && end && *end == '\0';
}

struct ListedImage {
    IndexedImage image;
    std::string key;
};

std::string readListText(const std::string& listPath) {
    std::ifstream in(listPath, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{listPath}, "",
                         std::string("cannot read the list: ") + std::strerror(errno));
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Splits the trimmed line text[a, b) into its path, resolved against base, and its label text
// (empty when the line has a single field).
void splitListLine(const std::string& text, std::size_t a, std::size_t b, const std::string& base,
                   std::string& path, std::string& key) {
    std::size_t cut = b;
    while (cut > a && !space(text[cut - 1]))
        --cut;
    if (cut == a) {
        path = text.substr(a, b - a);
    } else {
        key = text.substr(cut, b - cut);
        std::size_t pathEnd = cut;
        while (pathEnd > a && space(text[pathEnd - 1]))
            --pathEnd;
        path = text.substr(a, pathEnd - a);
    }
    if (path[0] != '/')
        path = base + "/" + path;
    if (path.find("/.") != std::string::npos || path.find("//") != std::string::npos)
        path = std::filesystem::path(path).lexically_normal().string();
}

// Every line's image that exists, with its label text; the folders holding them go to folders,
// each line that names no readable file to index.problems as "list:line".
std::vector<ListedImage> readListedImages(const std::string& text, const std::string& listPath,
                                          const std::string& base, DatasetIndex& index,
                                          std::set<std::string>& folders, IndexContext& context) {
    std::vector<ListedImage> listed;
    std::size_t pos = 0;
    int lineNo = 0;
    long long sinceReport = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        ++lineNo;
        std::size_t a = pos, b = end;
        pos = end + 1;
        while (a < b && space(text[a]))
            ++a;
        while (b > a && space(text[b - 1]))
            --b;
        if (a == b || text[a] == '#')
            continue;
        const std::string where = listPath + ":" + std::to_string(lineNo);
        std::string path, key;
        splitListLine(text, a, b, base, path, key);
        if (key.empty()) {
            key = parentName(path);
            if (key.empty()) {
                index.problems.push_back({where, "no label and no parent folder to name the "
                                                 "identity; expected \"path label\""});
                continue;
            }
        }
        struct stat st;
        if (::stat(path.c_str(), &st) != 0) {
            index.problems.push_back(
                {where, "names " + path + ", which cannot be read: " + std::strerror(errno)});
            continue;
        }
        if (!S_ISREG(st.st_mode)) {
            index.problems.push_back({where, "names " + path + ", which is not a file"});
            continue;
        }
        folders.insert(parentPath(path));
        ListedImage item;
        item.image.path = std::move(path);
        item.image.size = std::int64_t(st.st_size);
        item.key = std::move(key);
        listed.push_back(std::move(item));
        if (++sinceReport == 4096) {
            context.filesSeen(sinceReport);
            sinceReport = 0;
        }
    }
    context.filesSeen(sinceReport);
    return listed;
}

// The distinct label texts in identity order: numeric when every one is an integer, else text.
std::vector<std::string> identityKeys(const std::vector<ListedImage>& listed) {
    bool numeric = true;
    std::unordered_map<std::string, long long> numbers;
    for (const ListedImage& item : listed) {
        long long value = 0;
        if (numbers.count(item.key))
            continue;
        if (!integerText(item.key, value)) {
            numeric = false;
            break;
        }
        numbers.emplace(item.key, value);
    }
    std::vector<std::string> keys;
    {
        std::set<std::string> unique;
        for (const ListedImage& item : listed)
            if (unique.insert(item.key).second)
                keys.push_back(item.key);
    }
    std::sort(keys.begin(), keys.end(), [&](const std::string& x, const std::string& y) {
        if (numeric)
            return numbers.at(x) < numbers.at(y);
        return x < y;
    });
    return keys;
}

// Each identity's name: the parent folder its images share, else its label text; a folder name
// two identities claim is neither's. The images' labels are set already.
std::vector<std::string> identityNames(const std::vector<ListedImage>& listed,
                                       const std::vector<std::string>& keys) {
    std::vector<std::string> folderName(keys.size());
    std::vector<bool> mixed(keys.size(), false);
    for (const ListedImage& item : listed) {
        const std::size_t label = std::size_t(item.image.label);
        const std::string parent = parentName(item.image.path);
        if (folderName[label].empty() && !mixed[label])
            folderName[label] = parent;
        else if (folderName[label] != parent)
            mixed[label] = true;
    }
    std::map<std::string, int> claims;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (!mixed[i] && !folderName[i].empty())
            ++claims[folderName[i]];
    std::vector<std::string> names(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        names[i] = !mixed[i] && !folderName[i].empty() && claims[folderName[i]] == 1 ? folderName[i]
                                                                                     : keys[i];
    return names;
}

// The folders holding the images: a file added or removed there changes their mtime. The list's
// own folder also gets a names hash, since the cache file is written into it.
void watchImageFolders(const std::set<std::string>& folders, const std::string& listFolder,
                       IndexContext& context) {
    std::int64_t mtime = 0, size = 0;
    for (const std::string& folder : folders) {
        bool isFolder = false;
        if (fileTimes(folder, mtime, size, &isFolder) && isFolder)
            context.watched.push_back({folder, true, folder == listFolder, mtime, 0,
                                       folder == listFolder ? folderNamesHash(folder) : 0});
    }
    if (!folders.count(listFolder) && fileTimes(listFolder, mtime, size))
        context.watched.push_back({listFolder, true, true, mtime, 0, folderNamesHash(listFolder)});
}

} // namespace

DatasetIndex readListFile(const std::string& listPath, const std::string& imageRoot,
                          IndexContext& context) {
    const std::string text = readListText(listPath);
    const std::string listFolder = parentPath(listPath);
    const std::string base = imageRoot.empty() ? listFolder : imageRoot;

    DatasetIndex index;
    index.root = listPath;
    index.format = "list";
    std::int64_t mtime = 0, size = 0;
    if (fileTimes(listPath, mtime, size))
        context.watched.push_back({listPath, false, false, mtime, size, 0});

    std::set<std::string> folders;
    std::vector<ListedImage> listed =
        readListedImages(text, listPath, base, index, folders, context);
    const std::vector<std::string> keys = identityKeys(listed);
    std::unordered_map<std::string, std::int32_t> labelOf;
    for (std::size_t i = 0; i < keys.size(); ++i)
        labelOf.emplace(keys[i], std::int32_t(i));
    for (ListedImage& item : listed)
        item.image.label = labelOf.at(item.key);
    index.identities = identityNames(listed, keys);

    std::sort(listed.begin(), listed.end(), [](const ListedImage& x, const ListedImage& y) {
        return x.image.label != y.image.label ? x.image.label < y.image.label
                                              : x.image.path < y.image.path;
    });
    index.images.reserve(listed.size());
    for (ListedImage& item : listed)
        index.images.push_back(std::move(item.image));
    watchImageFolders(folders, listFolder, context);
    return index;
}

} // namespace fb::data
