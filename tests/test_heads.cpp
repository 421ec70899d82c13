// Loss heads (seed eq. 1-5, and the combined margin, CurricularFace and AdaFace that followed):
// closed-form values on hand-sized cases, finite-difference gradients in double precision, the
// m = 0 / m = 1 equivalences, a NaN/Inf fuzz, and proof that each head trains. Also the moving
// averages of the adaptive heads and their way through a checkpoint, and the SGD optimiser's
// update and weight-decay groups.
#include "heads/adaptive_margin_heads.h"
#include "heads/angular_heads.h"
#include "heads/center_head.h"
#include "heads/head.h"
#include "heads/softmax_head.h"
#include "optim/sgd_optimizer.h"
#include "train/resume_state.h"
#include "weights/state_dict_file.h"

#include "facebench/errors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace fb;

namespace {

double logSumExp(std::initializer_list<double> values) {
    double sum = 0;
    for (double v : values)
        sum += std::exp(v);
    return std::log(sum);
}

HeadConfig headConfig(const QString& type, double s, double m) {
    HeadConfig config;
    config.type = type.toStdString();
    config.s = s;
    config.m = m;
    return config;
}

// The 3 x 2 class weights of the hand-computed cases.
torch::Tensor handWeights(const QString& type) {
    if (type == "softmax" || type == "center")
        return torch::tensor({1.0, 0.0, 0.0, 1.0, 1.0, 1.0}, torch::kFloat64).view({3, 2});
    return torch::tensor({1.0, 0.0, 0.0, 1.0, -1.0, 0.0}, torch::kFloat64).view({3, 2});
}

void setClassWeights(Head& head, const torch::Tensor& weights) {
    torch::NoGradGuard noGrad;
    for (auto& item : head.named_parameters()) {
        if (item.key() == "weight" || item.key() == "fc.weight")
            item.value().copy_(weights);
        if (item.key() == "fc.bias")
            item.value().copy_(torch::tensor({0.0, 0.5, -1.0}, torch::kFloat64));
    }
}

torch::Tensor labelsOf(std::vector<std::int64_t> labels) {
    return torch::tensor(labels, torch::kLong);
}

bool allFinite(const torch::Tensor& t) {
    return !t.defined() || torch::isfinite(t).all().item<bool>();
}

const QStringList kHeadTypes{"softmax", "center",   "sphereface",     "cosface",
                             "arcface", "combined", "curricularface", "adaface"};

HeadConfig combinedConfig(double s, double m1, double m2, double m3) {
    HeadConfig config = headConfig("combined", s, 0);
    config.m1 = m1;
    config.m2 = m2;
    config.m3 = m3;
    return config;
}

HeadConfig adaFaceConfig(double s, double m, double h) {
    HeadConfig config = headConfig("adaface", s, m);
    config.adaH = h;
    return config;
}

// The margins the presets train with: s 64 and each paper's m (cosface 0.35, arcface and
// curricularface 0.5, adaface 0.4, sphereface 4); the combined margin at InsightFace's
// (1, 0.3, 0.2), which mixes an angular and a cosine margin.
HeadConfig presetConfig(const QString& type) {
    if (type == "combined")
        return combinedConfig(64, 1.0, 0.3, 0.2);
    const double m = type == "sphereface" ? 4
                     : type == "cosface"  ? 0.35
                     : type == "adaface"  ? 0.4
                                          : 0.5;
    return headConfig(type, 64, m);
}

void setBuffer(Head& head, const std::string& name, double value) {
    torch::NoGradGuard noGrad;
    head.named_buffers()[name].fill_(value);
}

double bufferValue(Head& head, const std::string& name) {
    return head.named_buffers()[name].item<double>();
}

} // namespace

Q_DECLARE_METATYPE(fb::HeadConfig)

class TestHeads : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void closedForm_data();
    void closedForm();
    void centerUpdate();
    void sphereFaceAnnealing();
    void marginHeadsClosedForm_data();
    void marginHeadsClosedForm();
    void combinedMarginIsCosFaceAndArcFace_data();
    void combinedMarginIsCosFaceAndArcFace();
    void combinedMarginRejectsBadMargins();
    void curricularFaceAveragesTheTargetCosine();
    void adaFaceAveragesTheNormStatistics();
    void adaptiveBuffersSurviveACheckpoint_data();
    void adaptiveBuffersSurviveACheckpoint();
    void gradientsMatchFiniteDifferences_data();
    void gradientsMatchFiniteDifferences();
    void zeroMarginIsNormalisedSoftmax_data();
    void zeroMarginIsNormalisedSoftmax();
    void sphereFaceMarginOneIsNormSoftmax();
    void neverNonFinite_data();
    void neverNonFinite();
    void headsTrain_data();
    void headsTrain();
    void sgdStepMatchesPyTorch();
    void noDecayGroup();
};

