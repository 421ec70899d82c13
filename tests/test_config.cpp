// ExperimentConfig: presets, layering (preset < file < --set), derived defaults, and every class
// of error with the exact file:line:column and key it must name.
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/model_catalog.h"
#include "facebench/presets.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace fb;

namespace {
ExperimentConfig parse(const QString& yaml, const QStringList& overrides = {}) {
    std::vector<std::string> sets;
    for (const QString& set : overrides)
        sets.push_back(set.toStdString());
    return parseExperimentConfig(yaml.toStdString(), "exp.yaml", sets);
}
} // namespace

class TestConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presetsMatchTable2_data();
    void presetsMatchTable2();
    void layering_data();
    void layering();
    void styleFollowsFramework_data();
    void styleFollowsFramework();
    void errors_data();
    void errors();
    void resolvedYamlLoadsBackEqual();
    void emptyFileGivesDefaults();
    void missingFileNamesThePath();
    void programmaticConfigIsValidated();
    void textMustBeUtf8();
};

// Table 2 of the seed, row by row: what `preset: NAME` must resolve to.
void TestConfig::presetsMatchTable2_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("head");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("imageH");
    QTest::addColumn<int>("inputH");
    QTest::addColumn<int>("inputW");
    QTest::addColumn<QString>("form");
    QTest::addColumn<double>("baseLr");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<double>("weightDecay");
    QTest::addColumn<QString>("style");

    QTest::newRow("alexnet-v1") << "alexnet-v1"
                                << "alexnet-v1"
                                << "softmax" << 256 << 256 << 227 << 227 << "step" << 0.01 << 96
                                << 0 << 5e-4 << "caffe";
    QTest::newRow("alexnet-v2") << "alexnet-v2"
                                << "alexnet-v2"
                                << "softmax" << 256 << 256 << 224 << 224 << "step" << 0.01 << 96
                                << 0 << 5e-4 << "pytorch";
    QTest::newRow("densenet121") << "densenet121"
                                 << "densenet121"
                                 << "softmax" << 40 << 256 << 224 << 224 << "step" << 0.1 << 30 << 0
                                 << 1e-4 << "pytorch";
    QTest::newRow("googlenet") << "googlenet"
                               << "googlenet"
                               << "softmax" << 32 << 256 << 224 << 224 << "poly" << 0.01 << 64 << 0
                               << 2e-4 << "tensorflow";
    QTest::newRow("inception-v3") << "inception-v3"
                                  << "inception-v3"
                                  << "softmax" << 25 << 299 << 299 << 299 << "step" << 0.045 << 100
                                  << 0 << 4e-4 << "pytorch";
    QTest::newRow("lightcnn-29") << "lightcnn-29"
                                 << "lightcnn-29"
                                 << "softmax" << 128 << 144 << 128 << 128 << "step" << 0.1 << 80
                                 << 0 << 1e-4 << "caffe";
    QTest::newRow("resnet50") << "resnet50"
                              << "resnet50"
                              << "softmax" << 50 << 256 << 224 << 224 << "step" << 0.1 << 128 << 0
                              << 1e-4 << "pytorch";
    QTest::newRow("vgg16") << "vgg16"
                           << "vgg16"
                           << "softmax" << 128 << 256 << 224 << 224 << "step" << 0.1 << 74 << 0
                           << 5e-4 << "pytorch";
    QTest::newRow("vgg16-bn") << "vgg16-bn"
                              << "vgg16-bn"
                              << "softmax" << 128 << 256 << 224 << 224 << "step" << 0.1 << 74 << 0
                              << 5e-4 << "pytorch";
    QTest::newRow("softmax") << "softmax"
                             << "iresnet50"
                             << "softmax" << 512 << 112 << 112 << 112 << "multistep" << 0.1 << 0
                             << 30000 << 5e-4 << "pytorch";
    QTest::newRow("center-loss") << "center-loss"
                                 << "center-loss-net"
                                 << "center" << 256 << 112 << 112 << 96 << "multistep" << 0.1 << 0
                                 << 28000 << 5e-4 << "caffe";
    QTest::newRow("sphereface") << "sphereface"
                                << "sphereface-64"
                                << "sphereface" << 128 << 112 << 112 << 96 << "multistep" << 0.1
                                << 0 << 28000 << 5e-4 << "caffe";
    QTest::newRow("cosface") << "cosface"
                             << "iresnet50"
                             << "cosface" << 512 << 112 << 112 << 112 << "multistep" << 0.1 << 0
                             << 30000 << 5e-4 << "pytorch";
    QTest::newRow("arcface") << "arcface"
                             << "iresnet50"
                             << "arcface" << 512 << 112 << 112 << 112 << "multistep" << 0.1 << 0
                             << 32000 << 5e-4 << "pytorch";
}

