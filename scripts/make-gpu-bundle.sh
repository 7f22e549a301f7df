#!/usr/bin/env bash
# Builds the bundle that scripts/gpu-check.sh carries to a GPU machine which has CUDA,
# CMake, ninja and a CUDA PyTorch 2.x (its LibTorch) but none of PruneScope's other
# dependencies and no network. The bundle is a prefix for CMAKE_PREFIX_PATH holding, as
# static libraries compiled here with Debian 12's gcc (-O2 -fPIC, debug info stripped),
# from Debian 12's source packages (`apt-get source`):
#   OpenCV 4.6 (core, imgproc, imgcodecs with PNG and JPEG only; every other option off),
#   zlib, libpng, libjpeg-turbo (no SIMD), SQLite (the amalgamation), xxHash, liblinear
#   (with the four BLAS level-1 routines it calls, in C: Debian's source drops upstream's);
# the header-only CLI11 and nlohmann-json as Debian packages them (with their CMake files);
# and fashion-mnist/ with Debian's dataset-fashion-mnist IDX files.
# Static archives hold no versioned references to the C library, so they link against a
# newer glibc than Debian 12's as well. A self-test (scripts/gpu-bundle-selftest) builds a
# program using every library against a copy of the bundle in another folder and checks
# that it needs no shared library but the C and C++ runtimes.
#
#   usage: scripts/make-gpu-bundle.sh [BUNDLE]   (default shared/gpu-bundle, git-ignored)
# Sources and build trees go to PRUNESCOPE_BUNDLE_WORK (default build-gpu-bundle/, ignored,
# never carried). Idempotent: each part is rebuilt only when its stamp is missing, so a
# second run takes seconds. At the end it prints the bundle's size and what a device run
# would carry (the working tree without ignored files, plus the bundle): the limit is 64 MiB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE="$(realpath -m "${1:-$ROOT/shared/gpu-bundle}")"
WORK="$(realpath -m "${PRUNESCOPE_BUNDLE_WORK:-$ROOT/build-gpu-bundle}")"
JOBS="$(nproc)"
SRC="$WORK/src"
mkdir -p "$BUNDLE/lib" "$BUNDLE/include" "$SRC" "$WORK/stamps"
export CFLAGS="-O2 -fPIC" CXXFLAGS="-O2 -fPIC"
t_start=$(date +%s)

step() { echo "== $(date +%T) $*"; }
done_already() { [ -f "$WORK/stamps/$1" ]; }
mark_done() { touch "$WORK/stamps/$1"; }

# Build tools and the packages whose installed files go into the bundle as they are.
need=()
for p in cmake ninja-build g++ make tcl dpkg-dev xz-utils nlohmann-json3-dev libcli11-dev dataset-fashion-mnist; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  apt-get update -q > /dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" > /dev/null
fi

# Debian 12 source packages (deb-src enabled in a file of our own when it is not).
source_pkgs=(opencv zlib libpng1.6 libjpeg-turbo sqlite3 xxhash liblinear)
if ! done_already sources; then
  step "sources: apt-get source --download-only ${source_pkgs[*]}"
  if ! apt-cache showsrc zlib 2>/dev/null | grep -q '^Package:'; then
    # Debian 12's own archive (not third-party lists that may be there too).
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\n%s\n%s\n' \
      'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
      > /etc/apt/sources.list.d/prunescope-deb-src.sources
    apt-get update -q > /dev/null
  fi
  # Only the upstream tarballs are used (a missing .debian.tar.xz is not fatal).
  (cd "$SRC" && apt-get source --download-only "${source_pkgs[@]}" > download.log 2>&1) || true
  for p in "${source_pkgs[@]}"; do
    ls "$SRC"/"${p}"_*.orig.tar.* > /dev/null 2>&1 || { cat "$SRC/download.log"; echo "no source of $p"; exit 1; }
  done
  mark_done sources
fi
# Unpacks the upstream tarball of source package $1 into $SRC/$1 (once); prints the path.
unpack() {
  local dir="$SRC/$1"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir.tmp"
    local orig="" f
    for f in "$SRC"/"${1}"_*.orig.tar.*; do  # the main tarball, not -contrib or -www
      case "$f" in *-contrib.* | *-www.*) ;; *) orig="$f" ;; esac
    done
    tar xf "$orig" -C "$dir.tmp" --strip-components=1
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

if ! done_already zlib; then
  step "zlib"
  d="$(unpack zlib)"
  rm -rf "$WORK/zlib" && cp -r "$d" "$WORK/zlib"
  (cd "$WORK/zlib" && ./configure --static --prefix="$BUNDLE" > /dev/null && make -j"$JOBS" libz.a > /dev/null &&
    make install > /dev/null)
  rm -rf "$BUNDLE/share/man"
  mark_done zlib
