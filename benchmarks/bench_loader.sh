#!/bin/sh
# Loader throughput, side by side in one run (target: FaceBench >= 1.5x PyTorch):
# COUNT 250x250 JPEGs in a temp folder, then 112x112 face-style training batches of 64 (resize,
# flip, (x - 127.5) / 128) from FaceBench's BatchLoader with 2 workers and from a PyTorch
# DataLoader (torchvision ImageFolder, PIL transforms, num_workers=2) on the same files.
# Usage: bench_loader.sh [path/to/bench_loader] [COUNT] [EPOCHS]
set -eu
bench=${1:-build/bin/bench_loader}
count=${2:-2000}
epochs=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/facebench-bench-loader.XXXXXX")
trap 'rm -rf "$out"' EXIT
"$bench" make "$out/images" "$count"
echo "bench_loader: $count JPEGs (250x250, $(du -sk "$out/images" | cut -f1) KiB), batch 64, 2 workers, $epochs epochs, $(nproc) cores"
# The files were just written, so both sides read them from the page cache.
ours=$("$bench" run "$out/images" 2 64 "$epochs")
theirs=$(/usr/bin/python3 "$here/bench_loader_torch.py" "$out/images" 2 64 "$epochs")
echo "$ours"
echo "$theirs"
field() { echo "$1" | sed "s/.*\"$2\": \([0-9.]*\).*/\1/"; }
a=$(field "$ours" images_per_second)
b=$(field "$theirs" images_per_second)
ac=$(field "$ours" images_per_cpu_second)
bc=$(field "$theirs" images_per_cpu_second)
ratio=$(awk "BEGIN { printf \"%.2f\", $a / $b }")
cpuRatio=$(awk "BEGIN { printf \"%.2f\", $ac / $bc }")
echo "bench_loader: FaceBench $a images/s, PyTorch $b images/s: ${ratio}x (target 1.5x)"
echo "bench_loader: per CPU-second (independent of other load): FaceBench $ac, PyTorch $bc: ${cpuRatio}x"
if awk "BEGIN { exit !($ratio < 1.5) }"; then
    echo "bench_loader: below the 1.5x target (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    exit 1
fi
