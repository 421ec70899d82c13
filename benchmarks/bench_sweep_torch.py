"""The bench verb's sweep in Python PyTorch, for a side-by-side table: the same
training step as core/src/train/train_step.h with the softmax head (backbone to its embedding,
Linear + cross-entropy, loss and accuracy read back, backward, SGD momentum 0.9, weight decay
5e-4, lr 0.01), one random batch reused, K warm-up and N timed steps, synchronised on CUDA.
Out of memory is a row with status "oom", and the sweep goes on.

    /usr/bin/python3 bench_sweep_torch.py --models resnet50,vgg16 --batch-sizes 16,32 \
        --device cuda:0 --precision fp32 --iterations 50 --warmup 5   -> one JSON line a row
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

# name -> (constructor, input HxW, attribute holding the classifier that becomes the embedding)
MODELS = {
    "resnet50": (lambda: torchvision.models.resnet50(), (224, 224)),
    "vgg16": (lambda: torchvision.models.vgg16(), (224, 224)),
    "inception-v3": (lambda: torchvision.models.inception_v3(aux_logits=False, init_weights=True), (299, 299)),
    "densenet121": (lambda: torchvision.models.densenet121(), (224, 224)),
}


def backbone(name):
    """The network without its classifier (the embedding is the penultimate layer), its width."""
    make, size = MODELS[name]
    net = make()
    if name == "vgg16":
        width = net.classifier[-1].in_features
        net.classifier[-1] = nn.Identity()
    elif name == "densenet121":
        width = net.classifier.in_features
        net.classifier = nn.Identity()
    else:
        width = net.fc.in_features
        net.fc = nn.Identity()
    return net, width, size


def run(name, batch, device, amp, iterations, warmup, classes, channels_last):
    row = {"impl": "pytorch", "model": name, "batch": batch, "device": str(device),
           "precision": "amp" if amp else "fp32", "status": "ok"}
    try:
        net, width, (h, w) = backbone(name)
        head = nn.Linear(width, classes)
        net.to(device).train()
        head.to(device).train()
        if channels_last:
            net = net.to(memory_format=torch.channels_last)
        params = list(net.parameters()) + list(head.parameters())
        opt = torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=5e-4)
        scaler = torch.cuda.amp.GradScaler(enabled=amp)
        x = torch.randn(batch, 3, h, w, device=device)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        y = torch.randint(0, classes, (batch,), device=device)

        def step():
            opt.zero_grad()
            with torch.autocast("cuda", enabled=amp):
                emb = net(x)
            logits = head(emb.float())
            loss = F.cross_entropy(logits, y)
            torch.stack([loss.detach().double(), logits.argmax(1).eq(y).sum().double()]).cpu()
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
            if device.type == "cuda":
                torch.cuda.synchronize(device)

        if device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(device)
        for _ in range(warmup):
            step()
        times = []
        for _ in range(iterations):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        times.sort()
        row["images_s"] = round(batch * len(times) / sum(times), 2)
        row["ms_median"] = round(1000 * statistics.median(times), 3)
        row["ms_p90"] = round(1000 * times[max(0, -(-9 * len(times) // 10) - 1)], 3)
        if device.type == "cuda":
            row["peak_mem_mb"] = round(torch.cuda.max_memory_allocated(device) / 2**20, 1)
    except RuntimeError as error:  # torch.cuda.OutOfMemoryError is a RuntimeError
        row["status"] = "oom" if "out of memory" in str(error) else "error"
        row["message"] = str(error).splitlines()[0]
    if device.type == "cuda":
        torch.cuda.empty_cache()
    return row


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", required=True)
    p.add_argument("--batch-sizes", required=True)
    p.add_argument("--device", default="cpu")
    p.add_argument("--precision", default="fp32", choices=["fp32", "amp"])
    p.add_argument("--iterations", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--classes", type=int, default=1000)
    p.add_argument("--channels-last", action="store_true")
    a = p.parse_args()
    torch.backends.cudnn.benchmark = True  # as the bench verb (device.cudnn_benchmark)
    device = torch.device(a.device)
    for name in a.models.split(","):
        for batch in (int(b) for b in a.batch_sizes.split(",")):
            print(json.dumps(run(name, batch, device, a.precision == "amp", a.iterations, a.warmup,
                                 a.classes, a.channels_last)), flush=True)


if __name__ == "__main__":
    main()
