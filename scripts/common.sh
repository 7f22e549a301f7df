# Shared by scripts/run.sh and scripts/test.sh: install what is missing, then build.
# Idempotent: installed packages and an up-to-date build are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PRUNESCOPE_BUILD_DIR:-$ROOT/build}"

PACKAGES=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6opengl6-dev libgl-dev qt6-translations-l10n
  libtorch-dev libopenblas0-openmp
  libopencv-dev libsqlite3-dev libcli11-dev nlohmann-json3-dev libxxhash-dev liblinear-dev zlib1g-dev
  libarchive-dev libfaiss-dev
  dataset-fashion-mnist
  slurm-wlm munge
  xvfb xauth
)

# Installs package $2 when command $1 is missing (the tools the check scripts use).
ensure_tool() {
  command -v "$1" > /dev/null && return
  local SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q > /dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "$2" > /dev/null
}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "== packages: all ${#PACKAGES[@]} present"
    return
  fi
  echo "== installing: ${missing[*]}"
  local SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
  fi
  local jobs
  jobs="$(nproc)"
  cmake --build "$BUILD_DIR" -j "$jobs"
}
