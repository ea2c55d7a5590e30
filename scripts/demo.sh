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
# The compiler's output goes to a log; it is shown only when the build fails.
BUILD_LOG="$BUILD_DIR/demo-build.log"
echo "building tunebench-cli$( [ -n "${DISPLAY:-}" ] && echo ' and tunebench') ($BUILD_DIR, log in $BUILD_LOG)..."
if ! cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target tunebench-cli $( [ -n "${DISPLAY:-}" ] && echo tunebench ) >"$BUILD_LOG" 2>&1; then
  tail -50 "$BUILD_LOG" >&2
  echo "build failed: the whole log is $BUILD_LOG" >&2
  exit 1
fi
CLI="$ROOT/$BUILD_DIR/app/tunebench-cli"
DATA="$ROOT/examples/support-tickets"
PROJECT="$ROOT/demo.tunebench"

# grep reads all of --help: with -q it stops early, the CLI gets SIGPIPE and pipefail fails the test.
has() { "$CLI" --help | grep "^  $1 " >/dev/null; }
step() { printf '\n=== %s ===\n' "$*"; }

rm -rf "$PROJECT" "$PROJECT-wal" "$PROJECT-shm" "$PROJECT-adapter" "$PROJECT-runs"

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

MODEL=${DEMO_MODEL:-"$ROOT/examples/demo-model/model"}   # the tiny base model the project pretrained itself
ADAPTER="$PROJECT-adapter"
RUNS="$PROJECT-runs"
mkdir -p "$RUNS"
# The LoRA run: small enough for a few minutes on 2 CPU cores. One thread by default: a
# model this small gains little from a second one, and on a busy machine two OpenMP threads
# wait on each other (10x slower); LORA_THREADS=0 uses every core. Eval follows OMP_NUM_THREADS (the CLI honours it).
LORA_EPOCHS=${LORA_EPOCHS:-6}
LORA_LR=${LORA_LR:-5e-3}
LORA_RANK=${LORA_RANK:-32}
LORA_THREADS=${LORA_THREADS:-1}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

