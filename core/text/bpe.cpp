#include "core/text/bpe.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/text/token_id.h"
#include "core/text/unicode.h"

namespace tb {

namespace {

constexpr std::size_t kCacheCapacity = 100000;  // words
constexpr std::size_t kMaxCachedWordBytes = 256;
constexpr std::string_view kMarker = "\xE2\x96\x81";  // U+2581, SentencePiece's space

}  // namespace

void TokenIndex::reserve(std::size_t count) {
    keys_.reserve(count);
    ids_.reserve(count);
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity <<= 1;
    if (capacity > slots_.size()) {
        slots_.assign(capacity, -1);
        mask_ = capacity - 1;
        for (std::size_t k = 0; k < keys_.size(); ++k) {
            std::size_t i = std::hash<std::string_view>{}(keys_[k]) & mask_;
            while (slots_[i] >= 0) i = (i + 1) & mask_;
            slots_[i] = static_cast<int32_t>(k);
        }
    }
}

void TokenIndex::grow() { reserve(std::max<std::size_t>(16, keys_.size() * 2)); }

void TokenIndex::insert(std::string key, int32_t id) {
    if ((keys_.size() + 1) * 2 > slots_.size()) grow();
    std::size_t i = std::hash<std::string_view>{}(key)&mask_;
    for (; slots_[i] >= 0; i = (i + 1) & mask_) {
        if (keys_[static_cast<std::size_t>(slots_[i])] == key) {
            ids_[static_cast<std::size_t>(slots_[i])] = id;
            return;
        }
    }
    slots_[i] = static_cast<int32_t>(keys_.size());
    keys_.push_back(std::move(key));
    ids_.push_back(id);
}

std::optional<int32_t> TokenIndex::find(std::string_view key) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t i = std::hash<std::string_view>{}(key)&mask_; slots_[i] >= 0; i = (i + 1) & mask_) {
        const auto k = static_cast<std::size_t>(slots_[i]);
        if (keys_[k] == key) return ids_[k];
    }
    return std::nullopt;
}

// Merges as an open-addressing hash table from (left id, right id) to (rank, merged id):
// the lookup sits in the innermost loop of tokenization.
class BpeModel::MergeTable {
public:
    struct Merge {
        int32_t rank;
        int32_t merged_id;
    };

    explicit MergeTable(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count * 2) capacity <<= 1;
        mask_ = capacity - 1;
        slots_.assign(capacity, Slot{kEmpty, {0, 0}});
    }

    // Later duplicates replace earlier ones (Hugging Face builds a map the same way).
    void insert(int32_t left, int32_t right, Merge merge) {
        uint64_t key = make_key(left, right);
        for (std::size_t i = hash(key);; i = (i + 1) & mask_) {
            if (slots_[i].key == kEmpty || slots_[i].key == key) {
                slots_[i] = Slot{key, merge};
                return;
            }
        }
    }

    const Merge* find(int32_t left, int32_t right) const {
        uint64_t key = make_key(left, right);
        for (std::size_t i = hash(key);; i = (i + 1) & mask_) {
            if (slots_[i].key == key) return &slots_[i].merge;
            if (slots_[i].key == kEmpty) return nullptr;
        }
    }

