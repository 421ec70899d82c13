#!/bin/sh
# Evaluation speed: `verify-scores` on 10,000,000 scores (target under 3 s) and the
# LFW protocol on 6,000 pairs with features given (target under 0.5 s).
# Usage: bench_eval.sh [build dir, default build]
set -eu
build=${1:-build}
cli=$build/bin/facebench-cli
out=$(mktemp -d "${TMPDIR:-/tmp}/facebench-bench-eval.XXXXXX")
trap 'rm -rf "$out"' EXIT
status=0
"$build/bin/bench_eval" write-scores "$out/scores.csv" 10000000
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$out/cpu.txt" "$cli" verify-scores "$out/scores.csv" --json > "$out/result.json"
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$out/cpu.txt")
else
    "$cli" verify-scores "$out/scores.csv" --json > "$out/result.json"
    cpu="?"
fi
end=$(date +%s.%N)
seconds=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
bytes=$(du -k "$out/scores.csv" | cut -f1)
echo "bench_eval verify-scores: 10,000,000 scores (${bytes} KiB CSV) in $seconds s wall, $cpu s CPU, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
if awk "BEGIN { exit !($seconds >= 3) }"; then
    echo "bench_eval: verify-scores slower than the 3 s target" >&2
    status=1
fi
"$build/bin/bench_eval" lfw || { echo "bench_eval: LFW protocol slower than the 0.5 s target" >&2; status=1; }
exit $status
