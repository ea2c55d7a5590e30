#include "core/text/tokenizer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/common/input_file.h"
#include "core/text/bpe.h"
#include "core/text/decoder.h"
#include "core/text/normalizer.h"
#include "core/text/pre_tokenizer.h"
#include "core/text/token_id.h"
#include "core/text/tokenizer_added_tokens.h"
#include "core/text/tokenizer_post_processor.h"
#include "core/text/unicode.h"

namespace tb {

class Tokenizer::Impl {
public:
    Impl(const nlohmann::json& j, TokenizerConfig config);

    void encode(std::string_view text, bool add_special, std::vector<int32_t>& ids,
                std::vector<TokenSpan>* spans) const;
    std::string decode(const std::vector<int32_t>& ids, bool skip_special) const;

    std::optional<int32_t> token_to_id(std::string_view token) const {
        if (auto it = added_by_content_.find(token); it != added_by_content_.end()) return added_[it->second].id;
        return model_->token_to_id(token);
    }
    const std::string* id_to_token(int32_t id) const {
        if (auto it = added_by_id_.find(id); it != added_by_id_.end()) return &added_[it->second].content;
        return model_->id_to_token(id);
    }
    bool is_special(int32_t id) const {
        auto it = added_by_id_.find(id);
        return it != added_by_id_.end() && added_[it->second].special;
    }
    std::size_t vocab_size() const { return static_cast<std::size_t>(max_id_ + 1); }

    TokenizerConfig config;
    std::optional<int32_t> bos_id, eos_id;
    std::string bos_token, eos_token;

private:
    void load_added_tokens(const nlohmann::json& list);
    void apply_config_to_frame();
    // Model tokens of one stretch of normalized text with no added token inside.
    void tokenize_plain(AlignedText segment, std::vector<int32_t>& ids, std::vector<TokenSpan>* spans) const;

    std::unique_ptr<Normalizer> normalizer_;
    std::unique_ptr<PreTokenizer> pre_tokenizer_;
    std::unique_ptr<BpeModel> model_;
    std::unique_ptr<Decoder> decoder_;
    SpecialTokenFrame frame_;

    std::vector<AddedToken> added_;
    TokenIdMap added_by_content_;                           // content -> index in added_
    std::unordered_map<int32_t, std::size_t> added_by_id_;  // id -> index in added_
    AddedTokenMatcher raw_matcher_;                         // tokens with normalized = false: found in the input
    AddedTokenMatcher normalized_matcher_;                  // tokens with normalized = true: found after normalizing
    int32_t max_id_ = -1;
};

Tokenizer::Impl::Impl(const nlohmann::json& j, TokenizerConfig cfg) : config(std::move(cfg)) {
    if (!j.is_object() || !j.contains("model")) throw Error("not a tokenizer.json (no \"model\")");
    normalizer_ = make_normalizer(j.value("normalizer", nlohmann::json()));
    pre_tokenizer_ = make_pre_tokenizer(j.value("pre_tokenizer", nlohmann::json()));
    nlohmann::json added_tokens = j.value("added_tokens", nlohmann::json::array());
    if (added_tokens.is_null()) added_tokens = nlohmann::json::array();
    if (!added_tokens.is_array()) throw Error("\"added_tokens\" must be a list");
    model_ =
        std::make_unique<BpeModel>(j["model"], pre_tokenizer_ && pre_tokenizer_->byte_level(), added_tokens.size());
    decoder_ = make_decoder(j.value("decoder", nlohmann::json()));
    frame_ = parse_post_processor(j.value("post_processor", nlohmann::json()));
    max_id_ = model_->max_id();
    load_added_tokens(added_tokens);

    auto resolve = [&](const std::optional<std::string>& content, std::optional<int32_t>& id, std::string& token) {
        if (!content) return;
        id = token_to_id(*content);
        if (id) token = *content;
    };
    resolve(config.bos_token, bos_id, bos_token);
    resolve(config.eos_token, eos_id, eos_token);
    // Without a config, the token the post-processor puts first is the BOS (Llama 3's
    // <|begin_of_text|>).
    if (!bos_id && !config.bos_token && frame_.before.size() == 1) {
        bos_id = frame_.before[0];
        if (const std::string* t = id_to_token(*bos_id)) bos_token = *t;
    }
    apply_config_to_frame();
    // An id the post-processor adds must be a token's: one past vocab_size() would index
    // outside the model's embedding rows.
    for (const auto* ids : {&frame_.before, &frame_.after})
        for (int32_t id : *ids)
            if (!id_to_token(id))
                throw Error("tokenizer.json: the post_processor adds token id " + std::to_string(id) +
                            ", which no token in the vocabulary or added_tokens has");
}

void Tokenizer::Impl::load_added_tokens(const nlohmann::json& list) {
    const auto id_limit = token_id_limit(model_->size(), list.size());
    for (const auto& t : list) {
        AddedToken token;
        token.id = token_id_from_json(t.at("id"), "an added token's id");
        if (token.id >= id_limit)
            throw Error("added token id " + std::to_string(token.id) + " is " +
                        token_id_limit_text(model_->size(), list.size()));
        token.content = t.at("content").get<std::string>();
        token.single_word = t.value("single_word", false);
        token.lstrip = t.value("lstrip", false);
        token.rstrip = t.value("rstrip", false);
        token.special = t.value("special", false);
        token.normalized = t.value("normalized", !token.special);
        if (token.content.empty()) continue;
        if (auto it = added_by_content_.find(token.content); it != added_by_content_.end()) {
            added_[it->second] = token;  // a later entry for the same content replaces it
        } else {
            added_by_content_.emplace(token.content, added_.size());
            added_.push_back(token);
        }
        max_id_ = std::max(max_id_, token.id);
    }
    for (std::size_t i = 0; i < added_.size(); ++i) added_by_id_[added_[i].id] = i;

    // Hugging Face orders the automaton's patterns special tokens first, then the others.
    std::vector<std::pair<std::string, int32_t>> raw, normalized;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < added_.size(); ++i) {
            const AddedToken& t = added_[i];
            if (t.special != (pass == 0)) continue;
            if (!t.normalized) {
                raw.emplace_back(t.content, static_cast<int32_t>(i));
            } else {
                // Normalized tokens are looked for in their normalized form ("▁<s>" after a Prepend).
                AlignedText content;
                content.text = t.content;
                if (normalizer_) normalizer_->normalize(content);
                normalized.emplace_back(content.text, static_cast<int32_t>(i));
            }
        }
    }
    raw_matcher_.build(&added_, std::move(raw));
    normalized_matcher_.build(&added_, std::move(normalized));
}

