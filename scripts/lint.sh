#!/usr/bin/env bash
# clang-tidy with the project's .clang-tidy on the project's sources, using the build's
# compile_commands.json. `scripts/lint.sh` checks the C++ files changed since origin/main
# (or HEAD~1), `scripts/lint.sh --all` every file, `scripts/lint.sh FILE...` the files
# named. Exits non-zero on a finding.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PRUNESCOPE_BUILD_DIR:-$ROOT/build}"
cd "$ROOT"
command -v clang-tidy > /dev/null || { echo "clang-tidy is not installed (apt-get install clang-tidy)"; exit 2; }
[ -f "$BUILD_DIR/compile_commands.json" ] || { echo "no $BUILD_DIR/compile_commands.json: build first"; exit 2; }
if [ "${1:-}" = "--all" ]; then
  mapfile -t files < <(git ls-files 'core/*.cpp' 'app/*.cpp' 'ui/*.cpp')
elif [ $# -gt 0 ]; then
  files=("$@")
else
  base="$(git rev-parse --verify -q origin/main || git rev-parse HEAD~1)"
  mapfile -t files < <(git diff --name-only --diff-filter=AM "$base" -- 'core/*.cpp' 'app/*.cpp' 'ui/*.cpp')
fi
[ ${#files[@]} -gt 0 ] || { echo "== lint: no C++ file to check"; exit 0; }
status=0
for f in "${files[@]}"; do
  out="$(clang-tidy -p "$BUILD_DIR" --quiet "$f" 2>/dev/null | grep -E '^/.*(warning|error):' || true)"
  if [ -n "$out" ]; then
    echo "$out"
    status=1
  fi
done
[ $status -eq 0 ] && echo "== lint: ${#files[@]} files, no findings"
exit $status