void TestConfig::presetsMatchTable2() {
    QFETCH(QString, preset);
    const ExperimentConfig c = parse("preset: " + preset);
    QCOMPARE(QString::fromStdString(c.preset), preset);
    QFETCH(QString, model);
    QCOMPARE(QString::fromStdString(c.model.name), model);
    QFETCH(QString, head);
    QCOMPARE(QString::fromStdString(c.head.type), head);
    QFETCH(int, batch);
    QCOMPARE(c.train.batchSize, batch);
    QFETCH(int, imageH);
    QCOMPARE(c.data.imageSize[0], imageH);
    QFETCH(int, inputH);
    QFETCH(int, inputW);
    QCOMPARE(c.data.inputSize, (std::vector<std::int64_t>{inputH, inputW}));
    QFETCH(QString, form);
    QCOMPARE(QString::fromStdString(c.schedule.form), form);
    QFETCH(double, baseLr);
    QCOMPARE(c.schedule.baseLr, baseLr);
    QFETCH(int, epochs);
    QCOMPARE(c.train.epochs, epochs);
    QFETCH(int, iterations);
    QCOMPARE(c.train.iterations, iterations);
    QFETCH(double, weightDecay);
    QCOMPARE(c.optim.weightDecay, weightDecay);
    QCOMPARE(c.optim.momentum, 0.9); // every row of Table 2
    QFETCH(QString, style);
    QCOMPARE(QString(styleName(c.style.framework)), style);
    QCOMPARE(QString::fromStdString(c.output.name), preset);
    QCOMPARE(int(presets().size()), 17);
}

