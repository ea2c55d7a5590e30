#!/usr/bin/env python3
"""The Hugging Face side of bench/gpu_train_compare.sh: LoRA training of a random-initialised
Llama with transformers + PEFT on this machine's PyTorch, the same settings as bench_gpu_train
(bench/gpu_train.cpp): same shape, batch of random tokens, LoRA targets/rank/alpha/dropout,
bf16, AdamW (lr 1e-4, no weight decay), gradient clipping at 1.0.

As the HF Trainer runs with bf16=True: base weights in bf16, PEFT's adapters in fp32 (its
autocast_adapter_dtype default), forward under torch.autocast(bf16); --no-autocast turns that
off. Attention: SDPA (transformers' default), or --attn eager.

Prints a few human lines, then one JSON line {"side": "hf_peft", ...}. Peak memory is
torch.cuda.max_memory_allocated from after setup (model, adapters, optimizer) to the end of the
timed steps, the same span as bench_gpu_train; on the CPU the process's peak RSS instead.
"""
import argparse
import json
import resource
import sys
import time

PRESETS = {  # must match model_config() in bench/gpu_train.cpp
    "llama-3.2-1b": dict(hidden_size=2048, num_hidden_layers=16, num_attention_heads=32,
                         num_key_value_heads=8, intermediate_size=8192, vocab_size=128256),
    "tiny": dict(hidden_size=256, num_hidden_layers=4, num_attention_heads=8,
                 num_key_value_heads=2, intermediate_size=1024, vocab_size=4096),
}
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--preset", default="llama-3.2-1b", choices=sorted(PRESETS))
    ap.add_argument("--seq", type=int, default=1024)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--alpha", type=float, default=32.0)
    ap.add_argument("--dropout", type=float, default=0.05)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--dtype", default="bf16", choices=["bf16", "fp32"])
    ap.add_argument("--attn", default="sdpa", choices=["sdpa", "eager"])
    ap.add_argument("--no-autocast", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()

    import torch
    import transformers
    import peft
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(a.seed)
    device = torch.device(a.device)
    cuda = device.type == "cuda"
    dtype = torch.bfloat16 if a.dtype == "bf16" else torch.float32
    shape = PRESETS[a.preset]
    config = LlamaConfig(**shape, head_dim=shape["hidden_size"] // shape["num_attention_heads"],
                         rms_norm_eps=1e-5, max_position_embeddings=131072, tie_word_embeddings=True,
                         initializer_range=0.02, use_cache=False, attn_implementation=a.attn)
    if isinstance(getattr(config, "rope_parameters", None), dict):  # transformers 5
        config.rope_parameters["rope_theta"] = 500000.0
    else:  # transformers 4
        config.rope_theta = 500000.0

    setup_start = time.perf_counter()
    model = LlamaForCausalLM(config)  # random init, N(0, 0.02), on the CPU in fp32
    model.to(device=device, dtype=dtype)
    lora = peft.LoraConfig(r=a.rank, lora_alpha=a.alpha, lora_dropout=a.dropout,
                           target_modules=TARGETS, bias="none", task_type="CAUSAL_LM")
    model = peft.get_peft_model(model, lora)  # adapters in fp32 over the bf16 base
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=a.lr, weight_decay=0.0)
    ids = torch.randint(0, shape["vocab_size"], (a.batch, a.seq), device=device)
    if cuda:
        torch.cuda.synchronize(device)
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats(device)
    setup_s = time.perf_counter() - setup_start

    use_autocast = a.dtype == "bf16" and not a.no_autocast

    def step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=use_autocast):
            loss = model(input_ids=ids, labels=ids).loss  # mean over the B*(T-1) shifted tokens
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        return loss.item()

    first_loss = last_loss = 0.0
    for _ in range(a.warmup):
        first_loss = step()
    if cuda:
        torch.cuda.synchronize(device)
    start = time.perf_counter()
    for i in range(a.steps):
        last_loss = step()
        if a.warmup == 0 and i == 0:
            first_loss = last_loss
    if cuda:
        torch.cuda.synchronize(device)
    seconds = time.perf_counter() - start
    if cuda:
        peak, peak_kind = float(torch.cuda.max_memory_allocated(device)), "cuda_max_allocated"
    else:
        peak, peak_kind = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024.0, "process_peak_rss"

    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in params)
    tokens_per_s = a.batch * a.seq * a.steps / seconds
    attn = getattr(model.config, "_attn_implementation", a.attn)
    print(f"hf_peft: {a.preset}, {total / 1e6:.0f}M parameters ({trainable / 1e6:.2f}M LoRA r={a.rank}), "
          f"batch {a.batch} x {a.seq}, {a.dtype}{' autocast' if use_autocast else ''}, attention {attn}, "
          f"{a.warmup}+{a.steps} steps")
    print(f"hf_peft: {seconds / a.steps:.3f} s/step, {tokens_per_s:.0f} tokens/s, peak memory "
          f"{peak / 2**30:.3f} GiB, loss {first_loss:.4f} -> {last_loss:.4f}, setup {setup_s:.1f} s")
    print(json.dumps({
        "side": "hf_peft", "device": str(device), "torch": torch.__version__,
        "transformers": transformers.__version__, "peft": peft.__version__, "attention": attn,
        "autocast": use_autocast, "preset": a.preset, "batch": a.batch, "seq": a.seq,
        "steps": a.steps, "warmup": a.warmup, "dtype": a.dtype, "rank": a.rank, "alpha": a.alpha,
        "dropout": a.dropout, "parameters": total, "trainable_parameters": trainable,
        "seconds_per_step": seconds / a.steps, "tokens_per_s": tokens_per_s,
        "peak_memory_bytes": peak, "peak_memory_kind": peak_kind,
        "first_loss": first_loss, "last_loss": last_loss}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