void Tokenizer::Impl::apply_config_to_frame() {
    // transformers' Llama and Gemma fast tokenizers rebuild the post-processor from
    // add_bos_token (default true) and add_eos_token (default false).
    static const char* kRebuildingClasses[] = {"LlamaTokenizer",         "LlamaTokenizerFast", "CodeLlamaTokenizer",
                                               "CodeLlamaTokenizerFast", "GemmaTokenizer",     "GemmaTokenizerFast"};
    bool rebuilds = std::find_if(std::begin(kRebuildingClasses), std::end(kRebuildingClasses), [&](const char* c) {
                        return config.tokenizer_class == c;
                    }) != std::end(kRebuildingClasses);
    if (rebuilds) {
        frame_ = {};
        if (config.add_bos_token.value_or(true) && bos_id) frame_.before.push_back(*bos_id);
        if (config.add_eos_token.value_or(false) && eos_id) frame_.after.push_back(*eos_id);
        return;
    }
    // Other classes: the flags only add what the post-processor lacks.
    if (config.add_bos_token.value_or(false) && bos_id &&
        std::find(frame_.before.begin(), frame_.before.end(), *bos_id) == frame_.before.end())
        frame_.before.insert(frame_.before.begin(), *bos_id);
    if (config.add_eos_token.value_or(false) && eos_id &&
        std::find(frame_.after.begin(), frame_.after.end(), *eos_id) == frame_.after.end())
        frame_.after.push_back(*eos_id);
}

void Tokenizer::Impl::tokenize_plain(AlignedText segment, std::vector<int32_t>& ids,
                                     std::vector<TokenSpan>* spans) const {
    thread_local std::vector<WordToken> word_tokens;
    std::vector<AlignedText> pieces;
    pieces.push_back(std::move(segment));
    if (pre_tokenizer_) pre_tokenizer_->pre_tokenize(pieces);
    for (const AlignedText& piece : pieces) {
        word_tokens.clear();
        model_->tokenize(piece.text, word_tokens);
        for (const WordToken& t : word_tokens) {
            ids.push_back(t.id);
            if (spans) {
                auto [b, e] = piece.original_range(t.begin, t.end);
                spans->push_back({b, e});
            }
        }
    }
}