// Each row: head, s, m, annealing lambda (sphereface), embedding, label, expected loss.
// Softmax/center weights W = [[1,0],[0,1],[1,1]], b = [0, 0.5, -1]; angular heads' weights
// [[1,0],[0,1],[-1,0]], so x = (3, 4) has cos theta = (0.6, 0.8, -0.6) and norm 5.
void TestHeads::closedForm_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("s");
    QTest::addColumn<double>("m");
    QTest::addColumn<double>("lambda");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<int>("label");
    QTest::addColumn<double>("expected");

    // eq. 1: z = W x + b = (1, 2.5, 2)
    QTest::newRow("softmax") << "softmax" << 0.0 << 0.0 << 0.0 << 1.0 << 2.0 << 1
                             << -2.5 + logSumExp({1, 2.5, 2});
    // eq. 2 with the centre c_1 = (1, 1) (set in the test): + lambda / 2 * ||(1,2) - (1,1)||^2
    QTest::newRow("center") << "center" << 0.0 << 0.0 << 0.1 << 1.0 << 2.0 << 1
                            << -2.5 + logSumExp({1, 2.5, 2}) + 0.05;
    // eq. 4: s (cos - m) on the target
    QTest::newRow("cosface") << "cosface" << 2.0 << 0.2 << 0.0 << 3.0 << 4.0 << 0
                             << -0.8 + logSumExp({0.8, 1.6, -1.2});
    // eq. 5: s cos(theta + m) on the target
    const double arc = 2 * std::cos(std::acos(0.8) + 0.3);
    QTest::newRow("arcface") << "arcface" << 2.0 << 0.3 << 0.0 << 3.0 << 4.0 << 1
                             << -arc + logSumExp({1.2, arc, -1.2});
    // eq. 5 past the threshold: cos = -0.6 < cos(pi - 1) = -0.540, so s (cos - m sin m)
    const double fallback = 2 * (-0.6 - 1.0 * std::sin(1.0));
    QTest::newRow("arcface fallback") << "arcface" << 2.0 << 1.0 << 0.0 << 3.0 << 4.0 << 2
                                      << -fallback + logSumExp({1.2, 1.6, fallback});
    // eq. 3, m = 4: theta = acos(0.6) lies in [pi/4, pi/2], so k = 1 and
    // psi = -cos(4 theta) - 2 with cos(4 theta) = 8c^4 - 8c^2 + 1; logits carry ||x|| = 5.
    const double psi = -(8 * std::pow(0.6, 4) - 8 * std::pow(0.6, 2) + 1) - 2;
    QTest::newRow("sphereface, lambda 0") << "sphereface" << 0.0 << 4.0 << 0.0 << 3.0 << 4.0 << 0
                                          << -5 * psi + logSumExp({5 * psi, 4, -3});
    const double blended = 5 * (5 * 0.6 + psi) / 6; // (lambda cos + psi) / (1 + lambda), lambda 5
    QTest::newRow("sphereface, lambda 5") << "sphereface" << 0.0 << 4.0 << 5.0 << 3.0 << 4.0 << 0
                                          << -blended + logSumExp({blended, 4, -3});
    // m = 2: theta = acos(0.8) < pi/2, so k = 0 and psi = cos(2 theta) = 2c^2 - 1 = 0.28
    QTest::newRow("sphereface, m 2") << "sphereface" << 0.0 << 2.0 << 0.0 << 3.0 << 4.0 << 1
                                     << -5 * 0.28 + logSumExp({3, 5 * 0.28, -3});
}

void TestHeads::closedForm() {
    QFETCH(QString, type);
    QFETCH(double, s);
    QFETCH(double, m);
    QFETCH(double, lambda);
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(int, label);
    QFETCH(double, expected);
    HeadConfig config = headConfig(type, s, m);
    config.centerLambda = lambda;
    config.sphereLambdaBase = lambda;
    config.sphereLambdaMin = lambda;
    std::shared_ptr<Head> head = createHead(config, 2, 3);
    head->to(torch::kFloat64);
    head->eval();
    setClassWeights(*head, handWeights(type));
    if (auto* center = dynamic_cast<CenterHead*>(head.get()))
        center->centers[1] = torch::tensor({1.0, 1.0}, torch::kFloat64);
    const torch::Tensor x = torch::tensor({x0, x1}, torch::kFloat64).view({1, 2});
    const HeadOutput out = head->forward(x, labelsOf({label}));
    QVERIFY2(
        std::abs(out.loss.item<double>() - expected) < 1e-5,
        qPrintable(QString("loss %1, expected %2").arg(out.loss.item<double>()).arg(expected)));
    QCOMPARE(out.logits.sizes().vec(), (std::vector<std::int64_t>{1, 3}));
}

