// Model zoo, quick part: parameter counts (torchvision 0.14 exactly, Table 2 within 2%),
// torchvision state_dict names, forward/backward of the small networks, and the Table 12
// initialisation styles checked statistically. The big networks' forward/backward is in
// test_models_slow (label "slow").
#include "facebench/errors.h"
#include "facebench/model_catalog.h"
#include "model_test_support.h"
#include "models/model_zoo.h"

#include <cmath>

using namespace fb;

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void torchvisionCounts_data();
    void torchvisionCounts();
    void table2Counts_data();
    void table2Counts();
    void catalogMatchesConstructed_data();
    void catalogMatchesConstructed();
    void torchvisionNames_data();
    void torchvisionNames();
    void forwardBackward_data();
    void forwardBackward();
    void initStatistics_data();
    void initStatistics();
    void zeroBiasStyles();
    void noClassifierGivesEmbeddingOnly();
    void badInput();
    void catalogLinksPresets();
};

void TestModels::torchvisionCounts_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("aux");
    QTest::addColumn<std::int64_t>("expected");
    // sum(p.numel()) of torchvision 0.14 models at num_classes=10575 (Debian python3-torchvision).
    QTest::newRow("alexnet-v2") << "alexnet-v2" << false << std::int64_t(100329615);
    QTest::newRow("vgg16") << "vgg16" << false << std::int64_t(177586319);
    QTest::newRow("vgg16-bn") << "vgg16-bn" << false << std::int64_t(177594767);
    QTest::newRow("googlenet") << "googlenet" << false << std::int64_t(16439279);
    QTest::newRow("googlenet aux") << "googlenet" << true << std::int64_t(42448013);
    QTest::newRow("inception-v3") << "inception-v3" << false << std::int64_t(43453743);
    QTest::newRow("inception-v3 aux") << "inception-v3" << true << std::int64_t(54143614);
    QTest::newRow("resnet50") << "resnet50" << false << std::int64_t(45176207);
    QTest::newRow("densenet121") << "densenet121" << false << std::int64_t(17793231);
}

void TestModels::torchvisionCounts() {
    QFETCH(QString, model);
    QFETCH(bool, aux);
    QFETCH(std::int64_t, expected);
    const ModelInfo* info = findModel(model.toStdString());
    QVERIFY(info);
    QCOMPARE(modelParameterCount(*info, 10575, aux), expected);
}

void TestModels::table2Counts_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<double>("table2");
    // Table 2 of the seed, Caffe column, millions, at CASIA-WebFace's 10575 classes.
    QTest::newRow("alexnet-v1") << "alexnet-v1" << 100.17;
    QTest::newRow("lightcnn (Table 2 'LightCNN-29')") << "lightcnn-9" << 8.19;
    QTest::newRow("center-loss") << "center-loss-net" << 32.95;
}

void TestModels::table2Counts() {
    QFETCH(QString, model);
    QFETCH(double, table2);
    const ModelInfo* info = findModel(model.toStdString());
    QVERIFY(info);
    const double millions = modelParameterCount(*info, 10575) / 1e6;
    QVERIFY2(std::abs(millions - table2) <= 0.02 * table2,
             qPrintable(QString("%1: %2M vs Table 2 %3M").arg(model).arg(millions).arg(table2)));
}

void TestModels::catalogMatchesConstructed_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("aux");
    // Models cheap to build; test_models_slow covers the rest.
    for (const char* name : {"small-resnet-112x96", "small-resnet-64", "lightcnn-9", "lightcnn-29",
                             "center-loss-net", "sphereface-20", "resnet50", "densenet121"})
        QTest::newRow(name) << name << false;
    QTest::newRow("googlenet aux") << "googlenet" << true;
    QTest::newRow("inception-v3 aux") << "inception-v3" << true;
}

void TestModels::catalogMatchesConstructed() {
    QFETCH(QString, model);
    QFETCH(bool, aux);
    const ModelInfo* info = findModel(model.toStdString());
    QVERIFY(info);
    for (std::int64_t classes : {std::int64_t(0), std::int64_t(10575)}) {
        ModelOptions options;
        options.numClasses = classes;
        options.auxLogits = aux;
        const auto net = createModel(model.toStdString(), options);
        QCOMPARE(parameterCount(*net), modelParameterCount(*info, classes, aux));
        QCOMPARE(net->embeddingDim(), std::int64_t(info->embeddingDim));
    }
}

