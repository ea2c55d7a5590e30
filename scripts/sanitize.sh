#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer + UndefinedBehaviorSanitizer (gcc) in its
# own build folder and runs it with ctest, one stage at a time in pipeline order, so a partial
# run still says which stages are clean:
#
#   scripts/sanitize.sh [STAGE...]      e.g. scripts/sanitize.sh dataset text text_jinja
#
# Stages are the tests' ctest labels: stats dataset text text_jinja project curation advisor
# model train eval e2e ui (default: all, in that order: the torch-free ones build fastest).
# Each is built, then run.
#
# Third-party code is not instrumented (libtorch, Qt, ICU, PCRE2, SQLite, curl come from
# Debian), so:
# - LeakSanitizer stays on, with tests/sanitize/lsan.supp suppressing what those libraries
#   allocate once and keep (libtorch's and Qt's static registries, fontconfig, GLib's type
#   system). Nothing of Tunebench's own is suppressed. SANITIZE_LEAKS=0 turns leak checks off.
# - ASan's container-overflow checks are off: libstdc++ containers filled by uninstrumented
#   libtorch code would trip them falsely.
# - UBSan stops at the first report (halt_on_error), so a finding fails its test visibly.
# The same options apply while building: gtest_discover_tests runs each test binary then.
#
# Environment: BUILD_DIR (build-asan), SANITIZE_JOBS (nproc), SANITIZE_NICE (10),
# CTEST_TIMEOUT (1800 s: everything runs several times slower). CI does not run this.
set -euo pipefail
# One brace group: bash reads it whole before running it, so editing this file during a
# long run cannot break that run.
{
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build-asan}
JOBS=${SANITIZE_JOBS:-$(nproc)}
NICE=${SANITIZE_NICE:-10}
STAGES=("$@")
[ ${#STAGES[@]} -eq 0 ] && STAGES=(stats dataset text text_jinja project curation advisor model train eval e2e ui)

flags="-fsanitize=address,undefined -fno-omit-frame-pointer"
export ASAN_OPTIONS="detect_leaks=${SANITIZE_LEAKS:-1}:detect_container_overflow=0:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
export QT_QPA_PLATFORM=offscreen

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DTUNEBENCH_BUILD_BENCH=OFF ${TUNEBENCH_SHARED_DIR:+-DTUNEBENCH_SHARED_DIR="$TUNEBENCH_SHARED_DIR"} >/dev/null

declare -A RESULT
for stage in "${STAGES[@]}"; do
  target=test_$stage
  echo "== $stage: building $target"
  if ! nice -n "$NICE" cmake --build "$BUILD_DIR" --parallel "$JOBS" --target "$target"; then
    RESULT[$stage]="build failed"
    continue
  fi
  echo "== $stage: ctest -L ^$stage\$"
  log="$BUILD_DIR/sanitize-$stage.log"
  if nice -n "$NICE" ctest --test-dir "$BUILD_DIR" -L "^$stage\$" --output-on-failure \
       --timeout "${CTEST_TIMEOUT:-1800}" >"$log" 2>&1; then
    RESULT[$stage]="$(grep -E 'tests passed' "$log" | tail -1)"
  else
    RESULT[$stage]="FAILED: $(grep -E 'tests passed|tests failed' "$log" | tail -1); log $log"
    grep -E '^\s+[0-9]+ - .*\(Failed|Timeout|SEGFAULT|Subprocess aborted|Exception\)' "$log" | head -20 || true
    grep -m5 -E 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log" || true
  fi
  echo "   ${RESULT[$stage]}"
done

echo
echo "== sanitizer summary ($BUILD_DIR)"
status=0
for stage in "${STAGES[@]}"; do
  printf '%-12s %s\n' "$stage" "${RESULT[$stage]}"
  case "${RESULT[$stage]}" in *FAILED*|"build failed") status=1 ;; esac
done
exit $status
}
