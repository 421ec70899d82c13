// The LFW reader (indexDataset with the lfw format, and detectDatasetFormat's LFW test) on an
// arbitrary folder layout and pairs.txt. The input is
//     layout lines: one relative path each, "Name/Name_0001.jpg" a file, "Name/" a folder
//     %%
//     pairs.txt
// and without a "%%" line the whole input is pairs.txt beside a fixed layout. Path components
// keep only [A-Za-z0-9_.-] and never "." or "..", so nothing leaves the scratch folder; the
// counts are bounded so that one input stays fast.
#include "facebench/dataset_index.h"
#include "facebench/errors.h"
#include "fuzz_support.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace {

constexpr int kMaxEntries = 32;
constexpr int kMaxDepth = 3;
constexpr std::size_t kMaxComponent = 64;

bool safeChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

// "Name/Name_0001.jpg" -> the same; "../x//y?" -> "x/y"; "" when nothing safe is left. A
// trailing '/' (a folder) is kept.
std::string safeRelativePath(const std::string& line) {
    std::string result, component;
    int depth = 0;
    auto flush = [&] {
        if (!component.empty() && component != "." && component != ".." && depth < kMaxDepth) {
            result += (result.empty() ? "" : "/") + component.substr(0, kMaxComponent);
            ++depth;
        }
        component.clear();
    };
    for (char c : line) {
        if (c == '/')
            flush();
        else if (safeChar(c))
            component += c;
    }
    flush();
    if (!result.empty() && !line.empty() && line.back() == '/')
        result += '/';
    return result;
}

void makeLayout(const std::string& root, const std::string& layout) {
    namespace fs = std::filesystem;
    const std::uint8_t bytes[] = {0xff, 0xd8, 0xff};
    int entries = 0;
    for (std::size_t start = 0; start < layout.size() && entries < kMaxEntries;) {
        std::size_t end = layout.find('\n', start);
        if (end == std::string::npos)
            end = layout.size();
        const std::string relative = safeRelativePath(layout.substr(start, end - start));
        start = end + 1;
        if (relative.empty())
            continue;
        ++entries;
        const fs::path path = fs::path(root) / relative;
        std::error_code ignored; // a file where a folder must go (or the reverse) is skipped
        if (relative.back() == '/') {
            fs::create_directories(path, ignored);
        } else {
            fs::create_directories(path.parent_path(), ignored);
            if (!fs::exists(path, ignored))
                if (std::FILE* file = std::fopen(path.c_str(), "wb")) {
                    std::fwrite(bytes, 1, sizeof bytes, file);
                    std::fclose(file);
                }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::string root = fb::fuzz::scratchFolder() + "/lfw";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root);

    std::string layout = "Alice/Alice_0001.jpg\nAlice/Alice_0002.jpg\nBob/Bob_0001.jpg\n";
    std::string pairs = input;
    const std::size_t separator = input.rfind("%%\n", 0) == 0 ? 0 : input.find("\n%%\n");
    if (separator != std::string::npos) {
        layout = input.substr(0, separator);
        pairs = input.substr(separator + (separator == 0 ? 3 : 4));
    }
    makeLayout(root, layout);
    const std::string pairsPath = root + "/pairs.txt";
    if (!pairs.empty() && !std::filesystem::exists(pairsPath))
        fb::fuzz::writeFile(pairsPath, reinterpret_cast<const std::uint8_t*>(pairs.data()),
                            pairs.size());

    fb::IndexOptions options;
    options.format = "lfw";
    options.useCache = false;
    try {
        fb::detectDatasetFormat(root);
        fb::indexDataset(root, options);
    } catch (const fb::InputError&) {
    }
    return 0;
}
