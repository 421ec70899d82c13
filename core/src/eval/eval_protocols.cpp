// Protocol dispatch (facebench/eval_protocols.h).
#include "eval/protocol_common.h"

#include "facebench/errors.h"

namespace fb {

const std::vector<std::string>& protocolNames() {
    static const std::vector<std::string> names{"lfw", "pairs",  "templates", "cross-quality",
                                                "dfw", "tracks", "bin",       "ijb"};
    return names;
}

std::string resolveImagePath(const std::string& path, const std::vector<std::string>& roots) {
    eval::PathResolver resolver(roots, "");
    return resolver.resolve(path);
}

ProtocolResult runProtocol(const std::string& name, const ProtocolRequest& request) {
    if (name == "lfw")
        return eval::runLfwProtocol(request);
    if (name == "pairs")
        return eval::runPairsProtocol(request);
    if (name == "templates")
        return eval::runTemplatesProtocol(request);
    if (name == "cross-quality")
        return eval::runCrossQualityProtocol(request);
    if (name == "dfw")
        return eval::runDfwProtocol(request);
    if (name == "tracks")
        return eval::runTracksProtocol(request);
    if (name == "bin")
        return eval::runBinProtocol(request);
    if (name == "ijb")
        return eval::runIjbProtocol(request);
    std::string known;
    for (const std::string& n : protocolNames())
        known += (known.empty() ? "" : ", ") + n;
    throw InputError(SourceLocation{}, "--protocol",
                     "unknown protocol '" + name + "' (protocols: " + known + ")");
}

} // namespace fb
