// LFW (Huang et al. 2007): root/Name/Name_NNNN.jpg, the layout of lfw.tgz, lfw-deepfunneled
// and the aligned crops the seed evaluates on (Section 3.2). The same walk as ImageFolder, plus
// LFW's own rules: a file not named <folder>_<digits>.<ext> is left out and listed (pairs.txt
// could never name it), and when pairs.txt is present every image it names must exist; a pair
// naming a missing image is listed with pairs.txt's line.
#include "data/dataset_readers.h"

#include "facebench/errors.h"
#include "facebench/protocol_files.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <sys/stat.h>

namespace fb::data {

namespace {

std::string baseName(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "<identity>_<digits>.<ext>"
bool lfwName(const std::string& identity, const std::string& file) {
    if (file.size() < identity.size() + 3 || file.compare(0, identity.size(), identity) != 0 ||
        file[identity.size()] != '_')
        return false;
    const std::size_t dot = file.rfind('.');
    if (dot == std::string::npos || dot <= identity.size() + 1)
        return false;
    for (std::size_t i = identity.size() + 1; i < dot; ++i)
        if (!std::isdigit(static_cast<unsigned char>(file[i])))
            return false;
    return true;
}

bool exists(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

} // namespace

bool looksLikeLfw(const std::string& root) {
    if (exists(root + "/pairs.txt") || exists(root + "/pairsDevTest.txt") ||
        exists(root + "/lfw-names.txt"))
        return true;
    // No protocol file: sample the first few identity folders (cheap, whatever the size).
    IndexContext context({}, nullptr);
    long long filesInRoot = 0;
    std::vector<FolderEntry> folders;
    try {
        folders = listIdentityFolders(root, filesInRoot, context);
    } catch (const InputError&) {
        return false;
    }
    int checked = 0;
    for (const FolderEntry& folder : folders) {
        if (checked == 3)
            break;
        std::vector<DataProblem> problems;
        long long ignored = 0;
        const ScannedIdentity identity = scanIdentityFolder(folder, context, problems, ignored);
        if (identity.images.empty())
            continue;
        for (const IndexedImage& image : identity.images)
            if (!lfwName(folder.name, baseName(image.path)))
                return false;
        ++checked;
    }
    return checked > 0;
}

DatasetIndex readLfwFolder(const std::string& root, IndexContext& context) {
    DatasetIndex index = readImageFolder(root, context);
    index.format = "lfw";
    // Leave out the files LFW's naming does not allow, keeping labels dense.
    std::vector<IndexedImage> kept;
    kept.reserve(index.images.size());
    std::vector<std::int32_t> remap(index.identities.size(), -1);
    std::vector<std::string> names;
    for (IndexedImage& image : index.images) {
        const std::string& identity = index.identities[std::size_t(image.label)];
        const std::string file = baseName(image.path);
        const bool direct = image.path.size() == root.size() + identity.size() + file.size() + 2;
        if (!direct || !lfwName(identity, file)) {
            index.problems.push_back({image.path, "not LFW's Name/Name_NNNN naming (expected " +
                                                      identity + "/" + identity +
                                                      "_0001.jpg); left out"});
            continue;
        }
        std::int32_t& label = remap[std::size_t(image.label)];
        if (label < 0) {
            label = std::int32_t(names.size());
            names.push_back(identity);
        }
        image.label = label;
        kept.push_back(std::move(image));
    }
    index.images = std::move(kept);
    index.identities = std::move(names);

    const std::string pairsPath = root + "/pairs.txt";
    if (!exists(pairsPath))
        return index;
    LfwPairs pairs;
    try {
        pairs = readLfwPairs(pairsPath);
    } catch (const InputError& error) {
        index.problems.push_back({pairsPath, error.what()});
        return index;
    }
    std::set<std::string> present;
    for (const IndexedImage& image : index.images)
        present.insert(image.path.substr(root.size() + 1));
    std::set<std::string> reported;
    for (std::size_t k = 0; k < pairs.pairs.size(); ++k) {
        const LfwPair& pair = pairs.pairs[k];
        const int line = int(k) + 2; // line 1 is the header; readLfwPairs rejects blank lines
        for (const auto& [name, number] :
             {std::make_pair(pair.name1, pair.index1), std::make_pair(pair.name2, pair.index2)}) {
            const std::string relative = lfwImagePath(name, number);
            if (present.count(relative) == 0 && reported.insert(relative).second)
                index.problems.push_back({pairsPath + ":" + std::to_string(line),
                                          "names " + relative + ", which is not in the index"});
        }
    }
    return index;
}

} // namespace fb::data
