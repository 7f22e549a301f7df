#!/usr/bin/env bash
# Issue 10's whole-application check on a GPU machine: ONE run of under 9 minutes on an
# NVIDIA H100/H200 that has CUDA, CMake, ninja and a CUDA PyTorch 2.x (its LibTorch: C++
# headers and CMake files) but none of PruneScope's other dependencies and no network.
# What else it needs comes in the bundle that scripts/make-gpu-bundle.sh builds on a
# Debian 12 machine (shared/gpu-bundle: static OpenCV core/imgproc/imgcodecs, zlib,
# libpng, libjpeg, SQLite, xxHash, liblinear, CLI11, nlohmann-json, Fashion-MNIST).
#
# Steps, each under its own time cap (a slow or failing step cannot eat the run; later
# steps are skipped once the whole budget, GPU_CHECK_BUDGET_S, is spent) and a summary at
# the end whatever happened:
#   1. build the headless core + CLI + benchmarks against that PyTorch's LibTorch and the
#      bundle (warnings counted; every bundled dependency checked to come from the bundle);
#   2. score Fashion-MNIST (60 000) with the default sweep on the GPU;
#   3. generate 50 000 + 10 000 CIFAR-shaped images (CIFAR-10 binary batches);
#   4. ResNet-18 (CIFAR form) training images/s from the C++ side (bench_scoring, bf16
#      autocast + channels-last, no augmentation, one untimed warm-up epoch) and the same
#      work in Python with the machine's PyTorch (bench/reference_resnet18.py: channels-last,
#      bf16 autocast, cuDNN benchmark), and the ratio;
#   5. the real recipe (augmentation on): one timed epoch and EL2N scoring images/s, from
#      which a ten-seed EL2N (20 epochs each, 50 000 images) is extrapolated, stated as such;
#   6. EL2N on the GPU against the CPU, same seed and subset: small_cnn (target Spearman
#      >= 0.9) and ResNet-18 (reported);
#   7. ResNet-18 EL2N through the CLI and the store (2 epochs, 50 000 images), wall time;
#   8. ten seeds of ResNet-18 EL2N on the 50 000 CIFAR-shaped images through the CLI
#      (EL2N at epoch 1, so one epoch each), the seeds trained together (--pack-seeds 10)
#      and one after another (--sequential-seeds), against the same work in Python
#      (bench/reference_seeds.py: torch.func ensembling of the ten seeds);
#   9. peak GPU memory of each step (nvidia-smi, sampled every 200 ms).
#
#   usage: scripts/gpu-check.sh OUT [BUNDLE]         (BUNDLE default: shared/gpu-bundle)
# Results and logs go under OUT (gpu-check.log, summary.txt, CSVs, stores); the build tree
# and the generated images go to GPU_CHECK_WORK (default /tmp/prunescope-gpu-check).
# Environment: PYTHON (python3); GPU_CHECK_BUDGET_S (510; it and each step's cap are
# multiplied by GPU_CHECK_CAP_SCALE: 1 on a GPU, 20 in the dry run); GPU_CHECK_RETURN=DIR:
# at the end, copy summary.txt, gpu-check.log and results.tar.gz (OUT without the stores,
# which hold checkpoints) into DIR: the device tool returns at most 8 files of its $OUT.
# GPU_CHECK_DEVICE=cpu: a dry run on a machine without a GPU (this project's Debian 12
# machine): every step on the CPU with small sizes, no nvidia-smi, the system LibTorch
# (Debian's 1.13) unless GPU_CHECK_TORCH_PREFIX names another; it proves the script works.
# Without a bundle the dry run builds against the system's libraries (their provenance is
# then not checked) and reads Fashion-MNIST where the build finds it; two seeds stand for
# ten in the many-seeds steps. The dry run here:
#   PYTHON=/usr/bin/python3 GPU_CHECK_DEVICE=cpu GPU_CHECK_JOBS=2 GPU_CHECK_BUILD=$PWD/build-gpu-check \
#     nice bash scripts/gpu-check.sh /tmp/gpu-check-dry
# (the dry run sets OMP_WAIT_POLICY=PASSIVE unless it is set).
# GPU_CHECK_BUILD (default $GPU_CHECK_WORK/build): the build tree; a folder beside build/
# gets ccache's hits from the usual build (ccache is used when installed). GPU_CHECK_JOBS:
# ninja's parallel jobs (default ninja's own).
#
# The device tool call a session makes (the bundle lies in the checkout's shared/, which
# travels; naming it in carry makes sure), with the machine's start on top of timeout_s:
#   run(command="GPU_CHECK_RETURN=$OUT bash scripts/gpu-check.sh /tmp/gpu-check",
#       carry=["shared/gpu-bundle"], timeout_s=600)
# Before it, here: bash scripts/make-gpu-bundle.sh (prints the carried size: under 64 MiB).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:?usage: gpu-check.sh OUT [BUNDLE]}")"
BUNDLE="$(realpath -m "${2:-$ROOT/shared/gpu-bundle}")"
DEVICE="${GPU_CHECK_DEVICE:-cuda}"
WORK="$(realpath -m "${GPU_CHECK_WORK:-/tmp/prunescope-gpu-check}")"
BUDGET="${GPU_CHECK_BUDGET_S:-510}"
CAP_SCALE="${GPU_CHECK_CAP_SCALE:-1}"  # the dry run: caps and budget times 20 (2 cores, not 16 + a GPU)
if [ "$DEVICE" = cpu ]; then
  CAP_SCALE="${GPU_CHECK_CAP_SCALE:-20}"
  BUDGET=$((BUDGET * CAP_SCALE))
  # On a shared CPU, OpenMP threads spinning at their barriers while the other is
  # descheduled made two-thread training 20x slower (README, "Many seeds"): they sleep.
  export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
