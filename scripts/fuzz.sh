#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, -fsanitize=fuzzer,address,undefined) in
# their own build folder and runs each for SECONDS (default 60), one after the other, then
# prints per target: executions, coverage (libFuzzer's cov = edges, ft = features) and findings.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 jinja import_csv
#
# Corpora grow in $BUILD_DIR/corpus/<target> and are kept between runs. libFuzzer reads, besides
# that folder: tests/fuzz/seeds/<target> (tests/fuzz/make_seeds.py), tests/fixtures when it
# exists, and the shared fixtures' chat templates for the Jinja target (read in place, never
# copied). The tokenizer_encode and chat_template_request targets load the shared tokenizers
# and chat templates themselves when that folder exists. Findings (crash-*, leak-*,
# timeout-*, oom-*) land in $BUILD_DIR/findings/<target>/; to keep one as a regression test, copy
# it into tests/fuzz/regressions/<target>/ and see tests/*/fuzz_regressions_test.cpp.
# A crash stops libFuzzer; the script then starts it again on the grown corpus for the rest of
# the target's time (at most FUZZ_RESTARTS times), so one target can report several findings.
# (libFuzzer's -fork mode would do that itself, but reloads the targets' fixtures per job:
# the tokenizer and chat-template targets then spend their time loading.)
#
# Environment: BUILD_DIR (build-fuzz), FUZZ_JOBS (2, compile jobs), FUZZ_NICE (15),
# FUZZ_RSS_MB (2048), FUZZ_TIMEOUT (30 s per input), FUZZ_RESTARTS (10), FUZZ_NO_BUILD (1: run the targets as built),
# TUNEBENCH_SHARED_DIR (../shared). CI does not run this: it takes too long.
set -euo pipefail
# One brace group: bash reads it whole before running it, so editing this file during a
# long run cannot break that run.
{
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:-60}
shift || true
BUILD_DIR=${BUILD_DIR:-build-fuzz}
FUZZ_JOBS=${FUZZ_JOBS:-2}
FUZZ_NICE=${FUZZ_NICE:-15}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
FUZZ_RESTARTS=${FUZZ_RESTARTS:-10}
SHARED=${TUNEBENCH_SHARED_DIR:-$ROOT/../shared}

ALL_TARGETS=(safetensors hf_config tokenizer_load tokenizer_encode jinja chat_template_request
             import_json import_jsonl import_sharegpt import_alpaca import_csv)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }

export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
[ "${FUZZ_NO_BUILD:-0}" = 1 ] || {
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DTUNEBENCH_BUILD_FUZZ=ON \
  -DTUNEBENCH_BUILD_GUI=OFF -DTUNEBENCH_BUILD_TESTS=OFF -DTUNEBENCH_BUILD_BENCH=OFF \
  -DTUNEBENCH_SHARED_DIR="$SHARED" >/dev/null
nice -n "$FUZZ_NICE" cmake --build "$BUILD_DIR" --parallel "$FUZZ_JOBS" --target $(printf 'fuzz_%s ' "${TARGETS[@]}")
}

dictionary_for() {
  case "$1" in
    safetensors) echo tests/fuzz/dict/safetensors.dict ;;
    hf_config) echo tests/fuzz/dict/hf_config.dict ;;
    tokenizer_load) echo tests/fuzz/dict/tokenizer.dict ;;
    jinja) echo tests/fuzz/dict/jinja.dict ;;
    tokenizer_encode) echo "" ;;
    *) echo tests/fuzz/dict/json.dict ;;
  esac
}

# Seeds from tests/fixtures (absent until that folder exists), by what each file is.
fixture_seeds() {
  local target=$1 dir="$BUILD_DIR/fixture-seeds/$1"
  [ -d tests/fixtures ] || return 0
  rm -rf "$dir" && mkdir -p "$dir"
  local pattern
  case "$target" in
    safetensors) pattern='*.safetensors' ;;
    hf_config) pattern='*config.json' ;;
    tokenizer_load) pattern='tokenizer*.json' ;;
    jinja) pattern='*.jinja' ;;
    import_csv) pattern='*.[ct]sv' ;;
    import_*) pattern='*.json*' ;;
    *) return 0 ;;
  esac
  # Small files only: libFuzzer's inputs grow to the largest seed.
  find tests/fixtures -type f -name "$pattern" -size -256k -print0 |
    while IFS= read -r -d '' f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done
  echo "$dir"
}

