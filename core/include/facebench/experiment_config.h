#pragma once
// ExperimentConfig: one experiment, as the YAML file describes it, fully resolved
// (docs/ARCHITECTURE.md, "Core concepts"). Every field has the default written here; a preset and
// the user's file override it in that order, and `--set a.b=c` overrides both.
#include "facebench/framework_style.h" // StyleConfig

#include <cstdint>
#include <string>
#include <vector>

namespace fb {

struct DataConfig {
    std::string train;           // training set: a folder or list file
    std::string val;             // held-out set for periodic validation, "" for none
    std::string format = "auto"; // auto | imagefolder | list | lfw | recordio
    std::vector<std::int64_t> imageSize{256, 256}; // [H, W] after resizing (Table 2 "image size")
    std::vector<std::int64_t> inputSize{224, 224}; // [H, W] fed to the network ("input size")
    std::int64_t workers = 0;                      // loader threads, 0 = one per core
    // Training identities' images held out for periodic validation when `val` is "" (a fraction
    // of each identity's images, at least one when > 0), so held-out accuracy needs no 2nd folder.
    double valSplit = 0.0;
    // `train` names a synthetic set (`data synth`) to generate on first use: when the folder is
    // missing, the job writes the synthetic data into its parent (train/ is its training part).
    bool synthetic = false;
};

struct ModelConfig {
    std::string name = "resnet50"; // a name from modelCatalog()
    std::string weights;           // FaceBench checkpoint to start from, "" for random init
    bool auxLogits = false;        // GoogLeNet / Inception-v3 auxiliary classifiers
};

struct HeadConfig {
    // softmax | center | sphereface | cosface | arcface | combined | curricularface | adaface
    std::string type = "softmax";
    // Scale and margin. Defaults depend on the type when not set (seed eq. 3-5): cosface
    // s 64, m 0.35; arcface and curricularface s 64, m 0.5; adaface s 64, m 0.4; sphereface
    // m 4 (s unused).
    double s = 64.0;
    double m = 0.0;
    // The combined margin, target logit s (cos(m1 theta + m2) - m3), arcface_torch's default
    // (1, 0.5, 0): ArcFace.
    double m1 = 1.0;
    double m2 = 0.5;
    double m3 = 0.0;
    double adaH = 0.333; // AdaFace's h: the share of the norm's spread mapped to the margin
    // The moving-average rate of the batch statistics: CurricularFace's t (its momentum) and
    // AdaFace's feature-norm mean and standard deviation (t_alpha).
    double tAlpha = 0.01;
    double centerLambda = 0.008; // eq. 2, caffe-face loss_weight
    double centerAlpha = 0.5;    // centre update rate (Wen et al. 2016)
    // SphereFace annealing: lambda = max(lambda_min, base * (1 + gamma * iter)^-power).
    double sphereLambdaBase = 1000.0;
    double sphereLambdaGamma = 0.12;
    double sphereLambdaPower = 1.0;
    double sphereLambdaMin = 5.0;
};

struct OptimConfig {
    std::string type = "sgd";
    double momentum = 0.9; // every Table 2 row
    double weightDecay = 5e-4;
    bool noDecayBnBias = false; // exclude BatchNorm and bias parameters from weight decay
};

struct ScheduleConfig {
    std::string form = "step"; // step | multistep | poly | constant (Table 2 lr column)
    double baseLr = 0.1;
    double gamma = 0.1;                   // step, multistep
    std::int64_t everyEpochs = 30;        // step: lr *= gamma every N epochs
    std::vector<std::int64_t> milestones; // multistep: iterations
    double power = 0.5;                   // poly
    std::int64_t warmupIterations = 0;
};

struct TrainConfig {
    std::int64_t batchSize = 64;
    // Length of the run: epochs or iterations, whichever the last layer (preset, file, --set)
    // set; the other is then 0.
    std::int64_t epochs = 10;
    std::int64_t iterations = 0;
    std::int64_t seed = 0;
    std::int64_t numClasses = 0;         // 0 = the number of identities in the training set
    std::int64_t logEvery = 10;          // steps between metrics.jsonl rows
    std::int64_t checkpointEvery = 1000; // steps between checkpoints, 0 = at the end only
    std::int64_t valEvery = 0;           // steps between validations, 0 = never
    // BatchNorm layers normalise with their running statistics and keep them fixed (eval mode)
    // while the rest trains: the loss of a batch is then a per-image sum, the same split over any
    // number of processes (without it each rank normalises with its own shard's
    // statistics, as PyTorch's DDP without SyncBatchNorm).
    bool freezeBn = false;
};

struct EvalConfig {
    std::vector<std::string> protocols{
        "lfw"};       // lfw | pairs | templates | cross-quality | dfw | tracks
    std::string data; // protocol data folder
    std::int64_t batchSize = 64;
    std::string flip = "none"; // none | sum (InsightFace) | concat (facenet)
    std::vector<double> far{1e-2, 1e-3, 1e-4};
    // The VGGFace2 template matrices (seed Table 3): "probe-gallery", M[a][b] = cosine of each
    // subject's first level-a template (probe) with its second level-b template (gallery), the
    // asymmetric matrices the seed prints; "symmetric", the mean over every (a, b) template pair.
    std::string templateMatrix = "probe-gallery";
};

// Validation during training besides data.val and the LFW protocol (train.val_every).
struct ValConfig {
    // InsightFace .bin verification sets (lfw.bin, cfp_fp.bin, ...), scored as `eval --bin`
    // does; logged as val_bin/<file stem>_acc.
    std::vector<std::string> bin;
};

struct DeviceConfig {
    std::string name = "cpu"; // cpu | cuda | cuda:N
    std::int64_t threads = 0; // CPU intra-op threads, 0 = one per core
    bool amp = false;         // CUDA mixed precision
    bool cudnnBenchmark = true;
};

struct OutputConfig {
    std::string dir = "runs"; // runs are written to <dir>/<name>-<YYYYmmdd-HHMMSS>/
    std::string name;         // "" = the preset's name, else the model's
    bool tensorboard = true;  // also write the scalars as TensorBoard events in RUN/tb/
};

struct ExperimentConfig {
    std::string preset; // the bundled preset this config started from, if any
    DataConfig data;
    ModelConfig model;
    HeadConfig head;
    OptimConfig optim;
    ScheduleConfig schedule;
    TrainConfig train;
    ValConfig val;
    EvalConfig eval;
    DeviceConfig device;
    StyleConfig style; // resolved: "auto" parts hold their framework's value
    OutputConfig output;
};

// Reads and resolves a config file: preset, then the file, then each override "a.b=value"
// (value in YAML syntax, e.g. "schedule.milestones=[100,200]"). Throws InputError naming
// file:line:column and the key at fault.
ExperimentConfig loadExperimentConfig(const std::string& path,
                                      const std::vector<std::string>& overrides = {});
// The same from YAML text; `sourceName` names it in errors.
ExperimentConfig parseExperimentConfig(const std::string& yamlText, const std::string& sourceName,
                                       const std::vector<std::string>& overrides = {});
// Checks a config built in code (the GUI's experiment panel) by the rules files obey.
void validateExperimentConfig(const ExperimentConfig& config);

// The resolved config with every key written out, in schema order. The YAML form loads back
// to an equal config.
std::string toYaml(const ExperimentConfig& config);
std::string toJson(const ExperimentConfig& config, int indent = 2);

} // namespace fb
