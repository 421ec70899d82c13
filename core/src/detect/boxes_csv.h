#pragma once
// Provided face boxes (DFW and UMDFaces ship coordinates; the seed crops them with these,
// Section 4.1): a CSV `image,x,y,w,h`, x and y the top-left corner, w and h the size in pixels,
// image relative to the dataset folder. Torch-free.
#include "facebench/face_detection.h"

#include <map>
#include <string>
#include <vector>

namespace fb {

// Boxes by image path (as written in the file, "./" stripped), file order kept within an image.
// A header line whose x column is not a number is skipped. Bad rows (wrong column count, a
// value that is not a number, w or h <= 0): InputError naming file:line.
std::map<std::string, std::vector<FaceBox>> readBoxesCsv(const std::string& path);

} // namespace fb
