#!/usr/bin/env bash
# LoRA training on one GPU: Tunebench's training step (bench/gpu_train.cpp) against Hugging Face
# transformers + PEFT (bench/hf_peft_reference.py) on the same PyTorch, the same random-initialised
# Llama-3.2-1B-shaped model (hidden 2048, 16 layers, 32 heads, 8 KV heads, intermediate 8192,
# vocab 128256, tied embeddings, rope theta 500000), sequence length, batch, LoRA targets (q k v o
# gate up down), rank, alpha, dropout, bf16, AdamW. Prints one comparison table and one JSON line.
# Goal (issue 5): ours >= 1.3x their tokens/s at <= 0.8x their peak GPU memory.
#
#   bench/gpu_train_compare.sh [--device cuda|cuda:N|cpu] [--preset llama-3.2-1b|tiny]
#       [--seq N] [--batch N] [--steps N] [--warmup N] [--rank R] [--alpha A] [--dropout P]
#       [--attn sdpa|eager] [--no-autocast] [--build-dir DIR] [--json-include DIR]
#       [--jobs N] [--skip-build] [--ours-only] [--gate]
#
# --device cpu (default preset tiny, seq 256, batch 2, 3 steps) runs the same pipeline on the CPU
# with Debian's libtorch or a CPU PyTorch; without transformers/peft only our side runs.
# --gate: exit 1 when a goal is missed. Exit 2: something needed is missing (said which).
#
# On the GPU machine (bench/README.md has the details): the repository, python3 with torch (CUDA),
# transformers and peft, cmake (3.18+), a C++20 compiler (g++ 10+), and nlohmann-json's headers
# (not on a bare GPU image: carry a copy, see --json-include). No Qt, SQLite, PCRE2, ICU or curl:
# the bench builds from bench/gpu/CMakeLists.txt, which compiles only the model and training-step
# sources of core/ against the device's libtorch.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
device=cuda preset="" seq="" batch="" steps="" warmup=3 rank=16 alpha=32 dropout=0.05
attn=sdpa autocast_flag="" build_dir="" json_include="${TUNEBENCH_JSON_INCLUDE:-}"
skip_build=0 ours_only=0 gate=0 jobs="$(nproc)"
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --device) device="$2"; shift 2 ;;
        --preset) preset="$2"; shift 2 ;;
        --seq) seq="$2"; shift 2 ;;
        --batch) batch="$2"; shift 2 ;;
        --steps) steps="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --rank) rank="$2"; shift 2 ;;
        --alpha) alpha="$2"; shift 2 ;;
        --dropout) dropout="$2"; shift 2 ;;
        --attn) attn="$2"; shift 2 ;;
        --no-autocast) autocast_flag="--no-autocast"; shift ;;
        --build-dir) build_dir="$2"; shift 2 ;;
        --json-include) json_include="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --skip-build) skip_build=1; shift ;;
        --ours-only) ours_only=1; shift ;;
        --gate) gate=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "gpu_train_compare: unknown option $1 (--help lists them)" >&2; exit 2 ;;
    esac
done
if [[ "$device" == cpu ]]; then
    : "${preset:=tiny}" "${seq:=256}" "${batch:=2}" "${steps:=3}"
elif [[ "$device" == cuda || "$device" == cuda:[0-9]* ]]; then
    : "${preset:=llama-3.2-1b}" "${seq:=1024}" "${batch:=4}" "${steps:=10}"
else
    echo "gpu_train_compare: --device must be cuda, cuda:N or cpu" >&2
    exit 2
fi
build_dir="${build_dir:-$repo/build-gpu-compare}"
started=$(date +%s)
missing() { echo "gpu_train_compare: MISSING: $*" >&2; exit 2; }
note() { echo "== $*" >&2; }

# ---- what this machine has ------------------------------------------------------------
note "repository $repo, device $device, $(nproc) cores"
if command -v nvidia-smi > /dev/null 2>&1; then
    note "GPU: $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -1)"
