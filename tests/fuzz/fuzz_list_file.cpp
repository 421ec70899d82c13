// indexDataset (facebench/dataset_index.h) with the list format on arbitrary bytes: a
// "path label" list file (LightCNN, FaceX-Zoo, `data overlap --remove`). The list sits in a
// scratch folder beside a few image files, so that lines can name real ones ("a/1.jpg 0",
// "b/1.png", "c d/1.jpg x", "./a/../a/2.jpg"). The index cache is off: every input is parsed,
// and nothing is written next to it.
#include "facebench/dataset_index.h"
#include "facebench/errors.h"
#include "fuzz_support.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace {

const std::string& imageFolder() {
    static const std::string folder = [] {
        const std::string root = fb::fuzz::scratchFolder() + "/images";
        for (const char* folder : {"a", "b", "c d"})
            std::filesystem::create_directories(root + "/" + folder);
        const std::uint8_t bytes[] = {0xff, 0xd8, 0xff};
        for (const char* file : {"a/1.jpg", "a/2.jpg", "b/1.png", "c d/1.jpg", "b/notes.txt"})
            fb::fuzz::writeFile(root + "/" + file, bytes, sizeof bytes);
        return root;
    }();
    return folder;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string list = imageFolder() + "/list.txt";
    fb::fuzz::writeFile(list, data, size);
    fb::IndexOptions options;
    options.format = "list";
    options.useCache = false;
    try {
        const fb::DatasetIndex index = fb::indexDataset(list, options);
        // Every image carries a label that names one of the identities.
        for (const fb::IndexedImage& image : index.images)
            if (image.label < 0 || std::size_t(image.label) >= index.identities.size()) {
                std::fprintf(stderr, "%s has label %d of %zu identities\n", image.path.c_str(),
                             int(image.label), index.identities.size());
                std::abort();
            }
    } catch (const fb::InputError&) {
    }
    return 0;
}
