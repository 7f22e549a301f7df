#!/usr/bin/env bash
# Compile-checks every source that uses LibTorch against LibTorch 2.x headers (the API a
# CUDA build on a GPU machine uses), on this machine whose own LibTorch is Debian's 1.13.
# Syntax and types only (-fsyntax-only): 2.x libraries need a newer C library to run.
#   scripts/check-libtorch2.sh [DIR]   DIR: where ../shared/tools/libtorch2-headers.sh (or
#                                      another LibTorch 2.x) put include/ (default /tmp/libtorch2)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PRUNESCOPE_BUILD_DIR:-$ROOT/build}"
LT="${1:-/tmp/libtorch2}"
INC="$LT/root/usr/include"
[ -d "$INC/torch/csrc/api/include" ] || INC="$LT/include"
[ -d "$INC/torch/csrc/api/include" ] || { echo "no LibTorch 2.x headers under $LT"; exit 2; }
[ -f "$BUILD_DIR/core/generated/util/version.h" ] || { echo "configure the build first ($BUILD_DIR)"; exit 2; }
cd "$ROOT"
# Every translation unit that includes torch (directly or through the precompiled header).
mapfile -t files < <(grep -lE '#include <(torch|ATen|c10)/' $(git ls-files 'core/*.cpp' 'app/*.cpp' 'bench/*.cpp') | sort)
flags=(-std=c++17 -fsyntax-only -Wall -Wextra -D_GLIBCXX_USE_CXX11_ABI=1
       -isystem "$INC" -isystem "$INC/torch/csrc/api/include" -isystem /usr/include/opencv4
       -I "$ROOT/core" -I "$ROOT/app" -I "$BUILD_DIR/core/generated" -DPRUNESCOPE_SOURCE_DIR=\"$ROOT\")
version="$(awk '/define TORCH_VERSION_(MAJOR|MINOR|PATCH)/{printf "%s%s", sep, $3; sep="."}' \
  "$INC/torch/csrc/api/include/torch/version.h" 2>/dev/null)"
echo "== LibTorch ${version:-2.x} headers in $INC: ${#files[@]} files"
if printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -I{} sh -c 'g++ "$@" {} || { echo "FAILED: {}"; exit 1; }' _ "${flags[@]}"; then
  echo "== all compile against LibTorch ${version:-2.x}"
else
  echo "== some files do not compile against LibTorch ${version:-2.x} (FAILED above)"
  exit 1
fi