void TestModels::torchvisionNames_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("aux");
    QTest::addColumn<QString>("file");
    QTest::newRow("resnet50") << "resnet50" << false << "resnet50";
    QTest::newRow("densenet121") << "densenet121" << false << "densenet121";
    QTest::newRow("googlenet") << "googlenet" << false << "googlenet";
    QTest::newRow("googlenet aux") << "googlenet" << true << "googlenet-aux";
    QTest::newRow("inception-v3") << "inception-v3" << false << "inception-v3";
    QTest::newRow("inception-v3 aux") << "inception-v3" << true << "inception-v3-aux";
}

void TestModels::torchvisionNames() {
    QFETCH(QString, model);
    QFETCH(bool, aux);
    QFETCH(QString, file);
    const auto theirs = test::torchvisionShapes(file);
    QVERIFY2(!theirs.empty(), qPrintable("no key file for " + file));
    ModelOptions options;
    options.numClasses = 10575;
    options.auxLogits = aux;
    const auto net = createModel(model.toStdString(), options);
    const QString problems = test::compareShapes(test::stateDictShapes(*net), theirs);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestModels::forwardBackward_data() {
    QTest::addColumn<QString>("model");
    for (const char* name : {"small-resnet-112x96", "small-resnet-64", "lightcnn-9",
                             "center-loss-net", "sphereface-20"})
        QTest::newRow(name) << name;
}

void TestModels::forwardBackward() {
    QFETCH(QString, model);
    const ModelInfo* info = findModel(model.toStdString());
    QVERIFY(info);
    ModelOptions options;
    options.numClasses = 7;
    const auto net = createModel(model.toStdString(), options);
    test::checkForwardBackward(*net, info->name, info->channels, info->inputHeight,
                               info->inputWidth, 7, 0);
}

void TestModels::initStatistics_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("style");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("expectedStd");
    // Large layers (>= 0.5M weights, a sample std within ~0.1%), formulas of Table 12.
    const double fanIn4 = 512 * 9, fanOut4 = 512 * 9; // resnet50 layer4.0.conv2: 512x512x3x3
    QTest::newRow("resnet50 pytorch kaiming fan_out")
        << "resnet50"
        << "pytorch"
        << "layer4.0.conv2.weight" << std::sqrt(2.0 / fanOut4);
    QTest::newRow("resnet50 caffe msra fan_in")
        << "resnet50"
        << "caffe"
        << "layer4.1.conv2.weight" << std::sqrt(2.0 / fanIn4);
    QTest::newRow("resnet50 caffe input msra fan_out")
        << "resnet50"
        << "caffe"
        << "conv1.weight" << std::sqrt(2.0 / (64 * 49));
    QTest::newRow("resnet50 caffe fc gaussian 0.01") << "resnet50"
                                                     << "caffe"
                                                     << "fc.weight" << 0.01;
    QTest::newRow("resnet50 pytorch fc nn default")
        << "resnet50"
        << "pytorch"
        << "fc.weight" << std::sqrt(1.0 / 2048) / std::sqrt(3.0);
    QTest::newRow("resnet50 tensorflow glorot")
        << "resnet50"
        << "tensorflow"
        << "layer4.0.conv2.weight" << std::sqrt(6.0 / (fanIn4 + fanOut4)) / std::sqrt(3.0);
    // densenet121 denselayer16 of block 4: conv1 is 128 x 992 (1x1).
    QTest::newRow("densenet121 pytorch kaiming fan_in")
        << "densenet121"
        << "pytorch"
        << "features.denseblock4.denselayer16.conv1.weight" << std::sqrt(2.0 / 992);
    QTest::newRow("densenet121 caffe xavier")
        << "densenet121"
        << "caffe"
        << "features.transition3.conv.weight" << std::sqrt(3.0 / 1024) / std::sqrt(3.0);
    QTest::newRow("googlenet pytorch truncated normal 0.01")
        << "googlenet"
        << "pytorch"
        << "inception5b.branch2.1.conv.weight" << 0.01;
    QTest::newRow("inception-v3 pytorch truncated normal 0.1")
        << "inception-v3"
        << "pytorch"
        << "Mixed_7c.branch3x3dbl_2.conv.weight" << 0.1;
    QTest::newRow("inception-v3 pytorch AuxLogits.conv1 0.01")
        << "inception-v3"
        << "pytorch"
        << "AuxLogits.conv1.conv.weight" << 0.01;
    QTest::newRow("inception-v3 caffe xavier normal (fan_in+fan_out)")
        << "inception-v3"
        << "caffe"
        << "Mixed_7c.branch3x3dbl_2.conv.weight" << std::sqrt(2.0 / (448 * 9 + 384 * 9));
    QTest::newRow("sphereface-20 caffe xavier")
        << "sphereface-20"
        << "caffe"
        << "conv4_2.weight" << std::sqrt(3.0 / (512 * 9)) / std::sqrt(3.0);
    QTest::newRow("sphereface-20 tensorflow glorot fc5")
        << "sphereface-20"
        << "tensorflow"
        << "fc5.weight" << std::sqrt(6.0 / (21504 + 512)) / std::sqrt(3.0);
    QTest::newRow("iresnet50 pytorch normal 0.1") << "iresnet50"
                                                  << "pytorch"
                                                  << "layer4.0.conv2.weight" << 0.1;
}