// Each row: YAML text, overrides, then the dotted key and its expected resolved value (as YAML).
void TestConfig::layering_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("overrides");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("expected");

    QTest::newRow("preset value") << "preset: resnet50" << QStringList{} << "train.batch_size"
                                  << "50";
    QTest::newRow("file overrides preset")
        << "preset: resnet50\ntrain:\n  batch_size: 32" << QStringList{} << "train.batch_size"
        << "32";
    QTest::newRow("--set overrides file")
        << "preset: resnet50\ntrain:\n  batch_size: 32" << QStringList{"train.batch_size=16"}
        << "train.batch_size"
        << "16";
    QTest::newRow("later --set wins")
        << "preset: resnet50" << QStringList{"train.batch_size=16", "train.batch_size=8"}
        << "train.batch_size"
        << "8";
    QTest::newRow("--set list value")
        << "preset: softmax" << QStringList{"schedule.milestones=[10, 20]"} << "schedule.milestones"
        << "[10, 20]";
    QTest::newRow("preset keeps unrelated defaults")
        << "preset: resnet50" << QStringList{} << "eval.far"
        << "[0.01, 0.001, 0.0001]";
    QTest::newRow("arcface margin") << "preset: arcface" << QStringList{} << "head.m"
                                    << "0.5";
    QTest::newRow("cosface margin") << "preset: cosface" << QStringList{} << "head.m"
                                    << "0.35";
    QTest::newRow("sphereface margin") << "preset: sphereface" << QStringList{} << "head.m"
                                       << "4";
    QTest::newRow("curricularface margin") << "preset: curricularface" << QStringList{} << "head.m"
                                           << "0.5";
    QTest::newRow("adaface margin") << "preset: adaface" << QStringList{} << "head.m"
                                    << "0.4";
    QTest::newRow("adaface h") << "preset: adaface" << QStringList{} << "head.h"
                               << "0.333";
    QTest::newRow("combined-margin m3") << "preset: combined-margin" << QStringList{} << "head.m3"
                                        << "0.2";
    QTest::newRow("adaface type brings its margin")
        << "preset: arcface" << QStringList{"head.type=adaface"} << "head.m"
        << "0.4";
    QTest::newRow("new head type brings its own margin")
        << "preset: arcface" << QStringList{"head.type=cosface"} << "head.m"
        << "0.35";
    QTest::newRow("explicit margin kept with its type")
        << "preset: arcface\nhead:\n  type: cosface\n  m: 0.2" << QStringList{} << "head.m"
        << "0.2";
    QTest::newRow("epochs replace preset iterations")
        << "preset: arcface" << QStringList{"train.epochs=3"} << "train.iterations"
        << "0";
    QTest::newRow("iterations replace preset epochs")
        << "preset: resnet50\ntrain:\n  iterations: 500" << QStringList{} << "train.epochs"
        << "0";
    QTest::newRow("input size follows model")
        << "model:\n  name: small-resnet-64" << QStringList{} << "data.input_size"
        << "[64, 64]";
    QTest::newRow("image size defaults to input")
        << "model:\n  name: sphereface-20" << QStringList{} << "data.image_size"
        << "[112, 96]";
    QTest::newRow("new model resets preset sizes")
        << "preset: resnet50" << QStringList{"model.name=iresnet50"} << "data.input_size"
        << "[112, 112]";
    QTest::newRow("device shorthand") << "device: cuda:1" << QStringList{} << "device.name"
                                      << "cuda:1";
    QTest::newRow("device shorthand via --set") << "" << QStringList{"device=cuda"} << "device.name"
                                                << "cuda";
    QTest::newRow("output name from preset") << "preset: vgg16" << QStringList{} << "output.name"
                                             << "vgg16";
    QTest::newRow("output name from model")
        << "model: {name: densenet121}" << QStringList{} << "output.name"
        << "densenet121";
    QTest::newRow("scientific notation")
        << "optim:\n  weight_decay: 1.0e-4" << QStringList{} << "optim.weight_decay"
        << "0.0001";
}

void TestConfig::layering() {
    QFETCH(QString, yaml);
    QFETCH(QStringList, overrides);
    QFETCH(QString, check);
    QFETCH(QString, expected);
    const ExperimentConfig c = parse(yaml, overrides);
    // Read the key back through the resolved YAML, the form users and run directories see.
    const QString resolved = QString::fromStdString(toYaml(c));
    const QStringList parts = check.split('.');
    const QString sectionHeader = parts[0] + ":\n";
    const int sectionAt = resolved.indexOf(QRegularExpression(
        "^" + QRegularExpression::escape(sectionHeader), QRegularExpression::MultilineOption));
    QVERIFY2(sectionAt >= 0, qPrintable(resolved));
    const QRegularExpression line("^  " + QRegularExpression::escape(parts[1]) + ": (.*)$",
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(resolved, sectionAt);
    QVERIFY2(match.hasMatch(), qPrintable(resolved));
    QString value = match.captured(1);
    value.remove('"');
    QCOMPARE(value, expected);
}

void TestConfig::styleFollowsFramework_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("preprocess");
    QTest::addColumn<QString>("lastBatch");
    QTest::addColumn<QString>("memoryFormat");
    // Section 4.1: Caffe wraps around, PyTorch keeps the short batch, TensorFlow drops it.
    QTest::newRow("pytorch") << "style: pytorch"
                             << "pytorch"
                             << "keep"
                             << "contiguous";
    QTest::newRow("tensorflow") << "style: tensorflow"
                                << "tensorflow"
                                << "drop"
                                << "channels_last";
    QTest::newRow("caffe") << "style: caffe"
                           << "caffe"
                           << "wrap"
                           << "contiguous";
    QTest::newRow("part set on its own") << "style:\n  framework: tensorflow\n  last_batch: keep"
                                         << "tensorflow"
                                         << "keep"
                                         << "channels_last";
    QTest::newRow("framework change resets parts") << "preset: sphereface\nstyle: tensorflow"
                                                   << "tensorflow"
                                                   << "drop"
                                                   << "channels_last";
    QTest::newRow("auto parts follow the framework")
        << "style:\n  framework: caffe\n  preprocess: auto\n  last_batch: auto\n  memory_format: channels_last"
        << "caffe"
        << "wrap"
        << "channels_last";
    QTest::newRow("auto in a later layer") << "preset: lightcnn-29\nstyle:\n  last_batch: auto"
                                           << "caffe"
                                           << "wrap"
                                           << "contiguous";
    QTest::newRow("preprocess row by name") << "style:\n  preprocess: tensorflow-inception"
                                            << "tensorflow-inception"
                                            << "keep"
                                            << "contiguous";
}

