#!/usr/bin/env bash
# The main job, end to end on this machine: installs dependencies, builds Release, creates
# demo.tunebench from the example data shipped in examples/, runs every pipeline stage,
# prints a summary, and opens the GUI on the project when a display is available.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
bash scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build-release}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTUNEBENCH_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target tunebench-cli $( [ -n "${DISPLAY:-}" ] && echo tunebench )
CLI="$ROOT/$BUILD_DIR/app/tunebench-cli"
DATA="$ROOT/examples/support-tickets"
PROJECT="$ROOT/demo.tunebench"

has() { "$CLI" --help | grep -q "^  $1 "; }
step() { printf '\n=== %s ===\n' "$*"; }

rm -f "$PROJECT" "$PROJECT-wal" "$PROJECT-shm"

step "Environment"
has doctor && "$CLI" doctor || true

step "Decide: is fine-tuning the answer?"
if has advise; then "$CLI" advise --answers "$DATA/advisor_answers.json"; fi

step "Create the project and import the curated data"
"$CLI" init "$PROJECT"
"$CLI" import "$PROJECT" "$DATA/train.jsonl"

step "Import a messy export: all-or-nothing refuses it, naming each bad record"
"$CLI" import "$PROJECT" "$DATA/messy.jsonl" || echo "(refused, as it should be: exit $?)"
step "... and with --skip-invalid the valid records go in, the rejected ones into an import report"
"$CLI" import "$PROJECT" "$DATA/messy.jsonl" --skip-invalid

step "Data report"
"$CLI" check "$PROJECT" || true

step "Statistics"
"$CLI" stats "$PROJECT"

if has split; then
  step "Hold out a validation split"
  "$CLI" split "$PROJECT" --validation 0.12 --seed 7
fi
if has golden; then
  step "Golden test set with rubrics"
  "$CLI" golden import "$PROJECT" support-golden "$DATA/golden.jsonl"
fi

step "Summary"
echo "Project: $PROJECT"
"$CLI" stats "$PROJECT" --json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(json.dumps(s, indent=1)[:1500])' || true

if [ -n "${DISPLAY:-}" ] && [ -x "$ROOT/$BUILD_DIR/app/tunebench" ]; then
  step "Opening the GUI"
  "$ROOT/$BUILD_DIR/app/tunebench" "$PROJECT" &
fi