void TestHeads::centerUpdate() {
    // Wen et al. eq. 4: c_j -= alpha * sum_{i: y_i = j}(c_j - x_i) / (1 + n_j)
    CenterHead head(2, 3, 0.008, 0.5);
    head.to(torch::kFloat64);
    head.train();
    head.centers[1] = torch::tensor({1.0, 1.0}, torch::kFloat64);
    const torch::Tensor x =
        torch::tensor({1.0, 2.0, 3.0, 1.0, 5.0, 5.0}, torch::kFloat64).view({3, 2});
    head.forward(x, labelsOf({1, 1, 2}));
    // class 1: n = 2, sum(c - x) = (1-1 + 1-3, 1-2 + 1-1) = (-2, -1): c -= 0.5 * (-2, -1) / 3
    QVERIFY(torch::allclose(head.centers[1],
                            torch::tensor({1 + 1.0 / 3, 1 + 0.5 / 3}, torch::kFloat64)));
    // class 2 from 0: n = 1, c - x = (-5, -5): c -= 0.5 * (-5, -5) / 2
    QVERIFY(torch::allclose(head.centers[2], torch::tensor({1.25, 1.25}, torch::kFloat64)));
    QVERIFY(torch::equal(head.centers[0], torch::zeros({2}, torch::kFloat64))); // untouched
    // The centres are no parameter: SGD never sees them.
    for (const auto& item : head.named_parameters())
        QVERIFY(item.key() != "centers");
    head.eval();
    const torch::Tensor before = head.centers.clone();
    head.forward(x, labelsOf({1, 1, 2}));
    QVERIFY(torch::equal(before, head.centers)); // evaluation does not move them
}

void TestHeads::sphereFaceAnnealing() {
    // lambda = max(5, 1000 (1 + 0.12 iter)^-1), the original implementation's defaults.
    HeadConfig config = headConfig("sphereface", 64, 4);
    SphereFaceHead head(2, 3, config);
    QCOMPARE(head.lambda(), 1000.0);
    head.setIteration(1000);
    QVERIFY(std::abs(head.lambda() - 1000.0 / 121.0) < 1e-12);
    head.setIteration(100000);
    QCOMPARE(head.lambda(), 5.0);
}

// Each row: head configuration, whether it runs in training mode (the averages move first), the
// adaptive buffers to start from, embedding, label and the expected loss. The weights are those
// of closedForm(), so x = (3, 4) has cos theta = (0.6, 0.8, -0.6); s is 2.
void TestHeads::marginHeadsClosedForm_data() {
    QTest::addColumn<HeadConfig>("config");
    QTest::addColumn<bool>("training");
    QTest::addColumn<double>("curricularT");
    QTest::addColumn<double>("normMean");
    QTest::addColumn<double>("normStd");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<int>("label");
    QTest::addColumn<double>("expected");
    const double theta0 = std::acos(0.6), theta1 = std::acos(0.8), theta2 = std::acos(-0.6);
    const auto row = [](const char* name, const HeadConfig& config, int label, double target,
                        std::initializer_list<double> logits, bool training = false, double t = 0,
                        double mean = 20, double std = 100, double x0 = 3, double x1 = 4) {
        QTest::newRow(name) << config << training << t << mean << std << x0 << x1 << label
                            << -2 * target + logSumExp(logits);
    };

    // cos(m1 theta + m2) - m3
    const double c15 = std::cos(1.5 * theta1 + 0.2) - 0.1;
    row("combined 1.5, 0.2, 0.1", combinedConfig(2, 1.5, 0.2, 0.1), 1, c15, {1.2, 2 * c15, -1.2});
    // m1 theta + m2 = 2 theta2 + 0.5 = 4.93 > pi: past limit = (pi - 0.5) / 2 the target is
    // cos theta - ((m1 - 1) limit + m2) sin(limit) - m3
    const double limit = (M_PI - 0.5) / 2;
    const double past = -0.6 - ((2 - 1) * limit + 0.5) * std::sin(limit) - 0.1;
    row("combined past pi", combinedConfig(2, 2, 0.5, 0.1), 2, past, {1.2, 1.6, 2 * past});
    // m1 below 1 (ArcFace's paper's CM2): m1 theta + m2 never reaches pi, no fallback
    const double cm2 = std::cos(0.9 * theta2 + 0.4) - 0.15;
    row("combined 0.9, 0.4, 0.15", combinedConfig(2, 0.9, 0.4, 0.15), 2, cm2, {1.2, 1.6, 2 * cm2});

    // ArcFace's target, and every negative above it times (t + cos theta_j)
    const double c03 = std::cos(theta0 + 0.3); // 0.337 < 0.8: class 1 is a hard negative
    row("curricularface, t 0.5", headConfig("curricularface", 2, 0.3), 0, c03,
        {2 * c03, 2 * 0.8 * (0.5 + 0.8), -1.2}, false, 0.5);
    // In training t first moves to 0.99 * 0.5 + 0.01 * 0.6 = 0.501.
    row("curricularface, training", headConfig("curricularface", 2, 0.3), 0, c03,
        {2 * c03, 2 * 0.8 * (0.501 + 0.8), -1.2}, true, 0.5);
    const double c01 = std::cos(theta1 + 0.1); // 0.736 > 0.6: no hard negative, plain ArcFace
    row("curricularface, no hard negative", headConfig("curricularface", 2, 0.1), 1, c01,
        {1.2, 2 * c01, -1.2}, false, 0.9);
    const double wide = -0.6 - 1.0 * std::sin(1.0); // past pi: ArcFace's fallback; both harder
    row("curricularface past pi", headConfig("curricularface", 2, 1.0), 2, wide,
        {2 * 0.6 * (0.2 + 0.6), 2 * 0.8 * (0.2 + 0.8), 2 * wide}, false, 0.2);

    // z = clip(h (||x|| - mean) / (std + 0.001), -1, 1), target cos(theta - m z) - (m z + m).
    // mean 3, std 1.999 (so std + eps = 2), h 0.25, m 0.4:
    const HeadConfig ada = adaFaceConfig(2, 0.4, 0.25);
    const auto adaTarget = [](double theta, double z) {
        return std::cos(theta - 0.4 * z) - (0.4 * z + 0.4);
    };
    const double norm5 = adaTarget(theta0, 0.25); // ||x|| 5: z = 0.25 * 2 / 2
    row("adaface, norm 5", ada, 0, norm5, {2 * norm5, 1.6, -1.2}, false, 0, 3, 1.999);
    const double norm50 = adaTarget(theta0, 1); // ||x|| 50: z = 0.25 * 47 / 2, clipped to 1
    row("adaface, norm 50", ada, 0, norm50, {2 * norm50, 1.6, -1.2}, false, 0, 3, 1.999, 30, 40);
    const double norm05 = adaTarget(theta1, -0.3125); // ||x|| 0.5: z = 0.25 * -2.5 / 2
    row("adaface, norm 0.5", ada, 1, norm05, {1.2, 2 * norm05, -1.2}, false, 0, 3, 1.999, 0.3, 0.4);
    // Training with one sample: the mean moves to 0.99 * 3 + 0.01 * 5 = 3.02, the deviation
    // (none in one sample) stays, so z = 0.25 * 1.98 / 2.
    const double moved = adaTarget(theta0, 0.2475);
    row("adaface, training", ada, 0, moved, {2 * moved, 1.6, -1.2}, true, 0, 3, 1.999);
    // h 1, m 1, ||x|| 0.5: z = -1.25 clipped to -1, theta2 + 1 = 3.21 clipped to pi - 0.001, and
    // no additive margin (m z + m = 0).
    const double clipped = std::cos(M_PI - 0.001);
    row("adaface, angle clipped", adaFaceConfig(2, 1, 1), 2, clipped, {1.2, 1.6, 2 * clipped},
        false, 0, 3, 1.999, 0.3, 0.4);
}

