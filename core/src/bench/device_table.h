#pragma once
// The machine a benchmark ran on, like the seed's Table 1.
#include "facebench/bench_job.h"

namespace fb::bench {

DeviceTable readDeviceTable();

} // namespace fb::bench
