// Breadth and depth of a dataset (seed Table 16) and the identity overlap between a training
// and a test set (seed Section 4.4: "overlapped subjects between training and test datasets
// are removed").
#include "facebench/dataset_stats.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <unordered_map>

namespace fb {

namespace {

std::vector<long long> imagesPerIdentity(const DatasetIndex& index) {
    std::vector<long long> counts(index.identities.size(), 0);
    for (const IndexedImage& image : index.images)
        if (image.label >= 0 && std::size_t(image.label) < counts.size())
            ++counts[std::size_t(image.label)];
    return counts;
}

std::string trim(const std::string& text) {
    std::size_t a = 0, b = text.size();
    while (a < b && (std::isspace(static_cast<unsigned char>(text[a])) || text[a] == '"'))
        ++a;
    while (b > a && (std::isspace(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '"'))
        --b;
    return text.substr(a, b - a);
}

std::string mapped(const std::map<std::string, std::string>& names, const std::string& name) {
    const auto it = names.find(name);
    return it == names.end() ? name : it->second;
}

} // namespace

DatasetStats computeDatasetStats(const DatasetIndex& index) {
    std::vector<long long> counts = imagesPerIdentity(index);
    counts.erase(std::remove(counts.begin(), counts.end(), 0LL), counts.end());
    DatasetStats stats;
    stats.identities = (long long)counts.size();
    stats.images = (long long)index.images.size();
    if (counts.empty())
        return stats;
    std::sort(counts.begin(), counts.end());
    stats.meanPerIdentity = double(stats.images) / double(stats.identities);
    const std::size_t n = counts.size();
    stats.medianPerIdentity =
        n % 2 ? double(counts[n / 2]) : (double(counts[n / 2 - 1]) + double(counts[n / 2])) / 2.0;
    stats.minPerIdentity = counts.front();
    stats.maxPerIdentity = counts.back();
    return stats;
}

std::string normalizeIdentityName(const std::string& name) {
    std::string key;
    bool gap = false;
    for (const char c : name) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.') {
            gap = true;
            continue;
        }
        if (gap && !key.empty())
            key += ' ';
        gap = false;
        key += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

std::map<std::string, std::string> readIdentityNames(const std::string& csvPath) {
    std::ifstream in(csvPath);
    if (!in)
        throw InputError(SourceLocation{csvPath}, "",
                         std::string("cannot read the names file: ") + std::strerror(errno));
    std::map<std::string, std::string> names;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (trim(line).empty())
            continue;
        const std::size_t comma = line.find(',');
        if (comma == std::string::npos)
            throw InputError(SourceLocation{csvPath, lineNo}, "",
                             "expected \"id, name[, ...]\", found \"" + line + "\"");
        const std::string id = trim(line.substr(0, comma));
        const std::size_t next = line.find(',', comma + 1);
        const std::string name = trim(line.substr(
            comma + 1, next == std::string::npos ? std::string::npos : next - comma - 1));
        if (lineNo == 1 && id == "Class_ID")
            continue;
        if (id.empty() || name.empty())
            throw InputError(SourceLocation{csvPath, lineNo}, "", "empty id or name");
        names[id] = name;
    }
    return names;
}

std::vector<OverlapIdentity>
findIdentityOverlap(const DatasetIndex& train, const DatasetIndex& test,
                    const std::map<std::string, std::string>& trainNames,
                    const std::map<std::string, std::string>& testNames) {
    const std::vector<long long> trainCounts = imagesPerIdentity(train);
    const std::vector<long long> testCounts = imagesPerIdentity(test);
    std::unordered_map<std::string, std::size_t> testByKey;
    for (std::size_t i = 0; i < test.identities.size(); ++i)
        if (testCounts[i] > 0)
            testByKey.emplace(normalizeIdentityName(mapped(testNames, test.identities[i])), i);
    std::vector<OverlapIdentity> result;
    for (std::size_t i = 0; i < train.identities.size(); ++i) {
        if (trainCounts[i] == 0)
            continue;
        const std::string key = normalizeIdentityName(mapped(trainNames, train.identities[i]));
        const auto it = testByKey.find(key);
        if (key.empty() || it == testByKey.end())
            continue;
        result.push_back({train.identities[i], test.identities[it->second], key, trainCounts[i],
                          testCounts[it->second]});
    }
    return result;
}

TrainingListSummary writeTrainingList(const DatasetIndex& train,
                                      const std::vector<std::string>& removeNames,
                                      const std::string& outPath) {
    if (train.format == "recordio")
        throw InputError(SourceLocation{train.root}, "",
                         "the training set is RecordIO: its images are records, not files, so a "
                         "list file cannot name them");
    const std::set<std::string> removed(removeNames.begin(), removeNames.end());
    std::vector<std::int32_t> newLabel(train.identities.size(), -1);
    TrainingListSummary summary;
    std::string text;
    for (const IndexedImage& image : train.images) {
        const std::size_t label = std::size_t(image.label);
        if (removed.count(train.identities[label]))
            continue;
        if (image.path.find('\n') != std::string::npos)
            throw InputError(SourceLocation{image.path}, "",
                             "a path with a line break cannot go into a list file");
        if (newLabel[label] < 0)
            newLabel[label] = std::int32_t(summary.identities++);
        text += image.path;
        text += ' ';
        text += std::to_string(newLabel[label]);
        text += '\n';
        ++summary.images;
    }
    writeFileAtomically(outPath, text);
    return summary;
}

} // namespace fb