void TestHeads::marginHeadsClosedForm() {
    QFETCH(HeadConfig, config);
    QFETCH(bool, training);
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(int, label);
    QFETCH(double, expected);
    std::shared_ptr<Head> head = createHead(config, 2, 3);
    head->to(torch::kFloat64);
    head->train(training);
    setClassWeights(*head, handWeights("arcface"));
    QFETCH(double, curricularT);
    QFETCH(double, normMean);
    QFETCH(double, normStd);
    if (config.type == "curricularface")
        setBuffer(*head, "t", curricularT);
    if (config.type == "adaface")
        setBuffer(*head, "batch_mean", normMean), setBuffer(*head, "batch_std", normStd);
    const torch::Tensor x = torch::tensor({x0, x1}, torch::kFloat64).view({1, 2});
    const HeadOutput out = head->forward(x, labelsOf({label}));
    QVERIFY2(
        std::abs(out.loss.item<double>() - expected) < 1e-9,
        qPrintable(QString("loss %1, expected %2").arg(out.loss.item<double>()).arg(expected)));
    // The logits accuracy is read from carry no margin: s cos theta.
    QVERIFY(torch::allclose(out.logits, torch::tensor({1.2, 1.6, -1.2}, torch::kFloat64)));
}

// With m1 = 1 the combined margin is ArcFace (m2, fallback included) or CosFace (m3): the same
// loss and the same gradients on a random batch, in double.
void TestHeads::combinedMarginIsCosFaceAndArcFace_data() {
    QTest::addColumn<HeadConfig>("reference");
    QTest::addColumn<HeadConfig>("combined");
    QTest::newRow("cosface") << headConfig("cosface", 64, 0.35) << combinedConfig(64, 1, 0, 0.35);
    QTest::newRow("arcface") << headConfig("arcface", 64, 0.5) << combinedConfig(64, 1, 0.5, 0);
    QTest::newRow("arcface past pi")
        << headConfig("arcface", 64, 1.2) << combinedConfig(64, 1, 1.2, 0);
}

void TestHeads::combinedMarginIsCosFaceAndArcFace() {
    QFETCH(HeadConfig, reference);
    QFETCH(HeadConfig, combined);
    torch::manual_seed(4);
    const torch::Tensor x = torch::randn({64, 8}, torch::kFloat64);
    const torch::Tensor labels = torch::randint(0, 6, {64}, torch::kLong);
    std::vector<torch::Tensor> losses, gradients;
    const torch::Tensor weight = torch::randn({6, 8}, torch::kFloat64);
    for (const HeadConfig& config : {reference, combined}) {
        std::shared_ptr<Head> head = createHead(config, 8, 6);
        head->to(torch::kFloat64);
        setClassWeights(*head, weight);
        const torch::Tensor input = x.clone().requires_grad_(true);
        const torch::Tensor loss = head->forward(input, labels).loss;
        loss.backward();
        losses.push_back(loss.detach());
        gradients.push_back(input.grad());
    }
    QVERIFY2(std::abs((losses[0] - losses[1]).item<double>()) < 1e-6,
             qPrintable(QString("%1 vs %2")
                            .arg(losses[0].item<double>(), 0, 'g', 17)
                            .arg(losses[1].item<double>(), 0, 'g', 17)));
    QVERIFY((gradients[0] - gradients[1]).abs().max().item<double>() < 1e-6);
}

