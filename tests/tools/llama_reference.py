#!/usr/bin/env python3
"""Independent reference forward pass of a Llama-family model, in float64 numpy (no torch).

Reads a Hugging Face folder (config.json + model.safetensors or a sharded index) by parsing
the safetensors JSON header and numpy.frombuffer, and writes the logits of each prompt.

    llama_reference.py MODEL_DIR PROMPTS.json OUT.f32

PROMPTS.json is a list of token id lists. OUT.f32 receives, prompt after prompt, the
logits [T, vocab] as little-endian float32. Supports Llama (rope_scaling llama3/linear,
attention_bias), Mistral, Qwen2 (q/k/v bias), Qwen3 (q/k RMSNorm), GQA and tied embeddings.
"""
import json
import math
import os
import struct
import sys

import numpy as np


def read_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    (header_len,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + header_len])
    data = memoryview(blob)[8 + header_len :]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        raw = data[begin:end]
        dtype = entry["dtype"]
        if dtype == "F32":
            arr = np.frombuffer(raw, dtype="<f4").astype(np.float64)
        elif dtype == "F16":
            arr = np.frombuffer(raw, dtype="<f2").astype(np.float64)
        elif dtype == "BF16":
            # bfloat16 is the top half of a float32.
            arr = (np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16).view(np.float32).astype(np.float64)
        else:
            raise SystemExit(f"{path}: dtype {dtype} not handled by the reference")
        tensors[name] = arr.reshape(entry["shape"])
    return tensors


def read_weights(model_dir):
    index = os.path.join(model_dir, "model.safetensors.index.json")
    if os.path.exists(index):
        with open(index) as f:
            shards = sorted(set(json.load(f)["weight_map"].values()))
        weights = {}
        for shard in shards:
            weights.update(read_safetensors(os.path.join(model_dir, shard)))
        return weights
    return read_safetensors(os.path.join(model_dir, "model.safetensors"))


def inverse_frequencies(cfg, head_dim):
    theta = cfg.get("rope_theta", 10000.0)
    inv = 1.0 / theta ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim)
    scaling = cfg.get("rope_scaling")
    if not scaling:
        return inv
    kind = scaling.get("rope_type", scaling.get("type"))
    if kind == "linear":
        return inv / scaling["factor"]
    if kind == "llama3":
        factor = scaling["factor"]
        low = scaling.get("low_freq_factor", 1.0)
        high = scaling.get("high_freq_factor", 4.0)
        original = scaling.get("original_max_position_embeddings", 8192)
        out = []
        for f in inv:
            wavelength = 2 * math.pi / f
            if wavelength < original / high:
                out.append(f)
            elif wavelength > original / low:
                out.append(f / factor)
            else:
                blend = (original / wavelength - low) / (high - low)
                out.append((1 - blend) * f / factor + blend * f)
        return np.array(out)
    if kind == "default":
        return inv
    raise SystemExit(f"rope_scaling {kind} not handled by the reference")


def rms_norm(x, weight, eps):
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * weight


def rotate(x, cos, sin):
    # x [heads, T, d]: rotate-half layout (first half pairs with second half).
    half = x.shape[-1] // 2
    rotated = np.concatenate([-x[..., half:], x[..., :half]], axis=-1)
    return x * cos + rotated * sin


def forward(cfg, w, ids):
    hidden = cfg["hidden_size"]
    n_heads = cfg["num_attention_heads"]
    n_kv = cfg.get("num_key_value_heads", n_heads)
    head_dim = cfg.get("head_dim") or hidden // n_heads
    eps = cfg.get("rms_norm_eps", 1e-6)
    model_type = cfg.get("model_type", "llama")
    qk_norm = model_type == "qwen3"

    def linear(x, prefix):
        y = x @ w[prefix + ".weight"].T
        if prefix + ".bias" in w:
            y = y + w[prefix + ".bias"]
        return y

    T = len(ids)
    x = w["model.embed_tokens.weight"][np.array(ids)]  # [T, hidden]
    angles = np.outer(np.arange(T, dtype=np.float64), inverse_frequencies(cfg, head_dim))  # [T, d/2]
    cos = np.cos(np.concatenate([angles, angles], axis=-1))  # [T, d]
    sin = np.sin(np.concatenate([angles, angles], axis=-1))
    causal = np.triu(np.full((T, T), -np.inf), k=1)
    group = n_heads // n_kv
    for layer in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{layer}"
        h = rms_norm(x, w[p + ".input_layernorm.weight"], eps)
        q = linear(h, p + ".self_attn.q_proj").reshape(T, n_heads, head_dim).transpose(1, 0, 2)
        k = linear(h, p + ".self_attn.k_proj").reshape(T, n_kv, head_dim).transpose(1, 0, 2)
        v = linear(h, p + ".self_attn.v_proj").reshape(T, n_kv, head_dim).transpose(1, 0, 2)
        if qk_norm:
            q = rms_norm(q, w[p + ".self_attn.q_norm.weight"], eps)
            k = rms_norm(k, w[p + ".self_attn.k_norm.weight"], eps)
        q = rotate(q, cos, sin)
        k = rotate(k, cos, sin)
        heads = []
        for head in range(n_heads):
            kv = head // group
            scores = q[head] @ k[kv].T / math.sqrt(head_dim) + causal
            scores = scores - scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            heads.append(probs @ v[kv])
        attn = np.concatenate(heads, axis=-1)  # [T, heads * head_dim]
        x = x + linear(attn, p + ".self_attn.o_proj")
        h = rms_norm(x, w[p + ".post_attention_layernorm.weight"], eps)
        gate = linear(h, p + ".mlp.gate_proj")
        up = linear(h, p + ".mlp.up_proj")
        x = x + linear(gate / (1.0 + np.exp(-gate)) * up, p + ".mlp.down_proj")
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["lm_head.weight"] if "lm_head.weight" in w and not cfg.get("tie_word_embeddings") else w["model.embed_tokens.weight"]
    return x @ head.T  # [T, vocab]


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    model_dir, prompts_path, out_path = sys.argv[1:]
    with open(os.path.join(model_dir, "config.json")) as f:
        cfg = json.load(f)
    with open(prompts_path) as f:
        prompts = json.load(f)
    weights = read_weights(model_dir)
    with open(out_path, "wb") as out:
        for ids in prompts:
            out.write(forward(cfg, weights, ids).astype("<f4").tobytes())


if __name__ == "__main__":
    main()
