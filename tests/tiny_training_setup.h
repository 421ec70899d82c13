#pragma once
// The set-up the suites that really train share (test_training, test_tensorboard,
// test_distributed, test_study, test_study_panel): a tiny synthetic face set, generated with
// `facebench-cli data synth`, and a training config that trains small-resnet-64 on it for a few
// steps on one thread.
//
// Why so small: those suites run real training through the real readers, model, heads and eval
// protocols, on two shared CPU cores, and the whole ctest run must stay under 10 minutes. The
// crops are 32x32, the smallest side a face is drawn at with its features still distinguishable
// (kSynthMinSide in facebench/synthetic_data.h); the training set is a few identities of a few
// images each (16 to 64 images in these suites); the test identities are 20, the fewest that
// LFW's 10 subject-disjoint folds of 300 matched pairs need (kSynthMinTestIdentities), so eval's
// lfw protocol runs on the same set.
#include "process_runner.h"

#include <QString>
#include <QStringList>

namespace fb::test {

// `identities` x `imagesPerIdentity` training images of 32x32 and 20 test identities, drawn from
// `seed` into `outDir` on one thread (the images do not depend on the thread count).
inline ProcessResult synthTinyFaceSet(const QString& outDir, int identities, int imagesPerIdentity,
                                      int seed) {
    return runCli({"data", "synth", "--out", outDir, "--identities", QString::number(identities),
                   "--images-per-identity", QString::number(imagesPerIdentity), "--test-identities",
                   "20", "--size", "32x32", "--seed", QString::number(seed), "--threads", "1"});
}

// A training config on a tiny face set: small-resnet-64 with a softmax head, one data worker
// and one thread (so a run is deterministic given its seed), a train row logged every step and
// no periodic checkpoint. The suites differ only in the fields below; the defaults are the
// plainest run (8 steps of 16 images at a constant learning rate of 0.05).
struct TinyTrainingConfig {
    QString data; // the synthetic set's folder: training reads its train/
    int batchSize = 16;
    int iterations = 8;
    int seed = 7;
    bool constantLearningRate = true; // schedule: {form: constant, base_lr: 0.05}; else default
    QString dataKeys;                 // more keys of data:, e.g. "val_split: 0.25"
    QString trainKeys;                // more keys of train:, e.g. "val_every: 0"
    bool evalLfw = false;             // eval: {data: <the set>, protocols: [lfw]}
    QString sections;                 // more whole sections, each "key: {...}\n"
    QString outputKeys;               // the keys of output:, e.g. "name: tb"

    QString yaml() const {
        const auto more = [](const QString& keys) {
            return keys.isEmpty() ? QString() : ", " + keys;
        };
        QString text = "data: {train: " + data + "/train, workers: 1" + more(dataKeys) +
                       "}\n"
                       "model: {name: small-resnet-64}\n"
                       "head: {type: softmax}\n";
        if (constantLearningRate)
            text += "schedule: {form: constant, base_lr: 0.05}\n";
        text += "train: {batch_size: " + QString::number(batchSize) +
                ", iterations: " + QString::number(iterations) +
                ", seed: " + QString::number(seed) + ", log_every: 1, checkpoint_every: 0" +
                more(trainKeys) + "}\n";
        if (evalLfw)
            text += "eval: {data: " + data + ", protocols: [lfw]}\n";
        text += sections + "device: {threads: 1}\n";
        if (!outputKeys.isEmpty())
            text += "output: {" + outputKeys + "}\n";
        return text;
    }
};

// The base.yaml of the study suites (test_study, test_study_panel): 2 steps of 8 images from seed
// 1 at the default schedule, no validation, LFW at the end (the number a cell reports) and no
// event files.
inline TinyTrainingConfig tinyStudyBaseConfig(const QString& data) {
    TinyTrainingConfig config;
    config.data = data;
    config.batchSize = 8;
    config.iterations = 2;
    config.seed = 1;
    config.constantLearningRate = false;
    config.trainKeys = "val_every: 0";
    config.evalLfw = true;
    config.outputKeys = "tensorboard: false";
    return config;
}

// The 2x2 study both study suites run over that base.yaml: head.type (softmax, arcface) by
// train.batch_size (4, 8), reported on LFW in the losses layout.
inline constexpr const char* kTinyGridStudy = "name: grid\n"
                                              "base: {config: base.yaml}\n"
                                              "axes:\n"
                                              "  head.type: [softmax, arcface]\n"
                                              "  train.batch_size: [4, 8]\n"
                                              "protocols: [lfw]\n"
                                              "layout: losses\n";

} // namespace fb::test