void TestHeads::combinedMarginRejectsBadMargins() {
    // The config's ranges stop these first; a head built directly names the key all the same.
    for (const auto& [config, key] : {std::pair{combinedConfig(64, 0, 0.5, 0), "head.m1"},
                                      std::pair{combinedConfig(64, 1, M_PI, 0), "head.m2"}}) {
        try {
            createHead(config, 4, 3);
            QFAIL("a bad margin was accepted");
        } catch (const InputError& error) {
            QCOMPARE(QString::fromStdString(error.key()), QString(key));
        }
    }
}

// t moves by 0.01 of the batch's mean target cosine per training forward, not in evaluation,
// and not for an empty batch; it is a buffer, out of SGD's reach.
void TestHeads::curricularFaceAveragesTheTargetCosine() {
    std::shared_ptr<Head> head = createHead(headConfig("curricularface", 64, 0.5), 2, 3);
    head->to(torch::kFloat64);
    setClassWeights(*head, handWeights("curricularface"));
    QCOMPARE(bufferValue(*head, "t"), 0.0);
    // (3, 4) and (4, 3) with their class-0 cosines 0.6 and 0.8: mean 0.7
    const torch::Tensor x = torch::tensor({3.0, 4.0, 4.0, 3.0}, torch::kFloat64).view({2, 2});
    head->train();
    head->forward(x, labelsOf({0, 0}));
    QVERIFY(std::abs(bufferValue(*head, "t") - 0.007) < 1e-15);
    head->forward(x, labelsOf({0, 0}));
    QVERIFY(std::abs(bufferValue(*head, "t") - (0.99 * 0.007 + 0.007)) < 1e-15);
    const double moved = bufferValue(*head, "t");
    head->forward(torch::zeros({0, 2}, torch::kFloat64), labelsOf({}));
    QCOMPARE(bufferValue(*head, "t"), moved);
    head->eval();
    head->forward(x, labelsOf({0, 0}));
    QCOMPARE(bufferValue(*head, "t"), moved);
    for (const auto& item : head->named_parameters())
        QVERIFY(item.key() != "t");
}

// The norm's batch mean and unbiased standard deviation, averaged at t_alpha 0.01 from the
// authors' start values 20 and 100; norms bounded to [0.001, 100] first.
void TestHeads::adaFaceAveragesTheNormStatistics() {
    std::shared_ptr<Head> head = createHead(adaFaceConfig(64, 0.4, 0.333), 2, 3);
    head->to(torch::kFloat64);
    QCOMPARE(bufferValue(*head, "batch_mean"), 20.0);
    QCOMPARE(bufferValue(*head, "batch_std"), 100.0);
    head->train();
    // norms 5 and 13: mean 9, standard deviation sqrt((4^2 + 4^2) / 1)
    head->forward(torch::tensor({3.0, 4.0, 5.0, 12.0}, torch::kFloat64).view({2, 2}),
                  labelsOf({0, 1}));
    QVERIFY(std::abs(bufferValue(*head, "batch_mean") - (0.99 * 20 + 0.01 * 9)) < 1e-12);
    QVERIFY(std::abs(bufferValue(*head, "batch_std") - (0.99 * 100 + 0.01 * std::sqrt(32.0))) <
            1e-12);
    // norms 500 and 0 count as 100 and 0.001
    setBuffer(*head, "batch_mean", 0), setBuffer(*head, "batch_std", 0);
    head->forward(torch::tensor({300.0, 400.0, 0.0, 0.0}, torch::kFloat64).view({2, 2}),
                  labelsOf({0, 1}));
    QVERIFY(std::abs(bufferValue(*head, "batch_mean") - 0.01 * (100 + 0.001) / 2) < 1e-12);
    QVERIFY(std::abs(bufferValue(*head, "batch_std") - 0.01 * (100 - 0.001) / std::sqrt(2.0)) <
            1e-12);
    head->eval();
    const double mean = bufferValue(*head, "batch_mean");
    head->forward(torch::tensor({3.0, 4.0, 5.0, 12.0}, torch::kFloat64).view({2, 2}),
                  labelsOf({0, 1}));
    QCOMPARE(bufferValue(*head, "batch_mean"), mean);
    for (const auto& item : head->named_parameters())
        QVERIFY(item.key() != "batch_mean" && item.key() != "batch_std");
}

void TestHeads::adaptiveBuffersSurviveACheckpoint_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("buffers");
    QTest::newRow("curricularface") << "curricularface" << QStringList{"head.t"};
    QTest::newRow("adaface") << "adaface" << QStringList{"head.batch_mean", "head.batch_std"};
}

