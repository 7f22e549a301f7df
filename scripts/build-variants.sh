#!/usr/bin/env bash
# The builds CI does not run (each takes minutes on two cores): clang with -Werror (the
# whole project, GUI included), and GCC without the precompiled torch header, headless
# (every file includes what it uses). Each runs its tests.
#   scripts/build-variants.sh [clang|nopch]...   (default: both)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(clang nopch)
for v in "${variants[@]}"; do
  dir="$ROOT/build-$v"
  case "$v" in
    clang) CXX=clang++ cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPRUNESCOPE_WERROR=ON \
             > /dev/null ;;
    nopch) cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPRUNESCOPE_BUILD_GUI=OFF \
             -DPRUNESCOPE_PCH=OFF > /dev/null ;;
    *) echo "unknown variant '$v': expected clang or nopch"; exit 2 ;;
  esac
  echo "== $v: building in $dir"
  cmake --build "$dir" -j "$(nproc)"
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$dir" --output-on-failure -j 2
done