elif [[ "$device" != cpu ]]; then
    missing "nvidia-smi not found: no NVIDIA driver here (run with --device cpu for the CPU half)"
fi
python_torch=""  # torch's version when python3 can import it
if command -v python3 > /dev/null 2>&1; then
    python_torch=$(python3 -c 'import torch; print(torch.__version__)' 2>/dev/null || true)
else
    [[ "$device" != cpu ]] && missing "python3 (with torch, transformers, peft)"
fi
hf_versions=""
if [[ -n "$python_torch" ]]; then
    note "python3 torch $python_torch, CUDA available: $(python3 -c 'import torch; print(torch.cuda.is_available())' 2>/dev/null)"
    hf_versions=$(python3 -c 'import transformers, peft; print("transformers", transformers.__version__, "peft", peft.__version__)' 2>/dev/null || true)
fi
if [[ -n "$hf_versions" ]]; then
    note "python3 $hf_versions"
elif [[ $ours_only -eq 0 && "$device" != cpu ]]; then
    missing "python3 cannot import transformers and peft (pip install transformers peft, or carry their wheels; --ours-only runs our side alone)"
else
    note "transformers/peft not importable: our side only"
    ours_only=1
fi
command -v cmake > /dev/null 2>&1 || missing "cmake (3.18+; 'pip install cmake' also provides it)"
cxx="${CXX:-}"
if [[ -z "$cxx" ]]; then
    for candidate in g++ c++ clang++; do
        if command -v "$candidate" > /dev/null 2>&1; then cxx="$candidate"; break; fi
    done
fi
[[ -n "$cxx" ]] || missing "a C++20 compiler (g++ 10+ or clang++ 12+)"
note "compiler $("$cxx" --version | head -1), $(cmake --version | head -1)"

# libtorch: the device's PyTorch when python3 has one (the GPU case), else a system libtorch.
torch_prefix=""
if [[ -n "$python_torch" ]]; then
    torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
    note "libtorch from PyTorch $python_torch: $torch_prefix"
elif [[ "$device" == cpu ]]; then
    note "libtorch: the system's (find_package(Torch), e.g. Debian's libtorch-dev)"
else
    missing "PyTorch with CUDA for python3"
fi
# PyTorch's CMake files look for the CUDA toolkit (nvcc) even though nothing here is CUDA code.
if [[ "$device" != cpu ]]; then
    if ! command -v nvcc > /dev/null 2>&1 && [[ -x /usr/local/cuda/bin/nvcc ]]; then export PATH="/usr/local/cuda/bin:$PATH"; fi
    if command -v nvcc > /dev/null 2>&1; then
        note "CUDA toolkit: $(nvcc --version | tail -1)"
    else
        note "no nvcc on PATH: PyTorch's CMake files may not find CUDA (set CUDAToolkit_ROOT if the build says so)"
    fi
fi
# nlohmann-json's headers: --json-include, the carried copy, or the system's.
if [[ -z "$json_include" ]]; then
    for candidate in "$repo/.gpu-carry/include" /usr/include /usr/local/include; do
        if [[ -f "$candidate/nlohmann/json.hpp" ]]; then json_include="$candidate"; break; fi
    done
fi
[[ -n "$json_include" && -f "$json_include/nlohmann/json.hpp" ]] ||
    missing "nlohmann/json.hpp: pass --json-include DIR (DIR/nlohmann/json.hpp), e.g. a copy of /usr/include/nlohmann carried as .gpu-carry/include/nlohmann (bench/README.md)"

