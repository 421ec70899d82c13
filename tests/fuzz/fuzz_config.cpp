// parseExperimentConfig (facebench/experiment_config.h) on arbitrary YAML: what `config check`,
// `train` and the GUI read. Lines "#set a.b=value" (YAML comments, so the document ignores
// them) also go in as `--set` overrides. A config that resolves must write out as YAML that
// loads back to the same config (the header promises it), and as JSON.
#include "facebench/errors.h"
#include "facebench/experiment_config.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

std::vector<std::string> overridesIn(const std::string& text) {
    const std::string marker = "#set ";
    std::vector<std::string> overrides;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        if (text.compare(start, marker.size(), marker) == 0)
            overrides.push_back(text.substr(start + marker.size(), end - start - marker.size()));
        start = end + 1;
    }
    return overrides;
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "%s\n%s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fb::ExperimentConfig config;
    try {
        config = fb::parseExperimentConfig(text, "fuzz.yaml", overridesIn(text));
    } catch (const fb::InputError&) {
        return 0;
    }
    const std::string yaml = fb::toYaml(config);
    fb::toJson(config);
    try {
        const std::string again = fb::toYaml(fb::parseExperimentConfig(yaml, "written.yaml", {}));
        if (again != yaml)
            fail("the written config loads back different:", yaml + "\n---\n" + again);
    } catch (const fb::InputError& error) {
        fail("the written config does not load back:", yaml + "\n---\n" + error.what());
    }
    return 0;
}