void TestConfig::styleFollowsFramework() {
    QFETCH(QString, yaml);
    const ExperimentConfig c = parse(yaml);
    QTEST(QString(styleName(c.style.preprocess)), "preprocess");
    QTEST(QString(styleName(c.style.lastBatch)), "lastBatch");
    QTEST(QString(styleName(c.style.memoryFormat)), "memoryFormat");
    QCOMPARE(QString(styleName(c.style.init)), QString(styleName(c.style.framework)));
    // The resolved config names no "auto" and loads back the same.
    QCOMPARE(QString::fromStdString(toJson(parse(QString::fromStdString(toYaml(c))))),
             QString::fromStdString(toJson(c)));
}

// Each row: YAML text and overrides that must fail, and exactly where and why.
void TestConfig::errors_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("overrides");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("problem");
    const QStringList none;

    QTest::newRow("unknown key") << "preset: resnet50\nmodel:\n  nmae: vgg16\n"
                                 << none << "exp.yaml" << 3 << 3 << "model.nmae"
                                 << "unknown key; did you mean 'model.name'?";
    QTest::newRow("unknown section") << "modle:\n  name: vgg16\n"
                                     << none << "exp.yaml" << 1 << 1 << "modle"
                                     << "unknown key; did you mean 'model'?";
    QTest::newRow("unknown key, no near match") << "train:\n  colour: red\n"
                                                << none << "exp.yaml" << 2 << 3 << "train.colour"
                                                << "unknown key";
    QTest::newRow("wrong type: text for number")
        << "train:\n  batch_size: many\n"
        << none << "exp.yaml" << 2 << 15 << "train.batch_size"
        << "expected a whole number, got 'many'";
    QTest::newRow("wrong type: quoted number")
        << "train:\n  batch_size: \"32\"\n"
        << none << "exp.yaml" << 2 << 15 << "train.batch_size"
        << "expected a whole number, got the quoted text \"32\" (remove the quotes)";
    QTest::newRow("wrong type: fraction for integer")
        << "train:\n  epochs: 1.5\n"
        << none << "exp.yaml" << 2 << 11 << "train.epochs"
        << "expected a whole number, got '1.5'";
    QTest::newRow("wrong type: scalar for list")
        << "data:\n  input_size: 224\n"
        << none << "exp.yaml" << 2 << 15 << "data.input_size"
        << "expected a list such as [1, 2]";
    QTest::newRow("wrong type: boolean") << "device:\n  amp: maybe\n"
                                         << none << "exp.yaml" << 2 << 8 << "device.amp"
                                         << "expected true or false, got 'maybe'";
    QTest::newRow("wrong type: mapping for value") << "model:\n  name:\n    a: 1\n"
                                                   << none << "exp.yaml" << 3 << 5 << "model.name"
                                                   << "expected a single value, not a mapping";
    QTest::newRow("no value") << "model:\n  name:\n"
                              << none << "exp.yaml" << 2 << 3 << "model.name"
                              << "has no value";
    QTest::newRow("list length") << "data:\n  input_size: [1, 2, 3]\n"
                                 << none << "exp.yaml" << 2 << 15 << "data.input_size"
                                 << "expected a list of 2 values, got 3";
    QTest::newRow("list element type") << "eval:\n  far: [0.01, x]\n"
                                       << none << "exp.yaml" << 2 << 15 << "eval.far"
                                       << "expected a finite number, got 'x'";
    QTest::newRow("out of range: above max")
        << "optim:\n  momentum: 1.5\n"
        << none << "exp.yaml" << 2 << 13 << "optim.momentum"
        << "value 1.5 is out of range: must be between 0 and 1";
    QTest::newRow("out of range: zero batch")
        << "train:\n  batch_size: 0\n"
        << none << "exp.yaml" << 2 << 15 << "train.batch_size"
        << "value 0 is out of range: must be between 1 and 1048576";
    QTest::newRow("out of range: exclusive min")
        << "schedule:\n  base_lr: 0\n"
        << none << "exp.yaml" << 2 << 12 << "schedule.base_lr"
        << "value 0 is out of range: must be greater than 0 and at most 100";
    QTest::newRow("not finite") << "schedule:\n  base_lr: .nan\n"
                                << none << "exp.yaml" << 2 << 12 << "schedule.base_lr"
                                << "expected a finite number, got '.nan'";
    QTest::newRow("unknown choice")
        << "head:\n  type: arcfac\n"
        << none << "exp.yaml" << 2 << 9 << "head.type"
        << "unknown value 'arcfac'; did you mean 'arcface'? (one of: softmax, center, sphereface, cosface, arcface, combined, curricularface, adaface)";
    QTest::newRow("combined m1 out of range")
        << "head:\n  type: combined\n  m1: 0\n"
        << none << "exp.yaml" << 3 << 7 << "head.m1"
        << "value 0 is out of range: must be greater than 0 and at most 4";
    QTest::newRow("combined m3 out of range")
        << "head:\n  type: combined\n  m3: 1.5\n"
        << none << "exp.yaml" << 3 << 7 << "head.m3"
        << "value 1.5 is out of range: must be between 0 and 1";
    QTest::newRow("adaface h out of range")
        << "head:\n  type: adaface\n  h: 2\n"
        << none << "exp.yaml" << 3 << 6 << "head.h"
        << "value 2 is out of range: must be greater than 0 and at most 1";
    QTest::newRow("t_alpha out of range") << "head:\n  type: curricularface\n  t_alpha: -0.1\n"
                                          << none << "exp.yaml" << 3 << 12 << "head.t_alpha"
                                          << "value -0.1 is out of range: must be between 0 and 1";
    QTest::newRow("curricularface margin past pi")
        << "head:\n  type: curricularface\n  m: 3.5\n"
        << none << "exp.yaml" << 3 << 6 << "head.m"
        << "curricularface's angular margin m must be below pi (eq. 5: cos(theta + m))";
    QTest::newRow("unknown last-batch policy")
        << "style:\n  last_batch: sometimes\n"
        << none << "exp.yaml" << 2 << 15 << "style.last_batch"
        << "unknown value 'sometimes' (one of: auto, keep, drop, wrap)";
    QTest::newRow("unknown pre-processing")
        << "style:\n  preprocess: matlab\n"
        << none << "exp.yaml" << 2 << 15 << "style.preprocess"
        << "unknown value 'matlab' (one of: auto, pytorch, tensorflow, caffe, tensorflow-inception, lightcnn, face, face-api)";
    QTest::newRow("unknown preset")
        << "preset: resnet5\n"
        << none << "exp.yaml" << 1 << 9 << "preset"
        << "unknown preset 'resnet5'; did you mean 'resnet50'? (facebench-cli presets lists them)";
    QString models; // the message lists the whole catalog
    for (const std::string& name : modelNames())
        models += (models.isEmpty() ? "" : ", ") + QString::fromStdString(name);
    QTest::newRow("unknown model")
        << "model:\n  name: resnet51\n"
        << none << "exp.yaml" << 2 << 9 << "model.name"
        << "unknown value 'resnet51'; did you mean 'resnet50'? (one of: " + models + ")";
    QTest::newRow("duplicate key") << "train:\n  seed: 1\n  seed: 2\n"
                                   << none << "exp.yaml" << 3 << 3 << "train.seed"
                                   << "duplicate key";
    QTest::newRow("section not a mapping")
        << "model: resnet50\n"
        << none << "exp.yaml" << 1 << 8 << "model"
        << "expected a mapping of keys (for example 'model:' followed by indented 'key: value' lines)";
    QTest::newRow("top level not a mapping")
        << "- a\n- b\n"
        << none << "exp.yaml" << 1 << 1 << ""
        << "expected a mapping of sections (data, model, head, ...) at the top level";
    QTest::newRow("YAML syntax") << "model:\n  name: [vgg16\n"
                                 << none << "exp.yaml" << 3 << 1 << ""
                                 << "YAML syntax error: end of sequence flow not found";
    QTest::newRow("sphereface margin not integer")
        << "head:\n  type: sphereface\n  m: 2.5\n"
        << none << "exp.yaml" << 3 << 6 << "head.m"
        << "sphereface needs an integer margin m in 1..4 (eq. 3), got 2.5";
    QTest::newRow("input larger than image")
        << "data:\n  image_size: [100, 100]\n  input_size: [112, 112]\n"
        << none << "exp.yaml" << 3 << 15 << "data.input_size"
        << "input size 112x112 is larger than the image size 100x100";
    QTest::newRow("milestones not increasing")
        << "schedule:\n  form: multistep\n  milestones: [200, 100]\n"
        << none << "exp.yaml" << 3 << 15 << "schedule.milestones"
        << "milestones must be strictly increasing";
    QTest::newRow("multistep without milestones")
        << "schedule:\n  form: multistep\n"
        << none << "exp.yaml" << 0 << 0 << "schedule.milestones"
        << "the multistep schedule needs milestones (iterations)";
    QTest::newRow("epochs and iterations together")
        << "train:\n  epochs: 3\n  iterations: 100\n"
        << none << "exp.yaml" << 3 << 15 << "train.iterations"
        << "set either train.epochs or train.iterations, not both";
    QTest::newRow("no run length") << "train:\n  epochs: 0\n"
                                   << none << "exp.yaml" << 2 << 11 << "train.epochs"
                                   << "the run has no length: set train.epochs or train.iterations";
    QTest::newRow("unknown device")
        << "device: gpu\n"
        << none << "exp.yaml" << 1 << 9 << "device.name"
        << "unknown device 'gpu' (cpu, cuda or cuda:N with N the GPU index)";
    QTest::newRow("--set unknown key")
        << "preset: resnet50\n"
        << QStringList{"train.batch=3"} << "--set train.batch=3" << 0 << 0 << "train.batch"
        << "unknown key; did you mean 'train.batch_size'?";
    QTest::newRow("--set bad value") << "" << QStringList{"train.batch_size=x"}
                                     << "--set train.batch_size=x" << 0 << 0 << "train.batch_size"
                                     << "expected a whole number, got 'x'";
    QTest::newRow("--set without =")
        << "" << QStringList{"train.batch_size"} << "--set train.batch_size" << 0 << 0 << ""
        << "expected KEY=VALUE, e.g. train.batch_size=32";
}

