// `facebench-cli verify-scores FILE.csv [--far 1e-2,1e-3,1e-4] [--ci [--bootstrap N] [--seed S]]
// [--json]`: TAR, achieved FAR and threshold at each FAR, EER and AUC of any score file (header
// naming `score` and `label`), through the same metrics core as the protocols
// (facebench/verification_metrics.h). --ci adds 95% intervals by the bootstrap over subjects of
// facebench/verification_intervals.h (the optional `subject` column; without it, over pairs),
// the same intervals `eval` writes for its own score files.
#include "verbs.h"

#include "facebench/errors.h"
#include "facebench/eval_results.h"
#include "facebench/score_file.h"
#include "facebench/verification_intervals.h"
#include "facebench/verification_metrics.h"

#include <cmath>
#include <cstdio>
#include <memory>

namespace fb::cli {

namespace {

struct VerifyScoresOptions {
    std::string file;
    std::vector<double> fars{1e-2, 1e-3, 1e-4};
    bool ci = false;
    BootstrapOptions bootstrap;
};

nlohmann::ordered_json numberOrNull(double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

} // namespace

void addVerifyScoresVerb(CLI::App& app, const GlobalOptions& options, VerbAction& action) {
    auto opts = std::make_shared<VerifyScoresOptions>();
    CLI::App* verb = app.add_subcommand("verify-scores",
                                        "TAR@FAR, EER and AUC of a score file (CSV with 'score' "
                                        "and 'label' columns; label 1 genuine, 0 impostor)");
    verb->add_option("FILE", opts->file, "Score CSV")->required();
    verb->add_option("--far", opts->fars, "Target FARs, comma-separated (default 1e-2,1e-3,1e-4)")
        ->delimiter(',')
        ->check(CLI::Range(0.0, 1.0));
    verb->add_flag("--ci", opts->ci,
                   "95% intervals: percentile bootstrap over the 'subject' column's subjects "
                   "(over pairs without one)");
    verb->add_option("--bootstrap", opts->bootstrap.replicates, "Bootstrap replicates for --ci")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000000));
    verb->add_option("--seed", opts->bootstrap.seed, "Bootstrap seed for --ci")
        ->capture_default_str();
    verb->callback([&options, &action, opts] {
        action = [&options, opts] {
            for (double far : opts->fars)
                if (!(far > 0.0))
                    throw InputError(SourceLocation{}, "--far", "a FAR must be above 0");
            VerificationSummary s;
            VerificationIntervals ci;
            if (opts->ci) { // one read keeps the pairs' subjects for the bootstrap
                const std::vector<ScoredPair> pairs = readScoredPairs(opts->file);
                ScoreSet set;
                for (const ScoredPair& p : pairs)
                    (p.same ? set.genuine : set.impostor).push_back(p.score);
                s = summarizeVerification(std::move(set), opts->fars, opts->file);
                // Subjects from the file's `subject` column, else every pair its own.
                ci = bootstrapScoredPairs(pairs, opts->fars, opts->bootstrap);
            } else {
                s = summarizeVerification(readScoreCsv(opts->file), opts->fars, opts->file);
            }
            auto pair = [](const ConfidenceInterval& i) {
                return nlohmann::ordered_json::array({numberOrNull(i.low), numberOrNull(i.high)});
            };
            if (options.json) {
                nlohmann::ordered_json rows = nlohmann::ordered_json::array();
                for (std::size_t f = 0; f < s.tarAtFar.size(); ++f) {
                    const TarAtFar& t = s.tarAtFar[f];
                    rows.push_back({{"far", t.far},
                                    {"tar", t.tar},
                                    {"achieved_far", t.achievedFar},
                                    {"threshold", numberOrNull(t.threshold)},
                                    {"resolvable", t.resolvable}});
                    if (opts->ci)
                        rows.back()["ci"] = pair(ci.tar[f]);
                }
                nlohmann::ordered_json out{{"file", opts->file},
                                           {"genuine", s.genuineCount},
                                           {"impostor", s.impostorCount},
                                           {"tar_at_far", rows},
                                           {"eer", s.eer},
                                           {"eer_threshold", numberOrNull(s.eerThreshold)},
                                           {"auc", s.auc}};
                if (opts->ci) {
                    out["eer_ci"] = pair(ci.eer);
                    out["auc_ci"] = pair(ci.auc);
                    out["intervals"] = {{"method", ci.method},
                                        {"level", ci.options.level},
                                        {"kind", "percentile bootstrap"},
                                        {"replicates", ci.options.replicates},
                                        {"seed", ci.options.seed},
                                        {"units", ci.subjects},
                                        {"degenerate_replicates", ci.degenerateReplicates}};
                }
                out["definitions"] =
                    "accept iff score > threshold at each FAR (ROC upper envelope, "
                    "k = floor(far*|N| + 1e-9)); EER linearly interpolated on the ROC; "
                    "AUC by the trapezoid rule";
                printJson(out);
                return kExitDone;
            }
            std::printf("%s: %lld genuine, %lld impostor\n", opts->file.c_str(),
                        static_cast<long long>(s.genuineCount),
                        static_cast<long long>(s.impostorCount));
            std::printf("%-10s %-10s %-12s %-14s%s\n", "FAR", "TAR", "achieved", "threshold",
                        opts->ci ? " 95% interval" : "");
            for (std::size_t f = 0; f < s.tarAtFar.size(); ++f) {
                const TarAtFar& t = s.tarAtFar[f];
                std::printf("%-10g %-10.6f %-12.6g %-14.8g", t.far, t.tar, t.achievedFar,
                            t.threshold);
                if (opts->ci)
                    std::printf(" [%.6f, %.6f]", ci.tar[f].low, ci.tar[f].high);
                std::printf("%s\n",
                            t.resolvable ? "" : "  (not resolvable: fewer impostors than 1/FAR)");
            }
            std::printf("EER %.6f (threshold %.8g)", s.eer, s.eerThreshold);
            if (opts->ci)
                std::printf(" [%.6f, %.6f]", ci.eer.low, ci.eer.high);
            std::printf("\nAUC %.6f", s.auc);
            if (opts->ci)
                std::printf(" [%.6f, %.6f]\n%s\n", ci.auc.low, ci.auc.high, ci.method.c_str());
            else
                std::printf("\n");
            return kExitDone;
        };
    });
}

} // namespace fb::cli