private:
    static constexpr uint64_t kEmpty = ~uint64_t{0};
    struct Slot {
        uint64_t key;
        Merge merge;
    };
    static uint64_t make_key(int32_t left, int32_t right) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
    }
    std::size_t hash(uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask_;
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

// A symbol of the word being merged: a doubly linked list over a flat array.
struct BpeModel::Symbol {
    int32_t id;
    int32_t prev, next;   // indices, -1 at the ends
    uint32_t begin, end;  // bytes of the word
};

std::string token_id_limit_text(std::size_t vocab_entries, std::size_t added_tokens) {
    return "outside the vocabulary (ids 0 to " + std::to_string(token_id_limit(vocab_entries, added_tokens) - 1) +
           ": " + std::to_string(vocab_entries) + " vocab entries, " + std::to_string(added_tokens) +
           " added tokens, " + std::to_string(kSpareTokenIds) + " spare)";
}

BpeModel::BpeModel(const nlohmann::json& model, bool byte_level, std::size_t added_tokens) : byte_level_(byte_level) {
    std::fill(std::begin(byte_ids_), std::end(byte_ids_), -1);
    std::fill(std::begin(byte_fallback_ids_), std::end(byte_fallback_ids_), -1);
    if (model.value("type", "BPE") != "BPE") {
        throw Error("tokenizer.json: model type '" + model.value("type", "") +
                    "' is not supported (only BPE: GPT-2, Llama, Mistral, Qwen style)");
    }
    if (model.contains("dropout") && model["dropout"].is_number() && model["dropout"].get<double>() > 0) {
        throw Error("tokenizer.json: BPE dropout is not supported (it makes tokenization random)");
    }
    ignore_merges_ = model.value("ignore_merges", false);
    byte_fallback_ = model.value("byte_fallback", false);
    fuse_unk_ = model.value("fuse_unk", false);
    auto optional_string = [&](const char* key) {
        return model.contains(key) && model[key].is_string() ? model[key].get<std::string>() : std::string();
    };
    continuing_subword_prefix_ = optional_string("continuing_subword_prefix");
    end_of_word_suffix_ = optional_string("end_of_word_suffix");

    const auto& vocab = model.at("vocab");
    if (!vocab.is_object()) throw Error("tokenizer.json: model.vocab must be an object of token -> id");
    vocab_.reserve(vocab.size());
    const auto id_limit = token_id_limit(vocab.size(), added_tokens);
    int32_t max_id = -1;
    for (auto it = vocab.begin(); it != vocab.end(); ++it) {
        const int32_t id = token_id_from_json(it.value(), "the vocab id of '" + it.key().substr(0, 100) + "'");
        if (id >= id_limit)
            throw Error("vocab id " + std::to_string(id) + " of '" + it.key().substr(0, 100) + "' is " +
                        token_id_limit_text(vocab.size(), added_tokens));
        vocab_.insert(it.key(), id);
        max_id = std::max(max_id, id);
    }
    tokens_by_id_.resize(static_cast<std::size_t>(max_id + 1));
    for (std::size_t k = 0; k < vocab_.size(); ++k)
        tokens_by_id_[static_cast<std::size_t>(vocab_.ids()[k])] = vocab_.keys()[k];

    if (byte_level_) {
        byte_vocab_.reserve(vocab_.size());
        for (std::size_t k = 0; k < vocab_.size(); ++k) {
            // Tokens outside GPT-2's alphabet can never come out of byte-level input; skip them.
            if (auto bytes = byte_level::to_bytes(vocab_.keys()[k]))
                byte_vocab_.insert(std::move(*bytes), vocab_.ids()[k]);
        }
    }
    const TokenIndex& model_vocab = byte_level_ ? byte_vocab_ : vocab_;
    for (int b = 0; b < 256; ++b) {
        if (byte_level_ || b < 0x80) {
            const char c = static_cast<char>(b);
            // Only usable as-is when no prefix/suffix decorates single characters.
            if (auto id = model_vocab.find(std::string_view(&c, 1))) byte_ids_[b] = *id;
        }
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        if (auto id = vocab_.find(std::string_view(name))) byte_fallback_ids_[b] = *id;
    }
    if (auto unk = optional_string("unk_token"); !unk.empty()) {
        unk_id_ = vocab_.find(unk);
        if (!unk_id_) throw Error("tokenizer.json: unk_token '" + unk + "' is not in the vocabulary");
    }

    const auto& merges = model.contains("merges") ? model["merges"] : nlohmann::json::array();
    merges_ = std::make_unique<MergeTable>(merges.size());
    const std::size_t prefix_len = continuing_subword_prefix_.size();
    int32_t rank = 0;
    for (const auto& m : merges) {
        std::string left, right;
        if (m.is_string()) {
            const std::string& s = m.get_ref<const std::string&>();
            auto space = s.find(' ');
            if (space == std::string::npos) throw Error("tokenizer.json: merge '" + s + "' is not \"left right\"");
            left = s.substr(0, space);
            right = s.substr(space + 1);
        } else if (m.is_array() && m.size() == 2) {
            left = m[0].get<std::string>();
            right = m[1].get<std::string>();
        } else {
            throw Error("tokenizer.json: a merge must be \"left right\" or [left, right]");
        }
        auto lookup = [&](const std::string& token) {
            auto id = vocab_.find(token);
            if (!id)
                throw Error("tokenizer.json: merge #" + std::to_string(rank) + " uses '" + token +
                            "', which is not in the vocabulary");
            return *id;
        };
        int32_t left_id = lookup(left), right_id = lookup(right);
        std::string merged = left + (right.size() >= prefix_len ? right.substr(prefix_len) : right);
        merges_->insert(left_id, right_id, {rank, lookup(merged)});
        ++rank;
    }
    // Cutting before "▁" is exact when no token spans such a cut and nothing depends on the
    // word as a whole: no ignore_merges (whole-word lookup), no subword prefix/suffix, and no
    // <unk> (Hugging Face may emit a pending <unk> after later byte-fallback tokens of the word).
    bool all_bytes =
        std::all_of(std::begin(byte_fallback_ids_), std::end(byte_fallback_ids_), [](int32_t id) { return id >= 0; });
    cut_before_markers_ = !byte_level_ && !ignore_merges_ && continuing_subword_prefix_.empty() &&
                          end_of_word_suffix_.empty() && (!unk_id_ || (byte_fallback_ && all_bytes));
    for (std::size_t k = 0; cut_before_markers_ && k < vocab_.size(); ++k) {
        const std::string& t = vocab_.keys()[k];
        for (std::size_t pos = t.find(kMarker, 1); pos != std::string::npos; pos = t.find(kMarker, pos + 1)) {
            if (pos < kMarker.size() || t.compare(pos - kMarker.size(), kMarker.size(), kMarker) != 0) {
                cut_before_markers_ = false;  // "x▁" inside a token: it could cross a cut
                break;
            }
        }
    }
    // With decorations, single characters are looked up decorated: keep the slow, exact path.
    if (!continuing_subword_prefix_.empty() || !end_of_word_suffix_.empty())
        std::fill(std::begin(byte_ids_), std::end(byte_ids_), -1);
}

BpeModel::~BpeModel() = default;

std::optional<int32_t> BpeModel::token_to_id(std::string_view token) const { return vocab_.find(token); }

const std::string* BpeModel::id_to_token(int32_t id) const {
    if (id < 0 || static_cast<std::size_t>(id) >= tokens_by_id_.size()) return nullptr;
    const std::string& t = tokens_by_id_[static_cast<std::size_t>(id)];
    return t.empty() ? nullptr : &t;
}

std::optional<int32_t> BpeModel::model_id(std::string_view piece) const {
    return byte_level_ ? byte_vocab_.find(piece) : vocab_.find(piece);
}

void BpeModel::initial_symbols(std::string_view word, std::vector<Symbol>& symbols) const {
    // Mirrors Hugging Face's BPE::merge_word: known characters become symbols, unknown ones
    // go to byte fallback, else to the unk token (fused when fuse_unk). Note the pending unk
    // is not flushed before byte-fallback symbols there either; the order is kept identical.
    bool has_pending_unk = false;
    Symbol pending_unk{0, -1, -1, 0, 0};
    auto push = [&](int32_t id, uint32_t begin, uint32_t end) {
        symbols.push_back(Symbol{id, static_cast<int32_t>(symbols.size()) - 1, -1, begin, end});
    };
    std::string decorated;
    std::size_t pos = 0;
    while (pos < word.size()) {
        std::size_t len = byte_level_ ? 1 : utf8::sequence_length(static_cast<unsigned char>(word[pos]));
        if (pos + len > word.size()) len = word.size() - pos;
        const auto begin = static_cast<uint32_t>(pos), end = static_cast<uint32_t>(pos + len);
        std::optional<int32_t> id;
        if (len == 1 && byte_ids_[static_cast<unsigned char>(word[pos])] >= 0) {
            id = byte_ids_[static_cast<unsigned char>(word[pos])];
        } else if (continuing_subword_prefix_.empty() && end_of_word_suffix_.empty()) {
            id = model_id(word.substr(pos, len));
        } else {
            decorated.clear();
            if (pos > 0) decorated += continuing_subword_prefix_;
            decorated.append(word.substr(pos, len));
            if (end == word.size()) decorated += end_of_word_suffix_;
            id = model_id(decorated);
        }
        pos += len;
        if (id) {
            if (has_pending_unk) {
                push(pending_unk.id, pending_unk.begin, pending_unk.end);
                has_pending_unk = false;
            }
            push(*id, begin, end);
            continue;
        }
        if (byte_fallback_) {
            bool all_known = true;
            for (uint32_t i = begin; i < end; ++i)
                all_known = all_known && byte_fallback_ids_[static_cast<unsigned char>(word[i])] >= 0;
            if (all_known) {
                for (uint32_t i = begin; i < end; ++i)
                    push(byte_fallback_ids_[static_cast<unsigned char>(word[i])], i, i + 1);
                continue;
            }
        }
        if (unk_id_) {
            if (has_pending_unk && fuse_unk_) {
                pending_unk.end = end;
            } else {
                if (has_pending_unk) push(pending_unk.id, pending_unk.begin, pending_unk.end);
                pending_unk = Symbol{*unk_id_, -1, -1, begin, end};
                has_pending_unk = true;
            }
        }
        // Without unk token nor byte fallback the character is dropped, as Hugging Face does.
    }
    if (has_pending_unk) push(pending_unk.id, pending_unk.begin, pending_unk.end);
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i) symbols[i].next = static_cast<int32_t>(i + 1);
}

