#!/usr/bin/env bash
# Screenshots of the main views, taken from the running app under a virtual display
# (xvfb-run) into docs/screenshots/. The views show what the store holds: this first
# runs the headless main job (cached after its first run) and a small scaling study.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
PRUNESCOPE_HEADLESS=1 bash "$ROOT/scripts/run.sh" > /dev/null
CLI="$BUILD_DIR/app/prunescope-cli"
LIMIT="${PRUNESCOPE_LIMIT:-10000}"
EPOCHS="${PRUNESCOPE_EPOCHS:-4}"
"$CLI" scaling fashion-mnist --score el2n --score-epochs "$EPOCHS" --limit "$LIMIT" --epochs "$EPOCHS" \
  --policies hard,easy,random --keeps 0.5,1 --min-size 1000 --steps 4 --class-balanced --test-limit 2000 \
  --out "$ROOT/out/scaling.csv" --quiet > /dev/null
# Two seeds of EL2N: the models' predictions and the likely mislabelled examples.
"$CLI" score fashion-mnist --score el2n --limit "$LIMIT" --epochs "$EPOCHS" --seeds 2 --quiet > /dev/null
# The store the CLI used (the GUI's own saved choice may differ).
DB="${PRUNESCOPE_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/prunescope/workspace.sqlite}"
SHOTS="$ROOT/docs/screenshots"
mkdir -p "$SHOTS"
shot() {  # shot NAME DELAY_MS [options...]
  local name="$1" delay="$2"
  shift 2
  xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD_DIR/app/prunescope" fashion-mnist \
    --db "$DB" --screenshot "$SHOTS/$name.png" --screenshot-delay "$delay" "$@" 2> /dev/null
  echo "wrote $SHOTS/$name.png"
}
shot dataset 1500 --view dataset
shot gallery 3000 --view gallery --gallery-keep 0.3 --show-example hardest
shot mislabelled 3000 --view gallery --gallery-filter mislabelled --show-example hardest
shot scores 3000 --view scores
shot frontier 1500 --view frontier
shot fairness 8000 --view frontier --audit-point 0
shot scaling 1500 --view scaling
shot theory 8000 --view theory
# The newest scoring run's detail in the runs panel: its training curve.
RUN="$("$CLI" scores fashion-mnist --db "$DB" | awk '/^run /{print $2; exit}')"
if [ -n "$RUN" ]; then shot runs 3000 --view scores --show-run "$RUN"; fi
# The study report in a real browser (Debian's Chromium, headless), when installed.
if command -v chromium > /dev/null; then
  "$CLI" report fashion-mnist --db "$DB" --out "$ROOT/out/report.html" > /dev/null
  chromium --headless --no-sandbox --disable-gpu --screenshot="$SHOTS/report.png" --window-size=1200,1800 \
    "file://$ROOT/out/report.html" 2> /dev/null
  echo "wrote $SHOTS/report.png"
fi