SUMMARY=()
for t in "${TARGETS[@]}"; do
  bin="$BUILD_DIR/tests/fuzz/fuzz_$t"
  corpus="$BUILD_DIR/corpus/$t"
  findings="$BUILD_DIR/findings/$t"
  log="$BUILD_DIR/logs/$t.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  inputs=("$corpus")
  # Not tests/fuzz/regressions: an input that still crashes would stop every run at start-up
  # (the GoogleTest suites replay those; run a fuzzer on them by hand: fuzz_NAME FILE...).
  for d in "tests/fuzz/seeds/$t" "$(fixture_seeds "$t")"; do
    [ -n "$d" ] && [ -d "$d" ] && inputs+=("$d")
  done
  [ "$t" = jinja ] && [ -d "$SHARED/fixtures/chat-templates" ] && inputs+=("$SHARED/fixtures/chat-templates")
  dict=$(dictionary_for "$t")
  # Real chat templates run to 16 KB; mutating inputs that long is slow, so cut them.
  max_len=65536
  [ "$t" = jinja ] && max_len=8192
  args=(-timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb="$FUZZ_RSS_MB" -max_len=$max_len -print_final_stats=1 -artifact_prefix="$findings/")
  [ -n "$dict" ] && args+=(-dict="$dict")
  before=$(ls "$findings" | wc -l)
  echo "== fuzz_$t: ${SECONDS_PER_TARGET}s, inputs ${inputs[*]}"
  : >"$log"
  start=$(date +%s) execs=0 runs=0 cov="" ft=""
  while :; do
    left=$(( SECONDS_PER_TARGET - ($(date +%s) - start) ))
    [ "$left" -ge 5 ] && [ "$runs" -le "$FUZZ_RESTARTS" ] || break
    runs=$((runs + 1))
    # UBSan's reports carry stacks; LeakSanitizer is on (libFuzzer reports leaks as findings).
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
      nice -n "$FUZZ_NICE" "$bin" "${args[@]}" -max_total_time="$left" "${inputs[@]}" >"$log.run" 2>&1 || true
    cat "$log.run" >>"$log"
    # Status lines: "#N<TAB>NEW    cov: C ft: F corp: ..." (DONE at the end of a clean run).
    last=$(grep -E '^#[0-9]+\s+[A-Z]+\s+cov: ' "$log.run" | tail -1 || true)
    [ -n "$last" ] || continue
    execs=$(( execs + $(echo "$last" | sed -nE 's/^#([0-9]+).*/\1/p') ))
    cov=$(echo "$last" | sed -nE 's/.* cov: ([0-9]+) .*/\1/p')
    ft=$(echo "$last" | sed -nE 's/.* ft: ([0-9]+) .*/\1/p')
    grep -qE '^#[0-9]+\s+DONE' "$log.run" && break
  done
  rm -f "$log.run"
  new=$(( $(ls "$findings" | wc -l) - before ))
  line=$(printf '%-28s execs %-10s cov %-6s ft %-7s runs %-3s new findings %s' \
    "fuzz_$t" "$execs" "${cov:-?}" "${ft:-?}" "$runs" "$new")
  echo "$line"
  SUMMARY+=("$line")
  if [ "$new" -gt 0 ]; then
    ls -t "$findings" | head -n "$new" | sed "s|^|    $findings/|"
    # The first report of each kind, for the reader.
    grep -m3 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|fuzz finding:' "$log" | sed 's/^/    /' || true
  fi
done

echo
echo "== summary (${SECONDS_PER_TARGET}s per target; logs in $BUILD_DIR/logs)"
printf '%s\n' "${SUMMARY[@]}"
exit
}
