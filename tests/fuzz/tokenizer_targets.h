#pragma once
// Fuzz targets for tokenizer.json loading and encoding, and the properties every encoding
// must satisfy whatever the tokenizer and the text: one span per id, spans inside the text,
// ids inside the vocabulary, encode == encode_with_offsets's ids.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/tokenizer.h"
#include "core/text/tokenizer_config.h"
#include "tests/fuzz/fuzz_common.h"

namespace tb::fuzz {

inline void check_encoding(const Tokenizer& tok, std::string_view text, const Encoding& enc) {
    if (enc.ids.size() != enc.spans.size())
        property_broken("encode_with_offsets gave " + std::to_string(enc.ids.size()) + " ids but " +
                        std::to_string(enc.spans.size()) + " spans");
    for (std::size_t i = 0; i < enc.ids.size(); ++i) {
        if (enc.ids[i] < 0 || static_cast<std::size_t>(enc.ids[i]) >= tok.vocab_size())
            property_broken("id " + std::to_string(enc.ids[i]) + " outside the vocabulary of " +
                            std::to_string(tok.vocab_size()));
        if (enc.spans[i].begin > enc.spans[i].end || enc.spans[i].end > text.size())
            property_broken("span [" + std::to_string(enc.spans[i].begin) + ", " + std::to_string(enc.spans[i].end) +
                            ") outside a text of " + std::to_string(text.size()) + " bytes");
    }
}

// Encodes `text` every way the trainer and the CLI do, checks the results, decodes them.
inline void exercise(const Tokenizer& tok, std::string_view text) {
    for (bool special : {false, true}) {
        Encoding enc = tok.encode_with_offsets(text, special);
        check_encoding(tok, text, enc);
        if (tok.encode(text, special) != enc.ids) property_broken("encode and encode_with_offsets disagree");
        (void)tok.decode(enc.ids, false);
        (void)tok.decode(enc.ids, true);
        for (int32_t id : enc.ids) (void)tok.id_to_token(id);
    }
}

// Loading a tokenizer.json (model, normalizer, pre-tokenizer, added tokens, post-processor,
// decoder), then encoding and decoding with what loaded. Input: the tokenizer.json text,
// optionally followed by a NUL byte and a text to encode (JSON text never holds a raw NUL).
// The same JSON is also read as a tokenizer_config.json (whose keys differ), so
// add_bos_token / add_eos_token reach the encoder too.
inline void tokenizer_load(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view json = input, text = "Hello world! <s> 123 \xC3\xA9t\xC3\xA9  \t\n\xF0\x9F\x98\x80";
    if (auto nul = input.find('\0'); nul != std::string_view::npos) {
        json = input.substr(0, nul);
        text = input.substr(nul + 1);
    }
    TokenizerConfig config;
    expect_clean([&] { config = TokenizerConfig::parse(std::string(json), "tokenizer_config.json"); });
    std::optional<Tokenizer> tok;
    expect_clean([&] { tok = Tokenizer::from_json(std::string(json), config, "tokenizer.json"); });
    if (!tok) return;
    expect_clean([&] {
        (void)tok->bos_id();
        (void)tok->eos_id();
        (void)tok->bos_token();
        (void)tok->eos_token();
        exercise(*tok, text);
    });
}

struct LoadedTokenizer {
    std::string name;
    Tokenizer tok;
    bool round_trips;  // byte-level: decode(encode(x)) == x for valid UTF-8
};

// A tiny Llama-2-style tokenizer: Prepend/Replace normalizers, byte fallback, Strip decoder;
// small enough to hit every unknown-byte path.
inline const char* sentencepiece_style_tokenizer() {
    return R"({
  "version": "1.0",
  "added_tokens": [{"id": 0, "content": "<unk>", "special": true, "normalized": false, "lstrip": false, "rstrip": false, "single_word": false},
                   {"id": 1, "content": "<s>", "special": true, "normalized": false, "lstrip": false, "rstrip": false, "single_word": false},
                   {"id": 2, "content": "</s>", "special": true, "normalized": false, "lstrip": false, "rstrip": false, "single_word": false}],
  "normalizer": {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "\u2581"}, {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}]},
  "pre_tokenizer": null,
  "post_processor": {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
                     "pair": [{"Sequence": {"id": "A", "type_id": 0}}], "special_tokens": {"<s>": {"id": "<s>", "ids": [1], "tokens": ["<s>"]}}},
  "decoder": {"type": "Sequence", "decoders": [{"type": "Replace", "pattern": {"String": "\u2581"}, "content": " "}, {"type": "ByteFallback"}, {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
  "model": {"type": "BPE", "unk_token": "<unk>", "byte_fallback": true, "fuse_unk": true,
            "vocab": {"<unk>": 0, "<s>": 1, "</s>": 2, "<0x00>": 3, "<0x0A>": 4, "<0xC3>": 5, "<0xA9>": 6, "<0xE2>": 7, "<0x96>": 8, "<0x81>": 9,
                      "\u2581": 10, "a": 11, "b": 12, "\u2581a": 13, "ab": 14, "\u2581ab": 15, "e": 16, "\u2581e": 17},
            "merges": ["\u2581 a", "a b", "\u2581a b", "\u2581 e"]}
})";
}

// The demo model's byte-level BPE (examples/demo-model), the SentencePiece-style one above,
// and the shared fixtures' gpt2, llama3 and llama-spm when that folder exists.
inline const std::vector<LoadedTokenizer>& encode_tokenizers() {
    static const std::vector<LoadedTokenizer> all = [] {
        std::vector<LoadedTokenizer> v;
        const std::filesystem::path source = TUNEBENCH_SOURCE_DIR;
        v.push_back({"demo-model", Tokenizer::from_folder((source / "examples/demo-model/model").string()), true});
        v.push_back({"sentencepiece-style", Tokenizer::from_json(sentencepiece_style_tokenizer()), false});
        const std::filesystem::path shared = std::filesystem::path(TUNEBENCH_SHARED_DIR) / "fixtures/tokenizers";
        for (auto [dir, round_trips] : {std::pair{"gpt2", true}, {"llama3", true}, {"llama-spm", false}})
            if (std::filesystem::exists(shared / dir / "tokenizer.json"))
                v.push_back({dir, Tokenizer::from_folder((shared / dir).string()), round_trips});
        return v;
    }();
    return all;
}

// Encoding arbitrary text with the tokenizers above. Input: the first byte picks the
// tokenizer, the rest is the text. Besides exercise()'s checks: byte-level tokenizers
// round-trip valid UTF-8 (tokenizer.h's promise), and invalid UTF-8 is refused with tb::Error.
inline void tokenizer_encode(const std::uint8_t* data, std::size_t size) {
    const auto& tokenizers = encode_tokenizers();
    if (size == 0) return;
    const LoadedTokenizer& t = tokenizers[data[0] % tokenizers.size()];
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const bool utf8 = valid_utf8(text);
    if (!utf8) {
        bool refused = false;
        try {
            (void)t.tok.encode(text, false);
        } catch (const Error&) {
            refused = true;
        }
        if (!refused) property_broken(t.name + ": invalid UTF-8 was encoded");
        return;
    }
    expect_clean([&] { exercise(t.tok, text); });
    if (t.round_trips && t.tok.decode(t.tok.encode(text, false)) != text)
        property_broken(t.name + ": decode(encode(x)) != x");
}

}  // namespace tb::fuzz
