#!/usr/bin/env python3
"""The table of scripts/waterbirds-fmnist.sh: from WORKDIR's frontier JSON and kept sets,
per policy and kept fraction, the test error and the worst group's test error (mean ± std
over seeds) and the minority groups' share of the kept set (mean over seeds; the minority
groups are the classes on the tint that disagrees with the class)."""
import csv
import json
import os
import statistics
import sys

work, seeds = sys.argv[1], int(sys.argv[2])
WARM = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat"}
tint = {}
with open(os.path.join(work, "data", "manifest.csv")) as f:
    for row in csv.DictReader(f):
        if row["split"] == "train":
            tint[os.path.normpath(os.path.join(work, "data", row["path"]))] = (row["label"], row["tint"])


def minority(label, t):
    return (t == "warm") != (label in WARM)


def share(path):
    with open(path) as f:
        rows = [r for r in csv.DictReader(f)]
    m = sum(minority(*tint[os.path.normpath(r["source"])]) for r in rows)
    return m / len(rows)


def spread(v):
    return f"{statistics.mean(v):.3f} ± {statistics.stdev(v):.3f}" if len(v) > 1 else f"{v[0]:.3f}"


study = json.load(open(os.path.join(work, "frontier.csv.json")))
full_share = sum(minority(*v) for v in tint.values()) / len(tint)
print(f"Minority groups' share of the full training set: {full_share:.3f} ({len(tint)} examples)\n")
groups = study["groups"]  # "class=Shirt, tint=warm"


def minority_error(p):
    """1 − the mean accuracy over the minority groups (seed-mean accuracies)."""
    acc = []
    for name, a in zip(groups, p["per_group_accuracy"]):
        label, t = name[len("class="):].rsplit(", tint=", 1)
        if a is not None and minority(label, t):
            acc.append(a)
    return 1 - statistics.mean(acc)


print("| policy | f | test error | worst-group error | minority groups' error | minority share of kept set |")
print("|---|---|---|---|---|---|")
for p in sorted(study["points"], key=lambda p: (p["policy"], p["keep"])):
    if p["keep"] >= 1 and p["policy"] != "random":
        continue
    name = "none (f = 1)" if p["keep"] >= 1 else p["policy"]
    shares = "%.3f" % full_share
    if p["keep"] < 1:
        v = [share(os.path.join(work, f"kept-{p['policy']}-{p['keep']}-{s}.csv")) for s in range(seeds)]
        shares = spread(v)
    print(f"| {name} | {p['keep']} | {spread(p['errors'])} | {spread(p['worst_group_errors'])} | "
          f"{minority_error(p):.3f} | {shares} |")
