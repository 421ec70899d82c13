// Model zoo, quick part: parameter counts (torchvision 0.14 exactly, the other networks against
// the authors' definitions rebuilt in Debian's Python torch, Table 2 within 2%), torchvision
// state_dict names, forward/backward of the small networks, and the Table 12 initialisation
// styles checked statistically. The big networks' forward/backward is in test_models_slow
// (label "slow").
#include "facebench/errors.h"
#include "facebench/experiment_config.h"
#include "facebench/model_catalog.h"
#include "facebench/presets.h"
#include "model_test_support.h"
#include "models/model_zoo.h"
#include "process_runner.h"

#include <cmath>
#include <map>

using namespace fb;

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void torchvisionCounts_data();
    void torchvisionCounts();
    void authorsCounts_data();
    void authorsCounts();
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

namespace {

// The initialisation a config file names `style` (through the loader, which alone reads names).
InitStyle initStyleNamed(const std::string& style) {
    return parseExperimentConfig("style: {init: " + style + "}", "test.yaml").style.init;
}

// The networks whose catalog counts come from FaceBench's own implementation, rebuilt in PyTorch
// from their authors' definitions (the sources are named beside each); prints "name
// backbone-parameters parameters-with-10-classes" per network. An independent count: written
// from the papers' prototxt/Python files, not from FaceBench's C++. (SphereFace-20 by hand:
// 3x3 convs with bias 3->64, 2x 64->64, 64->128, 4x 128->128, 128->256, 8x 256->256, 256->512,
// 2x 512->512 = 11,655,424, PReLU 4,672 (one per channel of the 20 convs), fc5 21504x512 + 512 =
// 11,010,560: 22,670,656.)
const char* kAuthorsNetworks = R"(
import math, torch
from torch import nn
torch.set_num_threads(1)
# Only shapes matter: skip drawing the initial weights (most of the time otherwise).
for f in ('kaiming_uniform_', 'uniform_', 'normal_', 'constant_', 'ones_', 'zeros_'):
    setattr(nn.init, f, lambda t, *a, **k: t)
def count(m): return sum(p.numel() for p in m.parameters())


# Caffe-style convolution + per-channel PReLU (Caffe's PReLU default channel_shared: false).
def conv_prelu(i, o, pad, stride=1):
    return [nn.Conv2d(i, o, 3, stride, pad), nn.PReLU(o)]

# SphereFace (wy1iu/sphereface, train/code/sphereface_model.prototxt and the 36/64-layer
# model_lib prototxts): per stage a stride-2 conv (xavier, bias) and residual units of two
# convs (gaussian, bias frozen at 0 but present); fc5 512; fc6 A-Softmax weight, no bias.
def sphereface(units, classes):
    layers, i = [], 3
    for o, n in zip((64, 128, 256, 512), units):
        layers += conv_prelu(i, o, 1, 2)
        for _ in range(2 * n): layers += conv_prelu(o, o, 1)
        i = o
    layers += [nn.Flatten(), nn.Linear(512 * 7 * 6, 512)]
    if classes: layers.append(nn.Linear(512, classes, bias=False))
    return nn.Sequential(*layers)

# Center-loss face net (ydwen/caffe-face face_example/face_train_test.prototxt): conv1a 32,
# conv1b 64, unpadded; then per stage residual units of two padded convs (1, 2, 5, 3 units at
# 64, 128, 256, 512) and an unpadded conv to the next width; fc5 512 from 512x5x4; fc6 with bias.
def center_loss_net(classes):
    layers = conv_prelu(3, 32, 0) + conv_prelu(32, 64, 0)
    widths, units = (64, 128, 256, 512), (1, 2, 5, 3)
    for s, (w, n) in enumerate(zip(widths, units)):
        for _ in range(2 * n): layers += conv_prelu(w, w, 1)
        if s < 3: layers += conv_prelu(w, widths[s + 1], 0)
    layers += [nn.Flatten(), nn.Linear(512 * 5 * 4, 512)]
    if classes: layers.append(nn.Linear(512, classes))
    return nn.Sequential(*layers)

# LightCNN (AlfredXiangWu/LightCNN light_cnn.py, verbatim structure): mfm doubles the outputs.
class mfm(nn.Module):
    def __init__(self, i, o, k=3, s=1, p=1, type=1):
        super().__init__()
        self.filter = nn.Conv2d(i, 2 * o, k, s, p) if type == 1 else nn.Linear(i, 2 * o)
def group(i, o, k, s, p): return nn.Sequential(mfm(i, i, 1, 1, 0), mfm(i, o, k, s, p))
def resblock(i, o): return nn.Sequential(mfm(i, o), mfm(i, o))
def lightcnn9(classes):
    m = [mfm(1, 48, 5, 1, 2), group(48, 96, 3, 1, 1), group(96, 192, 3, 1, 1),
         group(192, 128, 3, 1, 1), group(128, 128, 3, 1, 1), mfm(8 * 8 * 128, 256, type=0)]
    if classes: m.append(nn.Linear(256, classes))
    return nn.Sequential(*m)
def lightcnn29(classes):
    m, layers = [mfm(1, 48, 5, 1, 2)], [1, 2, 3, 4]
    for n, (i, o) in zip(layers, ((48, 96), (96, 192), (192, 128), (128, 128))):
        m += [resblock(i, i) for _ in range(n)] + [group(i, o, 3, 1, 1)]
    m.append(mfm(8 * 8 * 128, 256, type=0))
    if classes: m.append(nn.Linear(256, classes))
    return nn.Sequential(*m)

# IR-50 (deepinsight/insightface recognition/arcface_torch/backbones/iresnet.py, [3, 4, 14, 3]).
class IBasicBlock(nn.Module):
    def __init__(self, inplanes, planes, stride, downsample):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(inplanes)
        self.conv1 = nn.Conv2d(inplanes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.prelu = nn.PReLU(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes)
        self.downsample = downsample
def iresnet50(classes):
    m, inplanes = [nn.Conv2d(3, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64), nn.PReLU(64)], 64
    for planes, n in zip((64, 128, 256, 512), (3, 4, 14, 3)):
        m.append(IBasicBlock(inplanes, planes, 2, nn.Sequential(
            nn.Conv2d(inplanes, planes, 1, 2, bias=False), nn.BatchNorm2d(planes))))
        m += [IBasicBlock(planes, planes, 1, None) for _ in range(n - 1)]
        inplanes = planes
    m += [nn.BatchNorm2d(512), nn.Linear(512 * 7 * 7, 512), nn.BatchNorm1d(512)]
    if classes: m.append(nn.Linear(512, classes))
    return nn.Sequential(*m)

# AlexNet as Krizhevsky et al. 2012 trained it (Caffe bvlc_alexnet): two groups in conv2/4/5.
def alexnet_v1(classes):
    m = [nn.Conv2d(3, 96, 11, 4), nn.Conv2d(96, 256, 5, 1, 2, groups=2),
         nn.Conv2d(256, 384, 3, 1, 1), nn.Conv2d(384, 384, 3, 1, 1, groups=2),
         nn.Conv2d(384, 256, 3, 1, 1, groups=2), nn.Linear(256 * 6 * 6, 4096), nn.Linear(4096, 4096)]
    if classes: m.append(nn.Linear(4096, classes))
    return nn.Sequential(*m)

# FaceBench's small residual nets, from torchvision's own BasicBlock: a 3x3 stride-2 stem to 16
# channels, one BasicBlock per stage at 16, 32, 64, 128 (stride 1, 2, 2, 2), fc from the
# stride-16 grid to 128, BatchNorm1d.
def small_resnet(h, w, classes):
    from torchvision.models.resnet import BasicBlock
    m, inplanes = [nn.Conv2d(3, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16)], 16
    for planes, stride in zip((16, 32, 64, 128), (1, 2, 2, 2)):
        down = None if stride == 1 and inplanes == planes else nn.Sequential(
            nn.Conv2d(inplanes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))
        m.append(BasicBlock(inplanes, planes, stride, down))
        inplanes = planes
    m += [nn.Linear(128 * math.ceil(h / 16) * math.ceil(w / 16), 128), nn.BatchNorm1d(128)]
    if classes: m.append(nn.Linear(128, classes))
    return nn.Sequential(*m)

nets = {
  'alexnet-v1': alexnet_v1, 'lightcnn-9': lightcnn9, 'lightcnn-29': lightcnn29,
  'center-loss-net': center_loss_net,
  'sphereface-20': lambda c: sphereface((1, 2, 4, 1), c),
  'sphereface-36': lambda c: sphereface((2, 4, 8, 2), c),
  'sphereface-64': lambda c: sphereface((3, 8, 16, 3), c),
  'iresnet50': iresnet50,
  'small-resnet-112x96': lambda c: small_resnet(112, 96, c),
  'small-resnet-64': lambda c: small_resnet(64, 64, c),
}
for name, make in nets.items():
    print(name, count(make(0)), count(make(10)))
)";

std::map<std::string, std::pair<std::int64_t, std::int64_t>> authorsCountsFromPython() {
    static std::map<std::string, std::pair<std::int64_t, std::int64_t>> counts;
    if (!counts.empty())
        return counts;
    const ProcessResult python = runPython(kAuthorsNetworks);
    if (python.exitCode != 0)
        qWarning("%s", python.err.constData());
    for (const QByteArray& line : python.out.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 3)
            counts[fields[0].toStdString()] = {fields[1].toLongLong(), fields[2].toLongLong()};
    }
    return counts;
}

} // namespace