// Three training steps, then the resume tensors through a state file (as a checkpoint writes
// them) into a fresh head: the averages come back, and the next step is the same bit for bit.
void TestHeads::adaptiveBuffersSurviveACheckpoint() {
    QFETCH(QString, type);
    QFETCH(QStringList, buffers);
    const auto build = [&](std::uint64_t seed) {
        torch::manual_seed(seed);
        train::TrainModules modules;
        modules.head = createHead(presetConfig(type), 8, 5);
        modules.head->train();
        modules.optimizer = makeSgd(modules.head->named_parameters(), OptimConfig{}, 0.1);
        return modules;
    };
    const auto step = [](train::TrainModules& modules, std::uint64_t seed) {
        torch::manual_seed(seed);
        const torch::Tensor x = torch::randn({16, 8}) * 4;
        const torch::Tensor labels = torch::randint(0, 5, {16}, torch::kLong);
        modules.optimizer->zero_grad();
        const torch::Tensor loss = modules.head->forward(x, labels).loss;
        loss.backward();
        modules.optimizer->step();
        return loss.item<double>();
    };
    train::TrainModules original = build(1);
    const torch::OrderedDict<std::string, torch::Tensor> start = original.head->named_buffers();
    std::vector<double> before;
    for (const auto& item : start)
        before.push_back(item.value().item<double>());
    for (std::uint64_t seed = 10; seed < 13; ++seed)
        step(original, seed);

    QTemporaryDir dir;
    const std::string path = dir.filePath("last.state.pt").toStdString();
    writeStateDict(path, train::captureResumeTensors(original));
    const StateDict saved = readStateDict(path);
    for (const QString& name : buffers)
        QVERIFY2(std::any_of(saved.begin(), saved.end(),
                             [&](const auto& item) { return item.first == name.toStdString(); }),
                 qPrintable(name));

    train::TrainModules resumed = build(2);
    train::restoreResumeTensors(resumed, saved, path);
    std::size_t i = 0;
    for (const auto& item : original.head->named_buffers()) {
        QVERIFY(item.value().item<double>() != before[i++]); // training moved it
        QVERIFY(torch::equal(item.value(), resumed.head->named_buffers()[item.key()]));
    }
    QCOMPARE(step(resumed, 20), step(original, 20));
    for (const auto& item : original.head->named_buffers())
        QVERIFY(torch::equal(item.value(), resumed.head->named_buffers()[item.key()]));
}

// s 4 throughout; sphereface's lambda fixed at 2; CurricularFace's t at 0.3. AdaFace's margin
// reads the norm without a gradient (the authors' design), so the embedding's gradient matches
// finite differences only where the norm statistics saturate the scaler (deviation 0.01, mean
// 0 or 100: z = 1 or -1 for all five samples); where they do not (mean 1.5, deviation 0.5 give
// scalers on both sides of 0 for norms of about 1.6) the class weights' gradient is checked.
void TestHeads::gradientsMatchFiniteDifferences_data() {
    QTest::addColumn<HeadConfig>("config");
    QTest::addColumn<double>("normMean");
    QTest::addColumn<double>("normStd");
    const auto row = [](const char* name, const HeadConfig& config, double mean = 20,
                        double std = 100) { QTest::newRow(name) << config << mean << std; };
    row("softmax", headConfig("softmax", 4, 0));
    row("center", headConfig("center", 4, 0));
    row("sphereface m4", headConfig("sphereface", 4, 4));
    row("sphereface m2", headConfig("sphereface", 4, 2));
    row("cosface", headConfig("cosface", 4, 0.35));
    row("arcface", headConfig("arcface", 4, 0.5));
    row("arcface wide margin", headConfig("arcface", 4, 1.2)); // some targets take the fallback
    row("combined 1, 0.5, 0.1", combinedConfig(4, 1, 0.5, 0.1));
    row("combined 1.35, 0.25, 0.1", combinedConfig(4, 1.35, 0.25, 0.1));
    row("combined 2, 0.8, 0.2", combinedConfig(4, 2, 0.8, 0.2)); // some past pi
    row("combined 0.9, 0.4, 0.15", combinedConfig(4, 0.9, 0.4, 0.15));
    row("curricularface", headConfig("curricularface", 4, 0.5));
    row("adaface, scaler 1", adaFaceConfig(4, 0.4, 0.333), 0, 0.01);
    row("adaface, scaler -1", adaFaceConfig(4, 0.4, 0.333), 100, 0.01);
    row("adaface, scaler from the norm", adaFaceConfig(4, 0.4, 0.333), 1.5, 0.5);
    row("adaface, h 1", adaFaceConfig(4, 0.4, 1), 1.5, 0.5); // some scalers clipped
}

