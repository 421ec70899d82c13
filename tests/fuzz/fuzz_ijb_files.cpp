// The IJB-B/C meta file readers (facebench/ijb_protocol.h) on arbitrary bytes: the face list
// (image template media), the 1:1 template pair list, the face score file and the 1:N CSV lists.
// Byte 0 picks the reader; the rest is the file.
#include "facebench/errors.h"
#include "facebench/ijb_protocol.h"
#include "fuzz_support.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const std::string path = fb::fuzz::writeScratchFile("ijb_meta.txt", data + 1, size - 1);
    try {
        switch (data[0] % 4) {
        case 0:
            fb::readIjbFaceList(path);
            break;
        case 1:
            fb::readIjbTemplatePairs(path);
            break;
        case 2:
            fb::readIjbFaceScores(path, {"1.jpg", "2.jpg"});
            break;
        default:
            fb::readIjbTemplateSubjects(path);
            break;
        }
    } catch (const fb::InputError&) {
        // A clear error is the right answer to a malformed file.
    }
    return 0;
}
