"""The training step of benchmarks/bench_train.cpp in Python PyTorch (Debian's torch 1.13, the
same LibTorch): same model, softmax head (Linear + cross-entropy), SGD momentum 0.9 with weight
decay 5e-4, loss and accuracy read back every step, synthetic in-memory input.

    /usr/bin/python3 bench_train_torch.py MODEL HxW BATCH THREADS ITERS [WARMUP]  -> one JSON line
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision


class BasicBlock(nn.Module):
    """torchvision's BasicBlock, as core/src/models/small_resnet.cpp builds it."""

    def __init__(self, inplanes, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, 0, bias=False),
                                            nn.BatchNorm2d(planes))

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(out + (self.downsample(x) if self.downsample is not None else x))


class SmallResNet(nn.Module):
    """core/src/models/small_resnet.cpp: 3x3 stride-2 stem (16), four one-block stages (16, 32,
    64, 128; strides 1, 2, 2, 2), flatten, fc to 128, BatchNorm1d: the 128-d embedding."""

    def __init__(self, height, width):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        planes, inplanes = [16, 32, 64, 128], 16
        for stage, p in enumerate(planes):
            setattr(self, "layer%d" % (stage + 1), nn.Sequential(BasicBlock(inplanes, p, 1 if stage == 0 else 2)))
            inplanes = p
        cells = ((height + 15) // 16) * ((width + 15) // 16)
        self.fc = nn.Linear(128 * cells, 128)
        self.features = nn.BatchNorm1d(128)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        for stage in range(4):
            x = getattr(self, "layer%d" % (stage + 1))(x)
        return self.features(self.fc(x.flatten(1)))


def build(name, height, width):
    if name == "resnet50":  # FaceBench's resnet50 without classifier: the 2048-d pooled feature
        model = torchvision.models.resnet50()
        model.fc = nn.Identity()
        return model, 2048
    if name.startswith("small-resnet"):
        return SmallResNet(height, width), 128
    raise SystemExit("unknown model " + name)


def main():
    name, size, batch, threads, iterations = sys.argv[1:6]
    warmup = int(sys.argv[6]) if len(sys.argv) > 6 else 3
    height, width = map(int, size.split("x"))
    batch, threads, iterations = int(batch), int(threads), int(iterations)
    classes = 100
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model, dim = build(name, height, width)
    head = nn.Linear(dim, classes)
    model.train()
    params = list(model.parameters()) + list(head.parameters())
    optimizer = torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=5e-4)
    images = torch.randn(batch, 3, height, width)
    labels = torch.randint(0, classes, (batch,))

    def step():
        optimizer.zero_grad()
        logits = head(model(images))
        loss = F.cross_entropy(logits, labels)
        loss.item()
        logits.detach().argmax(1).eq(labels).sum().item()
        loss.backward()
        optimizer.step()

    for _ in range(warmup):
        step()
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    times.sort()
    median = times[len(times) // 2]
    print(json.dumps({"impl": "pytorch", "model": name, "input": size, "batch": batch, "threads": threads,
                      "median_step_s": round(median, 5), "img_s": round(batch / median, 2)}))


if __name__ == "__main__":
    main()
