#pragma once
// A Hugging Face tokenizer (tokenizer.json), id-exact with the `tokenizers` library for the
// BPE families LLMs use: byte-level (GPT-2, Llama 3, Qwen) and SentencePiece-style with byte
// fallback (Llama 2, Mistral). Torch-free; copies are cheap and share one immutable tokenizer,
// and every method is safe to call from several threads at once.
//
//   auto tok = tb::Tokenizer::from_folder("models/stories260K");
//   std::vector<int32_t> ids = tok.encode("Once upon a time");   // BOS added per the model
//   std::string text = tok.decode(ids, /*skip_special_tokens=*/true);
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/tokenizer_config.h"

namespace tb {

// Bytes [begin, end) of the encoded text a token came from. Special tokens the
// post-processor added (BOS, EOS) have the empty span {0, 0}.
struct TokenSpan {
    std::size_t begin = 0, end = 0;
    bool operator==(const TokenSpan&) const = default;
};

struct Encoding {
    std::vector<int32_t> ids;
    std::vector<TokenSpan> spans;  // one per id
};

class Tokenizer {
public:
    // Loads a tokenizer.json. Throws tb::Error naming the file and what is wrong or unsupported.
    static Tokenizer from_file(const std::string& tokenizer_json_path);
    // Builds a tokenizer from the text of a tokenizer.json (`source` names it in errors).
    static Tokenizer from_json(const std::string& json_text, TokenizerConfig config = {},
                               const std::string& source = "tokenizer.json");
    // Loads DIR/tokenizer.json plus, when present, tokenizer_config.json,
    // special_tokens_map.json and chat_template.jinja (see TokenizerConfig).
    static Tokenizer from_folder(const std::string& dir);

    // Token ids of `text` (UTF-8; tb::Error when it is not). With add_special_tokens, BOS/EOS
    // as the post-processor says, corrected by tokenizer_config.json's add_bos_token /
    // add_eos_token the way transformers does.
    std::vector<int32_t> encode(std::string_view text, bool add_special_tokens = true) const;
    // The same, with the byte span of `text` each token covers (to turn character ranges of a
    // rendered chat into per-token loss masks).
    Encoding encode_with_offsets(std::string_view text, bool add_special_tokens = true) const;

    // Text of `ids` (decode(encode(x, false)) == x for the tokenizers above). Ids unknown to
    // the tokenizer are skipped, as Hugging Face does.
    std::string decode(const std::vector<int32_t>& ids, bool skip_special_tokens = false) const;

    std::optional<int32_t> token_to_id(std::string_view token) const;
    std::string id_to_token(int32_t id) const;  // "" for an id no token has
    // Largest id + 1, added tokens included (the embedding rows a model needs).
    std::size_t vocab_size() const;

    std::optional<int32_t> bos_id() const;
    std::optional<int32_t> eos_id() const;
    std::string bos_token() const;  // "" when unknown
    std::string eos_token() const;
    bool is_special(int32_t id) const;  // an added token marked special (BOS, EOS, <|eot_id|>, ...)

    const TokenizerConfig& config() const;

    Tokenizer(Tokenizer&&) noexcept = default;
    Tokenizer& operator=(Tokenizer&&) noexcept = default;
    Tokenizer(const Tokenizer&) = default;
    Tokenizer& operator=(const Tokenizer&) = default;
    ~Tokenizer();

    class Impl;

private:
    explicit Tokenizer(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> impl_;
};

}  // namespace tb
