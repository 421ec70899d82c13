#pragma once
// A run's scalars as TensorBoard event files in RUN/tb/, so `tensorboard --logdir runs` shows
// FaceBench runs beside PyTorch ones. Training writes its metrics.jsonl rows as it logs them
// (output.tensorboard); `eval --run` writes the headline numbers of RUN/eval/*.json; `runs
// export-tb` writes both for a run made before. Torch-free.
//
// Tags: a metrics row {"type": T, "step": S, "k": v, ...} gives "T/k" = v at step S for every
// number in it (loss, acc, lr, img_s, t_data, t_compute, t_agg, epoch, val_acc, lfw_acc, ...).
// Evaluation gives "eval/<protocol>[/<subset>]/<metric>" (LFW accuracy, TAR@FAR per target FAR,
// EER, AUC, template similarities) at the run's last logged step.
#include <cstdint>
#include <string>

namespace fb {

// RUN/tb is RunDirectory::tensorBoardDir() (facebench/run_directory.h).

struct TensorBoardExport {
    std::string trainingFile; // "" when metrics.jsonl has no rows
    std::string evalFile;     // "" when the run has no eval/*.json
    std::int64_t trainingEvents = 0;
    std::int64_t evalScalars = 0;
};

// `runs export-tb`: RUN/metrics.jsonl and RUN/eval/*.json into RUN/tb/, each file written to a
// temporary name and renamed, replacing every event file there (an earlier export, or what
// training and eval wrote), so exporting twice gives the same scalars once. Throws InputError
// naming the folder when it is not a run (no config.yaml and no metrics.jsonl), or the file and
// line of a malformed metrics.jsonl row or eval JSON.
TensorBoardExport exportRunToTensorBoard(const std::string& runDir);

// After `eval --run`: the headline numbers of every RUN/eval/*.json into one event file ending
// in ".eval", replacing the earlier one (each evaluation rewrites it whole, so re-evaluating
// does not repeat points). Returns its path, "" when there is nothing to write.
std::string writeEvalEventFile(const std::string& runDir);

} // namespace fb