void TestHeads::gradientsMatchFiniteDifferences() {
    QFETCH(HeadConfig, config);
    torch::manual_seed(3);
    config.sphereLambdaBase = config.sphereLambdaMin = 2.0;
    std::shared_ptr<Head> head = createHead(config, 3, 4);
    head->to(torch::kFloat64);
    head->eval();
    if (auto* center = dynamic_cast<CenterHead*>(head.get()))
        center->centers.normal_();
    if (config.type == "curricularface")
        setBuffer(*head, "t", 0.3);
    QFETCH(double, normMean);
    QFETCH(double, normStd);
    if (config.type == "adaface")
        setBuffer(*head, "batch_mean", normMean), setBuffer(*head, "batch_std", normStd);
    const torch::Tensor x = torch::randn({5, 3}, torch::kFloat64).requires_grad_(true);
    const torch::Tensor labels = labelsOf({0, 1, 2, 3, 1});
    head->forward(x, labels).loss.backward();

    // AdaFace's scalers z, all clipped (a margin that no longer moves with the norm) or not.
    const torch::Tensor z = (x.detach().norm(2, {1}) - normMean) / (normStd + 1e-3) * config.adaH;
    std::vector<torch::Tensor> inputs;
    if (config.type != "adaface" || (z.abs() > 1).all().item<bool>())
        inputs.push_back(x);
    for (const auto& p : head->parameters())
        inputs.push_back(p);
    const double eps = 1e-6;
    for (const torch::Tensor& input : inputs) {
        const torch::Tensor analytic = input.grad().clone();
        torch::NoGradGuard noGrad;
        auto flat = input.view({-1});
        for (std::int64_t i = 0; i < flat.numel(); ++i) {
            const double saved = flat[i].item<double>();
            flat[i] = saved + eps;
            const double plus = head->forward(x, labels).loss.item<double>();
            flat[i] = saved - eps;
            const double minus = head->forward(x, labels).loss.item<double>();
            flat[i] = saved;
            const double numeric = (plus - minus) / (2 * eps);
            const double exact = analytic.view({-1})[i].item<double>();
            QVERIFY2(std::abs(numeric - exact) <= 1e-6 + 1e-5 * std::abs(numeric),
                     qPrintable(QString("d/d[%1]: autograd %2, finite difference %3")
                                    .arg(i)
                                    .arg(exact)
                                    .arg(numeric)));
        }
    }
}

void TestHeads::zeroMarginIsNormalisedSoftmax_data() {
    QTest::addColumn<QString>("type");
    QTest::newRow("cosface") << "cosface";
    QTest::newRow("arcface") << "arcface";
}

void TestHeads::zeroMarginIsNormalisedSoftmax() {
    QFETCH(QString, type);
    torch::manual_seed(5);
    std::shared_ptr<Head> head = createHead(headConfig(type, 30.0, 0.0), 8, 6);
    const torch::Tensor x = torch::randn({16, 8});
    const torch::Tensor labels = torch::randint(0, 6, {16}, torch::kLong);
    const torch::Tensor weight = head->named_parameters()["weight"];
    namespace F = torch::nn::functional;
    const torch::Tensor logits =
        30.0 * torch::mm(F::normalize(x, F::NormalizeFuncOptions().dim(1)),
                         F::normalize(weight, F::NormalizeFuncOptions().dim(1)).t());
    const torch::Tensor expected = F::cross_entropy(logits, labels);
    QVERIFY(torch::allclose(head->forward(x, labels).loss, expected, 1e-5, 1e-5));
}

void TestHeads::sphereFaceMarginOneIsNormSoftmax() {
    torch::manual_seed(6);
    HeadConfig config = headConfig("sphereface", 64, 1);
    config.sphereLambdaBase = config.sphereLambdaMin = 0; // no annealing
    std::shared_ptr<Head> head = createHead(config, 8, 6);
    const torch::Tensor x = torch::randn({16, 8}) * 3;
    const torch::Tensor labels = torch::randint(0, 6, {16}, torch::kLong);
    const torch::Tensor weight = head->named_parameters()["weight"];
    namespace F = torch::nn::functional;
    // softmax over normalised weights, times the feature norm: W_hat^T x
    const torch::Tensor logits =
        torch::mm(x, F::normalize(weight, F::NormalizeFuncOptions().dim(1)).t());
    QVERIFY(torch::allclose(head->forward(x, labels).loss, F::cross_entropy(logits, labels), 1e-5,
                            1e-5));
}

void TestHeads::neverNonFinite_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("embeddings");
    for (const QString& type : kHeadTypes)
        for (const char* kind :
             {"random", "zero", "huge", "tiny", "one class", "one sample", "empty", "mixed"})
            QTest::addRow("%s, %s", qPrintable(type), kind) << type << QString(kind);
}

void TestHeads::neverNonFinite() {
    QFETCH(QString, type);
    QFETCH(QString, embeddings);
    torch::manual_seed(7);
    const std::int64_t n = embeddings == "empty" ? 0 : embeddings == "one sample" ? 1 : 32;
    torch::Tensor x = torch::randn({n, 16});
    torch::Tensor labels = torch::randint(0, 10, {n}, torch::kLong);
    if (embeddings == "zero")
        x.zero_();
    else if (embeddings == "huge")
        x.mul_(1e15);
    else if (embeddings == "tiny")
        x.mul_(1e-30);
    else if (embeddings == "one class")
        labels.fill_(3);
    else if (embeddings == "mixed") // zero, huge and tiny rows in one batch
        x.index_put_({torch::indexing::Slice(0, 8)}, 0.0), x.slice(0, 8, 16).mul_(1e15),
            x.slice(0, 16, 24).mul_(1e-30);
    x.requires_grad_(true);
    std::shared_ptr<Head> head = createHead(presetConfig(type), 16, 10);
    head->train();
    const HeadOutput out = head->forward(x, labels);
    QVERIFY2(allFinite(out.loss), qPrintable(QString::number(out.loss.item<double>())));
    QVERIFY(allFinite(out.logits));
    out.loss.backward();
    QVERIFY(allFinite(x.grad()));
    for (const auto& p : head->parameters())
        QVERIFY(allFinite(p.grad()));
    for (const auto& b : head->buffers())
        QVERIFY(allFinite(b));
}

