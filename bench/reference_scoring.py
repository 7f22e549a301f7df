"""Python reference for bench_scoring: the same work as PruneScope's C++ path.

small_cnn (conv 3x3 16 -> batch norm -> ReLU -> maxpool 2 -> conv 3x3 32 -> batch norm ->
ReLU -> maxpool 2 -> fc 128 -> ReLU -> fc K), batch 128, SGD (lr 0.05, momentum 0.9,
weight decay 5e-4) with a linear warm-up over the first 5% of steps then a per-step
cosine schedule, per-example random crop (padding 3) and horizontal flip done on
normalised batches, then an EL2N pass in eval mode with batches of 512. Prints
key=value lines the C++ benchmark reads.
"""
import argparse
import gzip
import math
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmallCnn(nn.Module):
    def __init__(self, c, h, w, k):
        super().__init__()
        self.conv1 = nn.Conv2d(c, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(32)
        self.fc1 = nn.Linear(32 * (h // 4) * (w // 4), 128)
        self.fc2 = nn.Linear(128, k)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        return self.fc2(F.relu(self.fc1(x.flatten(1))))


def load_idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def augment(x, gen):
    b, _, h, w = x.shape
    pad = max(1, min(h, w) // 8)
    padded = F.pad(x, (pad, pad, pad, pad))
    out = torch.empty_like(x)
    shifts = torch.randint(0, 2 * pad + 1, (b, 2), generator=gen).tolist()
    flips = (torch.rand(b, generator=gen) < 0.5).tolist()
    for i in range(b):
        dy, dx = shifts[i]
        crop = padded[i, :, dy:dy + h, dx:dx + w]
        if flips[i]:
            crop = crop.flip(2)
        out[i].copy_(crop)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    images = torch.from_numpy(load_idx(args.data + "/train-images-idx3-ubyte.gz", 16).reshape(-1, 28, 28, 1).copy())
    labels = torch.from_numpy(load_idx(args.data + "/train-labels-idx1-ubyte.gz", 8).astype(np.int64))
    n = images.shape[0]
    px = images.double().div(255.0)
    mean, std = px.mean().float(), px.std(unbiased=False).float()

    def batch(idx):
        x = images.index_select(0, idx).permute(0, 3, 1, 2).float()
        return x.div_(255.0).sub_(mean).div_(std).contiguous()

    model = SmallCnn(1, 28, 28, 10)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    gen = torch.Generator().manual_seed(0)
    bs = 128
    steps_per_epoch = (n + bs - 1) // bs
    total = steps_per_epoch * args.epochs
    warm = round(0.05 * total)
    step = 0
    t0 = time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(n, generator=gen)
        for s in range(0, n, bs):
            for g in opt.param_groups:
                ramp = (step + 1) / warm if step < warm else 1.0
                g["lr"] = ramp * 0.05 * 0.5 * (1 + math.cos(math.pi * step / total))
            idx = order[s:s + bs]
            x = augment(batch(idx), gen)
            y = labels.index_select(0, idx)
            loss = F.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
    train_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    model.eval()
    parts = []
    with torch.no_grad():
        for s in range(0, n, 512):
            idx = torch.arange(s, min(n, s + 512))
            parts.append(model(batch(idx)))
    logits = torch.cat(parts)
    el2n = (F.softmax(logits, 1) - F.one_hot(labels, 10).float()).norm(dim=1)
    score_s = time.perf_counter() - t0
    print(f"threads={torch.get_num_threads()}")
    print(f"train_images_per_s={n * args.epochs / train_s:.1f}")
    print(f"score_images_per_s={n / score_s:.1f}")
    print(f"mean_el2n={el2n.mean().item():.4f}")


if __name__ == "__main__":
    main()
