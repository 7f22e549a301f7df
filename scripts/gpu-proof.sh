#!/usr/bin/env bash
# Issue 10's device check that needs only a CUDA PyTorch (its LibTorch), CMake and a
# compiler: builds scripts/gpu-proof against it and runs it. Usage: scripts/gpu-proof.sh OUT
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:?usage: gpu-proof.sh OUT}")"
mkdir -p "$OUT"
PY="${PYTHON:-python3}"
{
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null
  "$PY" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'
  PREFIX="$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')"
  t0=$(date +%s)
  cmake -S "$ROOT/scripts/gpu-proof" -B "$OUT/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$PREFIX" > "$OUT/configure.log" 2>&1 || { tail -30 "$OUT/configure.log"; exit 1; }
  grep -E "LibTorch|CUDA" "$OUT/configure.log" | head -5
  cmake --build "$OUT/build" -j "$(nproc)" > "$OUT/build.log" 2>&1 || { grep -E "error" "$OUT/build.log" | head -30; exit 1; }
  echo "build: $(( $(date +%s) - t0 )) s, warnings: $(grep -c 'warning:' "$OUT/build.log")"
  "$OUT/build/gpu_proof"
} 2>&1 | tee "$OUT/gpu-proof.log"
exit "${PIPESTATUS[0]}"
