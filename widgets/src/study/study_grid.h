#pragma once
// The study's cells (study.json) as a two-way table: two of its axes as rows and columns, the
// others held at one value each, every table cell the repeats of one condition with their
// status and the chosen metric as a mean with a 95% Student t interval over the repeats (one
// repeat: its value alone). Qt-free; the panel's grid and its figure both draw from it.
#include "facebench/study.h"

#include <map>
#include <string>
#include <vector>

namespace fb::ui {

struct StudyAxis {
    std::string key;                 // "head.type"
    std::vector<std::string> values; // in the order the cells list them
};

// One table cell: the study cells whose settings match its row, column and the filters.
struct StudyGridCell {
    std::vector<const StudyCellRecord*> records; // the repeats, in study order
    StudyCellStatus status = StudyCellStatus::Pending;
    int done = 0;
    int values = 0;  // repeats with the metric
    double mean = 0; // of the metric over those repeats
    bool hasInterval = false;
    double low = 0, high = 0; // 95% Student t over the repeats (two or more)
};

class StudyGrid {
public:
    explicit StudyGrid(StudyState state = {});

    const StudyState& state() const { return m_state; }
    const std::vector<StudyAxis>& axes() const { return m_axes; }
    // The metric names any cell has ("lfw_acc", "lfw_tar@0.001"), sorted.
    std::vector<std::string> metrics() const;
    const StudyAxis* axis(const std::string& key) const;

    // Row `rowValue` of `rowKey`, column `columnValue` of `columnKey` (either key may be "" for
    // a table of one row or column); `filters` hold the other axes' values.
    StudyGridCell cell(const std::string& rowKey, const std::string& rowValue,
                       const std::string& columnKey, const std::string& columnValue,
                       const std::map<std::string, std::string>& filters,
                       const std::string& metric) const;

private:
    StudyState m_state;
    std::vector<StudyAxis> m_axes;
};

// The value a cell's settings give `key` ("" when it sets none).
std::string settingValue(const StudyCellRecord& record, const std::string& key);

} // namespace fb::ui