# ---- build our side -------------------------------------------------------------------
bench="$build_dir/bench_gpu_train"
if [[ $skip_build -eq 0 ]]; then
    generator=()
    command -v ninja > /dev/null 2>&1 && generator=(-G Ninja)
    build_start=$(date +%s)
    note "building bench_gpu_train in $build_dir (log: $build_dir/build.log)"
    mkdir -p "$build_dir"
    configure=(cmake -S "$repo/bench/gpu" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release
        -DCMAKE_CXX_COMPILER="$(command -v "$cxx")" -DTUNEBENCH_JSON_INCLUDE="$json_include")
    [[ -n "$torch_prefix" ]] && configure+=(-DCMAKE_PREFIX_PATH="$torch_prefix")
    if ! "${configure[@]}" > "$build_dir/build.log" 2>&1 && grep -q nvToolsExt "$build_dir/build.log"; then
        note "PyTorch's CMake files want NVTX 2 (CUDA::nvToolsExt): configuring again with TUNEBENCH_NVTX3_WORKAROUND"
        rm -f "$build_dir/CMakeCache.txt"
        configure+=(-DTUNEBENCH_NVTX3_WORKAROUND=ON)
    fi
    if ! { "${configure[@]}" && cmake --build "$build_dir" -j "$jobs"; } >> "$build_dir/build.log" 2>&1; then
        tail -40 "$build_dir/build.log" >&2
        echo "gpu_train_compare: the build failed (whole log: $build_dir/build.log). A PyTorch whose CMake files" \
            "cannot find CUDA wants nvcc on PATH or -DCUDAToolkit_ROOT; see bench/README.md" >&2
        exit 2
    fi
    note "built in $(($(date +%s) - build_start)) s; $(grep -o 'bench_gpu_train: .*' "$build_dir/build.log" | head -1)"
fi
[[ -x "$bench" ]] || missing "$bench (build it first, or drop --skip-build)"

# ---- run both sides -------------------------------------------------------------------
common=(--device "$device" --preset "$preset" --seq "$seq" --batch "$batch" --steps "$steps" --warmup "$warmup"
    --rank "$rank" --alpha "$alpha" --dropout "$dropout")
out_dir="$build_dir/runs"
mkdir -p "$out_dir"
json_line() { grep '^{.*"side": *"' "$1" | tail -1 || true; }  # one JSON object a line, keys in any order

# First the training step on the device against the CPU (tiny model, fp32, no dropout): a wrong
# CUDA path shows here before any speed is compared.
check_json=null
note "check: bench_gpu_train --device $device --check-against-cpu"
if timeout 120 "$bench" --device "$device" --check-against-cpu > "$out_dir/check.out" 2> "$out_dir/check.err"; then
    grep -v '^{' "$out_dir/check.out" >&2 || true
else
    cat "$out_dir/check.out" "$out_dir/check.err" >&2
    echo "gpu_train_compare: WARNING: the $device training step does not match the CPU's (above)" >&2
fi
check_line=$(grep '^{.*"side": *"check"' "$out_dir/check.out" | tail -1 || true)
[[ -n "$check_line" ]] && check_json="$check_line"

note "ours: bench_gpu_train ${common[*]}"
if ! timeout 240 "$bench" "${common[@]}" > "$out_dir/ours.out" 2> "$out_dir/ours.err"; then
    cat "$out_dir/ours.out" "$out_dir/ours.err" >&2
    echo "gpu_train_compare: our side failed (above)" >&2
    exit 2
fi
grep -v '^{' "$out_dir/ours.out" >&2 || true
ours_json=$(json_line "$out_dir/ours.out")
[[ -n "$ours_json" ]] || { echo "gpu_train_compare: no JSON line from our side ($out_dir/ours.out)" >&2; exit 2; }

theirs_json=null
if [[ $ours_only -eq 0 ]]; then
    note "theirs: hf_peft_reference.py ${common[*]} --attn $attn $autocast_flag"
    if ! PYTHONUNBUFFERED=1 timeout 240 python3 "$repo/bench/hf_peft_reference.py" "${common[@]}" --attn "$attn" \
        $autocast_flag > "$out_dir/theirs.out" 2> "$out_dir/theirs.err"; then
        tail -30 "$out_dir/theirs.err" >&2
        echo "gpu_train_compare: the Hugging Face side failed (above; whole log $out_dir/theirs.err)" >&2
        exit 2
    fi
    grep -v '^{' "$out_dir/theirs.out" >&2 || true
    theirs_json=$(json_line "$out_dir/theirs.out")
    [[ -n "$theirs_json" ]] || { echo "gpu_train_compare: no JSON line from their side ($out_dir/theirs.out)" >&2; exit 2; }