fi
PY="${PYTHON:-python3}"
T0=$(date +%s)
mkdir -p "$OUT" "$WORK"
NO_BUNDLE=0
if [ ! -d "$BUNDLE" ]; then
  if [ "$DEVICE" != cpu ]; then
    echo "no bundle at $BUNDLE: build it with scripts/make-gpu-bundle.sh" >&2
    exit 1
  fi
  NO_BUNDLE=1
fi
rm -f "$OUT/steps.tsv"
exec > >(tee "$OUT/gpu-check.log") 2>&1

# Sizes: the real check on a GPU; small ones for the CPU dry run.
if [ "$DEVICE" = cpu ]; then
  FASHION_ARGS=(--limit 2000 --epochs 2)
  LIMIT=(--limit 256) PY_LIMIT=(--limit 256) BENCH_EPOCHS=1 AGREE_N=1000 AGREE_RESNET_N=256 EL2N_LIMIT=(--limit 512)
  SEEDS_LIMIT=(--limit 128) SEEDS_N=2
else
  FASHION_ARGS=()
  LIMIT=() PY_LIMIT=() BENCH_EPOCHS=2 AGREE_N=5000 AGREE_RESNET_N=2000 EL2N_LIMIT=() SEEDS_LIMIT=() SEEDS_N=10
fi
BUILD="$(realpath -m "${GPU_CHECK_BUILD:-$WORK/build}")"
CLI="$BUILD/app/prunescope-cli"
BENCH="$BUILD/bench/bench_scoring"
CIFAR="$WORK/cifar"
[ "$NO_BUNDLE" = 0 ] && export PRUNESCOPE_FASHION_MNIST="$BUNDLE/fashion-mnist"

step() { echo "== $(date -u +%T) [$(($(date +%s) - T0)) s] $*"; }
# key=value from a file (the last one).
value() { sed -n "s/^$1=//p" "$2" 2> /dev/null | tail -1; }

