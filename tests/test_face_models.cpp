// The face recognisers users train today (IResNet-18/34/50/100, MobileFaceNet in the paper's and
// in the TFLite file's layout, face-api's FaceRecognitionNet): the catalog's parameter counts are
// those of the built networks, each maps its input size to its embedding, and each trains with
// every head (a forward and backward pass reaches the first convolution with finite, non-zero
// gradients).
#include <QtTest>

#include "facebench/model_catalog.h"
#include "heads/head.h"
#include "models/model_zoo.h"

using namespace fb;

namespace {

const char* const kNewModels[] = {"iresnet18",      "iresnet34",     "iresnet50",
                                  "iresnet100",     "mobilefacenet", "mobilefacenet-tf192",
                                  "face-api-resnet"};

torch::Tensor firstConvWeight(FaceModel& model) {
    for (const auto& item : model.named_parameters())
        if (item.value().dim() == 4)
            return item.value();
    return {};
}

} // namespace

class TestFaceModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void catalogCounts_data();
    void catalogCounts();
    void embeddingShapes_data();
    void embeddingShapes();
    void trainsWithEveryHead_data();
    void trainsWithEveryHead();
};

void TestFaceModels::catalogCounts_data() {
    QTest::addColumn<QString>("model");
    for (const char* name : kNewModels)
        QTest::newRow(name) << name;
}

void TestFaceModels::catalogCounts() {
    QFETCH(QString, model);
    const ModelInfo* info = findModel(model.toStdString());
    QVERIFY(info);
    for (const std::int64_t classes : {0, 10}) {
        ModelOptions options;
        options.numClasses = classes;
        const auto built = createModel(info->name, options);
        QCOMPARE(parameterCount(*built), modelParameterCount(*info, classes));
        QCOMPARE(built->embeddingDim(), static_cast<std::int64_t>(info->embeddingDim));
    }
}

void TestFaceModels::embeddingShapes_data() {
    QTest::addColumn<QString>("model");
    // IR-50 and IR-100 differ from IR-18 / 34 only in units per stage (test_models_slow runs
    // IR-50).
    for (const char* name :
         {"iresnet18", "mobilefacenet", "mobilefacenet-tf192", "face-api-resnet"})
        QTest::newRow(name) << name;
}

void TestFaceModels::embeddingShapes() {
    QFETCH(QString, model);
    const ModelInfo& info = *findModel(model.toStdString());
    torch::manual_seed(0);
    const auto net = createModel(info.name, {});
    net->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor images = torch::randn({2, 3, info.inputHeight, info.inputWidth});
    const torch::Tensor out = net->forward(images).embedding;
    QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{2, info.embeddingDim}));
    QVERIFY(torch::isfinite(out).all().item<bool>());
    // In eval mode each image's embedding is its own: the same alone as in the batch.
    const torch::Tensor alone = net->forward(images.slice(0, 1, 2)).embedding[0];
    QVERIFY(torch::allclose(alone, out[1], 1e-4, 1e-6));
}

void TestFaceModels::trainsWithEveryHead_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("head");
    for (const char* model :
         {"iresnet18", "mobilefacenet", "mobilefacenet-tf192", "face-api-resnet"})
        for (const char* head : {"softmax", "center", "sphereface", "cosface", "arcface"})
            QTest::newRow(qPrintable(QString("%1 %2").arg(model, head))) << model << head;
}

void TestFaceModels::trainsWithEveryHead() {
    QFETCH(QString, model);
    QFETCH(QString, head);
    const ModelInfo& info = *findModel(model.toStdString());
    torch::manual_seed(1);
    const auto net = createModel(info.name, {});
    HeadConfig config;
    config.type = head.toStdString();
    config.m = head == "sphereface" ? 4.0 : head == "cosface" ? 0.35 : 0.5;
    const auto lossHead = createHead(config, info.embeddingDim, 3);
    net->train();
    lossHead->train();
    const torch::Tensor images = torch::randn({2, 3, info.inputHeight, info.inputWidth});
    const HeadOutput out = lossHead->forward(net->forward(images).embedding, torch::tensor({0, 2}));
    QVERIFY(std::isfinite(out.loss.item<double>()));
    out.loss.backward();
    const torch::Tensor grad = firstConvWeight(*net).grad();
    QVERIFY(grad.defined());
    QVERIFY(torch::isfinite(grad).all().item<bool>());
    QVERIFY(grad.abs().sum().item<double>() > 0.0);
}

QTEST_APPLESS_MAIN(TestFaceModels)
#include "test_face_models.moc"
