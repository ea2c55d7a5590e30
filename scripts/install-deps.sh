#!/usr/bin/env bash
# Installs every Debian package that Tunebench's build, tests, benchmarks and demo need.
# Idempotent: packages already present are skipped, so a second run is a quick no-op.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # core
  libsqlite3-dev nlohmann-json3-dev libpcre2-dev libicu-dev libcurl4-openssl-dev
  libtorch-dev libopenblas0-pthread libopenblas0-openmp libopenblas-dev
  libsecret-1-dev
  # GUI
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqcustomplot-dev libgl-dev xvfb xauth
  # tests and reference tools
  libgtest-dev libgmock-dev googletest zlib1g-dev python3 python3-jinja2 python3-scipy python3-sklearn
  dbus gnome-keyring
  # fuzzing (scripts/fuzz.sh: clang's libFuzzer and sanitizer runtimes)
  clang libclang-rt-14-dev
  # packaging
  dpkg-dev file
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# libtorch runs its own OpenMP thread pool. OpenBLAS's pthread build (Debian's default choice)
# keeps a second pool whose threads spin against torch's between fp32 matmuls; the OpenMP build
# shares libgomp's pool, which makes fp32 training about 2.5x faster on 2 cores (LoRA fp32 on a
# 30M Llama: 2.28 -> 0.87 s/step, bench_train_bench). Select it for every BLAS/LAPACK soname.
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
openmp_dir="/usr/lib/$arch/openblas-openmp"
for lib in libblas.so.3 liblapack.so.3 libopenblas.so.0; do
  name="$lib-$arch"
  want="$openmp_dir/$lib"
  [ -e "$want" ] || continue
  if [ "$(readlink -f "/etc/alternatives/$name" 2>/dev/null)" != "$(readlink -f "$want")" ]; then
    echo "install-deps: selecting OpenBLAS (OpenMP) for $lib"
    $SUDO update-alternatives --quiet --set "$name" "$want"
  fi
done