# Runs step NAME under a cap of CAP seconds (less when the budget is nearly spent):
# run_step NAME CAP FUNCTION. Records status and time in OUT/steps.tsv, and the step's
# peak GPU memory (nvidia-smi, 200 ms samples) when on a GPU.
run_step() {
  local name=$1 cap=$(($2 * CAP_SCALE)) fn=$3 left status t rc
  left=$((BUDGET - ($(date +%s) - T0)))
  if [ "$left" -lt 20 ]; then
    printf '%s\tSKIPPED (budget of %s s spent)\t0\t\n' "$name" "$BUDGET" >> "$OUT/steps.tsv"
    step "$name: skipped, budget spent"
    return 1
  fi
  [ "$cap" -gt "$left" ] && cap=$left
  step "$name (cap $cap s)"
  local sampler=""
  if [ "$DEVICE" != cpu ] && command -v nvidia-smi > /dev/null; then
    nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 200 > "$WORK/mem_$fn.txt" 2> /dev/null &
    sampler=$!
  fi
  t=$(date +%s)
  timeout --kill-after=10 "$cap" bash -o pipefail -c "$fn" 2>&1
  rc=$?
  [ -n "$sampler" ] && kill "$sampler" 2> /dev/null && wait "$sampler" 2> /dev/null
  case $rc in
    0) status=ok ;;
    124 | 137) status="TIMEOUT (cap $cap s)" ;;
    *) status="FAILED (exit $rc)" ;;
  esac
  local peak=""
  [ -n "$sampler" ] && peak=$(sort -n "$WORK/mem_$fn.txt" 2> /dev/null | tail -1)
  printf '%s\t%s\t%s\t%s\n' "$name" "$status" "$(($(date +%s) - t))" "$peak" >> "$OUT/steps.tsv"
  step "$name: $status in $(($(date +%s) - t)) s${peak:+, peak GPU memory $peak MiB}"
  [ $rc -eq 0 ]
}

