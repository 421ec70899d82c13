// Evaluation of a run directory: config.yaml + checkpoints/last.pt in the FaceBench
// weights format -> RUN/eval/*.json, with the features of the eval transform, and the flip
// fusions (none, sum = InsightFace, concat = facenet) checked against the model's own outputs.
#include "data/preprocess.h"
#include "eval/model_features.h"
#include "facebench/errors.h"
#include "facebench/evaluation.h"
#include "facebench/feature_extraction.h"
#include "facebench/experiment_config.h"
#include "facebench/synthetic_data.h"
#include "weights/model_weights.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

class TestEvalRun : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_data;

private Q_SLOTS:
    void initTestCase() {
        fb::SynthOptions o;
        o.outDir = m_dir.filePath("synth").toStdString();
        o.identities = 2;
        o.imagesPerIdentity = 2;
        o.testIdentities = fb::kSynthMinTestIdentities;
        o.width = o.height = fb::kSynthMinSide;
        fb::SynthJob(o).run();
        m_data = o.outDir;
    }

    // flip none / sum / concat on four test images, against forward passes done here.
    void flipFusion() {
        torch::manual_seed(3);
        const std::shared_ptr<fb::FaceModel> model = fb::createModel("small-resnet-64", {});
        QDir test(QString::fromStdString(m_data + "/test"));
        const QString first = test.entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
        const QStringList files = QDir(test.filePath(first)).entryList({"*.jpg"});
        std::vector<std::string> images;
        for (int i = 0; i < 4; ++i)
            images.push_back(test.filePath(first + "/" + files[i]).toStdString());

        fb::ExperimentConfig config =
            fb::parseExperimentConfig("model:\n  name: small-resnet-64\n", "test");
        const fb::data::PreprocessSpec spec = fb::data::preprocessSpecFor(config, false);
        std::vector<torch::Tensor> inputs;
        std::mt19937_64 rng(0);
        for (const std::string& p : images) {
            std::ifstream in(p, std::ios::binary);
            std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                             std::istreambuf_iterator<char>());
            inputs.push_back(fb::data::preprocess(fb::data::decodeImage(bytes, p, 3), spec, rng));
        }
        model->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor batch = torch::stack(inputs);
        const torch::Tensor plain = model->forward(batch).embedding;
        const torch::Tensor flipped = model->forward(torch::flip(batch, {3})).embedding;
        auto features = [&](const std::string& flip, std::int64_t batchSize) {
            config.eval.flip = flip;
            config.eval.batchSize = batchSize;
            const fb::FeatureMatrix m = fb::eval::modelFeatureSource(model, config, {})(images);
            return torch::from_blob(const_cast<float*>(m.values.data()),
                                    {static_cast<std::int64_t>(images.size()), m.dim},
                                    torch::kFloat32)
                .clone();
        };
        // Batches of 3 + 1 change nothing but rounding: the CPU's convolution kernels may pick
        // another algorithm (and summation order) per batch size, which moves float32 features
        // by ~1e-6 relative on some CPUs. A wrong flip, order or batching error moves them by O(1),
        // so 1e-4 keeps a wide margin on both sides.
        const torch::Tensor none = features("none", 3);
        QVERIFY(torch::allclose(none, plain, 1e-4, 1e-5));
        QVERIFY(torch::allclose(features("sum", 4), plain + flipped, 1e-4, 1e-5));
        const torch::Tensor concat = features("concat", 2);
        QCOMPARE(concat.size(1), 2 * plain.size(1));
        namespace F = torch::nn::functional;
        const auto dim1 = F::NormalizeFuncOptions().dim(1);
        QVERIFY(torch::allclose(
            concat, torch::cat({F::normalize(plain, dim1), F::normalize(flipped, dim1)}, 1), 1e-5,
            1e-6));
    }

    // A run directory as training writes it: eval finds config.yaml, the checkpoint and the
    // config's eval.data and eval.protocols, and writes RUN/eval/.
    void runDirectory() {
        const QString run = m_dir.filePath("run");
        QVERIFY(QDir().mkpath(run + "/checkpoints"));
        const fb::ExperimentConfig config =
            fb::parseExperimentConfig("model:\n  name: small-resnet-64\neval:\n  data: " + m_data +
                                          "\n  protocols: [lfw, templates]\n  flip: sum\n",
                                      "test");
        {
            std::ofstream out((run + "/config.yaml").toStdString());
            out << fb::toYaml(config);
        }
        torch::manual_seed(5);
        const std::shared_ptr<fb::FaceModel> model = fb::createModel("small-resnet-64", {});
        fb::WeightsInfo info;
        info.model = "small-resnet-64";
        fb::writeModelWeights((run + "/checkpoints/last.pt").toStdString(), info,
                              fb::modelState(*model));

        fb::EvalRequest request;
        request.runDir = run.toStdString();
        const fb::EvalOutcome outcome = fb::evaluate(request);
        QCOMPARE(outcome.results.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(outcome.weights), run + "/checkpoints/last.pt");
        QFile lfw(run + "/eval/lfw.json");
        QVERIFY(lfw.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(lfw.readAll()).object();
        QCOMPARE(doc["fold_accuracies"].toArray().size(), 10);
        QVERIFY(QFile::exists(run + "/eval/templates.json"));
        QVERIFY(QFile::exists(run + "/eval/lfw-scores.csv"));

        // Weights of another model are an input error naming the file.
        fb::EvalRequest other;
        other.model = "small-resnet-112x96";
        other.weights = (run + "/checkpoints/last.pt").toStdString();
        other.outDir = m_dir.filePath("other").toStdString();
        other.dataDir = m_data;
        QVERIFY_THROWS_EXCEPTION(fb::InputError, fb::evaluate(other));
    }

    // `extract` on images pre-processes them as `eval` does, with the model's own style (for
    // small-resnet-64 the face networks' (x - 127.5) / 128, not ImageNet's statistics), in the
    // same batches: the features are the same floats.
    void extractGivesEvalFeatures() {
        torch::manual_seed(11);
        const std::shared_ptr<fb::FaceModel> model = fb::createModel("small-resnet-64", {});
        const std::string weights = m_dir.filePath("extract.fbw").toStdString();
        fb::WeightsInfo info;
        info.model = "small-resnet-64";
        fb::writeModelWeights(weights, info, fb::modelState(*model));
        QDir test(QString::fromStdString(m_data + "/test"));
        const QString first = test.entryList(QDir::Dirs | QDir::NoDotAndDotDot).first();
        const QStringList files = QDir(test.filePath(first)).entryList({"*.jpg"});
        std::vector<std::string> images;
        for (int i = 0; i < 4; ++i)
            images.push_back(test.filePath(first + "/" + files[i]).toStdString());

        fb::ExtractRequest request;
        request.weights = weights;
        request.images = images;
        request.batchSize = 3;
        const fb::NpyArray extracted = fb::extractFeatures(request);

        fb::ExperimentConfig config = fb::eval::modelOnlyConfig("small-resnet-64", {});
        QVERIFY(fb::data::preprocessSpecFor(config, false).style == fb::PreprocessStyle::Face);
        config.eval.batchSize = 3;
        const fb::FeatureMatrix evaluated = fb::eval::modelFeatureSource(model, config, {})(images);
        QCOMPARE(extracted.shape, (std::vector<std::int64_t>{4, evaluated.dim}));
        QCOMPARE(extracted.values, evaluated.values);

        // --set reaches the pre-processing as with `eval --set`: another style, other features.
        request.overrides = {"style.preprocess=tensorflow-inception"};
        QVERIFY(fb::extractFeatures(request).values != evaluated.values);
    }
};

QTEST_GUILESS_MAIN(TestEvalRun)
#include "test_eval_run.moc"
