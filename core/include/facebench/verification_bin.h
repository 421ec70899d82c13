#pragma once
// InsightFace's .bin verification sets (lfw.bin, cfp_fp.bin, agedb_30.bin, ...): a Python
// pickle of (bins, issame_list), where bins is a list of encoded images (bytes; str in the
// Python 2 era files) in pair order, image 2k and 2k+1 forming pair k, and issame_list a list
// of bools. Read natively, without Python; torch-free.
#include <memory>
#include <string>
#include <vector>

namespace fb {

struct VerificationBin {
    // Encoded (JPEG/PNG) bytes, 2 per pair. An image the pickle lists more than once (one
    // memoised bytes object) is one shared buffer, so repeats cost no memory.
    std::vector<std::shared_ptr<const std::vector<unsigned char>>> images;
    std::vector<bool> sameFlags; // one per pair
};

// Reads pickle protocols 0-5 as pickle.dump writes these two lists. Throws InputError naming
// the file (and the byte offset) when it is not such a pickle (lists nested more than 64 deep, a
// list appended into a list, objects taking more than 16 times the file's size in memory), or
// when the image count is not twice the flag count.
VerificationBin readVerificationBin(const std::string& path);

} // namespace fb
