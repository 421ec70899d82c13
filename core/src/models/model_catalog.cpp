#include "facebench/model_catalog.h"

namespace fb {

const std::vector<ModelInfo>& modelCatalog() {
    // Input sizes from Table 2 of the seed; the face networks' from their papers.
    static const std::vector<ModelInfo> catalog = {
        {"alexnet-v1", 227, 227, "AlexNet, original: LRN and grouped convolutions (Krizhevsky et al. 2012)"},
        {"alexnet-v2", 224, 224, "AlexNet, torchvision layout (one weird trick, Krizhevsky 2014)"},
        {"vgg16", 224, 224, "VGG-16 (Simonyan and Zisserman 2015)"},
        {"vgg16-bn", 224, 224, "VGG-16 with batch normalisation"},
        {"googlenet", 224, 224, "GoogLeNet / Inception-v1 (Szegedy et al. 2015)"},
        {"inception-v3", 299, 299, "Inception-v3 (Szegedy et al. 2016)"},
        {"resnet50", 224, 224, "ResNet-50 (He et al. 2016)"},
        {"densenet121", 224, 224, "DenseNet-121 (Huang et al. 2017)"},
        {"lightcnn-29", 128, 128, "LightCNN-29, Max-Feature-Map (Wu et al. 2018)"},
        {"center-loss-net", 112, 96, "Face network of the center loss (Wen et al. 2016), 512-d"},
        {"sphereface-20", 112, 96, "SphereFace-20 (Liu et al. 2017), 512-d"},
        {"sphereface-64", 112, 96, "SphereFace-64 (Liu et al. 2017), 512-d"},
        {"iresnet50", 112, 112, "IR-50, the ArcFace backbone (Deng et al. 2019), 512-d"},
        {"small-resnet-112x96", 112, 96, "Small 4-stage residual net for CPU demos and tests"},
        {"small-resnet-64", 64, 64, "Small 4-stage residual net at 64x64 for CPU tests"},
    };
    return catalog;
}

std::vector<std::string> modelNames() {
    std::vector<std::string> names;
    for (const ModelInfo& info : modelCatalog())
        names.push_back(info.name);
    return names;
}

const ModelInfo* findModel(const std::string& name) {
    for (const ModelInfo& info : modelCatalog())
        if (info.name == name)
            return &info;
    return nullptr;
}

} // namespace fb