fi

cmake_static=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$BUNDLE" -DCMAKE_INSTALL_LIBDIR=lib
              -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DBUILD_SHARED_LIBS=OFF -DCMAKE_PREFIX_PATH="$BUNDLE"
              -DZLIB_INCLUDE_DIR="$BUNDLE/include" -DZLIB_LIBRARY="$BUNDLE/lib/libz.a")

if ! done_already libpng; then
  step "libpng"
  d="$(unpack libpng1.6)"
  cmake -S "$d" -B "$WORK/libpng" "${cmake_static[@]}" -DPNG_SHARED=OFF -DPNG_STATIC=ON -DPNG_TESTS=OFF \
    -DPNG_EXECUTABLES=OFF -DPNG_FRAMEWORK=OFF > "$WORK/libpng.log"
  ninja -C "$WORK/libpng" install >> "$WORK/libpng.log"
  rm -rf "${BUNDLE:?}/bin" "$BUNDLE/share/man" "$BUNDLE"/lib/libpng/ "$BUNDLE"/lib/pkgconfig "$BUNDLE/lib/libpng.a"
  mark_done libpng
fi

if ! done_already libjpeg; then
  step "libjpeg-turbo"
  d="$(unpack libjpeg-turbo)"
  # (its own GNUInstallDirs takes a relative LIBDIR as relative to the working directory)
  cmake -S "$d" -B "$WORK/libjpeg" "${cmake_static[@]}" -DENABLE_SHARED=OFF -DENABLE_STATIC=ON -DWITH_SIMD=OFF \
    -DWITH_TURBOJPEG=OFF -DWITH_JAVA=OFF -DCMAKE_INSTALL_LIBDIR="$BUNDLE/lib" > "$WORK/libjpeg.log"
  ninja -C "$WORK/libjpeg" install >> "$WORK/libjpeg.log"
  rm -rf "${BUNDLE:?}/bin" "$BUNDLE/share/man" "$BUNDLE/share/doc" "$BUNDLE/lib/pkgconfig" "$BUNDLE/lib/cmake/libjpeg-turbo"
  mark_done libjpeg
fi

if ! done_already sqlite; then
  step "SQLite (amalgamation)"
  d="$(unpack sqlite3)"
  rm -rf "$WORK/sqlite" && mkdir -p "$WORK/sqlite"
  (cd "$WORK/sqlite" && "$d/configure" --disable-tcl > configure.log 2>&1 && make sqlite3.c > make.log 2>&1)
  # Threads on (the store is used from worker threads); no loadable extensions (no libdl).
  gcc $CFLAGS -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DEFAULT_WAL_SYNCHRONOUS=1 \
    -c "$WORK/sqlite/sqlite3.c" -o "$WORK/sqlite/sqlite3.o"
  rm -f "$BUNDLE/lib/libsqlite3.a"
  ar rcs "$BUNDLE/lib/libsqlite3.a" "$WORK/sqlite/sqlite3.o"
  cp "$WORK/sqlite/sqlite3.h" "$d/src/sqlite3ext.h" "$BUNDLE/include/" 2> /dev/null ||
    cp "$WORK/sqlite/sqlite3.h" "$BUNDLE/include/"
  mark_done sqlite
fi

if ! done_already xxhash; then
  step "xxHash"
  d="$(unpack xxhash)"
  mkdir -p "$WORK/xxhash"
  gcc $CFLAGS -c "$d/xxhash.c" -o "$WORK/xxhash/xxhash.o"
  rm -f "$BUNDLE/lib/libxxhash.a"
  ar rcs "$BUNDLE/lib/libxxhash.a" "$WORK/xxhash/xxhash.o"
  cp "$d/xxhash.h" "$d/xxh3.h" "$BUNDLE/include/"
  mark_done xxhash
fi

if ! done_already liblinear; then
  step "liblinear"
  d="$(unpack liblinear)"
  mkdir -p "$WORK/liblinear"
  # The BLAS level-1 routines tron.cpp calls (Fortran calling convention), as upstream's
  # blas/ folder provides them; Debian's source drops that folder for the system BLAS.
  cat > "$WORK/liblinear/blas_level1.c" << 'EOF'
