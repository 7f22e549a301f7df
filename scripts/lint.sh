#!/usr/bin/env bash
# clang-tidy with the project's .clang-tidy on the project's sources, using the build's
# compile_commands.json. `scripts/lint.sh` checks the C++ files changed since origin/main
# (or HEAD~1), `scripts/lint.sh --all` every file, `scripts/lint.sh FILE...` the files
# named. Exits non-zero on a finding.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
ensure_tool clang-tidy clang-tidy
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
# One clang-tidy per core; a file's findings are printed together.
out="$(printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -I{} sh -c 'clang-tidy -p "$0" --quiet "{}" 2>/dev/null | grep -E "^/.*(warning|error):" || true' "$BUILD_DIR")"
if [ -n "$out" ]; then
  echo "$out"
  echo "== lint: $(echo "$out" | wc -l) findings in ${#files[@]} files"
  exit 1
fi
echo "== lint: ${#files[@]} files, no findings"
