// Readers and writers of the protocol files (see protocol_files.h). The readers are strict:
// a malformed line is an InputError naming file:line, never a silently skipped pair.
#include "facebench/protocol_files.h"

#include "facebench/errors.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace fb {

namespace {

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the file");
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream stream(line);
    std::string field;
    while (stream >> field)
        fields.push_back(field);
    return fields;
}

[[noreturn]] void fail(const std::string& path, int line, const std::string& problem) {
    throw InputError(SourceLocation{path, line}, "", problem);
}

int parseIndex(const std::string& text, const std::string& path, int line) {
    try {
        std::size_t used = 0;
        const int value = std::stoi(text, &used);
        if (used == text.size() && value >= 0)
            return value;
    } catch (const std::exception&) {
    }
    fail(path, line, "'" + text + "' is not a non-negative integer");
}

} // namespace

// ---- LFW -------------------------------------------------------------------------------------

LfwPairs readLfwPairs(const std::string& path) {
    const std::vector<std::string> lines = readLines(path);
    if (lines.empty())
        fail(path, 1, "empty file, expected the header \"folds<TAB>pairs\"");
    const std::vector<std::string> header = splitFields(lines[0]);
    if (header.size() != 2)
        fail(path, 1, "expected the header \"folds<TAB>pairs\"");
    LfwPairs result;
    result.folds = parseIndex(header[0], path, 1);
    result.pairsPerFold = parseIndex(header[1], path, 1);
    if (result.folds < 1 || result.pairsPerFold < 1)
        fail(path, 1, "folds and pairs per fold must be positive");
    const std::size_t expected = 1 + std::size_t(result.folds) * result.pairsPerFold * 2;
    std::size_t count = lines.size();
    while (count > 1 && lines[count - 1].empty())
        --count;
    if (count != expected)
        fail(path, int(count),
             "expected " + std::to_string(expected - 1) + " pair lines (" +
                 std::to_string(result.folds) + " folds of " + std::to_string(result.pairsPerFold) +
                 " matched + " + std::to_string(result.pairsPerFold) + " mismatched), found " +
                 std::to_string(count - 1));
    for (std::size_t i = 1; i < count; ++i) {
        const int lineNo = int(i) + 1;
        const std::size_t k = i - 1;
        const int fold = int(k / (2 * result.pairsPerFold));
        const bool same = (k % (2 * result.pairsPerFold)) < std::size_t(result.pairsPerFold);
        const std::vector<std::string> f = splitFields(lines[i]);
        LfwPair pair;
        pair.fold = fold;
        pair.same = same;
        if (same) {
            if (f.size() != 3)
                fail(path, lineNo, "expected a matched pair \"name<TAB>i<TAB>j\"");
            pair.name1 = pair.name2 = f[0];
            pair.index1 = parseIndex(f[1], path, lineNo);
            pair.index2 = parseIndex(f[2], path, lineNo);
        } else {
            if (f.size() != 4)
                fail(path, lineNo, "expected a mismatched pair \"name1<TAB>i<TAB>name2<TAB>j\"");
            pair.name1 = f[0];
            pair.index1 = parseIndex(f[1], path, lineNo);
            pair.name2 = f[2];
            pair.index2 = parseIndex(f[3], path, lineNo);
        }
        if (pair.index1 < 1 || pair.index2 < 1)
            fail(path, lineNo, "image indices are 1-based");
        result.pairs.push_back(pair);
    }
    return result;
}

std::string formatLfwPairs(const LfwPairs& pairs) {
    std::string out =
        std::to_string(pairs.folds) + "\t" + std::to_string(pairs.pairsPerFold) + "\n";
    for (const LfwPair& p : pairs.pairs) {
        if (p.same)
            out +=
                p.name1 + "\t" + std::to_string(p.index1) + "\t" + std::to_string(p.index2) + "\n";
        else
            out += p.name1 + "\t" + std::to_string(p.index1) + "\t" + p.name2 + "\t" +
                   std::to_string(p.index2) + "\n";
    }
    return out;
}

std::string lfwImagePath(const std::string& name, int index) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", index);
    return name + "/" + name + "_" + number + ".jpg";
}

// ---- Image lists -----------------------------------------------------------------------------

