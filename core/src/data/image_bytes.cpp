// readImageBytes (facebench/dataset_index.h): the encoded bytes of one indexed image, the whole
// file or one RecordIO payload. Torch-free; the loader's workers call it for every sample.
#include "facebench/dataset_index.h"
#include "facebench/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace fb {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

[[noreturn]] void fail(const IndexedImage& image, const std::string& problem) {
    std::string where = image.path;
    if (image.offset >= 0)
        where += " (record at byte " + std::to_string(image.offset) + ")";
    throw InputError(SourceLocation{where}, "", problem);
}

} // namespace

std::vector<unsigned char> readImageBytes(const IndexedImage& image) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(image.path.c_str(), "rb"));
    if (!file)
        fail(image, std::string("cannot open the image: ") + std::strerror(errno));

    std::int64_t offset = 0;
    std::int64_t length = 0;
    if (image.offset < 0) {
        // The whole file, at its size now (the index may be older than the file).
        if (std::fseek(file.get(), 0, SEEK_END) != 0)
            fail(image, std::string("cannot read the image: ") + std::strerror(errno));
        const long end = std::ftell(file.get());
        if (end < 0)
            fail(image, std::string("cannot read the image (not a regular file?): ") +
                            std::strerror(errno));
        length = end;
    } else {
        offset = image.offset;
        length = image.size;
        if (length < 0)
            fail(image, "negative record length " + std::to_string(length));
    }
    if (length == 0)
        fail(image, "empty image (0 bytes)");

    std::vector<unsigned char> bytes(static_cast<std::size_t>(length));
    if (std::fseek(file.get(), static_cast<long>(offset), SEEK_SET) != 0)
        fail(image, std::string("cannot seek to the image: ") + std::strerror(errno));
    const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), file.get());
    if (got != bytes.size()) {
        if (std::ferror(file.get()))
            fail(image, std::string("read error: ") + std::strerror(errno));
        fail(image, "file ends after " + std::to_string(got) + " of " +
                        std::to_string(bytes.size()) + " bytes (truncated?)");
    }
    return bytes;
}

} // namespace fb
