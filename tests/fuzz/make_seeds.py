#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into tests/fuzz/seeds/<target>/.

The seeds are small valid inputs taken from the unit tests' inputs and examples/demo-model,
one per feature the parser knows, so libFuzzer starts from inputs that reach deep into each
parser instead of spending its first minutes rediscovering JSON. Run it again after changing
it; the output is deterministic. scripts/fuzz.sh also adds tests/fixtures when it exists.
"""
import json
import os
import shutil
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEMO = os.path.join(ROOT, "examples", "demo-model")
OUT = os.path.join(HERE, "seeds")


def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# --- safetensors ------------------------------------------------------------------------
DTYPE_SIZE = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1,
              "U8": 1, "BOOL": 1, "F8_E4M3": 1, "F8_E5M2": 1, "U16": 2, "U32": 4, "U64": 8}


def safetensors(tensors, metadata=None, pad=True):
    header, data = {}, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, dtype, shape in tensors:
        n = 1
        for d in shape:
            n *= d
        size = n * DTYPE_SIZE[dtype]
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + size]}
        data += bytes((i * 7 + 3) % 256 for i in range(size))
    text = json.dumps(header, separators=(",", ":")).encode()
    if pad:
        text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def safetensors_seeds():
    t = "safetensors"
    write(t, "one_f32", safetensors([("w", "F32", [2, 3])]))
    write(t, "metadata", safetensors([("a", "BF16", [4]), ("b", "I64", [1])], {"format": "pt", "step": "3"}))
    write(t, "every_dtype", safetensors([(f"t_{d}", d, [2]) for d in sorted(DTYPE_SIZE)]))
    write(t, "scalar_and_empty", safetensors([("s", "F16", []), ("e", "F32", [0, 5])]))
    # The demo model's layer names and dtypes, shapes shrunk (the real file is 4 MB).
    write(t, "demo_layout", safetensors([
        ("model.embed_tokens.weight", "F32", [8, 4]),
        ("model.layers.0.self_attn.q_proj.weight", "F32", [4, 4]),
        ("model.layers.0.mlp.down_proj.weight", "F32", [4, 2]),
        ("model.norm.weight", "F32", [4])], {"format": "pt"}))
    write(t, "unpadded", safetensors([("x", "U8", [3])], pad=False))


# --- config.json ------------------------------------------------------------------------
def config_seeds():
    t = "hf_config"
    demo = json.loads(read(os.path.join(DEMO, "model", "config.json")))
    write(t, "demo_config", read(os.path.join(DEMO, "model", "config.json")))
    write(t, "demo_generation_config", read(os.path.join(DEMO, "model", "generation_config.json")))
    llama3 = dict(demo, rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                      "high_freq_factor": 4.0, "original_max_position_embeddings": 8192},
                  eos_token_id=[1021, 1023], bos_token_id=1021, num_key_value_heads=2)
    write(t, "llama3_rope", json.dumps(llama3, indent=1))
    write(t, "linear_rope", json.dumps(dict(demo, rope_scaling={"type": "linear", "factor": 2.0})))
    write(t, "qwen2", json.dumps(dict(demo, model_type="qwen2", architectures=["Qwen2ForCausalLM"],
                                      sliding_window=None, use_sliding_window=False)))
    write(t, "mistral", json.dumps(dict(demo, model_type="mistral", architectures=["MistralForCausalLM"],
                                        sliding_window=256, head_dim=None)))
    write(t, "qwen3", json.dumps(dict(demo, model_type="qwen3", architectures=["Qwen3ForCausalLM"],
                                      attention_bias=True, tie_word_embeddings=False)))
    write(t, "generation_full", json.dumps({"bos_token_id": 1, "eos_token_id": [2, 32000], "pad_token_id": 0,
                                            "do_sample": True, "temperature": 0.6, "top_p": 0.9, "top_k": 50,
                                            "max_new_tokens": 64}))


# --- tokenizer.json ---------------------------------------------------------------------
def added(i, content, special=True, **flags):
    token = {"id": i, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": not special, "special": special}
    token.update(flags)
    return token


def bpe(vocab, merges=(), **model):
    m = {"type": "BPE", "vocab": vocab, "merges": list(merges)}
    m.update(model)
    return m


def tokenizer(model, normalizer=None, pre_tokenizer=None, post_processor=None, decoder=None, added_tokens=()):
    return json.dumps({"version": "1.0", "truncation": None, "padding": None, "added_tokens": list(added_tokens),
                       "normalizer": normalizer, "pre_tokenizer": pre_tokenizer, "post_processor": post_processor,
                       "decoder": decoder, "model": model}, ensure_ascii=False, indent=1)


def byte_level_vocab():
    # GPT-2's bytes_to_unicode: every byte gets a printable character.
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return [chr(c) for c in cs]


def tokenizer_seeds():
    t = "tokenizer_load"
    write(t, "demo_tokenizer", read(os.path.join(DEMO, "model", "tokenizer.json")))
    chars = byte_level_vocab()
    vocab = {c: i for i, c in enumerate(chars)}
    for extra in ["Ġt", "he", "Ġthe", "in", "Ġa"]:
        vocab[extra] = len(vocab)
    merges = ["Ġ t", "h e", "Ġt he", "i n", "Ġ a"]
    split = {"type": "Split", "pattern": {"Regex": r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"},
             "behavior": "Isolated", "invert": False}
    write(t, "byte_level_llama3_style", tokenizer(
        bpe(vocab, merges, ignore_merges=True),
        pre_tokenizer={"type": "Sequence", "pretokenizers": [split, {"type": "ByteLevel", "add_prefix_space": False,
                                                                        "trim_offsets": True, "use_regex": False}]},
        post_processor={"type": "Sequence", "processors": [
            {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
            {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}},
                                                      {"Sequence": {"id": "A", "type_id": 0}}],
             "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
             "special_tokens": {"<|begin_of_text|>": {"id": "<|begin_of_text|>", "ids": [261], "tokens": ["<|begin_of_text|>"]}}}]},
        decoder={"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        added_tokens=[added(261, "<|begin_of_text|>"), added(262, "<|eot_id|>"),
                      added(263, "  ", special=False)]))
    write(t, "byte_level_gpt2_style", tokenizer(
        bpe(vocab, merges), pre_tokenizer={"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True,
                                           "use_regex": True},
        post_processor={"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
        decoder={"type": "ByteLevel"}, added_tokens=[added(261, "<|endoftext|>")]))
    spm_vocab = {"<unk>": 0, "<s>": 1, "</s>": 2}
    for b in range(256):
        spm_vocab["<0x%02X>" % b] = len(spm_vocab)
    for piece in ["▁", "a", "b", "▁a", "ab", "▁ab", "e", "é", "▁t", "h", "▁th", "▁the"]:
        spm_vocab[piece] = len(spm_vocab)
    spm_merges = [["▁", "a"], ["a", "b"], ["▁a", "b"], ["▁", "t"], ["▁t", "h"], ["▁th", "e"]]
    write(t, "sentencepiece_byte_fallback", tokenizer(
        bpe(spm_vocab, spm_merges, unk_token="<unk>", byte_fallback=True, fuse_unk=True, dropout=None),
        normalizer={"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "▁"},
                                                        {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]},
        post_processor={"type": "TemplateProcessing",
                        "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
                        "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
                        "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}},
        decoder={"type": "Sequence", "decoders": [
            {"type": "Replace", "pattern": {"String": "▁"}, "content": " "}, {"type": "ByteFallback"},
            {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
        added_tokens=[added(0, "<unk>"), added(1, "<s>"), added(2, "</s>")]))
    write(t, "metaspace_normalizers", tokenizer(
        bpe({"<unk>": 0, "▁": 1, "a": 2, "▁a": 3, "1": 4, "!": 5}, ["▁ a"], unk_token="<unk>"),
        normalizer={"type": "Sequence", "normalizers": [{"type": "NFKC"}, {"type": "Lowercase"},
                                                        {"type": "Strip", "strip_left": True, "strip_right": True},
                                                        {"type": "Replace", "pattern": {"Regex": "\\s+"}, "content": " "}]},
        pre_tokenizer={"type": "Sequence", "pretokenizers": [
            {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "first", "split": True},
            {"type": "Digits", "individual_digits": True}, {"type": "Punctuation", "behavior": "Isolated"}]},
        post_processor={"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0], "trim_offsets": True,
                        "add_prefix_space": True},
        decoder={"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True},
        added_tokens=[added(0, "<unk>"), added(6, "[MASK]", lstrip=True, rstrip=True, single_word=True)]))
    write(t, "whitespace_nfd", tokenizer(
        bpe({"[UNK]": 0, "a": 1, "b": 2, "ab": 3, "##": 4}, [["a", "b"]], unk_token="[UNK]",
            continuing_subword_prefix="##", end_of_word_suffix="</w>"),
        normalizer={"type": "NFD"},
        pre_tokenizer={"type": "Sequence", "pretokenizers": [{"type": "WhitespaceSplit"}, {"type": "Whitespace"},
                                                             {"type": "Split", "pattern": {"String": "-"},
                                                              "behavior": "MergedWithPrevious", "invert": False}]},
        post_processor={"type": "BertProcessing", "sep": ["[SEP]", 6], "cls": ["[CLS]", 5]},
        added_tokens=[added(5, "[CLS]"), added(6, "[SEP]")]))
    # With a text after a NUL byte (see fuzz_tokenizer_load.cpp).
    write(t, "demo_with_text", read(os.path.join(DEMO, "model", "tokenizer.json")) +
          b"\0<|im_start|>user\nHello, w\xc3\xb6rld!<|im_end|>\n")

    e = "tokenizer_encode"  # first byte picks the tokenizer
    texts = ["Hello world", "  leading spaces\tand\ttabs\n\n", "<|im_start|>user\nhi<|im_end|>",
             "caf\u00e9 \u4e2d\u6587 \U0001F600 \u0301combining", "12345 3.14 don't you'll",
             "\u2581a\u2581b", "<s></s><unk>", ""]
    for k in range(5):
        for i, text in enumerate(texts):
            write(e, f"t{k}_{i}", bytes([k]) + text.encode("utf-8"))


# --- Jinja ------------------------------------------------------------------------------
def jinja_seeds():
    t = "jinja"
    write(t, "demo_chat_template", read(os.path.join(DEMO, "chat_template.jinja")))
    with open(os.path.join(ROOT, "tests", "text", "jinja", "feature_cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    seen = set()
    for i, case in enumerate(cases if isinstance(cases, list) else cases.get("cases", [])):
        source = case.get("template") if isinstance(case, dict) else None
        if isinstance(source, str) and source not in seen:
            seen.add(source)
            write(t, f"feature_{i:03d}", source)

    r = "chat_template_request"  # first byte picks the template
    requests = [
        {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}],
         "add_generation_prompt": False},
        {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "2+2?"}],
         "add_generation_prompt": True, "bos_token": "<s>", "eos_token": "</s>"},
        {"messages": [{"role": "user", "content": "weather?"},
                      {"role": "assistant", "content": None, "tool_calls": [
                          {"id": "c1", "type": "function",
                           "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
                      {"role": "tool", "tool_call_id": "c1", "name": "get_weather", "content": "21"},
                      {"role": "assistant", "content": "21 \u00b0C"}],
         "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather",
                                                     "parameters": {"type": "object",
                                                                    "properties": {"city": {"type": "string"}}}}}],
         "add_generation_prompt": False},
        {"messages": [{"role": "user", "content": [{"type": "text", "text": "{{ 7*7 }} {% raw %}"}]}],
         "add_generation_prompt": True},
    ]
    for k in range(4):
        for i, req in enumerate(requests):
            write(r, f"r{k}_{i}", bytes([k]) + json.dumps(req, ensure_ascii=False).encode("utf-8"))


# --- dataset importers ------------------------------------------------------------------
CHAT = {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "2+2?"},
                     {"role": "assistant", "content": "4", "weight": 1}]}
CHAT_TOOLS = {"messages": [
    {"role": "developer", "content": "Be brief."},
    {"role": "user", "name": "ann", "content": [{"type": "text", "text": "Weather "}, {"type": "text", "value": "in Paris?"}],
     "loss_weight": 0},
    {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
        "name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}}]},
    {"role": "tool", "tool_call_id": "c1", "content": "21"},
    {"role": "assistant", "content": "21 \u00b0C.", "weight": 0.5}],
    "tools": [{"type": "function", "function": {"name": "get_weather"}}], "id": 7, "tags": ["x"]}
SHAREGPT = {"system": "You help.", "tools": "[{\"name\": \"add\"}]", "conversations": [
    {"from": "human", "value": "1+1?"}, {"from": "function_call", "value": "{\"name\": \"add\"}"},
    {"from": "observation", "value": "2"}, {"from": "gpt", "value": "2"}]}
ALPACA = {"instruction": "Translate", "input": "chat", "output": "cat", "system": "You translate.",
          "history": [["Hi", "Hello"]]}


def dataset_seeds():
    dumps = lambda r: json.dumps(r, ensure_ascii=False)
    write("import_json", "chat_array", "\ufeff[\r\n" + ",\r\n".join([dumps(CHAT), dumps(CHAT_TOOLS)]) + "\r\n]\r\n")
    write("import_json", "sharegpt_array", json.dumps([SHAREGPT], indent=1, ensure_ascii=False))
    write("import_json", "alpaca_array", json.dumps([ALPACA, {"instruction": "a", "output": "b"}], indent=2))
    write("import_json", "alpaca_lines", dumps(ALPACA) + "\n" + dumps({"instruction": "a", "output": "b"}) + "\n")
    write("import_json", "broken_array", "[" + dumps(CHAT) + ",,\n" + dumps(CHAT))
    write("import_jsonl", "chat_lines", "\n" + dumps(CHAT) + "\r\n   \n" + dumps(CHAT_TOOLS) + "\n{\"messages\": [\n")
    write("import_jsonl", "chat_bad_records", "\n".join([
        dumps(CHAT), '["user", "hi"]', '{"messages": []}', '{"messages":[{"content":"hi"}]}',
        '{"mesages": 1}', '{"messages":[{"role":"user","content":"\\ud800"}]}']) + "\n")
    write("import_sharegpt", "sharegpt_array", json.dumps([SHAREGPT, {"conversations": [
        {"from": "human", "value": "a"}, {"from": "gpt", "value": "b"}]}], ensure_ascii=False))
    write("import_sharegpt", "sharegpt_lines", dumps(SHAREGPT) + "\n")
    write("import_alpaca", "alpaca_array", json.dumps([ALPACA], ensure_ascii=False))
    write("import_alpaca", "alpaca_lines", dumps(ALPACA) + "\n" + dumps({"instruction": "x", "output": ""}) + "\n")
    write("import_csv", "basic", "instruction,input,output,system\r\nSay hi,politely,Hello!,Be kind\r\n"
          "\"multi\nline, \"\"quoted\"\"\",,\"ok\",\n")
    write("import_csv", "bom_and_blank_rows", "\ufeffsystem,instruction,output\n\n,a,b\nsys,\"c\"\"\",d\n\n")
    write("import_csv", "unterminated", "instruction,output\n\"open,x\n")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    safetensors_seeds()
    config_seeds()
    tokenizer_seeds()
    jinja_seeds()
    dataset_seeds()
    for target in sorted(os.listdir(OUT)):
        print(f"{target}: {len(os.listdir(os.path.join(OUT, target)))} seeds")


if __name__ == "__main__":
    sys.exit(main())
