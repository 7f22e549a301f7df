#!/usr/bin/env bash
# clang-tidy with the project's .clang-tidy on the project's sources, using the build's
# compile_commands.json. `scripts/lint.sh` checks the C++ files changed since origin/main
# (or HEAD~1), `scripts/lint.sh --all` every file, `scripts/lint.sh FILE...` the files
# named. Exits non-zero on a finding, and on a file clang-tidy could not parse. The files
# built with the precompiled torch header are checked with that header read as text
# (clang cannot read GCC's .gch), through a copy of the compilation database.
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
# The compilation database, each precompiled header's text copied where no .gch lies beside it.
python3 - "$BUILD_DIR/compile_commands.json" "$work" <<'PY'
import json, os, re, shutil, sys
db, work = sys.argv[1:3]
entries = json.load(open(db))
copies = {}
def text_pch(m):
    pch = m.group(1)
    if pch not in copies:
        copies[pch] = os.path.join(work, "pch", str(len(copies)), os.path.basename(pch))
        os.makedirs(os.path.dirname(copies[pch]))
        shutil.copy(pch, copies[pch])
    return "-include " + copies[pch]
for e in entries:
    e["command"] = re.sub(r"-include (\S*cmake_pch\.hxx)", text_pch, e["command"])
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