#include <math.h>
double dnrm2_(int* n, double* x, int* incx) {
  double scale = 0, ssq = 1;
  for (int i = 0, ix = 0; i < *n; ++i, ix += *incx) {
    if (x[ix] != 0) {
      double a = fabs(x[ix]);
      if (scale < a) { ssq = 1 + ssq * (scale / a) * (scale / a); scale = a; }
      else { ssq += (a / scale) * (a / scale); }
    }
  }
  return scale * sqrt(ssq);
}
double ddot_(int* n, double* x, int* incx, double* y, int* incy) {
  double s = 0;
  for (int i = 0, ix = 0, iy = 0; i < *n; ++i, ix += *incx, iy += *incy) s += x[ix] * y[iy];
  return s;
}
int daxpy_(int* n, double* a, double* x, int* incx, double* y, int* incy) {
  for (int i = 0, ix = 0, iy = 0; i < *n; ++i, ix += *incx, iy += *incy) y[iy] += *a * x[ix];
  return 0;
}
int dscal_(int* n, double* a, double* x, int* incx) {
  for (int i = 0, ix = 0; i < *n; ++i, ix += *incx) x[ix] *= *a;
  return 0;
}
EOF
  gcc $CFLAGS -c "$WORK/liblinear/blas_level1.c" -o "$WORK/liblinear/blas_level1.o"
  objs=("$WORK/liblinear/blas_level1.o")
  for f in linear tron newton; do
    [ -f "$d/$f.cpp" ] || continue
    g++ $CXXFLAGS -c "$d/$f.cpp" -o "$WORK/liblinear/$f.o"
    objs+=("$WORK/liblinear/$f.o")
  done
  rm -f "$BUNDLE/lib/liblinear.a"
  ar rcs "$BUNDLE/lib/liblinear.a" "${objs[@]}"
  cp "$d/linear.h" "$BUNDLE/include/"
  mark_done liblinear
fi

