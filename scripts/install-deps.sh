#!/usr/bin/env bash
# Installs every Debian package that Tunebench's build, tests, benchmarks and demo need.
# Idempotent: packages already present are skipped, so a second run is a quick no-op.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # core
  libsqlite3-dev nlohmann-json3-dev libpcre2-dev libicu-dev libcurl4-openssl-dev
  libtorch-dev libopenblas0-pthread libopenblas-dev
  libsecret-1-dev
  # GUI
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqcustomplot-dev libgl-dev xvfb xauth
  # tests and reference tools
  libgtest-dev libgmock-dev googletest python3 python3-jinja2 python3-scipy python3-sklearn
  dbus gnome-keyring
  # packaging
  dpkg-dev file
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
