#!/usr/bin/env bash
# The core under AddressSanitizer + UndefinedBehaviorSanitizer, built with clang in
# build-asan/ (headless, with the fuzz targets): runs the core suites that do not train
# for long, and replays every fuzz target's seed corpus and kept crashes.
#   scripts/sanitize.sh            ASan + UBSan
#   scripts/sanitize.sh thread     ThreadSanitizer instead (build-tsan/, with the GUI): the jobs,
#                                  store, input pipeline and GUI suites (the GUI's background jobs)
# scripts/fuzz.sh then fuzzes with the same build.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
ensure_tool clang++ clang
mode="${1:-address}"
if [ "$mode" = thread ]; then
  dir="$ROOT/build-tsan"; flags=(-DPRUNESCOPE_SANITIZE=thread -DPRUNESCOPE_FUZZ=OFF -DPRUNESCOPE_BUILD_GUI=ON)
  suites="test_jobs|test_store|test_batch_pipeline|test_gui\$"
  targets=(test_jobs test_store test_batch_pipeline test_gui prunescope-cli prunescope)
else
  dir="$ROOT/build-asan"; flags=(-DPRUNESCOPE_SANITIZE=address,undefined -DPRUNESCOPE_FUZZ=ON)
  suites="test_datasets|test_store|test_jobs|test_score_math|test_architecture|_replay"
  targets=(test_datasets test_store test_jobs test_score_math test_architecture prunescope-cli
           fuzz_idx fuzz_cifar fuzz_csv_manifest fuzz_score_import fuzz_store)
fi
if [ ! -f "$dir/build.ninja" ]; then
  CXX=clang++ cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRUNESCOPE_BUILD_GUI=OFF \
    "${flags[@]}" > /dev/null  # a later -D wins: the thread build turns the GUI back on
fi
echo "== sanitize ($mode): building in $dir"
cmake --build "$dir" -j "$(nproc)" --target "${targets[@]}"
# Debian's libraries are not instrumented: their containers and leaks are not ours.
export ASAN_OPTIONS="detect_leaks=0:detect_container_overflow=0:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$ROOT/tests/tsan.supp"
# ThreadSanitizer's runtime cannot fork a threaded process: tests that start processes skip.
[ "$mode" = thread ] && export PRUNESCOPE_NO_SUBPROCESS_TESTS=1
QT_QPA_PLATFORM=offscreen ctest --test-dir "$dir" --output-on-failure -j 2 -R "$suites"