summary() {
  set +e
  local s="$OUT/summary.txt"
  {
    echo "== PruneScope GPU check summary (device $DEVICE, $(($(date +%s) - T0)) s in all)"
    cat "$OUT/machine.txt" 2> /dev/null
    echo "-- steps (status, seconds, peak GPU memory in MiB as nvidia-smi reports the whole GPU)"
    awk -F'\t' '{printf "  %-44s %-30s %5s s  %s\n", $1, $2, $3, ($4 == "" ? "" : $4 " MiB")}' "$OUT/steps.tsv" 2> /dev/null
    awk -F'\t' '$4 != "" && $4 + 0 > m {m = $4 + 0; s = $1} END {if (m) printf "  peak GPU memory over the run: %d MiB (%s)\n", m, s}' \
      "$OUT/steps.tsv" 2> /dev/null
    echo "-- figures"
    [ -f "$OUT/build.txt" ] && sed 's/^/  /' "$OUT/build.txt"
    local cxx py aug_epoch aug_rate score_rate n
    cxx=$(value train_images_per_s "$OUT/bench_resnet18_noaug.txt")
    py=$(value train_images_per_s "$OUT/python_resnet18.txt")
    [ -n "$cxx" ] && echo "  ResNet-18 training, C++ (bench_scoring, bf16 + channels-last on CUDA, no augmentation): $cxx images/s"
    [ -n "$py" ] && echo "  ResNet-18 training, Python reference (same work, channels-last + bf16 autocast): $py images/s"
    [ -n "$cxx" ] && [ -n "$py" ] &&
      awk -v c="$cxx" -v p="$py" 'BEGIN {printf "  ratio C++/Python: %.2f (target >= 1.0)\n", c / p}'
    aug_epoch=$(value epoch_seconds "$OUT/bench_resnet18_aug.txt")
    aug_rate=$(value train_images_per_s "$OUT/bench_resnet18_aug.txt")
    score_rate=$(value score_images_per_s "$OUT/bench_resnet18_aug.txt")
    n=$(value images "$OUT/bench_resnet18_aug.txt")
    if [ -n "$aug_epoch" ] && [ -n "$score_rate" ]; then
      echo "  ResNet-18 with augmentation (the scoring recipe): $aug_rate images/s training, EL2N pass $score_rate images/s"
      awk -v e="$aug_epoch" -v r="$score_rate" -v n="${n:-50000}" 'BEGIN {
        t = 10 * (20 * e * 50000 / n + 50000 / r)
        printf "  ten-seed EL2N, 20 epochs each on 50 000 images: %.1f min of GPU time (EXTRAPOLATED from one measured epoch of %.2f s on %d images and one EL2N pass, not run; target < 10 min)\n", t / 60, e, n }'
    fi
    [ -f "$OUT/cli_el2n.txt" ] && sed 's/^/  /' "$OUT/cli_el2n.txt"
    [ -f "$OUT/seeds_cli.txt" ] && sed 's/^/  /' "$OUT/seeds_cli.txt"
    local pys pyt
    pys=$(value train_seed_images_per_s "$OUT/python_seeds.txt")
    pyt=$(value el2n_seconds "$OUT/python_seeds.txt")
    [ -n "$pys" ] && echo "  $SEEDS_N-seed ResNet-18, Python $(sed -n 's/.*ensembling=\([a-z.]*\).*/\1/p' "$OUT/python_seeds.txt") ensembling: $pys seed-images/s training, EL2N passes $pyt s (one untimed warm-up epoch)"
    [ -f "$OUT/agreement.txt" ] && sed 's/^/  /' "$OUT/agreement.txt"
    [ -f "$OUT/fashion.txt" ] && sed 's/^/  /' "$OUT/fashion.txt"
  } > "$s"
  cat "$s"
  if [ -n "${GPU_CHECK_RETURN:-}" ]; then
    mkdir -p "$GPU_CHECK_RETURN"
    cp "$s" "$OUT/gpu-check.log" "$GPU_CHECK_RETURN/" 2> /dev/null
    tar -C "$(dirname "$OUT")" -czf "$GPU_CHECK_RETURN/results.tar.gz" --exclude='*.sqlite*' "$(basename "$OUT")"
  fi
}
trap summary EXIT

export ROOT OUT BUNDLE NO_BUNDLE DEVICE WORK PY BUILD CLI BENCH CIFAR BENCH_EPOCHS AGREE_N AGREE_RESNET_N SEEDS_N
export FASHION_ARGS_S="${FASHION_ARGS[*]}" LIMIT_S="${LIMIT[*]}" PY_LIMIT_S="${PY_LIMIT[*]}" SEEDS_LIMIT_S="${SEEDS_LIMIT[*]}"
export EL2N_LIMIT_S="${EL2N_LIMIT[*]}"

machine() {
  {
    if [ "$DEVICE" != cpu ]; then
      nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | sed 's/^/  GPU: /'
    else
      echo "  dry run on the CPU ($(nproc) cores): sizes shrunk, no GPU figures"
      [ "$NO_BUNDLE" = 1 ] && echo "  no bundle at $BUNDLE: built against the system's libraries"
    fi
    "$PY" -c 'import torch; print("  python torch", torch.__version__, "cuda", torch.version.cuda)' 2>&1
    echo "  $(nproc) cores, $(uname -m), $(ldd --version | head -1)"
    echo "  $(cmake --version | head -1), $(ninja --version | sed 's/^/ninja /'), $(g++ --version | head -1)"
  } | tee "$OUT/machine.txt"
}

