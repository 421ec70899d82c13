// A study's cells as a two-way table (study_grid.h).
#include "study/study_grid.h"

#include "facebench/verification_intervals.h"

#include <algorithm>
#include <set>

namespace fb::ui {

std::string settingValue(const StudyCellRecord& record, const std::string& key) {
    for (const std::string& setting : record.settings)
        if (setting.size() > key.size() && setting.compare(0, key.size(), key) == 0 &&
            setting[key.size()] == '=')
            return setting.substr(key.size() + 1);
    return "";
}

StudyGrid::StudyGrid(StudyState state) : m_state(std::move(state)) {
    for (const StudyCellRecord& record : m_state.cells) {
        for (const std::string& setting : record.settings) {
            const std::size_t eq = setting.find('=');
            if (eq == std::string::npos)
                continue;
            const std::string key = setting.substr(0, eq);
            auto it = std::find_if(m_axes.begin(), m_axes.end(),
                                   [&](const StudyAxis& a) { return a.key == key; });
            if (it == m_axes.end()) {
                m_axes.push_back({key, {}});
                it = m_axes.end() - 1;
            }
            const std::string value = setting.substr(eq + 1);
            if (std::find(it->values.begin(), it->values.end(), value) == it->values.end())
                it->values.push_back(value);
        }
    }
    // A cell of the study's `cells:` list may leave an axis at the base's value: "" stands for it.
    for (StudyAxis& axis : m_axes)
        for (const StudyCellRecord& record : m_state.cells)
            if (settingValue(record, axis.key).empty() &&
                std::find(axis.values.begin(), axis.values.end(), "") == axis.values.end())
                axis.values.push_back("");
}

std::vector<std::string> StudyGrid::metrics() const {
    std::set<std::string> names;
    for (const StudyCellRecord& record : m_state.cells)
        for (const auto& [name, value] : record.metrics)
            names.insert(name);
    return {names.begin(), names.end()};
}

const StudyAxis* StudyGrid::axis(const std::string& key) const {
    for (const StudyAxis& a : m_axes)
        if (a.key == key)
            return &a;
    return nullptr;
}

StudyGridCell StudyGrid::cell(const std::string& rowKey, const std::string& rowValue,
                              const std::string& columnKey, const std::string& columnValue,
                              const std::map<std::string, std::string>& filters,
                              const std::string& metric) const {
    StudyGridCell cell;
    std::vector<double> values;
    bool running = false, failed = false;
    for (const StudyCellRecord& record : m_state.cells) {
        if (!rowKey.empty() && settingValue(record, rowKey) != rowValue)
            continue;
        if (!columnKey.empty() && settingValue(record, columnKey) != columnValue)
            continue;
        bool matches = true;
        for (const auto& [key, value] : filters)
            if (key != rowKey && key != columnKey && settingValue(record, key) != value)
                matches = false;
        if (!matches)
            continue;
        cell.records.push_back(&record);
        running = running || record.status == StudyCellStatus::Running;
        failed = failed || record.status == StudyCellStatus::Failed;
        cell.done += record.status == StudyCellStatus::Done ? 1 : 0;
        const auto found = record.metrics.find(metric);
        if (record.status == StudyCellStatus::Done && found != record.metrics.end())
            values.push_back(found->second);
    }
    cell.status = running  ? StudyCellStatus::Running
                  : failed ? StudyCellStatus::Failed
                  : !cell.records.empty() && cell.done == int(cell.records.size())
                      ? StudyCellStatus::Done
                      : StudyCellStatus::Pending;
    cell.values = int(values.size());
    if (values.size() == 1) {
        cell.mean = values.front(); // exactly the cell's number, not a sum divided back
    } else if (values.size() >= 2) {
        double sum = 0;
        for (const double v : values)
            sum += v;
        cell.mean = sum / double(values.size());
        // The repeats as the study report takes them: mean +- t * sd / sqrt(n).
        const ConfidenceInterval interval = foldInterval(values);
        cell.hasInterval = true;
        cell.low = interval.low;
        cell.high = interval.high;
    }
    return cell;
}

} // namespace fb::ui
