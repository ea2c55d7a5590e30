#!/usr/bin/env bash
# GUI smoke test of the Debian package: builds it (cpack -G DEB) in its own build folder,
# installs it with dpkg, runs the installed `tunebench --help` and an offscreen screenshot
# of a project made with the installed CLI, then removes the package again.
#   scripts/gui_smoke.sh              build + install + run + remove (needs root for dpkg)
#   KEEP_INSTALLED=1 scripts/gui_smoke.sh   leave the package installed
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build-package}
JOBS=${JOBS:-2}
OUT=${OUT:-$ROOT/$BUILD_DIR/smoke}

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} \
      -DTUNEBENCH_BUILD_TESTS=OFF -DTUNEBENCH_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD_DIR" --parallel "$JOBS" --target tunebench tunebench-cli
(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
DEB=$(ls -t "$BUILD_DIR"/tunebench_*_amd64.deb | head -1)
echo "package: $DEB"
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'
dpkg-deb --contents "$DEB" | awk '{print $6}'

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO dpkg -i "$DEB"
cleanup() { [ -n "${KEEP_INSTALLED:-}" ] || $SUDO dpkg -r tunebench >/dev/null; }
trap cleanup EXIT

mkdir -p "$OUT"
/usr/bin/tunebench --help | head -3
/usr/bin/tunebench --version
test -f /usr/share/applications/tunebench.desktop
test -f /usr/share/icons/hicolor/scalable/apps/tunebench.svg
command -v desktop-file-validate >/dev/null && desktop-file-validate /usr/share/applications/tunebench.desktop

PROJECT="$OUT/smoke.tunebench"
rm -f "$PROJECT" "$PROJECT-wal" "$PROJECT-shm"
DATA="$OUT/smoke.jsonl"
printf '%s\n' \
  '{"messages":[{"role":"user","content":"How do I reset my password?"},{"role":"assistant","content":"Use the link on the sign-in page."}]}' \
  '{"messages":[{"role":"user","content":"Where is my invoice?"},{"role":"assistant","content":"Under Billing > Invoices."}]}' >"$DATA"
/usr/bin/tunebench-cli init "$PROJECT"
/usr/bin/tunebench-cli import "$PROJECT" "$DATA"
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/tunebench "$PROJECT" --screenshot "$OUT/installed.png"
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/tunebench "$PROJECT" --lang de --screenshot "$OUT/installed_de.png"
test -s "$OUT/installed.png"
echo "screenshots: $OUT/installed.png $OUT/installed_de.png"
echo "gui smoke: OK"
