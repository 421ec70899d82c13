// The contact sheet of docs/synthetic-contact-sheet.png: one row per factor, so a reader sees
// what each factor does to a face before trusting a number measured on this data.
#include "facebench/synthetic_data.h"

#include "facebench/errors.h"
#include "synth_face.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <functional>

namespace fb {

using namespace synth;

namespace {

constexpr int kColumns = 8;

struct Cell {
    IdentityTraits traits;
    ImageFactors factors;
};

cv::Mat renderCell(const Cell& cell, int width, int height, std::uint64_t seed) {
    const cv::Mat clean = renderCrop(cell.traits, cell.factors, width, height);
    // Through the same degradation and JPEG codec as the dataset, so quality looks as written.
    const std::vector<unsigned char> bytes = degradeAndEncode(clean, cell.factors.quality, seed);
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

} // namespace

void writeSynthContactSheet(const std::string& path, std::uint64_t seed, int width, int height) {
    if (width < kSynthMinSide || height < kSynthMinSide)
        throw InputError("contact sheet: --size must be at least " + std::to_string(kSynthMinSide) +
                         "x" + std::to_string(kSynthMinSide));
    std::vector<IdentityTraits> people;
    for (int i = 0; i < 12; ++i) {
        Rng rng(mix(seed, 7000 + i));
        people.push_back(sampleIdentity(rng));
    }
    auto base = [&](int person, int variant) {
        Rng rng(mix(seed, 9000 + person * 100 + variant));
        Cell cell{people[std::size_t(person)], sampleNuisance(rng)};
        cell.factors.yawDeg = sampleYawDeg(Yaw::Frontal, rng);
        cell.factors.expression = Expression::Neutral;
        return cell;
    };
    std::vector<std::pair<std::string, std::vector<Cell>>> rows;
    auto row = [&](const std::string& name, const std::function<Cell(int)>& make) {
        std::vector<Cell> cells;
        for (int c = 0; c < kColumns; ++c)
            cells.push_back(make(c));
        rows.emplace_back(name, std::move(cells));
    };
    static const double yaws[] = {-80, -45, 0, 45, 80, -45, 0, 80};
    row("yaw", [&](int c) {
        Cell cell = base(c < 5 ? 0 : 1, 0);
        cell.factors.yawDeg = yaws[c];
        return cell;
    });
    row("age y/m", [&](int c) {
        Cell cell = base(c / 2, 1);
        cell.factors.age = c % 2 ? Age::Mature : Age::Young;
        return cell;
    });
    row("quality", [&](int c) {
        Cell cell = base(c < 3 ? 2 : c < 6 ? 3 : 4, 2);
        cell.factors.quality = Quality(c % 3);
        return cell;
    });
    row("disguise", [&](int c) {
        Cell cell = base(c < 5 ? 5 : 6, 3);
        cell.factors.disguise = Disguise(c % 5);
        return cell;
    });
    row("look-alike", [&](int c) {
        Cell cell = base(c < 4 ? 7 : 8, 4);
        if (c % 4 != 0) {
            Rng rng(mix(seed, 8000 + c));
            cell.traits = makeLookalike(cell.traits, rng);
        }
        return cell;
    });
    row("light", [&](int c) {
        Cell cell = base(9, 5);
        cell.factors.lightAzimuth = -1.0 + 2.0 * c / (kColumns - 1);
        cell.factors.lightIntensity = 0.55 + 0.05 * c;
        return cell;
    });
    row("expression", [&](int c) {
        Cell cell = base(c / 3 + 1, 6);
        cell.factors.expression = Expression(c % 3);
        return cell;
    });
    row("identities", [&](int c) { return base(c + 4 < 12 ? c + 4 : c, 7); });
    row("nuisance", [&](int c) { return base(10, 10 + c); });

    const int label = 110, gap = 4;
    cv::Mat sheet(int(rows.size()) * (height + gap) + gap, label + kColumns * (width + gap) + gap,
                  CV_8UC3, cv::Scalar(255, 255, 255));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int y = gap + int(r) * (height + gap);
        cv::putText(sheet, rows[r].first, cv::Point(6, y + height / 2 + 5),
                    cv::FONT_HERSHEY_SIMPLEX, 0.5, cv::Scalar(20, 20, 20), 1, cv::LINE_AA);
        for (int c = 0; c < kColumns; ++c) {
            const cv::Mat tile =
                renderCell(rows[r].second[std::size_t(c)], width, height, mix(seed, r * 31 + c));
            tile.copyTo(sheet(cv::Rect(label + gap + c * (width + gap), y, width, height)));
        }
    }
    if (!cv::imwrite(path, sheet, {cv::IMWRITE_PNG_COMPRESSION, 9}))
        throw InputError(SourceLocation{path}, "", "cannot write the contact sheet");
}

} // namespace fb