void BpeModel::merge_word(std::string_view word, std::vector<WordToken>& out) const {
    thread_local std::vector<Symbol> symbols;
    symbols.clear();
    initial_symbols(word, symbols);

    // Repeatedly merge the pair with the lowest rank, leftmost first: a min-heap of candidate
    // pairs (rank, left position); stale candidates are skipped when popped.
    struct Candidate {
        int32_t rank;
        int32_t pos;
        int32_t merged_id;
        bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
    };
    thread_local std::vector<Candidate> heap;
    heap.clear();
    auto consider = [&](int32_t left) {
        int32_t right = symbols[static_cast<std::size_t>(left)].next;
        if (right < 0) return;
        if (const auto* m = merges_->find(symbols[static_cast<std::size_t>(left)].id,
                                          symbols[static_cast<std::size_t>(right)].id)) {
            heap.push_back({m->rank, left, m->merged_id});
            std::push_heap(heap.begin(), heap.end(), std::greater<>{});
        }
    };
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i) consider(static_cast<int32_t>(i));
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), std::greater<>{});
        Candidate top = heap.back();
        heap.pop_back();
        Symbol& left = symbols[static_cast<std::size_t>(top.pos)];
        if (left.end == left.begin || left.next < 0) continue;  // merged away, or now last
        Symbol& right = symbols[static_cast<std::size_t>(left.next)];
        const auto* m = merges_->find(left.id, right.id);
        if (!m || m->merged_id != top.merged_id) continue;  // the pair changed since
        left.id = top.merged_id;
        left.end = right.end;
        right.end = right.begin;  // marks it removed
        left.next = right.next;
        if (right.next >= 0) symbols[static_cast<std::size_t>(right.next)].prev = top.pos;
        if (left.prev >= 0) consider(left.prev);
        consider(top.pos);
    }
    for (int32_t i = symbols.empty() ? -1 : 0; i >= 0; i = symbols[static_cast<std::size_t>(i)].next) {
        const Symbol& s = symbols[static_cast<std::size_t>(i)];
        out.push_back(WordToken{s.id, s.begin, s.end});
    }
}

