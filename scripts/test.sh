#!/usr/bin/env bash
# Install what is missing, build, and run the whole test suite (ctest).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 "$@"