build() {
  local prefix
  if [ "$DEVICE" = cpu ]; then
    prefix="${GPU_CHECK_TORCH_PREFIX:-}"
  else
    prefix="${GPU_CHECK_TORCH_PREFIX:-$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')}"
  fi
  local t
  t=$(date +%s)
  # CMAKE_POLICY_VERSION_MINIMUM: a CMake 4 accepts the older minimums of config files.
  local launcher=()
  command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  local bundle="$BUNDLE"
  [ "$NO_BUNDLE" = 1 ] && bundle=""
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPRUNESCOPE_BUILD_GUI=OFF \
    -DPRUNESCOPE_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="${prefix:+$prefix;}$bundle" -DCMAKE_POLICY_VERSION_MINIMUM=3.5 \
    "${launcher[@]}" > "$OUT/configure.log" 2>&1 || { tail -30 "$OUT/configure.log"; return 1; }
  grep -E "PruneScope:" "$OUT/configure.log"
  ninja -C "$BUILD" ${GPU_CHECK_JOBS:+-j "$GPU_CHECK_JOBS"} > "$OUT/build.log" 2>&1 ||
    { grep -E "error|FAILED" "$OUT/build.log" | head -40; return 1; }
  local warnings
  warnings=$(grep -c 'warning:' "$OUT/build.log")
  # Every library the bundle provides comes from it, headers and archives both.
  local outside=""
  [ "$NO_BUNDLE" = 0 ] && outside=$(grep -E '^(OpenCV_DIR|SQLite3_INCLUDE_DIR|SQLite3_LIBRARY|ZLIB_INCLUDE_DIR|ZLIB_LIBRARY_RELEASE|XXHASH_INCLUDE_DIR|XXHASH_LIBRARY|LIBLINEAR_INCLUDE_DIR|LIBLINEAR_LIBRARY|CLI11_DIR|nlohmann_json_DIR):' \
    "$BUILD/CMakeCache.txt" | grep -v "=$BUNDLE/")
  [ "$NO_BUNDLE" = 0 ] && outside+=$(ninja -C "$BUILD" -t deps 2> /dev/null |
    grep -E '/usr/(local/)?include/(opencv4|sqlite3|zlib|zconf|png|jpeg|xxhash|linear\.h|CLI/|nlohmann)' | sort -u | head)
  {
    echo "build: $(($(date +%s) - t)) s, warnings: $warnings ($(nproc) cores)"
    grep -E "PruneScope: LibTorch" "$OUT/configure.log" | sed 's/^-- //'
    # Linked statically: none of them is among the programs' shared libraries.
    echo "prunescope-cli needs: $(readelf -d "$CLI" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')"
    if [ "$NO_BUNDLE" = 1 ]; then
      echo "no bundle (dry run): OpenCV, SQLite, zlib, xxHash, liblinear, CLI11, nlohmann-json from the system"
    elif [ -n "$outside" ]; then
      echo "NOT from the bundle:"
      echo "$outside"
    else
      echo "OpenCV, SQLite, zlib, xxHash, liblinear, CLI11, nlohmann-json: all from the bundle"
    fi
  } | tee "$OUT/build.txt"
  [ -z "$outside" ]
}

fashion() {
  local t
  t=$(date +%s)
  # shellcheck disable=SC2086
  "$CLI" score fashion-mnist --device "$DEVICE" $FASHION_ARGS_S --db "$OUT/fashion.sqlite" \
    --out "$OUT/fashion_scores.csv" --quiet || return 1
  echo "Fashion-MNIST default sweep ($DEVICE${FASHION_ARGS_S:+, $FASHION_ARGS_S}): $(($(date +%s) - t)) s" |
    tee "$OUT/fashion.txt"
}

cifar_data() {
  "$PY" - "$CIFAR" << 'PYEOF'
import os, sys, numpy as np
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)
def batch(n):  # label-dependent colour and stripes plus noise: learnable, CIFAR-shaped
    y = rng.integers(0, 10, n, dtype=np.uint8)
    base = (y[:, None, None, None].astype(np.int32) * 23 + np.arange(3)[None, :, None, None] * 60) % 256
    stripes = (np.arange(32)[None, None, :, None] * (1 + y[:, None, None, None] % 4)) % 64
    x = np.clip(base + stripes + rng.normal(0, 30, (n, 3, 32, 32)), 0, 255).astype(np.uint8)
    return np.concatenate([y[:, None], x.reshape(n, -1)], axis=1).tobytes()