void BpeModel::tokenize(std::string_view word, std::vector<WordToken>& out) const {
    if (word.empty()) return;
    if (ignore_merges_) {
        if (auto id = model_id(word)) {
            out.push_back(WordToken{*id, 0, static_cast<uint32_t>(word.size())});
            return;
        }
    }
    if (!cut_before_markers_ || word.size() <= kMaxCachedWordBytes) {
        tokenize_piece(word, 0, out);
        return;
    }
    // Cut before each "▁" that follows another character.
    std::size_t start = 0;
    for (std::size_t pos = word.find(kMarker, 1); pos != std::string_view::npos; pos = word.find(kMarker, pos + 1)) {
        bool after_marker = pos >= kMarker.size() && word.compare(pos - kMarker.size(), kMarker.size(), kMarker) == 0;
        if (after_marker) continue;
        tokenize_piece(word.substr(start, pos - start), static_cast<uint32_t>(start), out);
        start = pos;
    }
    tokenize_piece(word.substr(start), static_cast<uint32_t>(start), out);
}

void BpeModel::tokenize_piece(std::string_view word, uint32_t offset, std::vector<WordToken>& out) const {
    if (word.empty()) return;
    const std::size_t first = out.size();
    const bool cacheable = word.size() <= kMaxCachedWordBytes;
    if (cacheable) {
        std::shared_lock lock(cache_mutex_);
        if (auto it = cache_.find(word); it != cache_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
        }
    }
    if (out.size() == first) {
        merge_word(word, out);
        if (cacheable) {
            std::unique_lock lock(cache_mutex_);
            if (cache_.size() < kCacheCapacity)
                cache_.emplace(std::string(word),
                               std::vector<WordToken>(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()));
        }
    }
    if (offset) {
        for (std::size_t i = first; i < out.size(); ++i) {
            out[i].begin += offset;
            out[i].end += offset;
        }
    }
}

}  // namespace tb
