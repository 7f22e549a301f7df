#!/usr/bin/env bash
# Install what is missing, build, and run the whole test suite (ctest).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
export QT_QPA_PLATFORM=offscreen
# Two suites at once, each with its own threads: OpenMP threads sleep rather than spin while
# they wait, or the suites take turns spinning on the two cores.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 "$@"
