#!/bin/sh
# The seed's Fig. 2 sweep on one GPU: resnet50, vgg16, inception-v3 and densenet121 at
# batch sizes 16-512, fp32 and amp, with `facebench-cli bench` beside the same step in Python
# PyTorch (bench_sweep_torch.py), synthetic input. Writes OUT/<precision>/bench.{json,csv,md}
# and OUT/<precision>-pytorch.jsonl, then prints one side-by-side table.
#
#   benchmarks/bench_gpu_sweep.sh [build/bin/facebench-cli] [OUT] [ITERS] [WARMUP] [DEVICE]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-build/bin/facebench-cli}
out=${2:-runs/bench-gpu}
iters=${3:-30}
warmup=${4:-5}
device=${5:-cuda:0}
models=resnet50,vgg16,inception-v3,densenet121
batches=16,32,64,128,256,512
python=/usr/bin/python3
mkdir -p "$out"
for precision in fp32 amp; do
    "$cli" bench --models $models --batch-sizes $batches --device "$device" --precision $precision \
        --iterations "$iters" --warmup "$warmup" --out "$out/$precision" > /dev/null
    "$python" "$here/bench_sweep_torch.py" --models $models --batch-sizes $batches --device "$device" \
        --precision $precision --iterations "$iters" --warmup "$warmup" > "$out/$precision-pytorch.jsonl"
done
"$python" - "$out" <<'PY'
import json, sys
out = sys.argv[1]
print("| model | batch | precision | FaceBench images/s | PyTorch images/s | ratio | FaceBench peak MiB | status (FB/PT) |")
print("|---|---:|---|---:|---:|---:|---:|---|")
for precision in ("fp32", "amp"):
    fb = {(r["model"], r["batch"]): r for r in json.load(open(f"{out}/{precision}/bench.json"))["rows"]}
    pt = {(r["model"], r["batch"]): r for r in map(json.loads, open(f"{out}/{precision}-pytorch.jsonl"))}
    for key, f in fb.items():
        p = pt.get(key, {})
        a, b = f.get("images_s", 0), p.get("images_s", 0)
        ratio = "%.2f" % (a / b) if a and b else "-"
        print(f"| {key[0]} | {key[1]} | {precision} | {a:.1f} | {b:.1f} | {ratio} | {f.get('peak_mem_mb', 0):.0f} "
              f"| {f['status']}/{p.get('status', '-')} |")
PY
