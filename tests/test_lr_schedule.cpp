// Learning-rate schedules: every Table 2 preset at iteration 0, around its first boundary (one
// before, at, one after) and at its last iteration, against the Table 2 formula written out.
#include "facebench/experiment_config.h"
#include "facebench/lr_schedule.h"

#include <QtTest>

#include <cmath>

using namespace fb;

class TestLrSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presets_data();
    void presets();
    void runLength_data();
    void runLength();
    void warmup();
};

// ipe (iterations per epoch) is 1000 in every row, so epoch boundaries are easy to read.
void TestLrSchedule::presets_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<qlonglong>("iteration");
    QTest::addColumn<double>("expected");

    const auto rows = [](const char* preset,
                         std::initializer_list<std::pair<qlonglong, double>> points) {
        for (const auto& [iteration, expected] : points)
            QTest::addRow("%s@%lld", preset, iteration) << QString(preset) << iteration << expected;
    };
    // step: base * gamma ^ floor(iter / (every_epochs * ipe))
    rows("alexnet-v1", {{0, 0.01},
                        {20999, 0.01},
                        {21000, 0.01 * 0.1},
                        {21001, 0.01 * 0.1},
                        {95999, 0.01 * std::pow(0.1, 4)}});
    rows("alexnet-v2", {{0, 0.01},
                        {20999, 0.01},
                        {21000, 0.01 * 0.1},
                        {21001, 0.01 * 0.1},
                        {95999, 0.01 * std::pow(0.1, 4)}});
    rows("densenet121", {{0, 0.1},
                         {9999, 0.1},
                         {10000, 0.1 * 0.1},
                         {10001, 0.1 * 0.1},
                         {29999, 0.1 * std::pow(0.1, 2)}});
    rows("inception-v3", {{0, 0.045},
                          {1999, 0.045},
                          {2000, 0.045 * 0.94},
                          {2001, 0.045 * 0.94},
                          {99999, 0.045 * std::pow(0.94, 49)}});
    rows("lightcnn-29", {{0, 0.1},
                         {9999, 0.1},
                         {10000, 0.1 * 0.457},
                         {10001, 0.1 * 0.457},
                         {79999, 0.1 * std::pow(0.457, 7)}});
    rows("resnet50", {{0, 0.1},
                      {27999, 0.1},
                      {28000, 0.1 * 0.1},
                      {28001, 0.1 * 0.1},
                      {127999, 0.1 * std::pow(0.1, 4)}});
    rows("vgg16", {{0, 0.1},
                   {16999, 0.1},
                   {17000, 0.1 * 0.1},
                   {17001, 0.1 * 0.1},
                   {73999, 0.1 * std::pow(0.1, 4)}});
    rows("vgg16-bn", {{0, 0.1},
                      {16999, 0.1},
                      {17000, 0.1 * 0.1},
                      {17001, 0.1 * 0.1},
                      {73999, 0.1 * std::pow(0.1, 4)}});
    // poly: base * (1 - iter / (epochs * ipe)) ^ power, 64 epochs
    rows("googlenet", {{0, 0.01},
                       {47999, 0.01 * std::sqrt(1 - 47999.0 / 64000)},
                       {48000, 0.01 * 0.5},
                       {48001, 0.01 * std::sqrt(1 - 48001.0 / 64000)},
                       {63999, 0.01 * std::sqrt(1 - 63999.0 / 64000)}});
    // multistep: base * gamma ^ (milestones passed), milestones in iterations
    rows("softmax",
         {{0, 0.1}, {15999, 0.1}, {16000, 0.01}, {16001, 0.01}, {24000, 0.001}, {29999, 0.0001}});
    rows("cosface",
         {{0, 0.1}, {15999, 0.1}, {16000, 0.01}, {16001, 0.01}, {28000, 0.0001}, {29999, 0.0001}});
    rows("arcface",
         {{0, 0.1}, {15999, 0.1}, {16000, 0.01}, {16001, 0.01}, {27999, 0.001}, {31999, 0.0001}});
    rows("center-loss",
         {{0, 0.1}, {15999, 0.1}, {16000, 0.01}, {16001, 0.01}, {23999, 0.01}, {27999, 0.001}});
    rows("sphereface",
         {{0, 0.1}, {15999, 0.1}, {16000, 0.01}, {16001, 0.01}, {24000, 0.001}, {27999, 0.001}});
}

void TestLrSchedule::presets() {
    QFETCH(QString, preset);
    QFETCH(qlonglong, iteration);
    QFETCH(double, expected);
    const ExperimentConfig config =
        parseExperimentConfig("preset: " + preset.toStdString(), "test");
    const std::int64_t ipe = 1000;
    const double lr =
        learningRate(config.schedule, iteration, ipe, totalIterations(config.train, ipe));
    QVERIFY2(
        std::abs(lr - expected) <= 1e-12 * expected,
        qPrintable(QString("lr %1, expected %2").arg(lr, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestLrSchedule::runLength_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<qlonglong>("total");
    QTest::newRow("epochs * ipe") << "resnet50" << 128000LL;
    QTest::newRow("iterations") << "arcface" << 32000LL;
}

void TestLrSchedule::runLength() {
    QFETCH(QString, preset);
    const ExperimentConfig config =
        parseExperimentConfig("preset: " + preset.toStdString(), "test");
    QTEST(qlonglong(totalIterations(config.train, 1000)), "total");
}

void TestLrSchedule::warmup() {
    ScheduleConfig schedule;
    schedule.form = "constant";
    schedule.baseLr = 0.5;
    schedule.warmupIterations = 10;
    QCOMPARE(learningRate(schedule, 0, 100, 1000), 0.05);
    QCOMPARE(learningRate(schedule, 4, 100, 1000), 0.25);
    QCOMPARE(learningRate(schedule, 9, 100, 1000), 0.5);
    QCOMPARE(learningRate(schedule, 10, 100, 1000), 0.5);
    schedule.form = "poly";
    schedule.power = 1;
    QCOMPARE(learningRate(schedule, 1000, 100, 1000), 0.0); // the end of the run
    QCOMPARE(learningRate(schedule, 1500, 100, 1000), 0.0); // never negative past it
}

QTEST_GUILESS_MAIN(TestLrSchedule)
#include "test_lr_schedule.moc"
