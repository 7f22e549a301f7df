#!/usr/bin/env bash
# The longest functions of core/, ui/ and app/, measured by clang-tidy's
# readability-function-size (the check and the line count behind .clang-tidy's 60-line
# bound), exemptions included: each file is checked as a temporary copy beside it whose
# NOLINTNEXTLINE comments are disabled (line numbers unchanged), with a configuration that
# enables only that check. Needs the build's compile_commands.json; the copies get their
# file's compile command, with the precompiled torch header read as text (clang cannot
# read GCC's .gch).
#
#   scripts/longest-functions.sh            # the 10 longest
#   scripts/longest-functions.sh 25         # the 25 longest
#   scripts/longest-functions.sh 5 FILE...  # the 5 longest of the files named
#   REV=main scripts/longest-functions.sh   # the .cpp files as commit `main` has them (with
#                                           # the work tree's headers and compile commands)
#
# Prints one line per function, longest first: lines, file:line, name (a lambda is counted
# in the function around it and once on its own, as 'operator()'). Functions shorter than
# MIN_LINES (default 30) are not listed. Exits 2 when a file could not be parsed.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
ensure_tool clang-tidy clang-tidy
[ -f "$BUILD_DIR/compile_commands.json" ] || { echo "no $BUILD_DIR/compile_commands.json: build first"; exit 2; }
count="${1:-10}"
[ $# -gt 0 ] && shift
rev="${REV:-}"
if [ $# -gt 0 ]; then
  files=("$@")
elif [ -n "$rev" ]; then
  mapfile -t files < <(git ls-tree -r --name-only "$rev" -- core app ui | grep '\.cpp$')
else
  mapfile -t files < <(git ls-files 'core/*.cpp' 'app/*.cpp' 'ui/*.cpp')
fi
min="${MIN_LINES:-30}"
work="$(mktemp -d)"
copies=()
cleanup() {
  rm -rf "$work"
  [ ${#copies[@]} -eq 0 ] || rm -f "${copies[@]}"
}
[ -n "${KEEP_WORK:-}" ] || trap cleanup EXIT
for f in "${files[@]}"; do
  copy="${f%.cpp}.longest-tmp-$$.cpp"  # $$: runs at the same time do not meet
  copies+=("$copy")
  if [ -n "$rev" ]; then
    git show "$rev:$f" | sed 's/NOLINTNEXTLINE/NOLINT_DISABLED/g' > "$copy"
  else
    sed 's/NOLINTNEXTLINE/NOLINT_DISABLED/g' "$f" > "$copy"
  fi
done
# A compilation database of the copies: each with its original's command (a new file: the
# command of another file of its folder), the precompiled header's text copied where no
# .gch lies beside it.
cat > "$work/database.py" <<'EOF'
import json, os, re, shutil, sys
db, root, work, pid = sys.argv[1:5]
entries = json.load(open(db))
by_file = {os.path.relpath(e["file"], root): e for e in entries}
out = []
for rel in sys.stdin.read().split():
    e = by_file.get(rel) or next((v for k, v in sorted(by_file.items())
                                  if os.path.dirname(k) == os.path.dirname(rel) and k.endswith(".cpp")), None)
    if e is None:
        sys.exit(f"longest-functions: no compile command for {rel} or its folder")
    copy = os.path.join(root, rel[:-len(".cpp")] + ".longest-tmp-" + pid + ".cpp")
    cmd = e["command"].replace(e["file"], copy)
    def text_pch(m):
        pch = m.group(1)
        target = os.path.join(work, "pch", str(abs(hash(pch))), os.path.basename(pch))
        if not os.path.exists(target):
            os.makedirs(os.path.dirname(target))
            shutil.copy(pch, target)
        return "-include " + target
    cmd = re.sub(r"-include (\S*cmake_pch\.hxx)", text_pch, cmd)
    out.append({"directory": e["directory"], "command": cmd, "file": copy})
json.dump(out, open(os.path.join(work, "compile_commands.json"), "w"))
EOF
printf '%s\n' "${files[@]}" | python3 "$work/database.py" "$BUILD_DIR/compile_commands.json" "$ROOT" "$work" "$$"
config="{Checks: '-*,readability-function-size', HeaderFilterRegex: '(core|ui|app)/.*\\.h$',
  CheckOptions: [{key: readability-function-size.LineThreshold, value: '$min'}]}"
mkdir -p "$work/out"
printf '%s\n' "${copies[@]}" |
  xargs -P "$(nproc)" -I{} sh -c 'clang-tidy -p "$0" --quiet --config="$1" "{}" > "$2/out/$(echo "{}" | tr / _).out" 2>&1 || true' \
    "$work" "$config" "$work"
if grep -h 'error:' "$work"/out/*.out | grep -v 'readability-function-size' | head -5 | grep .; then
  echo "== longest-functions: some files did not parse (above)"
  exit 2
fi
# A warning line names the function, the note after it the line count; a header's function
# is reported once per file that includes it.
cat "$work"/out/*.out |
  awk -v root="$ROOT/" '
    / warning: function .* exceeds recommended size/ {
      split($0, p, ":"); file = p[1]; line = p[2]
      name = $0; sub(/.*function \047/, "", name); sub(/\047 exceeds.*/, "", name)
      sub(root, "", file); sub(/\.longest-tmp-[0-9]+\.cpp$/, ".cpp", file)
      next
    }
    / note: [0-9]+ lines including whitespace/ && file != "" {
      n = $0; sub(/.* note: /, "", n); sub(/ lines.*/, "", n)
      print n "\t" file ":" line "\t" name
      file = ""
    }' |
  sort -t$'\t' -k1,1nr -k2,2 -u | head -n "$count" |
  awk -F'\t' '{ printf "%5d  %-50s %s\n", $1, $2, $3 }'