void TestModels::initStatistics() {
    QFETCH(QString, model);
    QFETCH(QString, style);
    QFETCH(QString, parameter);
    QFETCH(double, expectedStd);
    torch::manual_seed(1);
    ModelOptions options;
    options.numClasses = 1000;
    options.auxLogits = true;
    options.init = style.toStdString();
    const auto net = createModel(model.toStdString(), options);
    const torch::Tensor* weight = net->named_parameters().find(parameter.toStdString());
    QVERIFY2(weight, qPrintable("no parameter " + parameter));
    const double stdDev = weight->std().item<double>();
    const double mean = weight->mean().item<double>();
    QVERIFY2(std::abs(stdDev - expectedStd) <= 0.05 * expectedStd,
             qPrintable(QString("std %1, expected %2").arg(stdDev).arg(expectedStd)));
    QVERIFY2(std::abs(mean) <= 0.05 * expectedStd, qPrintable(QString("mean %1").arg(mean)));
}

void TestModels::zeroBiasStyles() {
    // Caffe and TensorFlow fill biases with 0 (Table 12; Caffe's constant filler, Keras zeros).
    for (const char* style : {"caffe", "tensorflow"}) {
        ModelOptions options;
        options.numClasses = 10;
        options.init = style;
        const auto net = createModel("center-loss-net", options);
        for (const auto& item : net->named_parameters())
            if (item.key().size() > 5 && item.key().substr(item.key().size() - 5) == ".bias")
                QVERIFY2(item.value().abs().max().item<double>() == 0.0, item.key().c_str());
    }
}

void TestModels::noClassifierGivesEmbeddingOnly() {
    ModelOptions options; // numClasses 0
    const auto net = createModel("small-resnet-64", options);
    net->eval();
    torch::NoGradGuard noGrad;
    const ModelOutput out = net->forward(torch::randn({3, 3, 64, 64}));
    QCOMPARE(out.embedding.sizes().vec(), (std::vector<std::int64_t>{3, 128}));
    QVERIFY(!out.logits.defined());
}

void TestModels::badInput() {
    QVERIFY_EXCEPTION_THROWN(createModel("resnet-50", ModelOptions{}), InputError);
    try {
        createModel("resnet-50", ModelOptions{});
    } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains("resnet50"), error.what()); // did you mean
    }
    ModelOptions negative;
    negative.numClasses = -1;
    QVERIFY_EXCEPTION_THROWN(createModel("resnet50", negative), InputError);
    ModelOptions badStyle;
    badStyle.init = "keras";
    QVERIFY_EXCEPTION_THROWN(createModel("small-resnet-64", badStyle), InputError);
    // Every catalog name has an implementation.
    QCOMPARE(modelCatalog().size(), std::size_t(17));
}

void TestModels::catalogLinksPresets() {
    QCOMPARE(presetsUsingModel("iresnet50"),
             (std::vector<std::string>{"arcface", "cosface", "softmax"}));
    QCOMPARE(presetsUsingModel("resnet50"), (std::vector<std::string>{"resnet50"}));
    QVERIFY(presetsUsingModel("small-resnet-64").empty());
}

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
