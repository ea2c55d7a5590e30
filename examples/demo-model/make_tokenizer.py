#!/usr/bin/env python3
"""Trains the demo model's tokenizer: a small byte-level BPE (GPT-2 style: 256 byte tokens,
learned merges, ChatML special tokens) on the general-skills corpus plus the support-ticket
texts, and writes it as a Hugging Face tokenizer folder:

  tokenizer.json         Split (GPT-2 regex, digits one by one) + ByteLevel pre-tokenizer,
                         BPE model (vocab + merges), ByteLevel decoder, added special tokens
  tokenizer_config.json  eos/pad tokens, no BOS, the ChatML chat template (chat_template.jinja,
                         whose {% generation %} block marks the assistant text to train on)

Standard library only. Deterministic: the same inputs give the same files byte for byte.

  python3 examples/demo-model/make_tokenizer.py --out DIR --vocab-size 1024 corpus.jsonl tickets.jsonl

Digits are single tokens on purpose: numbers then look the same to the model wherever they
appear, which is what lets a tiny model learn column-wise addition.
"""
import argparse
import collections
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
EOS, PAD = "<|im_end|>", "<|endoftext|>"

# The pre-tokenizer regex as tokenizer.json states it (PCRE/Oniguruma syntax) and a Python
# `re` equivalent for ASCII-ish text used while counting words for training. Differences
# outside ASCII only change which merges are learned, never whether text round-trips.
SPLIT_PATTERN = r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"
PY_SPLIT = re.compile(r"'s|'t|'re|'ve|'m|'ll|'d| ?[^\W\d_]+|\d| ?(?:[^\s\w]|_)+|\s+(?!\S)|\s+")


def bytes_to_unicode():
    """GPT-2's reversible map of the 256 bytes onto printable characters (tokenizer.json's alphabet)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return {b: chr(c) for b, c in zip(printable, chars)}


def training_texts(paths):
    """Every message's content, plus the template's fixed text, from chat JSONL files."""
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                record = json.loads(line)
                for message in record.get("messages", []):
                    yield message["role"] + "\n"
                    yield message["content"]
                if isinstance(record.get("reference"), str):
                    yield record["reference"]


def count_words(paths):
    counts = collections.Counter()
    for text in training_texts(paths):
        for word in PY_SPLIT.findall(text):
            counts[word.encode("utf-8")] += 1
    return counts


def train_bpe(word_counts, merges_wanted):
    """Classic BPE: repeatedly merge the most frequent adjacent pair (ties: smallest pair by
    bytes, so the result never depends on dict order). Returns merges as (left, right) bytes."""
    words = [[bytes([b]) for b in word] for word in word_counts]
    freqs = list(word_counts.values())
    pair_counts = collections.Counter()
    pair_words = collections.defaultdict(set)  # pair -> indices of words containing it
    for i, symbols in enumerate(words):
        for pair in zip(symbols, symbols[1:]):
            pair_counts[pair] += freqs[i]
            pair_words[pair].add(i)

    merges = []
    while len(merges) < merges_wanted and pair_counts:
        best = min(pair_counts.items(), key=lambda item: (-item[1], item[0]))[0]
        if pair_counts[best] < 2:
            break
        merges.append(best)
        merged = best[0] + best[1]
        for i in sorted(pair_words.pop(best, ())):
            symbols = words[i]
            for pair in zip(symbols, symbols[1:]):
                pair_counts[pair] -= freqs[i]
                if pair_counts[pair] <= 0:
                    del pair_counts[pair]
            out, k = [], 0
            while k < len(symbols):
                if k + 1 < len(symbols) and symbols[k] == best[0] and symbols[k + 1] == best[1]:
                    out.append(merged)
                    k += 2
                else:
                    out.append(symbols[k])
                    k += 1
            words[i] = out
            for pair in zip(out, out[1:]):
                pair_counts[pair] += freqs[i]
                pair_words[pair].add(i)
        pair_counts.pop(best, None)
    return merges


def build(paths, vocab_size, template):
    byte_map = bytes_to_unicode()
    encode = lambda bs: "".join(byte_map[b] for b in bs)  # noqa: E731

    merges = train_bpe(count_words(paths), vocab_size - 256 - len(SPECIAL_TOKENS))
    vocab = {encode(bytes([b])): b for b in range(256)}
    for left, right in merges:
        vocab[encode(left + right)] = len(vocab)
    added = []
    for token in SPECIAL_TOKENS:
        added.append({"id": len(vocab) + len(added), "content": token, "single_word": False, "lstrip": False,
                      "rstrip": False, "normalized": False, "special": True})

    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": SPLIT_PATTERN}, "behavior": "Isolated", "invert": False},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False},
        ]},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": [[encode(l), encode(r)] for l, r in merges]},
    }
    config = {
        "add_bos_token": False,
        "add_eos_token": False,
        "added_tokens_decoder": {str(t["id"]): {k: v for k, v in t.items() if k != "id"} for t in added},
        "bos_token": None,
        "chat_template": template,
        "clean_up_tokenization_spaces": False,
        "eos_token": EOS,
        "model_max_length": 512,
        "pad_token": PAD,
        "tokenizer_class": "PreTrainedTokenizerFast",
        "unk_token": None,
    }
    return tokenizer, config


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder to write tokenizer.json and tokenizer_config.json into")
    parser.add_argument("--vocab-size", type=int, default=1024, help="total, special tokens included")
    parser.add_argument("--template", default=str(HERE / "chat_template.jinja"))
    parser.add_argument("inputs", nargs="+", help="chat JSONL files (messages) to learn the merges from")
    args = parser.parse_args()
    template = Path(args.template).read_text(encoding="utf-8")
    tokenizer, config = build(args.inputs, args.vocab_size, template)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "tokenizer_config.json").write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{out}: {len(tokenizer['model']['vocab'])} BPE tokens + {len(SPECIAL_TOKENS)} special tokens")


if __name__ == "__main__":
    main()
