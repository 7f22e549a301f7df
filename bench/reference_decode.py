#!/usr/bin/env python3
"""Reference for bench_decode: torchvision's ImageFolder + DataLoader doing the work
PruneScope's input pipeline does for one epoch: decode each file, random crop with
padding (an eighth of the side), horizontal flip, to a normalised float tensor, batches
of --batch in a shuffled order, on --workers worker processes. Prints images_per_s=N.

Needs Debian's python3-torchvision (apt-get install python3-torchvision).
"""
import argparse
import time

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, help="an ImageFolder root: <root>/<class>/<file>")
    ap.add_argument("--size", type=int, required=True, help="image side in pixels")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(1)  # the workers do the work, as PruneScope's do
    tf = transforms.Compose([
        transforms.RandomCrop(a.size, padding=max(1, a.size // 8)),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize((0.5, 0.5, 0.5), (0.25, 0.25, 0.25)),
    ])
    ds = datasets.ImageFolder(a.root, transform=tf)
    loader = DataLoader(ds, batch_size=a.batch, shuffle=True, num_workers=a.workers)
    t0 = time.perf_counter()
    n = 0
    for x, _ in loader:
        n += x.shape[0]
    dt = time.perf_counter() - t0
    print(f"images={n}")
    print(f"seconds={dt:.3f}")
    print(f"images_per_s={n / dt:.1f}")


if __name__ == "__main__":
    main()
