#!/usr/bin/env bash
# Keep-hard, random and robust (DRoP) pruning on a spurious-correlation dataset built from
# Fashion-MNIST (scripts/waterbirds-fmnist.py: a background tint that agrees with the class
# on 95 % of the training examples and is balanced in test). For f = 0.3, 0.5 and 0.7 it
# prints the average test error, the worst group's test error (group = class × tint) and
# the minority groups' share of the kept set, each over the seeds, as a Markdown table.
#
#   scripts/waterbirds-fmnist.sh [WORKDIR]       (default /tmp/waterbirds-fmnist)
#   TRAIN=2000 TEST=1000 EPOCHS=4 SEEDS=2 scripts/waterbirds-fmnist.sh   (the defaults)
#
# Sized for two shared cores: 2 000 training and 1 000 test images, a small CNN trained
# 4 epochs per point, EL2N from 2 seeds of 3 epochs, class-balanced keep-hard and random (robust sets its own class
# quotas). Everything is cached in WORKDIR/store.sqlite, so a second run only
# prints the table.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/waterbirds-fmnist}"
cli="${PRUNESCOPE_CLI:-$here/../build/app/prunescope-cli}"
train="${TRAIN:-2000}" test="${TEST:-1000}" epochs="${EPOCHS:-4}" seeds="${SEEDS:-2}"
threads="${THREADS:-2}" keeps="0.3,0.5,0.7,1"
mkdir -p "$work"
data="$work/data"
[ -f "$data/manifest.csv" ] || python3 "$here/waterbirds-fmnist.py" "$data" --train "$train" --test "$test"
common=(--db "$work/store.sqlite" --class-balanced --score el2n --score-epochs 3 --score-seeds 2 --epochs "$epochs"
        --threads "$threads" --device cpu --quiet)
"$cli" frontier "$data/manifest.csv" "${common[@]}" --policies hard,random,robust --keeps "$keeps" \
  --seeds "$seeds" --metric worst-group --out "$work/frontier.csv" > "$work/frontier.txt"
# The kept sets: the same subsets the frontier trained on (seed s prunes with --seed + s).
for policy in hard random robust; do
  for f in 0.3 0.5 0.7; do
    for ((s = 0; s < seeds; s++)); do
      "$cli" prune "$data/manifest.csv" "${common[@]}" --policy "$policy" --keep "$f" --prune-seed "$s" \
        --out "$work/kept-$policy-$f-$s.csv" > /dev/null
    done
  done
done
python3 "$here/waterbirds-fmnist-table.py" "$work" "$seeds"