if ! done_already opencv; then
  step "OpenCV (core, imgproc, imgcodecs: PNG and JPEG): the long part, about 10-20 min on 2 cores"
  d="$(unpack opencv)"
  off=()
  for w in 1394 ADE AVFOUNDATION CAROTENE CLP CUDA EIGEN FFMPEG GDAL GDCM GPHOTO2 GSTREAMER GTK HALIDE HPX IMGCODEC_HDR \
    IMGCODEC_PFM IMGCODEC_PXM IMGCODEC_SUNRASTER IPP ITT JASPER LAPACK MSMF ONNX OPENCL OPENCLAMDBLAS OPENCLAMDFFT \
    OPENEXR OPENGL OPENJPEG OPENMP OPENNI OPENNI2 OPENVX PROTOBUF PVAPI QT QUIRC TBB TIFF V4L VA VA_INTEL VTK VULKAN \
    WEBP XIMEA XINE AVIF SPNG; do
    off+=("-DWITH_$w=OFF")
  done
  cmake -S "$d" -B "$WORK/opencv" "${cmake_static[@]}" "${off[@]}" -DWITH_PNG=ON -DWITH_JPEG=ON \
    -DBUILD_LIST=core,imgproc,imgcodecs -DBUILD_ZLIB=OFF -DBUILD_PNG=OFF -DBUILD_JPEG=OFF \
    -DPNG_LIBRARY="$BUNDLE/lib/libpng16.a" -DPNG_LIBRARY_RELEASE="$BUNDLE/lib/libpng16.a" \
    -DPNG_PNG_INCLUDE_DIR="$BUNDLE/include" -DJPEG_LIBRARY="$BUNDLE/lib/libjpeg.a" \
    -DJPEG_LIBRARY_RELEASE="$BUNDLE/lib/libjpeg.a" -DJPEG_INCLUDE_DIR="$BUNDLE/include" \
    -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOCS=OFF -DBUILD_opencv_apps=OFF \
    -DBUILD_JAVA=OFF -DBUILD_opencv_python2=OFF -DBUILD_opencv_python3=OFF -DOPENCV_PYTHON_SKIP_DETECTION=ON \
    -DBUILD_IPP_IW=OFF -DBUILD_ITT=OFF -DOPENCV_GENERATE_PKGCONFIG=OFF -DENABLE_PRECOMPILED_HEADERS=OFF \
    -DENABLE_CCACHE=OFF -DCV_TRACE=OFF -DCPU_DISPATCH= -DINSTALL_C_EXAMPLES=OFF -DINSTALL_PYTHON_EXAMPLES=OFF \
    -DOPENCV_LICENSES_INSTALL_PATH=share/licenses/opencv4 -DOPENCV_OTHER_INSTALL_PATH=share/opencv4/other \
    > "$WORK/opencv.log" 2>&1 || { tail -40 "$WORK/opencv.log"; exit 1; }
  grep -E "^--   (Media I/O|    (ZLib|JPEG|PNG)|  Disabled|  To be built)" -A0 "$WORK/opencv.log" || true
  ninja -C "$WORK/opencv" -j "$JOBS" install >> "$WORK/opencv.log" 2>&1 || { tail -40 "$WORK/opencv.log"; exit 1; }
  # The installed targets name the codec libraries by absolute path: make them relative to
  # the prefix so the bundle works wherever it is unpacked.
  for f in "$BUNDLE"/lib/cmake/opencv4/*.cmake; do
    sed -i "s|$BUNDLE/|\${_IMPORT_PREFIX}/|g; s|$BUNDLE\"|\${_IMPORT_PREFIX}\"|g" "$f"
  done
  rm -rf "${BUNDLE:?}/bin" "$BUNDLE/share/opencv4" "$BUNDLE/share/licenses"
  mark_done opencv
fi

if ! done_already headers; then
  step "CLI11 and nlohmann-json (header only, as Debian installs them)"
  for p in libcli11-dev nlohmann-json3-dev; do
    dpkg -L "$p" | while read -r f; do
      case "$f" in
        /usr/include/* | /usr/share/cmake/*)
          [ -f "$f" ] || continue
          dest="$BUNDLE/${f#/usr/}"
          mkdir -p "$(dirname "$dest")"
          cp "$f" "$dest"
          ;;
      esac
    done
  done
  mark_done headers
fi

if ! done_already fashion-mnist; then
  step "Fashion-MNIST IDX files"
  mkdir -p "$BUNDLE/fashion-mnist"
  cp /usr/share/datasets/fashion-mnist/*-ubyte.gz "$BUNDLE/fashion-mnist/"
  mark_done fashion-mnist
fi

# Debug info is no use on the GPU machine and is most of the archives' size.
# (Only archives newer than the last strip: an unchanged bundle keeps its files' times, so
# builds against it are not relinked.)
newer=()
[ -f "$WORK/stamps/stripped" ] && newer=(-newer "$WORK/stamps/stripped")
find "$BUNDLE/lib" -name '*.a' "${newer[@]}" -exec strip --strip-debug {} +
touch "$WORK/stamps/stripped"

# Self-test, once: a program using every library of the bundle, configured against a copy
# of it in another folder (the GPU machine has it elsewhere), encodes and decodes PNG and
# JPEG, trains liblinear, and needs no shared library beyond the C and C++ runtimes.
if ! done_already selftest; then
  step "self-test (scripts/gpu-bundle-selftest against a copy of the bundle elsewhere)"
  t="$WORK/selftest"
  rm -rf "$t" && mkdir -p "$t/copy"
  (cd "$BUNDLE" && tar cf - --exclude=./fashion-mnist .) | tar xf - -C "$t/copy"
  cmake -S "$ROOT/scripts/gpu-bundle-selftest" -B "$t/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$t/copy" > "$t/log" 2>&1 && ninja -C "$t/build" >> "$t/log" 2>&1 || {
    tail -30 "$t/log"
    exit 1
  }
  "$t/build/selftest"
  needed=$(readelf -d "$t/build/selftest" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')
  echo "self-test needs: $needed"
  if echo "$needed" | grep -qE 'opencv|sqlite|libz|png|jpeg|xxhash|linear'; then
    echo "ERROR: the self-test links a system library that the bundle should provide"
    exit 1
  fi
  rm -rf "$t/copy"
  mark_done selftest
fi


# Where the bundle is inside the repository, it must be ignored by git (it is carried).
if [[ "$BUNDLE" == "$ROOT"/* ]] && ! git -C "$ROOT" check-ignore -q "$BUNDLE"; then
  echo "WARNING: $BUNDLE is not ignored by git (add it to .gitignore)"
fi
step "bundle done in $(($(date +%s) - t_start)) s"
bundle_kib=$(du -sk "$BUNDLE" | cut -f1)
# What a device run carries: tracked and untracked-not-ignored files, the checkout's
# shared/ folder whole (it always travels), and the bundle where it lies elsewhere.
tree_bytes=$(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard -- . ':!shared' |
  xargs -0 stat -c %s 2> /dev/null | awk '{s += $1} END {print s + 0}')
carried_kib=$bundle_kib
if [ -d "$ROOT/shared" ]; then
  carried_kib=$(du -sk "$ROOT/shared" | cut -f1)
  [[ "$BUNDLE" == "$ROOT/shared"/* ]] || carried_kib=$((carried_kib + bundle_kib))
fi
total_mib=$(awk -v b="$carried_kib" -v t="$tree_bytes" 'BEGIN {printf "%.1f", (b * 1024 + t) / 1048576}')
printf 'bundle: %s (%.1f MiB); repository tree: %.1f MiB; carried in all: %s MiB (limit 64)\n' "$BUNDLE" \
  "$(awk -v b="$bundle_kib" 'BEGIN {print b / 1024}')" "$(awk -v t="$tree_bytes" 'BEGIN {print t / 1048576}')" \
  "$total_mib"
awk -v t="$total_mib" 'BEGIN {exit !(t < 64)}' || { echo "ERROR: over the 64 MiB a device run may carry"; exit 1; }
