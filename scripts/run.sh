#!/usr/bin/env bash
# Install what is missing, build, and run PruneScope on the built-in Fashion-MNIST:
# the GUI where a display exists, otherwise the headless study below. Every result is
# cached in the store, so a second run answers from it in seconds.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${PRUNESCOPE_HEADLESS:-}" ]; then
  exec "$BUILD_DIR/app/prunescope" fashion-mnist "$@"
fi

# Headless: a small study on Fashion-MNIST. Scores (EL2N and the other training-run
# scores) on the first $LIMIT training examples, the frontier of keep-hard / keep-easy /
# random at a few kept fractions, a fairness audit of keep-hard, and the frontier plot.
CLI="$BUILD_DIR/app/prunescope-cli"
OUT="${PRUNESCOPE_OUT:-$ROOT/out}"
LIMIT="${PRUNESCOPE_LIMIT:-10000}"
EPOCHS="${PRUNESCOPE_EPOCHS:-4}"
mkdir -p "$OUT"
echo "== no display: headless study on Fashion-MNIST (results in $OUT)"
"$CLI" info fashion-mnist
"$CLI" score fashion-mnist --score default --epochs "$EPOCHS" --limit "$LIMIT" --out "$OUT/scores.csv" "$@"
"$CLI" montage fashion-mnist --score el2n --count 36 --out "$OUT/hardest_el2n.png"
STUDY=(--score el2n --score-epochs "$EPOCHS" --limit "$LIMIT" --epochs "$EPOCHS")
"$CLI" frontier fashion-mnist "${STUDY[@]}" --policies hard,easy,random --keeps 0.3,0.6,1 --class-balanced \
  --out "$OUT/frontier.csv" "$@"
"$CLI" audit fashion-mnist "${STUDY[@]}" --policy hard --keep 0.3 --train --out "$OUT/audit.csv" "$@"
QT_QPA_PLATFORM=offscreen "$BUILD_DIR/app/prunescope-plot" "$OUT/frontier.csv.json" --out "$OUT/frontier.png" \
  --title "Fashion-MNIST: test error against kept fraction (EL2N)"
