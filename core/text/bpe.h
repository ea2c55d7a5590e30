#pragma once
// The BPE model of a tokenizer.json ("model": {"type": "BPE", ...}): vocabulary, ranked
// merges, unknown-token handling (unk_token, fuse_unk, byte_fallback), ignore_merges, and a
// bounded cache of already-tokenized words.
//
// Byte-level tokenizers (GPT-2, Llama 3, Qwen) write their vocabulary in GPT-2's printable
// alphabet ("Ġhello"). Here such a model keeps a second, raw-byte view of it (" hello"), so
// words are tokenized straight from the input bytes: same tokens, no rewriting, and byte
// offsets for free.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tb {

// One token of a word: its id and the bytes [begin, end) of the word it covers.
struct WordToken {
    int32_t id;
    uint32_t begin, end;
};

// std::string keys looked up by std::string_view without a copy.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using TokenIdMap = std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>>;

// Token text -> id for a whole vocabulary: open addressing over a flat slot array, keys kept
// contiguous by insertion. Several times faster than std::unordered_map on 128k-token
// vocabularies, which matters both for loading (three lookups per merge) and tokenizing.
class TokenIndex {
public:
    void reserve(std::size_t count);
    void insert(std::string key, int32_t id);  // a later duplicate key replaces the id
    std::optional<int32_t> find(std::string_view key) const;
    std::size_t size() const { return keys_.size(); }
    const std::vector<std::string>& keys() const { return keys_; }
    const std::vector<int32_t>& ids() const { return ids_; }

private:
    void grow();
    std::vector<std::string> keys_;
    std::vector<int32_t> ids_;
    std::vector<int32_t> slots_;  // index into keys_, -1 when empty
    std::size_t mask_ = 0;
};

// Spare ids beyond the real vocabulary: files may leave a few gaps in their ids, and a gap
// costs one empty slot in the id-indexed table (32 bytes), so 1024 of them cost 32 KB.
inline constexpr std::int64_t kSpareTokenIds = 1024;

// One more than the largest token id a tokenizer.json may use: its vocab entries plus its
// added tokens (added tokens may follow the vocab, as Llama 3's 256 do, or fill gaps in
// it), plus kSpareTokenIds.
inline std::int64_t token_id_limit(std::size_t vocab_entries, std::size_t added_tokens) {
    const auto total =
        static_cast<std::int64_t>(vocab_entries) + static_cast<std::int64_t>(added_tokens) + kSpareTokenIds;
    return std::min<std::int64_t>(total, INT32_MAX);
}

// "outside the vocabulary (ids 0 to N: V vocab entries, A added tokens, 1024 spare)"
std::string token_id_limit_text(std::size_t vocab_entries, std::size_t added_tokens);

class BpeModel {
public:
    // `model` is tokenizer.json's "model" object; `byte_level`: the pre-tokenizer has a
    // ByteLevel step, so words arrive as raw bytes. `added_tokens`: how many added tokens
    // the file lists besides. Ids are bounded by the real vocabulary, vocab entries plus added
    // tokens (a table indexed by id is built: one id of 50,000,000 would cost gigabytes).
    // Throws tb::Error on a malformed model.
    BpeModel(const nlohmann::json& model, bool byte_level, std::size_t added_tokens = 0);
    ~BpeModel();

    // Appends the tokens of one pre-tokenized word (offsets relative to the word).
    void tokenize(std::string_view word, std::vector<WordToken>& out) const;

    // Vocabulary as written in tokenizer.json ("Ġhello", "<0x0A>", "▁the").
    std::optional<int32_t> token_to_id(std::string_view token) const;
    const std::string* id_to_token(int32_t id) const;  // nullptr when no token has this id
    std::size_t size() const { return vocab_.size(); }
    int32_t max_id() const { return static_cast<int32_t>(tokens_by_id_.size()) - 1; }
    bool byte_level() const { return byte_level_; }

private:
    class MergeTable;
    struct Symbol;

    void tokenize_piece(std::string_view word, uint32_t offset, std::vector<WordToken>& out) const;
    void merge_word(std::string_view word, std::vector<WordToken>& out) const;
    void initial_symbols(std::string_view word, std::vector<Symbol>& symbols) const;
    std::optional<int32_t> model_id(std::string_view piece) const;  // key in the model's own alphabet

    bool byte_level_;
    bool ignore_merges_ = false;
    bool byte_fallback_ = false;
    bool fuse_unk_ = false;
    // SentencePiece-style models see whole texts as one word. When no token has a "▁" right
    // after another character, no token can cross such a point, so the word is cut there into
    // small cacheable pieces: same tokens, much faster (see the constructor for the conditions).
    bool cut_before_markers_ = false;
    std::optional<int32_t> unk_id_;
    std::string continuing_subword_prefix_, end_of_word_suffix_;

    TokenIndex vocab_;       // as written in tokenizer.json
    TokenIndex byte_vocab_;  // byte-level models only: raw bytes -> id
    std::vector<std::string> tokens_by_id_;
    int32_t byte_ids_[256];           // single-byte (byte-level) or single-ASCII-char pieces, -1 if absent
    int32_t byte_fallback_ids_[256];  // "<0xNN>" tokens, -1 if absent
    std::unique_ptr<MergeTable> merges_;

    // Words already tokenized (bounded: it stops growing when full, as Hugging Face's does).
    mutable std::shared_mutex cache_mutex_;
    mutable std::unordered_map<std::string, std::vector<WordToken>, StringHash, std::equal_to<>> cache_;
};

}  // namespace tb
