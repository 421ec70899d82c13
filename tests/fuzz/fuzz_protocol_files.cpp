// The verification protocol readers (facebench/protocol_files.h) on arbitrary bytes: LFW
// pairs.txt, image lists, VGGFace2 template lists, the DFW mask and generic pair lists. Byte 0
// picks the reader; byte 1 the shape a caller passes with the file (templates: size, levels
// and templates per level; the DFW mask: the number of listed images); the rest is the file.
#include "facebench/errors.h"
#include "facebench/protocol_files.h"
#include "fuzz_support.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    const std::string path = fb::fuzz::writeScratchFile("protocol.txt", data + 2, size - 2);
    // The caller's numbers are trusted, the file's are not: shapes stay in the protocols'
    // range (VGGFace2: templates of 5 images, 2 per level, 3 pose or 2 age levels).
    const unsigned shape = data[1];
    const int templateSize = 1 + int(shape & 7);
    const int levels = 1 + int(shape >> 3 & 3);
    const int templatesPerLevel = 1 + int(shape >> 5 & 3);
    const int maskSize = int(shape);
    try {
        switch (data[0] % 5) {
        case 0:
            fb::readLfwPairs(path);
            break;
        case 1:
            fb::readImageList(path);
            break;
        case 2:
            fb::readTemplateList(path, templateSize, levels, templatesPerLevel);
            break;
        case 3:
            fb::readDfwMask(path, maskSize);
            break;
        default:
            fb::readPairList(path);
            break;
        }
    } catch (const fb::InputError&) {
    }
    return 0;
}
