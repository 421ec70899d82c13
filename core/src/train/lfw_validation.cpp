#include "train/lfw_validation.h"

#include "eval/lfw_protocol.h"

namespace fb::train {

VerificationHook lfwVerificationHook(const std::string& dataDir) {
    VerificationHook hook;
    hook.name = "lfw";
    hook.run = [dataDir](const FeatureSource& features) {
        return std::map<std::string, double>{
            {"lfw_acc", eval::scoreLfw(dataDir, features).folds.mean}};
    };
    return hook;
}

} // namespace fb::train
