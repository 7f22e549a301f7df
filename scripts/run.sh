#!/usr/bin/env bash
# Install what is missing, build, and run PruneScope on the built-in Fashion-MNIST:
# the GUI where a display exists, otherwise the headless CLI job.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${PRUNESCOPE_HEADLESS:-}" ]; then
  exec "$BUILD_DIR/app/prunescope" fashion-mnist "$@"
fi
echo "== no display: headless run of prunescope-cli"
exec "$BUILD_DIR/app/prunescope-cli" info fashion-mnist "$@"
