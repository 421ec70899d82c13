#!/bin/sh
# Times `facebench-cli data index` on a synthetic ImageFolder tree of empty files (the target:
# 1,000,000 files in under 60 s, cold, i.e. without a cached index): 10,000 identity folders x
# 100 files by default. Prints the cold time (tree walked, index cache written to a scratch
# cache folder), the warm time (cache validated and read back) and a --no-cache walk, then removes
# the tree. Usage: bench_index.sh [path/to/facebench-cli] [identities] [files-per-identity]
set -eu
cli=${1:-build/bin/facebench-cli}
identities=${2:-10000}
per=${3:-100}
out=$(mktemp -d "${TMPDIR:-/tmp}/facebench-bench-index.XXXXXX")
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
/usr/bin/python3 - "$out/tree" "$identities" "$per" <<'PY'
import os, sys
root, n, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.mkdir(root)
for i in range(n):
    d = os.path.join(root, "n%06d" % i)
    os.mkdir(d)
    for j in range(per):
        os.close(os.open(os.path.join(d, "%04d.jpg" % j), os.O_CREAT | os.O_WRONLY, 0o644))
PY
made=$(date +%s.%N)
run() { # label, extra options
    label=$1; shift
    t0=$(date +%s.%N)
    "$cli" --json data index "$out/tree" --cache-dir "$out/cache" "$@" > "$out/$label.json" 2> "$out/$label.log"
    t1=$(date +%s.%N)
    awk "BEGIN { printf \"%.2f\", $t1 - $t0 }"
}
cold=$(run cold)
warm=$(run warm)
scan=$(run scan --no-cache)
files=$(/usr/bin/python3 -c "import json; d = json.load(open('$out/cold.json')); print(d['images'])")
reused=$(/usr/bin/python3 -c "import json; d = json.load(open('$out/warm.json')); print(str(d['cache']['reused']).lower())")
cache_path=$(/usr/bin/python3 -c "import json; print(json.load(open('$out/cold.json'))['cache']['path'])")
cache_kib=$(du -k "$cache_path" | cut -f1)
maketime=$(awk "BEGIN { printf \"%.1f\", $made - $start }")
echo "bench_index: $files files in $identities folders (tree made in $maketime s), $(nproc) cores"
echo "bench_index: cold (walk + write cache) $cold s, warm (cache reused: $reused) $warm s, walk without cache $scan s, cache ${cache_kib} KiB"
echo "{\"files\": $files, \"identities\": $identities, \"cold_s\": $cold, \"warm_s\": $warm, \"no_cache_s\": $scan, \"warm_reused\": $reused, \"cache_kib\": $cache_kib, \"cores\": $(nproc)}"
if awk "BEGIN { exit !($cold >= 60) }"; then
    echo "bench_index: cold index slower than the 60 s target" >&2
    exit 1
fi
