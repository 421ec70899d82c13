// Parity with arcface_torch: a state_dict written by PyTorch from an IResNet-18 built with the
// names of deepinsight/insightface recognition/arcface_torch/backbones/iresnet.py (the module
// below restates that file's classes; randomised BatchNorm statistics so that eval mode is not
// an identity) imports with `weights import --model iresnet18` and `extract --input-tensor`
// gives PyTorch's embeddings within 1e-4.
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include "process_runner.h"

namespace {

// arcface_torch's IBasicBlock and IResNet, names and forward as in iresnet.py (dropout p = 0).
const char* kArcfaceIResNet = R"(
import os, torch, numpy
from torch import nn

def conv3x3(i, o, stride=1):
    return nn.Conv2d(i, o, kernel_size=3, stride=stride, padding=1, bias=False)

class IBasicBlock(nn.Module):
    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(inplanes, eps=1e-05)
        self.conv1 = conv3x3(inplanes, planes)
        self.bn2 = nn.BatchNorm2d(planes, eps=1e-05)
        self.prelu = nn.PReLU(planes)
        self.conv2 = conv3x3(planes, planes, stride)
        self.bn3 = nn.BatchNorm2d(planes, eps=1e-05)
        self.downsample = downsample
    def forward(self, x):
        out = self.bn3(self.conv2(self.prelu(self.bn2(self.conv1(self.bn1(x))))))
        return out + (self.downsample(x) if self.downsample is not None else x)

class IResNet(nn.Module):
    def __init__(self, layers, num_features=512):
        super().__init__()
        self.inplanes = 64
        self.conv1 = nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(64, eps=1e-05)
        self.prelu = nn.PReLU(64)
        self.layer1 = self._make_layer(64, layers[0])
        self.layer2 = self._make_layer(128, layers[1])
        self.layer3 = self._make_layer(256, layers[2])
        self.layer4 = self._make_layer(512, layers[3])
        self.bn2 = nn.BatchNorm2d(512, eps=1e-05)
        self.dropout = nn.Dropout(p=0, inplace=True)
        self.fc = nn.Linear(512 * 7 * 7, num_features)
        self.features = nn.BatchNorm1d(num_features, eps=1e-05)
    def _make_layer(self, planes, blocks, stride=2):
        downsample = nn.Sequential(nn.Conv2d(self.inplanes, planes, 1, stride, bias=False),
                                   nn.BatchNorm2d(planes, eps=1e-05))
        layers = [IBasicBlock(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes
        layers += [IBasicBlock(planes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*layers)
    def forward(self, x):
        x = self.prelu(self.bn1(self.conv1(x)))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        x = self.dropout(torch.flatten(self.bn2(x), 1))
        return self.features(self.fc(x))

os.chdir('%1')
torch.manual_seed(7)
net = IResNet([2, 2, 2, 2])
with torch.no_grad():
    for m in net.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.weight.uniform_(0.5, 1.5)
            m.bias.uniform_(-0.2, 0.2)
            m.running_mean.uniform_(-0.1, 0.1)
            m.running_var.uniform_(0.5, 2.0)
        elif isinstance(m, nn.PReLU):
            m.weight.uniform_(0.1, 0.4)
net.eval()
torch.save(net.state_dict(), 'iresnet18.pt')
x = torch.randn(2, 3, 112, 112)
numpy.save('x.npy', x.numpy())
with torch.no_grad():
    numpy.save('ref.npy', net(x).numpy())
)";

} // namespace

class TestIResNetParity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void embeddingsMatchArcfaceTorch();
};

void TestIResNetParity::embeddingsMatchArcfaceTorch() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ProcessResult made = runPython(QString(kArcfaceIResNet).arg(dir.path()));
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QString fbw = dir.filePath("iresnet18.fbw");
    const ProcessResult imported = runCli(
        {"weights", "import", dir.filePath("iresnet18.pt"), "--model", "iresnet18", "--out", fbw});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const ProcessResult extracted =
        runCli({"extract", "--weights", fbw, "--input-tensor", dir.filePath("x.npy"), "--out",
                dir.filePath("ours.npy")});
    QVERIFY2(extracted.exitCode == 0, extracted.err.constData());
    const ProcessResult compared = runPython(QString(R"(
import numpy, sys
ours, ref = numpy.load('%1/ours.npy'), numpy.load('%1/ref.npy')
assert ours.shape == ref.shape == (2, 512), (ours.shape, ref.shape)
diff = float(numpy.abs(ours - ref).max())
print(diff, float(numpy.abs(ref).max()))
sys.exit(0 if diff < 1e-4 else 1)
)")
                                                 .arg(dir.path()));
    QVERIFY2(compared.exitCode == 0, (compared.out + compared.err).constData());
    qInfo("max |ours - arcface_torch| and max |embedding|: %s", compared.out.trimmed().constData());
}

QTEST_APPLESS_MAIN(TestIResNetParity)
#include "test_iresnet_parity.moc"