fi

# ---- the table and the JSON line ------------------------------------------------------
elapsed=$(($(date +%s) - started))
status=0
python3 - "$ours_json" "$theirs_json" "$elapsed" "$gate" "$check_json" << 'PY' || status=$?
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
elapsed, gate, check = int(sys.argv[3]), sys.argv[4] == "1", json.loads(sys.argv[5])
gib = lambda b: None if b is None else b / 2**30
rows = [("tokens/s", "tokens_per_s", lambda v: f"{v:,.0f}"),
        ("s/step", "seconds_per_step", lambda v: f"{v:.4f}"),
        ("peak memory (GiB)", "peak_memory_bytes", lambda v: f"{gib(v):.3f}"),
        ("loss first", "first_loss", lambda v: f"{v:.4f}"),
        ("loss last", "last_loss", lambda v: f"{v:.4f}")]
def cell(side, key, fmt):
    if side is None: return "-"
    v = side.get(key)
    return "n/a" if v is None else fmt(v)
def ratio(key):
    if theirs is None or ours.get(key) is None or not theirs.get(key): return None
    return ours[key] / theirs[key]
print(f"\nLoRA training, {ours['preset']} ({ours['parameters'] / 1e6:.0f}M parameters, "
      f"{ours['trainable_parameters'] / 1e6:.2f}M trainable), batch {ours['batch']} x {ours['seq']} tokens, "
      f"{ours['dtype']}, r={ours['rank']} alpha={ours['alpha']:g} dropout={ours['dropout']:g}, "
      f"{ours['warmup']}+{ours['steps']} steps on {ours['device']}")
if theirs:
    print(f"theirs: torch {theirs['torch']}, transformers {theirs['transformers']}, peft {theirs['peft']}, "
          f"attention {theirs['attention']}, autocast {theirs['autocast']}; ours: libtorch {ours['torch']}")
print(f"{'':20} {'tunebench':>14} {'hf+peft':>14} {'ours/theirs':>12}")
for label, key, fmt in rows:
    r = ratio(key) if key in ("tokens_per_s", "peak_memory_bytes", "seconds_per_step") else None
    print(f"{label:20} {cell(ours, key, fmt):>14} {cell(theirs, key, fmt):>14} "
          f"{'' if r is None else f'{r:.2f}x':>12}")
speed, memory = ratio("tokens_per_s"), ratio("peak_memory_bytes")
goals = None
if speed is not None and memory is not None and ours.get("peak_memory_kind") == "cuda_max_allocated":
    goals = {"tokens_per_s_at_least_1.3x": speed >= 1.3, "peak_memory_at_most_0.8x": memory <= 0.8}
    print(f"goals: tokens/s {speed:.2f}x (>= 1.3x: {'met' if goals['tokens_per_s_at_least_1.3x'] else 'MISSED'}), "
          f"peak memory {memory:.2f}x (<= 0.8x: {'met' if goals['peak_memory_at_most_0.8x'] else 'MISSED'})")
else:
    print("goals: not judged (they need both sides on a GPU with CUDA memory statistics)")
if check:
    print(f"check against the CPU (tiny model, fp32): largest relative loss difference "
          f"{check['max_relative_difference']:.2e} ({'agree' if check['agree'] else 'DISAGREE'})")
print(f"elapsed {elapsed} s (build included)")
print(json.dumps({"bench": "gpu_train_compare", "elapsed_s": elapsed, "check": check, "tunebench": ours, "hf_peft": theirs,
                  "tokens_per_s_ratio": speed, "peak_memory_ratio": memory, "goals_met": goals}))
sys.exit(1 if gate and goals is not None and not all(goals.values()) else 0)
PY
exit $status
