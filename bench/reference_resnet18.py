"""Python reference for scripts/gpu-check.sh: ResNet-18 (CIFAR form) training throughput
with PyTorch alone, written as a PyTorch user would make it fast on a GPU: the whole
uint8-decoded set normalised once on the device, channels-last weights and inputs, bf16
autocast, cuDNN autotuning, no augmentation (bench_scoring runs the C++ side with
--augment 0 to match). SGD (lr 0.05, momentum 0.9, weight decay 5e-4), batch 128.

  reference_resnet18.py --data DIR [--device cuda|cpu] [--epochs 2] [--warmup-epochs 1]
                        [--limit N] [--batch-size 128]

DIR holds CIFAR-10 binary batches (data_batch_1.bin ... data_batch_5.bin). On the CPU it
trains in fp32 and the default layout (the C++ path does the same there). Prints
key=value lines: train_images_per_s, epoch_seconds.
"""
import argparse
import contextlib
import glob
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, i, o, stride):
        super().__init__()
        self.c1, self.b1 = nn.Conv2d(i, o, 3, stride, 1, bias=False), nn.BatchNorm2d(o)
        self.c2, self.b2 = nn.Conv2d(o, o, 3, 1, 1, bias=False), nn.BatchNorm2d(o)
        self.sc = nn.Sequential()
        if stride != 1 or i != o:
            self.sc = nn.Sequential(nn.Conv2d(i, o, 1, stride, bias=False), nn.BatchNorm2d(o))

    def forward(self, t):
        return F.relu(self.b2(self.c2(F.relu(self.b1(self.c1(t))))) + self.sc(t))


class ResNet18(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.stem, self.bn = nn.Conv2d(3, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64)
        layers, i = [], 64
        for k, w in enumerate([64, 128, 256, 512]):
            for b in range(2):
                layers.append(Block(i, w, 2 if k > 0 and b == 0 else 1))
                i = w
        self.layers, self.fc = nn.Sequential(*layers), nn.Linear(512, classes)

    def forward(self, t):
        return self.fc(F.adaptive_avg_pool2d(self.layers(F.relu(self.bn(self.stem(t)))), 1).flatten(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--warmup-epochs", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=128)
    a = ap.parse_args()
    dev = torch.device(a.device)
    gpu = dev.type == "cuda"
    files = sorted(glob.glob(f"{a.data}/data_batch_*.bin"))
    raw = np.concatenate([np.fromfile(f, np.uint8).reshape(-1, 3073) for f in files])
    if a.limit > 0:
        raw = raw[: a.limit]
    y = torch.from_numpy(raw[:, 0].astype(np.int64)).to(dev)
    x = torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32)).to(dev).float().div_(255)
    x = (x - x.mean((0, 2, 3), keepdim=True)) / x.std((0, 2, 3), keepdim=True)
    torch.manual_seed(0)
    m = ResNet18().to(dev)
    if gpu:
        x = x.contiguous(memory_format=torch.channels_last)
        m = m.to(memory_format=torch.channels_last)
        torch.backends.cudnn.benchmark = True
    opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    n = len(y)

    def epoch():
        perm = torch.randperm(n, device=dev)
        for s in range(0, n, a.batch_size):
            i = perm[s : s + a.batch_size]
            amp = torch.autocast("cuda", dtype=torch.bfloat16) if gpu else contextlib.nullcontext()
            with amp:
                loss = F.cross_entropy(m(x[i]), y[i])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

    def sync():
        if gpu:
            torch.cuda.synchronize()

    m.train()
    for _ in range(a.warmup_epochs):  # cuDNN autotuning and allocator warm-up, not timed
        epoch()
    sync()
    t = time.perf_counter()
    for _ in range(a.epochs):
        epoch()
    sync()
    dt = time.perf_counter() - t
    print(f"torch={torch.__version__} device={dev} images={n} batch={a.batch_size}", flush=True)
    print(f"train_images_per_s={a.epochs * n / dt:.0f}")
    print(f"epoch_seconds={dt / a.epochs:.3f}")


if __name__ == "__main__":
    main()
