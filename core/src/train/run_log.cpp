#include "train/run_log.h"

#include <chrono>
#include <ctime>
#include <fstream>

namespace fb::train {

void RunLog::line(const std::string& text) {
    if (m_path.empty())
        return; // a distributed rank other than 0: rank 0 writes the log
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
    std::lock_guard<std::mutex> lock(m_mutex);
    std::ofstream out(m_path, std::ios::app);
    out << stamp << "  " << text << "\n";
}

} // namespace fb::train
