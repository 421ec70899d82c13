#!/usr/bin/python3
"""The PyTorch side of benchmarks/bench_loader.sh: a torchvision ImageFolder with PIL transforms
(Resize to 112x112, RandomHorizontalFlip, ToTensor, Normalize(0.5, 0.5): the face style) in a
DataLoader with num_workers workers, batch 64, timed like bench_loader after one warm-up batch.

    /usr/bin/python3 bench_loader_torch.py DIR [WORKERS] [BATCH] [EPOCHS]
"""
import json
import os
import sys
import time

import torch
import torchvision.transforms as T
from torchvision.datasets import ImageFolder


def cpu_seconds(pids):
    """User + system CPU seconds of this process and its DataLoader workers (/proc/PID/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with open("/proc/%d/stat" % pid) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def main():
    root = sys.argv[1]
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    torch.manual_seed(1)
    transform = T.Compose([T.Resize((112, 112)), T.RandomHorizontalFlip(), T.ToTensor(),
                           T.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])])
    data = ImageFolder(root, transform=transform)
    loader = torch.utils.data.DataLoader(data, batch_size=batch, shuffle=True, num_workers=workers,
                                         persistent_workers=workers > 0)
    images = 0
    start = None
    for epoch in range(epochs):
        batches = iter(loader)
        if start is None:
            next(batches)  # warm-up batch: workers started, first files read
            pids = [os.getpid()] + [w.pid for w in batches._workers]
            start = time.perf_counter()
            cpu_start = cpu_seconds(pids)
        for x, _ in batches:
            images += x.shape[0]
    seconds = time.perf_counter() - start
    cpu = cpu_seconds(pids) - cpu_start
    print(json.dumps({"loader": "pytorch", "workers": workers, "batch": batch, "images": images,
                      "seconds": round(seconds, 3),
                      "images_per_second": round(images / seconds, 1),
                      "cpu_seconds": round(cpu, 3),
                      "images_per_cpu_second": round(images / cpu, 1)}))


if __name__ == "__main__":
    main()
