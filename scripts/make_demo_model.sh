#!/usr/bin/env bash
# Regenerates the demo base model (examples/demo-model/model/) end to end with the project's
# own tools: general-skills corpus -> byte-level BPE tokenizer -> random Llama -> a project
# with the corpus imported -> full-parameter pretraining with `tunebench-cli train --full
# --loss-on all` -> the model folder committed in the repository.
#
#   scripts/make_demo_model.sh                       # uses build-release/app/tunebench-cli
#   BUILD_DIR=build-model STEPS=3000 scripts/make_demo_model.sh
#   INIT=examples/demo-model/model STEPS=2000 scripts/make_demo_model.sh   # continue pretraining
#   WORK=/tmp/dm RESUME=1 scripts/make_demo_model.sh  # continue a cancelled run from its checkpoint
#
# Settings (environment): BUILD_DIR, WORK (scratch folder, default a temporary one), COUNT
# (corpus conversations), VOCAB (tokenizer size, must equal config.json's vocab_size),
# STEPS, LR, MAX_LENGTH, BATCH_ROWS, SEED, THREADS, DTYPE (compute: bf16 or fp32), INIT (a
# model folder to continue from, with its tokenizer, instead of a new tokenizer and random
# weights), RESUME=1 (continue the run in WORK from its last checkpoint), OUT (default
# examples/demo-model/model).
# Deterministic inputs (seeded corpus, tokenizer and initial weights); the trained weights
# depend on libtorch's CPU kernels and thread count, so they match across runs only roughly.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-build-release}
CLI=${CLI:-"$ROOT/$BUILD_DIR/app/tunebench-cli"}
HERE="$ROOT/examples/demo-model"
OUT=${OUT:-"$HERE/model"}
WORK=${WORK:-$(mktemp -d -t tunebench-demo-model.XXXXXX)}
COUNT=${COUNT:-100000}
VOCAB=${VOCAB:-1024}
STEPS=${STEPS:-4500}
LR=${LR:-3e-3}
MAX_LENGTH=${MAX_LENGTH:-256}
BATCH_ROWS=${BATCH_ROWS:-8}
SEED=${SEED:-1}
# One thread: on a busy machine two OpenMP threads wait on each other far more than they gain.
THREADS=${THREADS:-1}
# bf16 compute (fp32 master weights) is ~3x faster than fp32 on a CPU with AVX512-BF16.
DTYPE=${DTYPE:-bf16}
INIT=${INIT:-}
RESUME=${RESUME:-0}

[ -x "$CLI" ] || { echo "no tunebench-cli at $CLI: build it first (cmake --build $BUILD_DIR --target tunebench-cli)" >&2; exit 2; }
mkdir -p "$WORK"
echo "scratch folder: $WORK"

if [ "$RESUME" = 1 ]; then
  [ -f "$WORK/pretrain.tunebench" ] || { echo "RESUME=1: no pretraining project in $WORK" >&2; exit 2; }
  START_MODEL=$(cat "$WORK/start_model")
else
  rm -f "$WORK/train.log"
  echo "== corpus"
  python3 "$HERE/make_corpus.py" --out "$WORK/corpus.jsonl" --count "$COUNT" --seed "$SEED"

  rm -rf "$WORK/tokenizer" "$WORK/random" "$WORK/trained"
  if [ -n "$INIT" ]; then
    echo "== continuing from $INIT (its tokenizer and weights)"
    START_MODEL=$(cd "$INIT" && pwd)
    mkdir -p "$WORK/tokenizer"
    cp "$START_MODEL/tokenizer.json" "$START_MODEL/tokenizer_config.json" "$WORK/tokenizer/"
  else
    echo "== tokenizer"
    # From the general corpus only: every token the demo's data splits into is then one that
    # pretraining trained (a token learned from the support tickets would keep its random
    # embedding, which LoRA, leaving embeddings alone, cannot fix).
    python3 "$HERE/make_tokenizer.py" --out "$WORK/tokenizer" --vocab-size "$VOCAB" "$WORK/corpus.jsonl"
    echo "== random model"
    "$CLI" create-model --config "$HERE/config.json" --tokenizer "$WORK/tokenizer" --out "$WORK/random" --seed "$SEED"
    START_MODEL="$WORK/random"
  fi
  echo "$START_MODEL" >"$WORK/start_model"
  "$CLI" tokenize --model "$WORK/tokenizer" --text "What is 47 + 38?" >/dev/null

  echo "== project"
  rm -f "$WORK/pretrain.tunebench" "$WORK/pretrain.tunebench-wal" "$WORK/pretrain.tunebench-shm"
  "$CLI" init "$WORK/pretrain.tunebench"
  "$CLI" import "$WORK/pretrain.tunebench" "$WORK/corpus.jsonl"
  # The trainer trains on the training split only; 10% (the smallest split allowed) is validation.
  "$CLI" split "$WORK/pretrain.tunebench" --validation 0.10 --seed "$SEED"
fi

echo "== pretraining ($STEPS steps, lr $LR, $BATCH_ROWS rows of $MAX_LENGTH tokens)"
start=$(date +%s)
"$CLI" train "$WORK/pretrain.tunebench" --model "$START_MODEL" --out "$WORK/trained" --full --loss-on all \
  --lr "$LR" --max-steps "$STEPS" --max-length "$MAX_LENGTH" --batch-rows "$BATCH_ROWS" --seed "$SEED" \
  --eval-every 0 --checkpoint-every 250 --threads "$THREADS" --compute-dtype "$DTYPE" --json-preflight \
  $( [ "$RESUME" = 1 ] && echo --resume ) | tee -a "$WORK/train.log"
echo "pretraining took $(( $(date +%s) - start )) s"

echo "== copy into $OUT"
mkdir -p "$OUT"
for f in config.json model.safetensors generation_config.json; do cp "$WORK/trained/$f" "$OUT/$f"; done
for f in tokenizer.json tokenizer_config.json; do cp "$WORK/tokenizer/$f" "$OUT/$f"; done
[ -f "$OUT/generation_config.json" ] || cp "$START_MODEL/generation_config.json" "$OUT/"
du -sh "$OUT"
"$CLI" generate --model "$OUT" --prompt "What is 47 + 38?" --greedy --max-new-tokens 16
