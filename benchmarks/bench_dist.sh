#!/bin/sh
# Data-parallel scaling (seed Section 4.3.2): the same training run with 1, 2, 4, ...
# Gloo worker processes on this machine (`facebench-cli train --nproc N`), each process with
# THREADS intra-op threads and one loader thread. PER_RANK_BATCH images per process (the seed's
# "batch size per GPU"), so the global batch grows with N as in Fig. 3. Throughput is the global
# images per second of rank 0's step time (t_data + t_compute + t_agg, eq. 7), median over the
# steps after WARMUP; speedup is eq. 6 against the row with half the processes; t_agg the mean
# seconds per step in the gradient all-reduce.
#
# --json FILE also writes the sweep as a bench.json in bench_report.cpp's layout (one "rows" entry
# per process count with images_s, t_data, t_compute and t_agg; "scaling" rows with processes,
# images_s, eq. 6 speedup and t_agg), atomically (temp file + mv), for the GUI's Benchmark page:
# `facebench --bench FILE --page benchmark --bench-tab scaling`.
#
#   benchmarks/bench_dist.sh [--json FILE] [build/bin/facebench-cli] [NPROC_LIST] [PER_RANK_BATCH] [STEPS] [THREADS] [MODEL]
set -eu
json_out=
if [ "${1:-}" = "--json" ]; then
    [ $# -ge 2 ] || { echo "bench_dist: --json needs a FILE" >&2; exit 2; }
    json_out=$2
    shift 2
fi
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
"$python" - "$work/runs.txt" "$warmup" "$model" "$json_out" "$per_rank" "$steps" "$threads" <<'PY'
import datetime, json, os, statistics, sys
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
out = sys.argv[4]
if out:
    # bench_report.cpp's layout; "processes" is the n of eq. 6 (the GUI reads it like "devices").
    per_rank, steps, threads = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
    doc = {"started_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
           "options": {"models": [sys.argv[3]], "batch_sizes": [r["global_batch"] for r in rows],
                       "devices": ["cpu"], "iterations": steps, "warmup": int(sys.argv[2]),
                       "input_size": [64, 64], "precision": "fp32", "channels_last": False,
                       "data": "synthetic-jpeg", "memory_cap_mb": 0, "head": "softmax",
                       "num_classes": 16, "threads": threads},
           "device_table": {"cpu_model": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                                               if l.startswith("model name")), ""),
                            "cpu_cores": os.cpu_count(), "threads": threads, "gpus": []},
           "rows": [], "scaling": [],
           "scaling_note": "data-parallel training, %d images per process, Gloo all-reduce; speedup by "
                           "seed eq. 6 against n/2 processes; t_agg the all-reduce seconds per step (eq. 7)" % per_rank,
           "cancelled": False}
    for r in rows:
        step = r["t_data"] + r["t_compute"] + r["t_agg"]
        doc["rows"].append({"model": r["model"], "batch": r["global_batch"], "device": "cpu x%d" % r["processes"],
                            "precision": "fp32", "input": "64x64", "images_s": round(r["img_s"], 2),
                            "ms_median": round(1000 * r["global_batch"] / r["img_s"], 3) if r["img_s"] else 0,
                            "ms_p90": 0, "peak_mem_mb": 0, "t_data": round(r["t_data"], 6),
                            "t_compute": round(r["t_compute"], 6), "t_agg": round(r["t_agg"], 6),
                            "processes": r["processes"],
                            "bound": "data" if r["t_data"] > r["t_compute"] + r["t_agg"] else "compute",
                            "status": "ok", "message": ""})
        doc["scaling"].append({"model": r["model"], "batch": per_rank, "processes": r["processes"],
                               "images_s": round(r["img_s"], 2),
                               "speedup": round(r["speedup_eq6"] or 0.0, 4), "t_agg": round(r["t_agg"], 6)})
    tmp = out + ".tmp%d" % os.getpid()
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    os.replace(tmp, out)  # the mv of temp + mv: a reader never sees half a file
    print("bench_dist: wrote %s" % out, file=sys.stderr)
PY
