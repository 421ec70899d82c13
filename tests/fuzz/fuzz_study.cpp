// parseStudy (facebench/study.h) on arbitrary YAML: what `study run` reads before anything
// trains. Every cell resolves through the config loader (presets compiled in); a study that
// loads must have unique cell ids and be its own first difference of nothing.
#include "facebench/errors.h"
#include "facebench/study.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fb::Study study;
    try {
        // A base config file is looked up under a folder that does not exist: presets only.
        study = fb::parseStudy(text, "fuzz.yaml", "/nonexistent-fuzz-dir");
    } catch (const fb::InputError&) {
        return 0;
    }
    std::set<std::string> ids;
    for (const fb::StudyCell& cell : study.cells)
        if (!ids.insert(cell.id).second) {
            std::fprintf(stderr, "two cells share the id %s\n", cell.id.c_str());
            std::abort();
        }
    if (!fb::firstDifferingStudyKey(text, text).empty()) {
        std::fprintf(stderr, "a study differs from itself\n");
        std::abort();
    }
    return 0;
}
