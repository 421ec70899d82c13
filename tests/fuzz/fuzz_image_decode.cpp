// decodeImage (data/image_decode.h) on arbitrary bytes: what the training loader, evaluation and
// benchmarks decode for every image. The first byte picks the output channels (1 or 3); the rest
// is the encoded image. OpenCV's temporary folder is a private one that must stay empty: some
// of its decoders go through a temporary file and leave it behind when they throw.
#include "data/image_decode.h"
#include "facebench/errors.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <string>
#include <vector>

namespace {

std::string privateTemp;

bool isEmptyFolder(const std::string& path) {
    DIR* dir = opendir(path.c_str());
    if (!dir)
        std::abort();
    bool empty = true;
    while (const dirent* entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            empty = false;
    }
    closedir(dir);
    return empty;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char folder[] = "/tmp/fuzz_image_decode.XXXXXX";
    if (!mkdtemp(folder))
        std::abort();
    privateTemp = folder;
    std::atexit([] { std::remove(privateTemp.c_str()); }); // only while empty, as it should be
    setenv("OPENCV_TEMP_PATH", folder, 1);
    setenv("TMPDIR", folder, 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    const int channels = (data[0] & 1) ? 1 : 3;
    const std::vector<unsigned char> bytes(data + 1, data + size);
    try {
        const cv::Mat image = fb::data::decodeImage(bytes, "input", channels);
        if (image.empty() || image.depth() != CV_8U || image.channels() != channels)
            std::abort();
    } catch (const fb::InputError&) {
        // Expected for bad input; anything else escapes and is reported.
    }
    if (!isEmptyFolder(privateTemp)) {
        std::fprintf(stderr, "stray temporary file left in %s\n", privateTemp.c_str());
        std::abort();
    }
    return 0;
}
