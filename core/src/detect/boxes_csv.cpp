#include "detect/boxes_csv.h"

#include "facebench/errors.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fb {
namespace {

constexpr std::size_t kLandmarks = 5; // MTCNN's points, as FaceBox::landmarks holds them

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ','))
        out.push_back(cell);
    if (!line.empty() && line.back() == ',')
        out.emplace_back();
    return out;
}

std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos)
        return {};
    const auto b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

bool parseNumber(const std::string& text, double& value) {
    const std::string t = trim(text);
    if (t.empty())
        return false;
    char* end = nullptr;
    value = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size() && std::isfinite(value);
}

} // namespace

std::map<std::string, std::vector<FaceBox>> readBoxesCsv(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw InputError(SourceLocation{path}, "", "cannot open the boxes CSV");
    std::map<std::string, std::vector<FaceBox>> boxes;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (trim(line).empty())
            continue;
        const auto cells = splitCsv(line);
        const SourceLocation where{path, lineNo};
        if (cells.size() != 5 && cells.size() != 5 + 2 * kLandmarks)
            throw InputError(where, "",
                             "expected 5 columns image,x,y,w,h (or 15 with five landmarks "
                             "x,y after them), found " +
                                 std::to_string(cells.size()));
        double v[4];
        bool numeric = true;
        for (int k = 0; k < 4; ++k)
            numeric = numeric && parseNumber(cells[k + 1], v[k]);
        if (!numeric) {
            if (lineNo == 1)
                continue; // header
            throw InputError(where, "", "x, y, w and h must be numbers");
        }
        if (v[2] <= 0 || v[3] <= 0)
            throw InputError(where, "", "w and h must be positive");
        // Each value is finite, but the far corner x + w, y + h can still overflow to infinity;
        // an infinite box makes the crop arithmetic NaN (with enlarge 0, 0 * inf).
        if (!std::isfinite(v[0] + v[2]) || !std::isfinite(v[1] + v[3]))
            throw InputError(where, "", "x + w and y + h must be finite (the box is too large)");
        std::string image = trim(cells[0]);
        if (image.rfind("./", 0) == 0)
            image = image.substr(2);
        if (image.empty())
            throw InputError(where, "", "empty image path");
        FaceBox box{v[0], v[1], v[0] + v[2], v[1] + v[3], 1.0, {}};
        for (std::size_t k = 5; k + 1 < cells.size(); k += 2) {
            std::array<double, 2> point{};
            if (!parseNumber(cells[k], point[0]) || !parseNumber(cells[k + 1], point[1]))
                throw InputError(where, "",
                                 "landmark " + std::to_string((k - 5) / 2 + 1) +
                                     ": x and y must be finite numbers");
            box.landmarks.push_back(point);
        }
        boxes[image].push_back(box);
    }
    return boxes;
}

} // namespace fb
