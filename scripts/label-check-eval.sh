#!/usr/bin/env bash
# How well "likely mislabelled" finds labels known to be wrong: Fashion-MNIST with a share
# of its training labels flipped at random, the in-sample flag (the scoring run's models,
# trained on every example) against the cross-validated one (K folds, out-of-sample
# probabilities), each scored by precision and recall against the flipped set.
#
#   scripts/label-check-eval.sh [options]
#     --limit N      check the first N training examples (default 0 = all 60 000)
#     --epochs E     epochs of every model (default 4)
#     --folds K      folds of the cross-validated check (default 4)
#     --flip F       fraction of training labels flipped (default 0.03)
#     --seed S       seed of the flips (default 2026); each flipped label becomes one of
#                    the nine other classes, uniformly
#     --threads T    CPU threads of each training (default 0 = every core)
#     --cli PATH     prunescope-cli (default build/app/prunescope-cli)
#     --work DIR     where the flipped copy, the store and the CSV files go
#                    (default /tmp/fashion-mnist-flipped)
#     -- ARGS...     more training options for both commands (e.g. -- --no-augment)
# Prints the flag counts, precision and recall of both flags, and the commands' times.
set -euo pipefail

limit=0 epochs=4 folds=4 flip=0.03 seed=2026 threads=0
cli=build/app/prunescope-cli work=/tmp/fashion-mnist-flipped
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --limit) limit=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --folds) folds=$2; shift 2 ;;
    --flip) flip=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "label-check-eval.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
src=${PRUNESCOPE_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
[[ -x $cli ]] || { echo "label-check-eval.sh: $cli not found (build first)" >&2; exit 1; }
mkdir -p "$work/data"

# The flipped copy: the images as they are, the training labels rewritten (IDX), and the
# flipped indices listed in flipped.txt.
python3 - "$src" "$work/data" "$flip" "$seed" <<'EOF'
import gzip, os, random, struct, sys
src, out, share, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
with gzip.open(os.path.join(src, "train-labels-idx1-ubyte.gz")) as f:
    raw = f.read()
magic, n = struct.unpack(">II", raw[:8])
labels = bytearray(raw[8:8 + n])
rng = random.Random(seed)
flipped = sorted(rng.sample(range(n), round(share * n)))
for i in flipped:
    labels[i] = rng.choice([c for c in range(10) if c != labels[i]])
tmp = os.path.join(out, "train-labels-idx1-ubyte.tmp")
with open(tmp, "wb") as f:
    f.write(struct.pack(">II", magic, n) + bytes(labels))
os.replace(tmp, os.path.join(out, "train-labels-idx1-ubyte"))
for name in ("train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
    link = os.path.join(out, name)
    if not os.path.lexists(link):
        os.symlink(os.path.join(src, name), link)
with open(os.path.join(out, "flipped.txt"), "w") as f:
    f.write("".join(f"{i}\n" for i in flipped))
print(f"flipped {len(flipped)} of {n} training labels (seed {seed}) into {out}")
EOF

common=(--db "$work/store.sqlite" --epochs "$epochs" --limit "$limit" --threads "$threads" --quiet ${extra[@]+"${extra[@]}"})
run() {  # name, then the command's arguments
  local name=$1 start end
  shift
  start=$(date +%s)
  nice -n 10 "$cli" label-check "$work/data" "${common[@]}" "$@" --out "$work/$name.csv" | tee "$work/$name.txt"
  end=$(date +%s)
  echo "$name: $((end - start)) s" | tee -a "$work/times.txt"
}
: >"$work/times.txt"
run in-sample --in-sample
run cross-validated --folds "$folds"

python3 - "$work" "$limit" <<'EOF'
import csv, os, sys
work, limit = sys.argv[1], int(sys.argv[2])
flipped = {int(l) for l in open(os.path.join(work, "data", "flipped.txt"))}
for name in ("in-sample", "cross-validated"):
    rows = list(csv.DictReader(open(os.path.join(work, name + ".csv"))))
    checked = {int(r["index"]) for r in rows}
    planted = flipped & checked
    flagged = {int(r["index"]) for r in rows if r["flagged"] == "1"}
    hit = len(flagged & planted)
    precision = hit / len(flagged) if flagged else float("nan")
    recall = hit / len(planted) if planted else float("nan")
    print(f"{name:16s} examples {len(rows):6d}  flipped {len(planted):5d}  flagged {len(flagged):5d}  "
          f"found {hit:5d}  precision {precision:.3f}  recall {recall:.3f}")
EOF
cat "$work/times.txt"
