#!/usr/bin/env bash
# clang-tidy with the project's .clang-tidy on the project's sources, using the build's
# compile_commands.json. `scripts/lint.sh` checks the C++ files changed since origin/main
# (or HEAD~1), `scripts/lint.sh --all` every file, `scripts/lint.sh FILE...` the files
# named. Exits non-zero on a finding, and on a file clang-tidy could not parse. The files
# built with the precompiled torch header are checked without it (clang cannot read GCC's
# .gch; each file includes what it uses, as the -DPRUNESCOPE_PCH=OFF build checks), through
# a copy of the compilation database with the header's flags left out.
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
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The compilation database without the precompiled header's flags.
python3 - "$BUILD_DIR/compile_commands.json" "$work" <<'PY'
import json, os, re, sys
db, work = sys.argv[1:3]
entries = json.load(open(db))
for e in entries:
    e["command"] = re.sub(r" -Winvalid-pch| -include \S*cmake_pch\.hxx", "", e["command"])
json.dump(entries, open(os.path.join(work, "compile_commands.json"), "w"))
PY
# One clang-tidy per core; a file's findings are printed together. An error that names no
# file (the file could not be parsed) is printed with the file's name.
out="$(printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -I{} sh -c 'clang-tidy -p "$0" --quiet "{}" 2>/dev/null |
    sed -n -e "/^\/.*\(warning\|error\):/p" -e "s|^error:|{}: error:|p" || true' "$work")"
if [ -n "$out" ]; then
  echo "$out"
  echo "== lint: $(echo "$out" | wc -l) findings in ${#files[@]} files"
  exit 1
fi
echo "== lint: ${#files[@]} files, no findings"
