#!/bin/sh
# Times `facebench-cli data synth` on exactly 10,000 images (the target: under 60 s on the
# reference 2-core machine, so a test set is quick to make): 300 training identities x 19
# images + 100 test identities x 43 (41 of the subject, 2 of a look-alike).
# Usage: bench_synth.sh [path/to/facebench-cli] [WxH]
set -eu
cli=${1:-build/bin/facebench-cli}
size=${2:-96x112}
out=$(mktemp -d "${TMPDIR:-/tmp}/facebench-bench-synth.XXXXXX")
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
"$cli" data synth --out "$out/set" --identities 300 --images-per-identity 19 --test-identities 100 \
    --size "$size" --seed 1 --json > "$out/result.json" 2> "$out/log.txt"
end=$(date +%s.%N)
images=$(find "$out/set/train" "$out/set/test" -name '*.jpg' | wc -l)
bytes=$(du -sk "$out/set" | cut -f1)
seconds=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
echo "bench_synth: $images images ($size) in $seconds s, $(nproc) cores, ${bytes} KiB on disk"
echo "{\"images\": $images, \"size\": \"$size\", \"seconds\": $seconds, \"cores\": $(nproc)}"
if awk "BEGIN { exit !($seconds >= 60) }"; then
    echo "bench_synth: slower than the 60 s target" >&2
    exit 1
fi
