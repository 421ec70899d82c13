#!/bin/sh
# Data-parallel scaling (issue 13, seed Section 4.3.2): the same training run with 1, 2, 4, ...
# Gloo worker processes on this machine (`facebench-cli train --nproc N`), each process with
# THREADS intra-op threads and one loader thread. PER_RANK_BATCH images per process (the seed's
# "batch size per GPU"), so the global batch grows with N as in Fig. 3. Throughput is the global
# images per second of rank 0's step time (t_data + t_compute + t_agg, eq. 7), median over the
# steps after WARMUP; speedup is eq. 6 against the row with half the processes; t_agg the mean
# seconds per step in the gradient all-reduce.
#
#   benchmarks/bench_dist.sh [build/bin/facebench-cli] [NPROC_LIST] [PER_RANK_BATCH] [STEPS] [THREADS] [MODEL]
set -eu
cli=${1:-build/bin/facebench-cli}
nprocs=${2:-1,2,4}
per_rank=${3:-16}
steps=${4:-30}
threads=${5:-1}
model=${6:-small-resnet-64}
warmup=5
python=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/facebench-bench-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "bench_dist: $model, $per_rank images per process, $steps steps, $threads thread(s) per process, $(nproc) cores" >&2
"$cli" data synth --out "$work/synth" --identities 16 --images-per-identity 16 --test-identities 20 \
    --size 64x64 --seed 3 >/dev/null 2>&1
for n in $(echo "$nprocs" | tr ',' ' '); do
    batch=$((per_rank * n))
    cat > "$work/run.yaml" <<YAML
data: {train: $work/synth/train, workers: 1}
model: {name: $model}
head: {type: softmax}
schedule: {form: constant, base_lr: 0.01}
train: {batch_size: $batch, iterations: $steps, seed: 1, log_every: 1, checkpoint_every: 0}
style: {last_batch: wrap}
device: {threads: $threads}
output: {dir: $work/runs, name: n$n}
YAML
    run=$("$cli" train "$work/run.yaml" --nproc "$n" 2>"$work/err-$n.txt") ||
        { cat "$work/err-$n.txt" >&2; exit 1; }
    echo "$n $batch $run" >> "$work/runs.txt"
done
"$python" - "$work/runs.txt" "$warmup" "$model" <<'PY'
import json, statistics, sys
rows = []
for line in open(sys.argv[1]):
    n, batch, run = line.split(maxsplit=2)
    steps = [json.loads(l) for l in open(run.strip() + "/metrics.jsonl")]
    steps = [r for r in steps if r.get("type") == "train"][int(sys.argv[2]):]
    rows.append({"model": sys.argv[3], "processes": int(n), "global_batch": int(batch),
                 "img_s": statistics.median(r["img_s"] for r in steps),
                 "t_data": statistics.mean(r["t_data"] for r in steps),
                 "t_compute": statistics.mean(r["t_compute"] for r in steps),
                 "t_agg": statistics.mean(r.get("t_agg", 0.0) for r in steps)})
by_n = {r["processes"]: r for r in rows}
print("%-16s %5s %6s %10s %8s %10s %8s %13s %12s" % ("model", "procs", "batch", "img/s", "t_data",
      "t_compute", "t_agg", "eq.6 speedup", "vs 1 proc"))
for r in rows:
    half = by_n.get(r["processes"] // 2) if r["processes"] > 1 else None
    r["speedup_eq6"] = (r["img_s"] - half["img_s"]) / half["img_s"] if half else None
    r["vs_one"] = r["img_s"] / by_n[1]["img_s"] if 1 in by_n else None
    print("%-16s %5d %6d %10.1f %8.4f %10.4f %8.4f %13s %12s" % (
        r["model"], r["processes"], r["global_batch"], r["img_s"], r["t_data"], r["t_compute"],
        r["t_agg"], "-" if r["speedup_eq6"] is None else "%.0f%%" % (100 * r["speedup_eq6"]),
        "-" if r["vs_one"] is None else "%.2fx" % r["vs_one"]))
for r in rows:
    print(json.dumps(r))
PY
