#pragma once
// Provided face boxes (DFW and UMDFaces ship coordinates; the seed crops them with these,
// Section 4.1): a CSV `image,x,y,w,h`, x and y the top-left corner, w and h the size in pixels,
// image relative to the dataset folder. A row may add ten columns, the five landmarks MTCNN
// gives (left eye, right eye, nose, left and right mouth corner as x,y pairs), so that `crop
// --align` can align provided faces. Torch-free.
#include "facebench/face_detection.h"

#include <map>
#include <string>
#include <vector>

namespace fb {

// Boxes by image path (as written in the file, "./" stripped), file order kept within an image.
// A header line whose x column is not a number is skipped. Bad rows (neither 5 nor 15 columns, a
// value that is not a number, w or h <= 0): InputError naming file:line.
std::map<std::string, std::vector<FaceBox>> readBoxesCsv(const std::string& path);

} // namespace fb