void Tokenizer::Impl::encode(std::string_view text, bool add_special, std::vector<int32_t>& ids,
                             std::vector<TokenSpan>* spans) const {
    if (auto bad = utf8::first_invalid_byte(text)) {
        throw Error("cannot tokenize: the text is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
    }
    if (text.size() > UINT32_MAX / 2) throw Error("cannot tokenize: text over 2 GB");
    if (add_special) {
        for (int32_t id : frame_.before) {
            ids.push_back(id);
            if (spans) spans->push_back({0, 0});
        }
    }
    auto emit_added = [&](const AlignedText& from, const AddedTokenSplit& s) {
        ids.push_back(added_[static_cast<std::size_t>(s.token_index)].id);
        if (spans) {
            auto [b, e] = from.original_range(s.begin, s.end);
            spans->push_back({b, e});
        }
    };
    // 1. Tokens matched in the raw text; 2. the rest is normalized and searched for the
    // normalized tokens; 3. what remains goes through the pre-tokenizer and the model.
    std::vector<AddedTokenSplit> raw_splits, normalized_splits;
    if (raw_matcher_.empty())
        raw_splits.push_back({0, text.size(), -1});
    else
        raw_matcher_.split(text, raw_splits);
    for (const AddedTokenSplit& raw : raw_splits) {
        AlignedText segment =
            AlignedText::slice_of_input(text, static_cast<uint32_t>(raw.begin), static_cast<uint32_t>(raw.end));
        if (raw.token_index >= 0) {
            emit_added(segment, {0, segment.text.size(), raw.token_index});
            continue;
        }
        if (normalizer_) normalizer_->normalize(segment);
        if (normalized_matcher_.empty()) {
            tokenize_plain(std::move(segment), ids, spans);
            continue;
        }
        normalized_splits.clear();
        normalized_matcher_.split(segment.text, normalized_splits);
        for (const AddedTokenSplit& s : normalized_splits) {
            if (s.token_index >= 0)
                emit_added(segment, s);
            else if (s.end > s.begin)
                tokenize_plain(segment.slice(s.begin, s.end), ids, spans);
        }
    }
    if (add_special) {
        for (int32_t id : frame_.after) {
            ids.push_back(id);
            if (spans) spans->push_back({0, 0});
        }
    }
}

std::string Tokenizer::Impl::decode(const std::vector<int32_t>& ids, bool skip_special) const {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (int32_t id : ids) {
        if (skip_special && is_special(id)) continue;
        if (const std::string* t = id_to_token(id)) tokens.push_back(*t);
    }
    if (!decoder_) {
        // Hugging Face joins with spaces when a tokenizer has no decoder.
        std::string out;
        for (std::size_t i = 0; i < tokens.size(); ++i) out += (i ? " " : "") + tokens[i];
        return out;
    }
    decoder_->decode_chain(tokens);
    std::string out;
    for (const auto& t : tokens) out += t;
    return out;
}

namespace {

std::shared_ptr<const Tokenizer::Impl> load_text(const std::string& text, const std::string& path,
                                                 TokenizerConfig config) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::size_t line = 1;
        for (std::size_t i = 0; i < e.byte && i < text.size(); ++i) line += text[i] == '\n';
        throw InputError(path, line, std::string("invalid JSON: ") + e.what());
    } catch (const nlohmann::json::exception& e) {  // out_of_range for a number such as 1e400
        throw InputError(path, 0, std::string("invalid JSON: ") + e.what());
    }
    try {
        return std::make_shared<const Tokenizer::Impl>(j, std::move(config));
    } catch (const InputError&) {
        throw;
    } catch (const Error& e) {
        throw InputError(path, 0, e.what());
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path, 0, std::string("unexpected tokenizer.json content: ") + e.what());
    }
}

std::shared_ptr<const Tokenizer::Impl> load(const std::string& path, TokenizerConfig config) {
    return load_text(read_input_file(path), path, std::move(config));
}

}  // namespace

Tokenizer::Tokenizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::~Tokenizer() = default;

Tokenizer Tokenizer::from_file(const std::string& tokenizer_json_path) {
    return Tokenizer(load(tokenizer_json_path, TokenizerConfig{}));
}

Tokenizer Tokenizer::from_json(const std::string& json_text, TokenizerConfig config, const std::string& source) {
    return Tokenizer(load_text(json_text, source, std::move(config)));
}

Tokenizer Tokenizer::from_folder(const std::string& dir) {
    const auto path = std::filesystem::path(dir) / "tokenizer.json";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw Error("no tokenizer.json in " + dir +
                    " (a Hugging Face model folder is needed; "
                    "tokenizer.model-only folders are not supported)");
    }
    return Tokenizer(load(path.string(), TokenizerConfig::from_folder(dir)));
}

std::vector<int32_t> Tokenizer::encode(std::string_view text, bool add_special_tokens) const {
    std::vector<int32_t> ids;
    ids.reserve(text.size() / 3 + 4);
    impl_->encode(text, add_special_tokens, ids, nullptr);
    return ids;
}

Encoding Tokenizer::encode_with_offsets(std::string_view text, bool add_special_tokens) const {
    Encoding e;
    impl_->encode(text, add_special_tokens, e.ids, &e.spans);
    return e;
}

std::string Tokenizer::decode(const std::vector<int32_t>& ids, bool skip_special_tokens) const {
    return impl_->decode(ids, skip_special_tokens);
}

std::optional<int32_t> Tokenizer::token_to_id(std::string_view token) const { return impl_->token_to_id(token); }

std::string Tokenizer::id_to_token(int32_t id) const {
    const std::string* t = impl_->id_to_token(id);
    return t ? *t : std::string();
}

std::size_t Tokenizer::vocab_size() const { return impl_->vocab_size(); }
std::optional<int32_t> Tokenizer::bos_id() const { return impl_->bos_id; }
std::optional<int32_t> Tokenizer::eos_id() const { return impl_->eos_id; }
std::string Tokenizer::bos_token() const { return impl_->bos_token; }
std::string Tokenizer::eos_token() const { return impl_->eos_token; }
bool Tokenizer::is_special(int32_t id) const { return impl_->is_special(id); }
const TokenizerConfig& Tokenizer::config() const { return impl_->config; }

}  // namespace tb
