#pragma once
// metrics.jsonl (DESIGN.md): one JSON object a line. Training rows
//   {"type":"train","step","epoch","loss","acc","lr","img_s","t_data","t_compute"}
// validation rows {"type":"val","step","epoch","val_acc","val_loss","val_images",...hook metrics}
// and, when a run stops on a non-finite loss, {"type":"nan","step","epoch","loss","lr"}.
// Each line is flushed as it is written, so the GUI can follow the file live.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace fb::train {

class MetricsLog {
public:
    // An empty path writes nothing (distributed ranks other than 0).
    explicit MetricsLog(std::string path) : m_path(std::move(path)) {}
    void append(const nlohmann::ordered_json& row);
    // For --resume: drops the rows logged after `step` (the run died after its last
    // checkpoint; those steps are run again), so the file reads as one uninterrupted run.
    void truncateAfter(std::int64_t step);

private:
    std::string m_path;
};

} // namespace fb::train
