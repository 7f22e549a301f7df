#!/usr/bin/env bash
# Fuzzes every reader of untrusted bytes for SECONDS each (default 20), with the
# sanitizer build of scripts/sanitize.sh (built first when missing). Inputs that crash
# are written to tests/fuzz/regressions/<target>/: commit them with the fix, the test run
# replays them. New corpus entries stay in build-asan/fuzz-corpus/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$ROOT/build-asan"
seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_idx fuzz_cifar fuzz_csv_manifest fuzz_score_import fuzz_store)
[ -x "$dir/tests/fuzz/${targets[0]}" ] || bash "$ROOT/scripts/sanitize.sh"
export ASAN_OPTIONS="detect_leaks=0:detect_container_overflow=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for t in "${targets[@]}"; do
  work="$dir/fuzz-corpus/$t"
  mkdir -p "$work" "$ROOT/tests/fuzz/regressions/$t"
  echo "== fuzz $t: ${seconds} s"
  if ! "$dir/tests/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$ROOT/tests/fuzz/regressions/$t/" "$work" "$ROOT/tests/fuzz/corpus/$t" \
      > "$dir/fuzz-$t.log" 2>&1; then
    echo "   FOUND A CRASH (log: $dir/fuzz-$t.log):"
    grep -E "ERROR|SUMMARY|raw library|Test unit written" "$dir/fuzz-$t.log" | head -8
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$dir/fuzz-$t.log" | tail -2
  fi
done
exit $status
