// `facebench-cli verify-scores FILE.csv [--far 1e-2,1e-3,1e-4] [--json]`: TAR, achieved FAR and
// threshold at each FAR, EER and AUC of any score file (header naming `score` and `label`),
// through the same metrics core as the protocols (facebench/verification_metrics.h).
#include "verbs.h"

#include "facebench/errors.h"
#include "facebench/score_file.h"
#include "facebench/verification_metrics.h"

#include <cmath>
#include <cstdio>
#include <memory>

namespace fb::cli {

namespace {

struct VerifyScoresOptions {
    std::string file;
    std::vector<double> fars{1e-2, 1e-3, 1e-4};
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
    verb->callback([&options, &action, opts] {
        action = [&options, opts] {
            for (double far : opts->fars)
                if (!(far > 0.0))
                    throw InputError(SourceLocation{}, "--far", "a FAR must be above 0");
            const VerificationSummary s =
                summarizeVerification(readScoreCsv(opts->file), opts->fars, opts->file);
            if (options.json) {
                nlohmann::ordered_json rows = nlohmann::ordered_json::array();
                for (const TarAtFar& t : s.tarAtFar)
                    rows.push_back({{"far", t.far},
                                    {"tar", t.tar},
                                    {"achieved_far", t.achievedFar},
                                    {"threshold", numberOrNull(t.threshold)},
                                    {"resolvable", t.resolvable}});
                printJson({{"file", opts->file},
                           {"genuine", s.genuineCount},
                           {"impostor", s.impostorCount},
                           {"tar_at_far", rows},
                           {"eer", s.eer},
                           {"eer_threshold", numberOrNull(s.eerThreshold)},
                           {"auc", s.auc},
                           {"definitions",
                            "accept iff score > threshold at each FAR (ROC upper envelope, "
                            "k = floor(far*|N| + 1e-9)); EER linearly interpolated on the ROC; "
                            "AUC by the trapezoid rule"}});
                return kExitDone;
            }
            std::printf("%s: %lld genuine, %lld impostor\n", opts->file.c_str(),
                        static_cast<long long>(s.genuineCount),
                        static_cast<long long>(s.impostorCount));
            std::printf("%-10s %-10s %-12s %-14s\n", "FAR", "TAR", "achieved", "threshold");
            for (const TarAtFar& t : s.tarAtFar)
                std::printf("%-10g %-10.6f %-12.6g %-14.8g%s\n", t.far, t.tar, t.achievedFar,
                            t.threshold,
                            t.resolvable ? "" : "  (not resolvable: fewer impostors than 1/FAR)");
            std::printf("EER %.6f (threshold %.8g)\nAUC %.6f\n", s.eer, s.eerThreshold, s.auc);
            return kExitDone;
        };
    });
}

} // namespace fb::cli