# Readable lines from `train`'s JSON lines: a bar, loss, learning rate, tokens/s.
PROGRESS_PY=$(cat <<'PY'
import json, sys
total = None
for line in sys.stdin:
    try:
        j = json.loads(line)
    except ValueError:
        if " validation loss " not in line:  # the JSON line below says it
            print(line.rstrip("\n"), flush=True)
        continue
    if "preflight" in j:
        total = j["preflight"]["total_steps"]
        continue
    if "val_loss" in j:
        print(f"  step {j['step']:>4}: validation loss {j['val_loss']:.3f}", flush=True)
        continue
    step = j.get("step", 0)
    if total and step % max(1, total // 30) and step != total:
        continue
    done = int(20 * step / total) if total else 0
    bar = "#" * done + "." * (20 - done)
    of = f"/{total}" if total else ""
    print(f"  step {step:>4}{of} [{bar}] loss {j['loss']:.3f}  lr {j['lr']:.1e}  {j['tokens_per_s']:.0f} tokens/s", flush=True)
PY
)
# Pass rate, mean score, valid JSON and per-field accuracy of an eval --json file.
EVAL_SUMMARY_PY=$(cat <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
n = r["items_total"]
right, valid = {}, 0
for item in r["items"]:
    for c in item["criteria"]:  # "1:regex", "2:json_field:category", ...
        if ":json_field:" in c["name"]:
            field = c["name"].split(":json_field:")[1]
            right[field] = right.get(field, 0) + (c["score"] or 0)
    try:
        valid += isinstance(json.loads(item["output"]), dict)
    except ValueError:
        pass
print(f"  eval run {r['run_id']}: {r['passed']}/{n} passed ({100 * r['pass_rate']:.1f}%), mean score {r['mean_score']:.3f}, "
      f"valid JSON {valid}/{n}")
print("  right per field: " + ", ".join(f"{k} {100 * v / n:.0f}%" for k, v in right.items()))
PY
)
run_eval() {  # label, extra eval args...; prints the summary, leaves the run id in $RUNS/<label>.json
  local label=$1; shift
  "$CLI" eval "$PROJECT" --model "$MODEL" "$@" --set support-golden --max-new-tokens 64 --json >"$RUNS/$label.json"
  python3 -c "$EVAL_SUMMARY_PY" "$RUNS/$label.json"
}
run_id() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run_id"])' "$RUNS/$1.json"; }

BEFORE_OK=0
if has eval && has golden && [ -f "$MODEL/model.safetensors" ]; then
  step "Before: the base demo model on the golden set (it never saw this JSON schema)"
  run_eval before && BEFORE_OK=1 || echo "(eval failed)"
fi

TRAIN_OK=0
if has train && [ -f "$MODEL/model.safetensors" ]; then
  step "LoRA training with live progress (rank $LORA_RANK, $LORA_EPOCHS epochs, lr $LORA_LR)"
  echo "  A 1M-parameter model learns a new schema slower than a 7B one: the demo uses a higher learning"
  echo "  rate and more epochs than the 7B-scale defaults, and the pre-flight report rightly warns about both."
  rm -rf "$ADAPTER"
  start=$(date +%s)
  if "$CLI" train "$PROJECT" --model "$MODEL" --out "$ADAPTER" --epochs "$LORA_EPOCHS" --lr "$LORA_LR" \
       --rank "$LORA_RANK" --max-length 256 --batch-rows 8 --eval-every 40 --checkpoint-every 0 \
       --threads "$LORA_THREADS" --seed 7 --json-preflight 2>&1 | python3 -u -c "$PROGRESS_PY"; then
    TRAIN_OK=1
    echo "  adapter written to $ADAPTER in $(( $(date +%s) - start )) s"
  else
    echo "(training failed)"
  fi
fi

if [ "$TRAIN_OK" = 1 ] && has eval && has golden; then
  step "After: base model + the LoRA adapter on the same golden set"
  if run_eval after --adapter "$ADAPTER" && [ "$BEFORE_OK" = 1 ] && has compare; then
    step "Compare: before -> after, item by item (--gate fails on a regression)"
    "$CLI" compare "$PROJECT" "$(run_id before)" "$(run_id after)" --gate --json >"$RUNS/compare.json" && gate=0 || gate=$?
    python3 - "$RUNS/compare.json" "$gate" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
changes = {}
for item in c["items"]:
    changes[item["change"]] = changes.get(item["change"], 0) + 1
print(f"  pass rate {100 * c['pass_rate_a']:.1f}% -> {100 * c['pass_rate_b']:.1f}% on {c['paired_items']} golden items")
low, high = c["score_diff_ci"]
print(f"  mean score change {c['score_diff']:+.3f} (95% CI {low:+.3f} .. {high:+.3f}), McNemar p = {c['mcnemar_p']:.2g}")
print(f"  items: {changes.get('improved', 0)} improved, {changes.get('regressed', 0)} regressed, {changes.get('unchanged', 0)} unchanged")
print("  gate: " + ("passed, no regression" if sys.argv[2] == "0" else "REGRESSION flagged"))
PY
    step "Before and after, side by side"
    python3 - "$RUNS/before.json" "$RUNS/after.json" "$DATA/golden.jsonl" <<'PY'
import json, sys
runs = [json.load(open(path)) for path in sys.argv[1:3]]
golden = [json.loads(line) for line in open(sys.argv[3], encoding="utf-8") if line.strip()]

def field_accuracy(run, field):
    hits = sum(c["score"] or 0 for item in run["items"] for c in item["criteria"]
               if c["name"].endswith(":json_field:" + field))
    return hits / run["items_total"]

def valid_json(output):
    try:
        return isinstance(json.loads(output), dict)
    except ValueError:
        return False

rows = [("passed (all 4 fields right)", lambda r: f"{100 * r['pass_rate']:.1f}%"),
        ("mean score", lambda r: f"{r['mean_score']:.3f}"),
        ("valid JSON object", lambda r: f"{100 * sum(valid_json(i['output']) for i in r['items']) / r['items_total']:.0f}%")]
rows += [(f"{field} right", lambda r, f=field: f"{100 * field_accuracy(r, f):.0f}%")
         for field in ("category", "priority", "product", "sentiment")]
print(f"  {'':<30}{'before':>10}{'after':>10}")
for label, value in rows:
    print(f"  {label:<30}{value(runs[0]):>10}{value(runs[1]):>10}")
print("  (5 categories: always answering the same one would get about 20% of them right)")

# A few golden items: the message, the expected JSON, what the model said before and after.
before = sorted(runs[0]["items"], key=lambda i: i["golden_item_id"])
after = sorted(runs[1]["items"], key=lambda i: i["golden_item_id"])
shown = [i for i in range(len(after)) if after[i]["passed"]][:2] + [i for i in range(len(after)) if not after[i]["passed"]][:1]
for i in shown:
    message = golden[i]["messages"][-1]["content"]
    print(f"\n  message:  {message}")
    print(f"  expected: {golden[i]['reference']}")
    print(f"  before:   {before[i]['output'][:100]!r}")
    print(f"  after:    {after[i]['output'][:100]!r}  ({'passed' if after[i]['passed'] else 'failed'})")
PY
  fi
fi

step "Summary"
echo "Project: $PROJECT"
"$CLI" stats "$PROJECT" --json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(json.dumps(s, indent=1)[:1500])' || true

if [ -n "${DISPLAY:-}" ] && [ -x "$ROOT/$BUILD_DIR/app/tunebench" ]; then
  step "Opening the GUI"
  "$ROOT/$BUILD_DIR/app/tunebench" "$PROJECT" &
fi