void TestHeads::headsTrain_data() {
    QTest::addColumn<QString>("type");
    for (const QString& type : kHeadTypes)
        QTest::newRow(qPrintable(type)) << type;
}

// A small backbone (two linear layers) on 8 Gaussian clusters in 10-d: 300 SGD steps must bring
// each head's loss well down and its training accuracy up, with the margins of presetConfig().
void TestHeads::headsTrain() {
    QFETCH(QString, type);
    torch::manual_seed(11);
    const std::int64_t classes = 8;
    const torch::Tensor means = torch::randn({classes, 10}) * 3;
    torch::nn::Sequential backbone(torch::nn::Linear(10, 32), torch::nn::ReLU(),
                                   torch::nn::Linear(32, 16));
    std::shared_ptr<Head> head = createHead(presetConfig(type), 16, classes);
    torch::OrderedDict<std::string, torch::Tensor> parameters = backbone->named_parameters();
    for (const auto& item : head->named_parameters())
        parameters.insert("head." + item.key(), item.value());
    OptimConfig optim;
    optim.weightDecay = 5e-4;
    auto sgd = makeSgd(parameters, optim, 0.01);

    double firstLoss = 0, lastLoss = 0, lastAccuracy = 0;
    const int steps = 300, window = 20;
    for (int step = 0; step < steps; ++step) {
        const torch::Tensor labels = torch::randint(0, classes, {64}, torch::kLong);
        const torch::Tensor x = means.index_select(0, labels) + torch::randn({64, 10});
        head->setIteration(step);
        sgd->zero_grad();
        const HeadOutput out = head->forward(backbone->forward(x), labels);
        out.loss.backward();
        sgd->step();
        if (step < window)
            firstLoss += out.loss.item<double>() / window;
        if (step >= steps - window) {
            lastLoss += out.loss.item<double>() / window;
            lastAccuracy +=
                out.logits.argmax(1).eq(labels).to(torch::kDouble).mean().item<double>() / window;
        }
    }
    // Measured: every head ends at or below 2% of its first loss with accuracy 1.0, so these
    // bounds (50%, 0.9) hold whatever rounding a CPU's kernels add.
    QVERIFY2(lastLoss < 0.5 * firstLoss,
             qPrintable(QString("loss %1 -> %2").arg(firstLoss).arg(lastLoss)));
    QVERIFY2(lastAccuracy > 0.9, qPrintable(QString("accuracy %1").arg(lastAccuracy)));
}

void TestHeads::sgdStepMatchesPyTorch() {
    // torch.optim.SGD(lr 0.1, momentum 0.9, weight_decay 0.1), p = 1, grad 0.5 twice:
    // d = 0.5 + 0.1 * 1 = 0.6, v = 0.6, p = 0.94; d = 0.5 + 0.094 = 0.594, v = 0.54 + 0.594, p -=
    // 0.1134
    torch::Tensor p = torch::ones({1}, torch::kFloat64).requires_grad_(true);
    torch::OrderedDict<std::string, torch::Tensor> parameters;
    parameters.insert("w", p);
    OptimConfig config;
    config.weightDecay = 0.1;
    auto sgd = makeSgd(parameters, config, 0.1);
    for (int step = 0; step < 2; ++step) {
        sgd->zero_grad();
        (p * 0.5).sum().backward();
        sgd->step();
    }
    QVERIFY(std::abs(p.item<double>() - (0.94 - 0.1 * (0.9 * 0.6 + 0.594))) < 1e-12);
    setLearningRate(*sgd, 0.02);
    QCOMPARE(static_cast<torch::optim::SGDOptions&>(sgd->param_groups()[0].options()).lr(), 0.02);
}

void TestHeads::noDecayGroup() {
    torch::nn::Sequential net(torch::nn::Linear(4, 4), torch::nn::BatchNorm1d(4));
    OptimConfig config;
    config.weightDecay = 1e-4;
    config.noDecayBnBias = true;
    auto sgd = makeSgd(net->named_parameters(), config, 0.1);
    QCOMPARE(int(sgd->param_groups().size()), 2);
    const auto& decayed = sgd->param_groups()[0];
    const auto& exempt = sgd->param_groups()[1];
    QCOMPARE(int(decayed.params().size()), 1); // the linear weight
    QCOMPARE(int(exempt.params().size()), 3);  // linear bias, BatchNorm weight and bias
    QCOMPARE(static_cast<const torch::optim::SGDOptions&>(decayed.options()).weight_decay(), 1e-4);
    QCOMPARE(static_cast<const torch::optim::SGDOptions&>(exempt.options()).weight_decay(), 0.0);
    config.noDecayBnBias = false;
    QCOMPARE(int(makeSgd(net->named_parameters(), config, 0.1)->param_groups().size()), 1);
}

QTEST_GUILESS_MAIN(TestHeads)
#include "test_heads.moc"