void TestConfig::errors() {
    QFETCH(QString, yaml);
    QFETCH(QStringList, overrides);
    try {
        parse(yaml, overrides);
        QFAIL("no error");
    } catch (const InputError& error) {
        QTEST(QString::fromStdString(error.where().file), "file");
        QTEST(error.where().line, "line");
        QTEST(error.where().column, "column");
        QTEST(QString::fromStdString(error.key()), "key");
        QTEST(QString::fromStdString(error.problem()), "problem");
        // The message a user reads carries all of it.
        QFETCH(QString, file);
        QVERIFY(QString(error.what()).startsWith(file));
    }
}

void TestConfig::resolvedYamlLoadsBackEqual() {
    for (const PresetInfo& preset : presets()) {
        const ExperimentConfig first = parse(QString::fromStdString("preset: " + preset.name),
                                             {"style.last_batch=drop", "head.s=30.5"});
        const std::string yaml = toYaml(first);
        const ExperimentConfig second = parseExperimentConfig(yaml, "resolved.yaml");
        QCOMPARE(QString::fromStdString(toYaml(second)), QString::fromStdString(yaml));
        QCOMPARE(QString::fromStdString(toJson(second)), QString::fromStdString(toJson(first)));
    }
}

void TestConfig::emptyFileGivesDefaults() {
    const ExperimentConfig c = parse("");
    QCOMPARE(QString::fromStdString(c.model.name), QString("resnet50"));
    QCOMPARE(c.data.inputSize, (std::vector<std::int64_t>{224, 224}));
    QCOMPARE(c.style.lastBatch, LastBatch::Keep);
    QCOMPARE(QString::fromStdString(c.device.name), QString("cpu"));
}

