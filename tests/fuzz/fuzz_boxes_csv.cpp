// readBoxesCsv (detect/boxes_csv.h) on arbitrary bytes: the provided-boxes CSV that `crop`
// reads (DFW and UMDFaces ship face coordinates). Every box it returns must have finite
// corners (the crop arithmetic turns an infinite one into NaN) and no or five finite landmarks.
#include "detect/boxes_csv.h"
#include "facebench/errors.h"
#include "fuzz_support.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = fb::fuzz::writeScratchFile("boxes.csv", data, size);
    try {
        for (const auto& [image, boxes] : fb::readBoxesCsv(path))
            for (const fb::FaceBox& box : boxes) {
                if (!std::isfinite(box.x1) || !std::isfinite(box.y1) || !std::isfinite(box.x2) ||
                    !std::isfinite(box.y2)) {
                    std::fprintf(stderr, "%s: a box with a corner that is not finite\n",
                                 image.c_str());
                    std::abort();
                }
                // Landmarks feed `crop --align`: none or all five, each finite.
                bool finite = box.landmarks.empty() || box.landmarks.size() == 5;
                for (const auto& p : box.landmarks)
                    finite = finite && std::isfinite(p[0]) && std::isfinite(p[1]);
                if (!finite) {
                    std::fprintf(stderr, "%s: landmarks that are not five finite points\n",
                                 image.c_str());
                    std::abort();
                }
            }
    } catch (const fb::InputError&) {
    }
    return 0;
}
