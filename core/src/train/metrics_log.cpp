#include "train/metrics_log.h"

#include "facebench/atomic_file.h"
#include "facebench/errors.h"
#include "report/tensorboard_run.h"

#include <fstream>
#include <sstream>

namespace fb::train {

void MetricsLog::append(const nlohmann::ordered_json& row) {
    if (m_path.empty())
        return; // a distributed rank other than 0: rank 0 writes the metrics
    std::ofstream out(m_path, std::ios::app | std::ios::binary);
    out << row.dump() << "\n";
    out.flush();
    if (!out)
        throw JobError(m_path + ": cannot append a metrics row");
    if (row.contains("step") && row["step"].is_number_integer())
        m_events.write(row["step"].get<std::int64_t>(), tensorboard::metricsRowScalars(row),
                       tensorboard::wallTimeNow());
}

void MetricsLog::truncateAfter(std::int64_t step) {
    if (m_path.empty())
        return;
    if (!m_eventDir.empty())
        tensorboard::truncateTrainingEventFilesAfter(m_eventDir, step);
    std::ifstream in(m_path, std::ios::binary);
    if (!in)
        return;
    std::string line, kept;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        // A line cut short by a kill is not JSON: drop it, as any row after the checkpoint.
        const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
        if (row.is_discarded() || !row.contains("step") || row["step"].get<std::int64_t>() > step)
            continue;
        kept += line + "\n";
    }
    writeFileAtomically(m_path, kept);
}

} // namespace fb::train
