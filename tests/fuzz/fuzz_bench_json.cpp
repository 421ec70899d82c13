// parseBenchResult (facebench/bench_result_file.h) on arbitrary bytes: what the GUI's Benchmark
// page, `report --figures` and bench studies read from bench.json. A result that loads must
// write (benchJson) a file that reads back to one that writes the same text again: the reader is
// the writer's inverse, rounding included.
#include "facebench/bench_job.h"
#include "facebench/bench_result_file.h"
#include "facebench/errors.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fb::BenchResult result;
    try {
        result = fb::parseBenchResult(text, "fuzz.json");
    } catch (const fb::InputError&) {
        return 0; // expected for bad input; anything else escapes and is reported
    }
    const std::string written = fb::benchJson(result);
    std::string again;
    try {
        again = fb::benchJson(fb::parseBenchResult(written, "written.json"));
    } catch (const fb::InputError& error) {
        std::fprintf(stderr, "benchJson wrote a file its reader rejects: %s\n%s\n", error.what(),
                     written.c_str());
        std::abort();
    }
    if (again != written) {
        std::fprintf(stderr, "read back, bench.json changed:\n%s\nto\n%s\n", written.c_str(),
                     again.c_str());
        std::abort();
    }
    return 0;
}