void TestConfig::missingFileNamesThePath() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("absent.yaml").toStdString();
    try {
        loadExperimentConfig(path);
        QFAIL("no error");
    } catch (const InputError& error) {
        QCOMPARE(error.where().file, path);
        QCOMPARE(QString::fromStdString(error.problem()), QString("cannot open the config file"));
    }
    const std::string good = dir.filePath("good.yaml").toStdString();
    std::ofstream(good) << "preset: lightcnn-29\n";
    QCOMPARE(loadExperimentConfig(good, {"train.seed=7"}).train.seed, std::int64_t(7));
}

void TestConfig::programmaticConfigIsValidated() {
    ExperimentConfig c;
    validateExperimentConfig(c);
    c.train.batchSize = 0;
    QVERIFY_THROWS_EXCEPTION(InputError, validateExperimentConfig(c));
    c.train.batchSize = 8;
    c.head.type = "sphereface";
    c.head.m = 0.5;
    try {
        validateExperimentConfig(c);
        QFAIL("no error");
    } catch (const InputError& error) {
        QCOMPARE(QString::fromStdString(error.key()), QString("head.m"));
    }
}

// Bytes that are not UTF-8 in a text value (a Latin-1 file, a damaged one) are bad input at
// their line and key: passed through, they made toJson throw in `config check --json`.
void TestConfig::textMustBeUtf8() {
    const std::vector<std::string> bad = {"caf\xe9",          "\xe0",  "\xc0\xaf", "\xed\xa0\x80",
                                          "\xf4\x90\x80\x80", "ok\xff"};
    for (const std::string& name : bad) {
        try {
            parseExperimentConfig("train:\n  seed: 1\noutput:\n  name: " + name + "\n", "exp.yaml");
            QFAIL(qPrintable("accepted " + QByteArray::fromStdString(name).toHex()));
        } catch (const InputError& error) {
            QCOMPARE(error.where().line, 4);
            QCOMPARE(QString::fromStdString(error.key()), QString("output.name"));
            QVERIFY(QString::fromStdString(error.problem()).contains("UTF-8"));
        }
    }
    QVERIFY_EXCEPTION_THROWN(parseExperimentConfig("", "exp.yaml", {"data.train=/d\xe9"}),
                             InputError);
    // UTF-8 text, up to 4-byte characters, loads and writes out as JSON.
    const ExperimentConfig config =
        parseExperimentConfig("output:\n  name: caf\xc3\xa9-\xf0\x9f\x99\x82\n", "exp.yaml");
    QCOMPARE(config.output.name, std::string("caf\xc3\xa9-\xf0\x9f\x99\x82"));
    QVERIFY(toJson(config).find("caf\xc3\xa9") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
