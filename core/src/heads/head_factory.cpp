#include "heads/adaptive_margin_heads.h"
#include "heads/angular_heads.h"
#include "heads/center_head.h"
#include "heads/softmax_head.h"

#include "facebench/errors.h"

namespace fb {

std::shared_ptr<Head> createHead(const HeadConfig& config, std::int64_t embeddingDim,
                                 std::int64_t numClasses) {
    if (embeddingDim < 1)
        throw InputError("the head needs an embedding of at least one dimension");
    if (numClasses < 2)
        throw InputError(SourceLocation{}, "train.num_classes",
                         "a classification head needs at least 2 identities, got " +
                             std::to_string(numClasses));
    if (config.type == "softmax")
        return std::make_shared<SoftmaxHead>(embeddingDim, numClasses);
    if (config.type == "center")
        return std::make_shared<CenterHead>(embeddingDim, numClasses, config.centerLambda,
                                            config.centerAlpha);
    if (config.type == "sphereface")
        return std::make_shared<SphereFaceHead>(embeddingDim, numClasses, config);
    if (config.type == "cosface")
        return std::make_shared<CosFaceHead>(embeddingDim, numClasses, config.s, config.m);
    if (config.type == "arcface")
        return std::make_shared<ArcFaceHead>(embeddingDim, numClasses, config.s, config.m);
    if (config.type == "combined")
        return std::make_shared<CombinedMarginHead>(embeddingDim, numClasses, config.s, config.m1,
                                                    config.m2, config.m3);
    if (config.type == "curricularface")
        return std::make_shared<CurricularFaceHead>(embeddingDim, numClasses, config.s, config.m,
                                                    config.tAlpha);
    if (config.type == "adaface")
        return std::make_shared<AdaFaceHead>(embeddingDim, numClasses, config.s, config.m,
                                             config.adaH, config.tAlpha);
    throw InputError(SourceLocation{}, "head.type", "unknown head '" + config.type + "'");
}

} // namespace fb