void TestModels::authorsCounts_data() {
    QTest::addColumn<QString>("model");
    for (const char* name :
         {"alexnet-v1", "lightcnn-9", "lightcnn-29", "center-loss-net", "sphereface-20",
          "sphereface-36", "sphereface-64", "iresnet50", "small-resnet-112x96", "small-resnet-64"})
        QTest::newRow(name) << name;
}

// Without a classifier and with 10 classes (the catalog's per-class count: the authors'
// classifier, SphereFace's A-Softmax weight without bias; IR-50 and the small nets, which have
// none of their authors', FaceBench's Linear with bias).
void TestModels::authorsCounts() {
    QFETCH(QString, model);
    const ModelInfo* info = findModel(model.toStdString());
    QVERIFY(info);
    const auto counts = authorsCountsFromPython();
    const auto it = counts.find(model.toStdString());
    QVERIFY2(it != counts.end(), "no count from /usr/bin/python3 (torch and torchvision)");
    QCOMPARE(modelParameterCount(*info, 0), it->second.first);
    QCOMPARE(modelParameterCount(*info, 10), it->second.second);
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
    // The std the filler would give with the other fan (Kaiming/Xavier fan_in <-> fan_out), 0
    // where the formula has no mode: the row must tell the two apart (see initStatistics).
    QTest::addColumn<double>("otherModeStd");
    // Formulas of Table 12. fan_in = in x k x k, fan_out = out x k x k; every mode row uses a
    // layer whose fans differ.
    // resnet50 layer4.1.conv3 is 1x1 512 -> 2048 (fan_in 512, fan_out 2048, 1,048,576 weights).
    QTest::newRow("resnet50 pytorch kaiming fan_out")
        << "resnet50"
        << "pytorch"
        << "layer4.1.conv3.weight" << std::sqrt(2.0 / 2048) << std::sqrt(2.0 / 512);
    // resnet50 layer4.0.conv1 is 1x1 1024 -> 512 (fan_in 1024, fan_out 512, 524,288 weights).
    QTest::newRow("resnet50 caffe msra fan_in")
        << "resnet50"
        << "caffe"
        << "layer4.0.conv1.weight" << std::sqrt(2.0 / 1024) << std::sqrt(2.0 / 512);
    // conv1 is 7x7 3 -> 64 (fan_in 147, fan_out 3136).
    QTest::newRow("resnet50 caffe input msra fan_out")
        << "resnet50"
        << "caffe"
        << "conv1.weight" << std::sqrt(2.0 / (64 * 49)) << std::sqrt(2.0 / (3 * 49));
    // A small layer: small-resnet-64 layer3.0.conv1 is 3x3 32 -> 64 (fan_in 288, fan_out 576,
    // 18,432 weights), torchvision ResNet's kaiming fan_out.
    QTest::newRow("small-resnet-64 pytorch kaiming fan_out (3x3 32->64)")
        << "small-resnet-64"
        << "pytorch"
        << "layer3.0.conv1.weight" << std::sqrt(2.0 / 576) << std::sqrt(2.0 / 288);
    QTest::newRow("resnet50 caffe fc gaussian 0.01") << "resnet50"
                                                     << "caffe"
                                                     << "fc.weight" << 0.01 << 0.0;
    QTest::newRow("resnet50 pytorch fc nn default")
        << "resnet50"
        << "pytorch"
        << "fc.weight" << std::sqrt(1.0 / 2048) / std::sqrt(3.0)
        << std::sqrt(1.0 / 1000) / std::sqrt(3.0);
    const double fanIn4 = 512 * 9, fanOut4 = 512 * 9; // resnet50 layer4.0.conv2: 512x512x3x3
    QTest::newRow("resnet50 tensorflow glorot")
        << "resnet50"
        << "tensorflow"
        << "layer4.0.conv2.weight" << std::sqrt(6.0 / (fanIn4 + fanOut4)) / std::sqrt(3.0) << 0.0;
    // densenet121 denselayer16 of block 4: conv1 is 1x1 992 -> 128.
    QTest::newRow("densenet121 pytorch kaiming fan_in")
        << "densenet121"
        << "pytorch"
        << "features.denseblock4.denselayer16.conv1.weight" << std::sqrt(2.0 / 992)
        << std::sqrt(2.0 / 128);
    // transition3.conv is 1x1 1024 -> 512; Caffe's xavier is U(+-sqrt(3 / fan_in)).
    QTest::newRow("densenet121 caffe xavier")
        << "densenet121"
        << "caffe"
        << "features.transition3.conv.weight" << std::sqrt(3.0 / 1024) / std::sqrt(3.0)
        << std::sqrt(3.0 / 512) / std::sqrt(3.0);
    QTest::newRow("googlenet pytorch truncated normal 0.01")
        << "googlenet"
        << "pytorch"
        << "inception5b.branch2.1.conv.weight" << 0.01 << 0.0;
    QTest::newRow("inception-v3 pytorch truncated normal 0.1")
        << "inception-v3"
        << "pytorch"
        << "Mixed_7c.branch3x3dbl_2.conv.weight" << 0.1 << 0.0;
    QTest::newRow("inception-v3 pytorch AuxLogits.conv1 0.01")
        << "inception-v3"
        << "pytorch"
        << "AuxLogits.conv1.conv.weight" << 0.01 << 0.0;
    QTest::newRow("inception-v3 caffe xavier normal (fan_in+fan_out)")
        << "inception-v3"
        << "caffe"
        << "Mixed_7c.branch3x3dbl_2.conv.weight" << std::sqrt(2.0 / (448 * 9 + 384 * 9)) << 0.0;
    // conv4_1 is 3x3 256 -> 512 (fan_in 2304, fan_out 4608).
    QTest::newRow("sphereface-20 caffe xavier")
        << "sphereface-20"
        << "caffe"
        << "conv4_1.weight" << std::sqrt(3.0 / 2304) / std::sqrt(3.0)
        << std::sqrt(3.0 / 4608) / std::sqrt(3.0);
    QTest::newRow("sphereface-20 tensorflow glorot fc5")
        << "sphereface-20"
        << "tensorflow"
        << "fc5.weight" << std::sqrt(6.0 / (21504 + 512)) / std::sqrt(3.0) << 0.0;
    QTest::newRow("iresnet50 pytorch normal 0.1") << "iresnet50"
                                                  << "pytorch"
                                                  << "layer4.0.conv2.weight" << 0.1 << 0.0;
}

