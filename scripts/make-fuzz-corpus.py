#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpus (tests/fuzz/corpus/<target>/) from real files:
the first Fashion-MNIST images and labels (Debian's dataset-fashion-mnist), CIFAR records
made of those pixels, CSV manifests, score files, and a store written by prunescope-cli.
Usage: scripts/make-fuzz-corpus.py BUILD_DIR (for prunescope-cli)."""
import gzip, os, struct, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
FMNIST = "/usr/share/datasets/fashion-mnist"
SEP = b"\n%%\n"


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def fmnist(name, header, count, record):
    path = os.path.join(FMNIST, name)
    opener = gzip.open if path.endswith(".gz") else open
    if not os.path.exists(path):
        path += ".gz"
        opener = gzip.open
    with opener(path, "rb") as f:
        raw = f.read(header + count * record)
    return raw


def main():
    n = 6
    img = fmnist("train-images-idx3-ubyte", 16, n, 784)
    lbl = fmnist("train-labels-idx1-ubyte", 8, n, 1)
    img = img[:4] + struct.pack(">I", n) + img[8:]
    lbl = lbl[:4] + struct.pack(">I", n) + lbl[8:]
    names = b"\n".join(b"class%d" % c for c in range(10)) + b"\n"
    put("fuzz_idx", "fashion6", img + SEP + lbl)
    put("fuzz_idx", "fashion6_names", img + SEP + lbl + SEP + lbl + SEP + names)
    put("fuzz_idx", "fashion6_gz", gzip.compress(img) + SEP + gzip.compress(lbl))

    pixels = img[16:]
    rec10 = b"".join(bytes([lbl[8 + i]]) + (pixels[i * 784:(i + 1) * 784] * 4)[:3072] for i in range(n))
    rec100 = b"".join(bytes([0, lbl[8 + i]]) + (pixels[i * 784:(i + 1) * 784] * 4)[:3072] for i in range(n))
    put("fuzz_cifar", "cifar10", rec10 + SEP + rec10[:3 * 3073])
    put("fuzz_cifar", "cifar10_names", rec10 + SEP + rec10 + SEP + names)
    put("fuzz_cifar", "cifar100", b"C" + rec100 + SEP + rec100)

    put("fuzz_csv_manifest", "names_split", b"path,label,split\na.png,shirt,train\nb.png,bag,test\na.png,bag,train\n")
    put("fuzz_csv_manifest", "numeric", b"a.png,0\nb.png,1\n\"b.png\",1\n")
    put("fuzz_csv_manifest", "attributes",
        b"path,label,split,bg,camera\na.png,shirt,train,warm,\nb.png,bag,test,cool,\"a, b\"\na.png,bag,train,warm,c\n")

    put("fuzz_score_import", "csv_values", b"score\n" + b"".join(b"%d.5\n" % i for i in range(40)))
    put("fuzz_score_import", "csv_indexed", b"index,score\n" + b"".join(b"%d,%d\n" % (i, 40 - i) for i in range(40)))
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (40,), }"
    header += " " * (63 - len(header) % 64 + 0) + "\n"
    npy = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + struct.pack("<40f", *range(40))
    put("fuzz_score_import", "npy_f4", b"N" + npy)

    cli = os.path.join(sys.argv[1], "app", "prunescope-cli")
    with tempfile.TemporaryDirectory() as tmp:
        ds = os.path.join(tmp, "ds")
        os.makedirs(ds)
        for split, (i, l) in {"train": (img, lbl), "t10k": (img, lbl)}.items():
            open(os.path.join(ds, split + "-images-idx3-ubyte"), "wb").write(i)
            open(os.path.join(ds, split + "-labels-idx1-ubyte"), "wb").write(l)
        csv = os.path.join(tmp, "s.csv")
        open(csv, "w").write("score\n" + "".join("%d\n" % i for i in range(n)))
        db = os.path.join(tmp, "store.sqlite")
        subprocess.run([cli, "import-scores", ds, csv, "--name", "s", "--direction", "harder", "--db", db],
                       check=True, stdout=subprocess.DEVNULL)
        put("fuzz_store", "store_with_import", open(db, "rb").read())


if __name__ == "__main__":
    main()
