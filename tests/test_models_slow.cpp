// Model zoo, slow part (label "slow": `ctest -L quick` skips it, CI runs it): forward and
// backward of every big network at batch 2 on the CPU, its parameter count against the
// catalog, and torchvision's state_dict names for AlexNet and VGG.
#include "facebench/model_catalog.h"
#include "model_test_support.h"
#include "models/model_zoo.h"

#include <thread>

using namespace fb;

class TestModelsSlow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void forwardBackward_data();
    void forwardBackward();
    void torchvisionNames_data();
    void torchvisionNames();
};

void TestModelsSlow::initTestCase() {
    torch::set_num_threads(std::max(1u, std::thread::hardware_concurrency()));
}

void TestModelsSlow::forwardBackward_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("aux");
    QTest::addColumn<int>("auxHeads");
    QTest::newRow("alexnet-v1") << "alexnet-v1" << false << 0;
    QTest::newRow("alexnet-v2") << "alexnet-v2" << false << 0;
    QTest::newRow("vgg16") << "vgg16" << false << 0;
    QTest::newRow("vgg16-bn") << "vgg16-bn" << false << 0;
    QTest::newRow("googlenet aux") << "googlenet" << true << 2;
    QTest::newRow("inception-v3 aux") << "inception-v3" << true << 1;
    QTest::newRow("resnet50") << "resnet50" << false << 0;
    QTest::newRow("densenet121") << "densenet121" << false << 0;
    QTest::newRow("lightcnn-29") << "lightcnn-29" << false << 0;
    QTest::newRow("sphereface-36") << "sphereface-36" << false << 0;
    QTest::newRow("sphereface-64") << "sphereface-64" << false << 0;
    QTest::newRow("iresnet50") << "iresnet50" << false << 0;
}

void TestModelsSlow::forwardBackward() {
    QFETCH(QString, model);
    QFETCH(bool, aux);
    QFETCH(int, auxHeads);
    const ModelInfo* info = findModel(model.toStdString());
    QVERIFY(info);
    ModelOptions options;
    options.numClasses = 10;
    options.auxLogits = aux;
    const auto net = createModel(info->name, options);
    QCOMPARE(parameterCount(*net), modelParameterCount(*info, 10, aux));
    QCOMPARE(net->embeddingDim(), std::int64_t(info->embeddingDim));
    test::checkForwardBackward(*net, info->name, info->channels, info->inputHeight,
                               info->inputWidth, 10, auxHeads);
}

void TestModelsSlow::torchvisionNames_data() {
    QTest::addColumn<QString>("model");
    for (const char* name : {"alexnet-v2", "vgg16", "vgg16-bn"})
        QTest::newRow(name) << name;
}

void TestModelsSlow::torchvisionNames() {
    QFETCH(QString, model);
    const auto theirs = test::torchvisionShapes(model);
    QVERIFY2(!theirs.empty(), qPrintable("no key file for " + model));
    ModelOptions options;
    options.numClasses = 10575;
    const auto net = createModel(model.toStdString(), options);
    const QString problems = test::compareShapes(test::stateDictShapes(*net), theirs);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(parameterCount(*net), modelParameterCount(*findModel(model.toStdString()), 10575));
}

QTEST_GUILESS_MAIN(TestModelsSlow)
#include "test_models_slow.moc"
