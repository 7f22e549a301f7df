#!/usr/bin/env python3
"""Builds a spurious-correlation dataset from Fashion-MNIST, in the manner of Waterbirds.

Every image is drawn on a background tint, "warm" or "cool". In the training split the
tint agrees with the class for a `--majority` share of the examples (warm for classes
0-4, T-shirt/top to Coat; cool for 5-9, Sandal to Ankle boot) and disagrees for the rest:
those are the minority groups. In the test split each class is half warm, half cool, so a
model that leans on the tint fails the minority groups. Writes PNGs and a manifest
(path,label,split,tint) that PruneScope reads as a dataset with a `tint` attribute.
Standard library only.
"""
import argparse
import gzip
import os
import random
import struct
import zlib

CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
TINTS = {"warm": (200, 90, 40), "cool": (40, 90, 200)}  # RGB


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2049:
        return list(data[8:8 + count])
    if magic != 2051:
        raise SystemExit(f"{path}: not an IDX file (magic {magic})")
    rows, cols = struct.unpack(">II", data[8:16])
    size = rows * cols
    return [data[16 + i * size:16 + (i + 1) * size] for i in range(count)], rows, cols


def png(path, rgb, width, height):
    raw = b"".join(b"\x00" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def tinted(grey, tint):
    # The garment (bright) stays, the dark background takes the tint: max(g, tint * (255 - g) / 255).
    out = bytearray(len(grey) * 3)
    for i, g in enumerate(grey):
        for c in range(3):
            out[3 * i + c] = max(g, tint[c] * (255 - g) // 255)
    return bytes(out)


def per_class(labels, count, rng):
    """`count` positions, the same number per class (the first ones of a shuffled order)."""
    by = {k: [] for k in range(10)}
    order = list(range(len(labels)))
    rng.shuffle(order)
    for i in order:
        if len(by[labels[i]]) < count // 10:
            by[labels[i]].append(i)
    return sorted(i for v in by.values() for i in v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="folder to write (manifest.csv and img/)")
    ap.add_argument("--source", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--train", type=int, default=4000, help="training examples (equal per class)")
    ap.add_argument("--test", type=int, default=2000, help="test examples (equal per class)")
    ap.add_argument("--majority", type=float, default=0.95, help="share of training examples whose tint agrees")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "img"), exist_ok=True)
    rows = ["path,label,split,tint"]
    for split, prefix, count in (("train", "train", a.train), ("test", "t10k", a.test)):
        images, h, w = read_idx(os.path.join(a.source, f"{prefix}-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(a.source, f"{prefix}-labels-idx1-ubyte.gz"))
        seen = {k: 0 for k in range(10)}
        for i in per_class(labels, count, rng):
            y = labels[i]
            majority = "warm" if y < 5 else "cool"
            minority = "cool" if y < 5 else "warm"
            if split == "train":
                tint = majority if rng.random() < a.majority else minority
            else:
                tint = majority if seen[y] % 2 == 0 else minority  # balanced
            seen[y] += 1
            name = f"img/{split[:2]}{i:05d}.png"
            png(os.path.join(a.out, name), tinted(images[i], TINTS[tint]), w, h)
            rows.append(f'{name},"{CLASSES[y]}",{split},{tint}')
    with open(os.path.join(a.out, "manifest.csv.tmp"), "w") as f:
        f.write("\n".join(rows) + "\n")
    os.replace(os.path.join(a.out, "manifest.csv.tmp"), os.path.join(a.out, "manifest.csv"))
    print(f"wrote {a.train} training and {a.test} test examples to {a.out}/manifest.csv")


if __name__ == "__main__":
    main()
