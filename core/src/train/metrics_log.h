#pragma once
// metrics.jsonl (docs/ARCHITECTURE.md): one JSON object a line. Training rows
//   {"type":"train","step","epoch","loss","acc","lr","img_s","t_data","t_compute"}
// validation rows {"type":"val","step","epoch","val_acc","val_loss","val_images",...hook metrics}
// and, when a run stops on a non-finite loss, {"type":"nan","step","epoch","loss","lr"}.
// Each line is flushed as it is written, so the GUI can follow the file live. Each row also
// goes, as it is written, to a TensorBoard event file (facebench/tensorboard.h), so the event
// files hold exactly the rows of metrics.jsonl with the same steps.
#include "report/tensorboard_writer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace fb::train {

class MetricsLog {
public:
    // An empty path writes nothing (distributed ranks other than 0); an empty eventDir writes
    // no TensorBoard events (output.tensorboard: false).
    MetricsLog(std::string path, std::string eventDir)
        : m_path(std::move(path)), m_eventDir(eventDir), m_events(std::move(eventDir)) {}
    void append(const nlohmann::ordered_json& row);
    // For --resume: drops the rows logged after `step` (the run died after its last
    // checkpoint; those steps are run again), so the file reads as one uninterrupted run. The
    // earlier event files lose the same steps; this process writes the rest to a new event
    // file, so TensorBoard's union of the files has each step once.
    void truncateAfter(std::int64_t step);

private:
    std::string m_path;
    std::string m_eventDir;
    tensorboard::EventFileWriter m_events;
};

} // namespace fb::train