std::vector<std::string> readImageList(const std::string& path) {
    std::vector<std::string> images;
    const std::vector<std::string> lines = readLines(path);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::vector<std::string> f = splitFields(lines[i]);
        if (f.empty())
            continue;
        if (f.size() != 1 || f[0].find('/') == std::string::npos)
            fail(path, int(i) + 1, "expected one image path \"identity/file\" per line");
        images.push_back(f[0]);
    }
    return images;
}

std::string formatImageList(const std::vector<std::string>& images) {
    std::string out;
    for (const std::string& image : images)
        out += image + "\n";
    return out;
}

std::string identityOfPath(const std::string& imagePath) {
    return imagePath.substr(0, imagePath.find('/'));
}

std::vector<FaceTemplate> readTemplateList(const std::string& path, int templateSize, int levels,
                                           int templatesPerLevel) {
    const std::vector<std::string> images = readImageList(path);
    const std::size_t perIdentity = std::size_t(templateSize) * levels * templatesPerLevel;
    if (images.empty() || images.size() % perIdentity != 0)
        fail(path, int(images.size()),
             std::to_string(images.size()) + " images is not a whole number of identities of " +
                 std::to_string(perIdentity) + " (" + std::to_string(levels) + " levels x " +
                 std::to_string(templatesPerLevel) + " templates x " +
                 std::to_string(templateSize) + " images)");
    std::vector<FaceTemplate> templates;
    for (std::size_t start = 0; start < images.size(); start += templateSize) {
        FaceTemplate t;
        t.identity = identityOfPath(images[start]);
        t.level = int((start % perIdentity) / (std::size_t(templateSize) * templatesPerLevel));
        for (int k = 0; k < templateSize; ++k) {
            const std::string& image = images[start + k];
            if (identityOfPath(image) != t.identity)
                fail(path, int(start + k) + 1,
                     "template mixes identities '" + t.identity + "' and '" +
                         identityOfPath(image) + "'");
            t.images.push_back(image);
        }
        if (start % perIdentity != 0 && templates.back().identity != t.identity)
            fail(path, int(start) + 1,
                 "identity '" + t.identity +
                     "' starts mid-way through the "
                     "templates of '" +
                     templates.back().identity + "'");
        templates.push_back(std::move(t));
    }
    return templates;
}

// ---- DFW mask --------------------------------------------------------------------------------

std::vector<std::vector<int>> readDfwMask(const std::string& path, int expectedSize) {
    const std::vector<std::string> lines = readLines(path);
    std::vector<std::vector<int>> mask;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::vector<std::string> f = splitFields(lines[i]);
        if (f.empty())
            continue;
        if (int(f.size()) != expectedSize)
            fail(path, int(i) + 1,
                 "expected " + std::to_string(expectedSize) + " values, found " +
                     std::to_string(f.size()));
        std::vector<int> row;
        row.reserve(f.size());
        for (const std::string& value : f) {
            if (value != "0" && value != "1" && value != "2")
                fail(path, int(i) + 1, "mask values are 0 (ignored), 1 (genuine), 2 (impostor)");
            row.push_back(value[0] - '0');
        }
        mask.push_back(std::move(row));
    }
    if (int(mask.size()) != expectedSize)
        fail(path, int(lines.size()),
             "expected " + std::to_string(expectedSize) + " rows (one per listed image), found " +
                 std::to_string(mask.size()));
    return mask;
}

std::string formatDfwMask(const std::vector<std::vector<int>>& mask) {
    std::string out;
    for (const std::vector<int>& row : mask) {
        for (std::size_t j = 0; j < row.size(); ++j) {
            if (j > 0)
                out += ' ';
            out += char('0' + row[j]);
        }
        out += '\n';
    }
    return out;
}

// ---- Pair lists ------------------------------------------------------------------------------

std::vector<ImagePair> readPairList(const std::string& path) {
    std::vector<ImagePair> pairs;
    const std::vector<std::string> lines = readLines(path);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::vector<std::string> f = splitFields(lines[i]);
        if (f.empty())
            continue;
        if (f.size() != 3 || (f[2] != "0" && f[2] != "1"))
            fail(path, int(i) + 1, "expected \"image1<TAB>image2<TAB>label\" with label 0 or 1");
        pairs.push_back({f[0], f[1], f[2] == "1"});
    }
    return pairs;
}

std::string formatPairList(const std::vector<ImagePair>& pairs) {
    std::string out;
    for (const ImagePair& p : pairs)
        out += p.image1 + "\t" + p.image2 + "\t" + (p.same ? "1" : "0") + "\n";
    return out;
}

} // namespace fb
