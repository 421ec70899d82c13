#pragma once
// TensorBoard event files, written without TensorFlow or protobuf: TFRecord framing around
// hand-encoded tensorflow.Event messages (event.proto, summary.proto). Torch-free.
//
//   record = uint64 length | uint32 masked_crc32c(length) | data | uint32 masked_crc32c(data)
//   Event   { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
//   Summary { repeated Value value = 1; }   Value { string tag = 1; float simple_value = 2; }
//
// Every file starts with an Event holding file_version "brain.Event:2", as TensorFlow's and
// PyTorch's writers do; TensorBoard reads every file whose name contains "tfevents".
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace fb::tensorboard {

struct Scalar {
    std::string tag;
    double value = 0; // stored as float32, as simple_value is
};

// CRC-32C (Castagnoli), the checksum of TFRecord framing.
std::uint32_t crc32c(const std::string& bytes);
// TFRecord's mask: a CRC stored next to data whose CRC is also computed stays distinguishable.
std::uint32_t maskCrc(std::uint32_t crc);

// One framed record around `data`.
std::string encodeRecord(const std::string& data);
// The first Event of every file.
std::string encodeFileVersionEvent(double wallTime);
// An Event with one Summary of simple_value scalars.
std::string encodeScalarEvent(double wallTime, std::int64_t step,
                              const std::vector<Scalar>& scalars);

// Seconds since the epoch, the wall_time of events written now.
double wallTimeNow();

// Appends scalar events to a new event file in a folder, created (with the folder) on the first
// write; each event is flushed, so TensorBoard follows a live run.
class EventFileWriter {
public:
    explicit EventFileWriter(std::string dir) : m_dir(std::move(dir)) {}
    // Throws JobError when the file cannot be created or written.
    void write(std::int64_t step, const std::vector<Scalar>& scalars, double wallTime);
    const std::string& path() const { return m_path; }

private:
    std::string m_dir;
    std::string m_path;
    std::ofstream m_out;
};

// Keeps the events of `path` up to step `step` and drops the rest (and a record cut short by a
// kill), rewriting the file atomically; a file with nothing to drop is left untouched.
void truncateEventFileAfter(const std::string& path, std::int64_t step);

} // namespace fb::tensorboard