// The sample std and mean of n draws are compared with the formula within 6 standard errors:
// for a normal filler the variance estimate has standard error sqrt(2 / n) var, so the std's
// is std / sqrt(2 n) (a uniform filler's is smaller, sqrt(0.8 / n) var); the mean's is
// std / sqrt(n). A mode row must also put the other mode's std 5 such margins away (30 standard
// errors), so a filler using the wrong fan fails by far.
void TestModels::initStatistics() {
    QFETCH(QString, model);
    QFETCH(QString, style);
    QFETCH(QString, parameter);
    QFETCH(double, expectedStd);
    QFETCH(double, otherModeStd);
    torch::manual_seed(1);
    ModelOptions options;
    options.numClasses = 1000;
    options.auxLogits = true;
    options.init = initStyleNamed(style.toStdString());
    const auto net = createModel(model.toStdString(), options);
    // named_parameters() returns its dict by value: keep it alive while the pointer is used.
    const auto parameters = net->named_parameters();
    const torch::Tensor* weight = parameters.find(parameter.toStdString());
    QVERIFY2(weight, qPrintable("no parameter " + parameter));
    const auto n = static_cast<double>(weight->numel());
    const double stdMargin = 6 * expectedStd / std::sqrt(2 * n);
    const double meanMargin = 6 * expectedStd / std::sqrt(n);
    if (otherModeStd > 0)
        QVERIFY2(std::abs(otherModeStd - expectedStd) >= 5 * stdMargin,
                 qPrintable(QString("the modes differ by %1 only, margin %2")
                                .arg(std::abs(otherModeStd - expectedStd))
                                .arg(stdMargin)));
    const double stdDev = weight->std().item<double>();
    const double mean = weight->mean().item<double>();
    QVERIFY2(std::abs(stdDev - expectedStd) <= stdMargin,
             qPrintable(QString("std %1, expected %2 +- %3 (n %4)")
                            .arg(stdDev)
                            .arg(expectedStd)
                            .arg(stdMargin)
                            .arg(n)));
    QVERIFY2(std::abs(mean) <= meanMargin,
             qPrintable(QString("mean %1, expected 0 +- %2").arg(mean).arg(meanMargin)));
}

void TestModels::zeroBiasStyles() {
    // Caffe and TensorFlow fill biases with 0 (Table 12; Caffe's constant filler, Keras zeros).
    for (const char* style : {"caffe", "tensorflow"}) {
        ModelOptions options;
        options.numClasses = 10;
        options.init = initStyleNamed(style);
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
    // Every catalog name has an implementation.
    QCOMPARE(modelCatalog().size(), std::size_t(23));
}

void TestModels::catalogLinksPresets() {
    QCOMPARE(presetsUsingModel("iresnet50"),
             (std::vector<std::string>{"adaface", "arcface", "combined-margin", "cosface",
                                       "curricularface", "softmax"}));
    QCOMPARE(presetsUsingModel("resnet50"), (std::vector<std::string>{"resnet50"}));
    QVERIFY(presetsUsingModel("small-resnet-64").empty());
}

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
