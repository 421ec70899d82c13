// `facebench-cli models`: the JSON document, the Table 2 counts it reports, and bad input.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "process_runner.h"

namespace {

QJsonObject modelRow(const QJsonArray& models, const QString& name) {
    for (const QJsonValue& value : models)
        if (value.toObject().value("name").toString() == name)
            return value.toObject();
    return {};
}
} // namespace

class TestCliModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonListsEveryModel();
    void classesChangeTheCount();
    void textTable();
    void negativeClassesIsBadInput();
};

void TestCliModels::jsonListsEveryModel() {
    const ProcessResult run = runCli({"models", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(doc.value("classes").toInt(), 10575);
    const QJsonArray models = doc.value("models").toArray();
    QVERIFY(models.size() >= 15);
    const QJsonObject resnet = modelRow(models, "resnet50");
    QCOMPARE(resnet.value("parameters").toInteger(), qint64(45176207)); // torchvision 0.14
    QCOMPARE(resnet.value("input").toArray(), (QJsonArray{224, 224}));
    QCOMPARE(resnet.value("channels").toInt(), 3);
    QCOMPARE(resnet.value("embedding_dim").toInt(), 2048);
    QCOMPARE(resnet.value("presets").toArray(), (QJsonArray{"resnet50"}));
    const QJsonObject googlenet = modelRow(models, "googlenet");
    QCOMPARE(googlenet.value("parameters").toInteger(), qint64(16439279));
    QCOMPARE(googlenet.value("parameters_with_aux").toInteger(), qint64(42448013));
    QVERIFY(resnet.value("parameters_with_aux").isNull());
    const QJsonObject ir = modelRow(models, "iresnet50");
    QCOMPARE(ir.value("presets").toArray(), (QJsonArray{"adaface", "arcface", "combined-margin",
                                                        "cosface", "curricularface", "softmax"}));
    QCOMPARE(modelRow(models, "lightcnn-29").value("channels").toInt(), 1);
}

void TestCliModels::classesChangeTheCount() {
    const ProcessResult run = runCli({"models", "--classes", "0", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray models = QJsonDocument::fromJson(run.out).object().value("models").toArray();
    QCOMPARE(modelRow(models, "resnet50").value("parameters").toInteger(), qint64(23508032));
}

void TestCliModels::textTable() {
    const ProcessResult run = runCli({"models"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("MODEL"));
    QVERIFY(run.out.contains("sphereface-64"));
}

void TestCliModels::negativeClassesIsBadInput() {
    const ProcessResult run = runCli({"models", "--classes", "-5"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--classes"), run.err.constData());
    QCOMPARE(runCli({"models", "--classes", "many"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliModels)
#include "test_cli_models.moc"
