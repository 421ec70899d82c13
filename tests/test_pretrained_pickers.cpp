// The GUI's pickers of the pretrained networks, with a data folder of the test's
// (XDG_DATA_HOME) holding a stand-in weights file, so they run without the real downloads:
// the Experiment page's start picker (fine-tuning), the Evaluation page's choice of what to
// evaluate and the Benchmark page's button; with none installed, each names the setup command.
#include "data_home_scope.h"

#include "facebench/experiment_config.h"
#include "facebench/synthetic_data.h"
#include "facebench/ui/bench_panel.h"
#include "facebench/ui/evaluation_panel.h"
#include "facebench/ui/experiment_panel.h"
#include "facebench/ui/job_runner.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace fb::ui;

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

// A stand-in for an installed network's weights: the pickers only look for the file.
QString installStandIn(const QTemporaryDir& data, const QString& model) {
    const QString path = data.filePath(QStringLiteral("facebench/pretrained/%1.pt").arg(model));
    writeText(path, "stands for the network: the pickers only name it");
    return path;
}

bool itemEnabled(QComboBox* combo, int index) {
    return qobject_cast<QStandardItemModel*>(combo->model())->item(index)->isEnabled();
}

QPushButton* buttonNamed(QWidget* parent, const QString& text) {
    for (QPushButton* b : parent->findChildren<QPushButton*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class TestPretrainedPickers : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private slots:
    // The start picker offers the installed pretrained networks (a data folder of the test's with
    // one weights file in it): choosing one sets model, native input size, model.weights and its
    // authors' pre-processing, which the YAML keeps; none installed, a disabled entry names the
    // setup command; another model goes back to random initialisation.
    void experimentStartsFromPretrained() {
        QTemporaryDir data;
        const DataHomeScope scope(data.path());
        {
            ExperimentPanel none;
            auto* start = none.findChild<QComboBox*>(QStringLiteral("model.weights"));
            QVERIFY(start);
            QCOMPARE(start->count(), 3); // random initialisation, the heading, "none installed"
            QVERIFY2(start->itemText(2).contains(QStringLiteral("packaging/setup.sh weights")),
                     qPrintable(start->itemText(2)));
            QVERIFY(!qobject_cast<QStandardItemModel*>(start->model())->item(2)->isEnabled());
            QCOMPARE(none.config().model.weights, std::string());
        }
        const QString weights =
            data.filePath(QStringLiteral("facebench/pretrained/mobilefacenet-tf192.pt"));
        QVERIFY(QDir().mkpath(QFileInfo(weights).path()));
        writeText(weights, "stands for the network: the form only names it");
        ExperimentPanel panel;
        auto* start = panel.findChild<QComboBox*>(QStringLiteral("model.weights"));
        QVERIFY(start);
        QCOMPARE(start->findData(QStringLiteral("face-api-resnet")), -1); // not installed
        const int index = start->findData(QStringLiteral("mobilefacenet-tf192"));
        QVERIFY(index > 1);
        start->setCurrentIndex(index);
        emit start->activated(index);
        QVERIFY2(panel.isValid(), qPrintable(panel.currentError()));
        const fb::ExperimentConfig c = panel.config();
        QCOMPARE(c.model.name, std::string("mobilefacenet-tf192"));
        QCOMPARE(c.model.weights, weights.toStdString());
        QCOMPARE(c.data.inputSize, (std::vector<std::int64_t>{112, 112}));
        QVERIFY(c.style.preprocess == fb::PreprocessStyle::Face);
        QVERIFY(c.style.framework == fb::Framework::PyTorch);

        const QString path = m_tmp.filePath(QStringLiteral("pretrained.yaml"));
        QVERIFY(panel.saveYaml(path));
        ExperimentPanel other;
        QVERIFY2(other.loadYaml(path), qPrintable(other.currentError()));
        QCOMPARE(other.findChild<QComboBox*>(QStringLiteral("model.weights"))->currentIndex(),
                 index);
        QCOMPARE(fb::toYaml(other.config()), fb::toYaml(c));

        auto* model = panel.findChild<QComboBox*>(QStringLiteral("model.name"));
        const int small = model->findData(QStringLiteral("small-resnet-64"));
        model->setCurrentIndex(small);
        emit model->activated(small);
        QCOMPARE(start->currentIndex(), 0);
        QCOMPARE(panel.config().model.weights, std::string());

        // A YAML without model.weights shows random initialisation, not the heading.
        const QString plain = m_tmp.filePath(QStringLiteral("plain.yaml"));
        writeText(plain, "model: {name: small-resnet-64}\n");
        QVERIFY2(other.loadYaml(plain), qPrintable(other.currentError()));
        QCOMPARE(other.findChild<QComboBox*>(QStringLiteral("model.weights"))->currentIndex(), 0);
    }

    // The Evaluation page: "Evaluate:" offers the installed network, which names a results
    // folder of its own and takes a protocol data folder; Evaluate runs it with its weights file
    // (a stand-in here, so the job fails naming that file).
    void evaluationOffersPretrained() {
        {
            QTemporaryDir empty;
            const DataHomeScope scope(empty.path());
            EvaluationPanel none;
            auto* source = none.findChild<QComboBox*>(QStringLiteral("evaluationSource"));
            QVERIFY(source);
            QCOMPARE(source->count(), 3);
            QVERIFY(source->itemData(2, Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("packaging/setup.sh weights")));
            QVERIFY(!itemEnabled(source, 2));
        }
        QTemporaryDir data;
        const DataHomeScope scope(data.path());
        const QString weights = installStandIn(data, QStringLiteral("face-api-resnet"));
        const QString synth = m_tmp.filePath(QStringLiteral("synth"));
        fb::SynthOptions options;
        options.outDir = synth.toStdString();
        options.identities = 2;
        options.imagesPerIdentity = 2;
        options.testIdentities = fb::kSynthMinTestIdentities;
        options.width = options.height = 32;
        options.threads = 1;
        fb::SynthJob(options).run();
        const QString run = m_tmp.filePath(QStringLiteral("runs/tiny-20261203-010000"));
        QVERIFY(QDir().mkpath(run));

        JobRunner runner;
        EvaluationPanel panel;
        panel.setJobRunner(&runner);
        panel.loadRunNow(run);
        auto* source = panel.findChild<QComboBox*>(QStringLiteral("evaluationSource"));
        auto* dataEdit = panel.findChild<QLineEdit*>(QStringLiteral("evaluationData"));
        QVERIFY(source && dataEdit);
        QVERIFY(!dataEdit->isEnabled()); // a run brings its own data folder
        QCOMPARE(source->findData(QStringLiteral("mobilefacenet-tf192")), -1);
        const int index = source->findData(QStringLiteral("face-api-resnet"));
        QCOMPARE(index, 2);
        QCOMPARE(source->itemData(index, Qt::UserRole + 1).toString(), weights);
        source->setCurrentIndex(index);
        emit source->activated(index);
        QVERIFY(dataEdit->isEnabled());
        auto* runEdit = panel.findChild<QLineEdit*>();
        const QString results = m_tmp.filePath(QStringLiteral("runs/pretrained-face-api-resnet"));
        QCOMPARE(QDir::fromNativeSeparators(runEdit->text()), results);

        QPushButton* evaluate = buttonNamed(&panel, QStringLiteral("Evaluate"));
        QVERIFY(evaluate);
        auto* status = panel.findChild<QLabel*>(QStringLiteral("evaluationStatus"));
        dataEdit->setText(m_tmp.filePath(QStringLiteral("no-such-data")));
        evaluate->click();
        QVERIFY2(status->text().contains(QStringLiteral("no-such-data")),
                 qPrintable(status->text()));
        QVERIFY(evaluate->isEnabled()); // nothing queued

        dataEdit->setText(synth);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        evaluate->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const int id = finished[0][0].toInt();
        QVERIFY(finished[0][1].value<JobState>() == JobState::Failed);
        QVERIFY2(runner.info(id).error.contains(weights), qPrintable(runner.info(id).error));
        QVERIFY(!QFileInfo::exists(results + QStringLiteral("/eval/lfw.json")));
    }

    // The Benchmark page: its button checks the installed pretrained networks (throughput does
    // not depend on their weights); none installed, it is disabled and names the setup command.
    void benchChecksPretrained() {
        {
            QTemporaryDir empty;
            const DataHomeScope scope(empty.path());
            BenchPanel none;
            auto* button = none.findChild<QPushButton*>(QStringLiteral("benchPretrained"));
            QVERIFY(button);
            QVERIFY(!button->isEnabled());
            QVERIFY(button->toolTip().contains(QStringLiteral("packaging/setup.sh weights")));
        }
        QTemporaryDir data;
        const DataHomeScope scope(data.path());
        installStandIn(data, QStringLiteral("mobilefacenet-tf192"));
        BenchPanel panel;
        auto* button = panel.findChild<QPushButton*>(QStringLiteral("benchPretrained"));
        QVERIFY(button && button->isEnabled());
        auto* models = panel.findChild<QListWidget*>();
        QVERIFY(models);
        const QList<QListWidgetItem*> installed =
            models->findItems(QStringLiteral("mobilefacenet-tf192"), Qt::MatchExactly);
        const QList<QListWidgetItem*> missing =
            models->findItems(QStringLiteral("face-api-resnet"), Qt::MatchExactly);
        QCOMPARE(installed.size(), 1);
        QCOMPARE(missing.size(), 1);
        QVERIFY(installed[0]->toolTip().contains(QStringLiteral("installed")));
        QVERIFY(missing[0]->toolTip().contains(QStringLiteral("packaging/setup.sh weights")));
        QCOMPARE(installed[0]->checkState(), Qt::Unchecked);
        button->click();
        QCOMPARE(installed[0]->checkState(), Qt::Checked);
        QCOMPARE(missing[0]->checkState(), Qt::Unchecked);
        const std::vector<std::string> chosen = panel.options().models;
        QVERIFY(std::find(chosen.begin(), chosen.end(), "mobilefacenet-tf192") != chosen.end());
    }
};

QTEST_MAIN(TestPretrainedPickers)
#include "test_pretrained_pickers.moc"