for i in range(1, 6):
    open(f"{out}/data_batch_{i}.bin", "wb").write(batch(10000))
open(f"{out}/test_batch.bin", "wb").write(batch(10000))
names = [f"class_{k}" for k in range(10)]
open(f"{out}/batches.meta.txt", "w").write("\n".join(names) + "\n")
print("CIFAR-shaped set: 50 000 + 10 000 images in", out)
PYEOF
}

bench_noaug() {
  # shellcheck disable=SC2086
  "$BENCH" --model resnet18 --data "$CIFAR" --device "$DEVICE" --augment 0 --warmup-epochs 1 \
    --epochs "$BENCH_EPOCHS" --reference none $LIMIT_S | tee "$OUT/bench_resnet18_noaug.txt"
}

python_ref() {
  # shellcheck disable=SC2086
  PYTHONUNBUFFERED=1 "$PY" "$ROOT/bench/reference_resnet18.py" --data "$CIFAR" --device "$DEVICE" \
    --epochs "$BENCH_EPOCHS" --warmup-epochs 1 $PY_LIMIT_S | tee "$OUT/python_resnet18.txt"
}

bench_aug() {
  # shellcheck disable=SC2086
  "$BENCH" --model resnet18 --data "$CIFAR" --device "$DEVICE" --augment 1 --warmup-epochs 1 --epochs 1 \
    --reference none $LIMIT_S | tee "$OUT/bench_resnet18_aug.txt"
  local n
  n=$(sed -n 's/.* on \([0-9]*\) images$/\1/p' "$OUT/bench_resnet18_aug.txt" | tail -1)
  echo "images=$n" >> "$OUT/bench_resnet18_aug.txt"
}

cli_el2n() {
  local t
  t=$(date +%s)
  # shellcheck disable=SC2086
  "$CLI" score "$CIFAR" --score el2n --model resnet18 --epochs 2 --el2n-epoch 1 --seeds 1 --device "$DEVICE" \
    --no-health-checks $EL2N_LIMIT_S --db "$OUT/cifar_el2n.sqlite" --out "$OUT/cifar_el2n.csv" --quiet || return 1
  echo "CLI: ResNet-18 EL2N run through the store (2 epochs with augmentation + 1 EL2N pass${EL2N_LIMIT_S:+, $EL2N_LIMIT_S}): $(($(date +%s) - t)) s wall, start-up and data load included" |
    tee "$OUT/cli_el2n.txt"
}

agree_one() {  # MODEL N EPOCHS
  local dev
  for dev in "$DEVICE" cpu; do
    [ "$dev" = cpu ] && [ "$DEVICE" = cpu ] && [ -f "$OUT/agree_$1_cpu.csv" ] && continue
    "$CLI" score "$CIFAR" --score el2n --model "$1" --epochs "$3" --el2n-epoch "$3" --seeds 1 --seed 0 \
      --limit "$2" --no-health-checks --device "$dev" --db "$OUT/agree_$1_$dev.sqlite" \
      --out "$OUT/agree_$1_$dev.csv" --quiet || return 1
  done
  local note="$4"
  [ "$DEVICE" = cpu ] && note="dry run: the CPU run against itself, only the plumbing is checked"
  "$PY" - "$OUT/agree_$1_$DEVICE.csv" "$OUT/agree_$1_cpu.csv" "$1" "$2" "$note" << 'PYEOF' | tee -a "$OUT/agreement.txt"
import sys, csv, numpy as np
def col(p):
    return np.array([float(r["el2n"]) for r in csv.DictReader(open(p))])
a, b = col(sys.argv[1]), col(sys.argv[2])
ra, rb = a.argsort().argsort(), b.argsort().argsort()
rho = np.corrcoef(ra, rb)[0, 1]
print(f"EL2N {sys.argv[3]} GPU vs CPU, seed 0, first {sys.argv[4]} examples: Spearman {rho:.4f} ({sys.argv[5]})")
PYEOF
}
# Ten seeds (SEEDS_N; two in the dry run) of ResNet-18 EL2N through the CLI and the store:
# trained together, then one after another (the same request, in its own store).
seeds_cli() {
  local mode t secs=()
  for mode in "--pack-seeds $SEEDS_N" "--sequential-seeds"; do
    t=$(date +%s)
    # shellcheck disable=SC2086
    "$CLI" score "$CIFAR" --score el2n --model resnet18 --epochs 5 --el2n-epoch 1 --seeds "$SEEDS_N" $mode \
      --device "$DEVICE" --no-health-checks $SEEDS_LIMIT_S --db "$OUT/seeds_${mode//[- ]/}.sqlite" \
      --out "$OUT/seeds_${mode//[- ]/}.csv" --quiet || return 1
    secs+=($(($(date +%s) - t)))
  done
  echo "$SEEDS_N-seed ResNet-18 EL2N (1 epoch each, early stop at the EL2N epoch${SEEDS_LIMIT_S:+, $SEEDS_LIMIT_S}): together ${secs[0]} s, one after another ${secs[1]} s wall (start-up and data load included)" |
    tee "$OUT/seeds_cli.txt"
  "$PY" - "$OUT/seeds_packseeds$SEEDS_N.csv" "$OUT/seeds_sequentialseeds.csv" << 'PYEOF' | tee -a "$OUT/seeds_cli.txt"
import sys, csv, numpy as np
def col(p):
    return np.array([float(r["el2n"]) for r in csv.DictReader(open(p))])
a, b = col(sys.argv[1]), col(sys.argv[2])
rho = np.corrcoef(a.argsort().argsort(), b.argsort().argsort())[0, 1]
print(f"  together vs one after another: Spearman {rho:.5f}, largest difference {np.abs(a - b).max():.2e}")
PYEOF
}
python_seeds() {
  # shellcheck disable=SC2086
  PYTHONUNBUFFERED=1 "$PY" "$ROOT/bench/reference_seeds.py" --data "$CIFAR" --device "$DEVICE" --seeds "$SEEDS_N" \
    --epochs 1 --warmup-epochs 1 $SEEDS_LIMIT_S | tee "$OUT/python_seeds.txt"
}
agree_small() { agree_one small_cnn "$AGREE_N" 2 "target >= 0.9"; }
agree_resnet() { agree_one resnet18 "$AGREE_RESNET_N" 1 "reported: bf16 + channels-last on the GPU against fp32 on the CPU"; }
export -f step value machine build fashion cifar_data bench_noaug python_ref bench_aug cli_el2n agree_one agree_small \
  agree_resnet seeds_cli python_seeds

rm -f "$OUT/agreement.txt"
run_step "machine" 30 machine
run_step "build (headless$([ "$NO_BUNDLE" = 1 ] && echo ", system libraries" || echo ", bundle"))" 300 build || exit 1
run_step "Fashion-MNIST 60k default sweep" 150 fashion
[ -f "$CIFAR/test_batch.bin" ] || run_step "CIFAR-shaped data" 60 cifar_data
run_step "ResNet-18 training, C++ (no augmentation)" 90 bench_noaug
run_step "ResNet-18 training, Python reference" 90 python_ref
run_step "ResNet-18 with augmentation + EL2N pass" 60 bench_aug
run_step "$SEEDS_N seeds of ResNet-18 EL2N, together and not" 120 seeds_cli
run_step "$SEEDS_N seeds of ResNet-18, Python ensembling" 90 python_seeds
run_step "EL2N GPU vs CPU, small_cnn" 60 agree_small
run_step "EL2N GPU vs CPU, ResNet-18" 60 agree_resnet
run_step "ResNet-18 EL2N through the CLI" 60 cli_el2n
exit 0
