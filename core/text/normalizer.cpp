#include "core/text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/text/tokenizer_regex.h"
#include "core/text/unicode.h"

namespace tb {

AlignedText AlignedText::slice_of_input(std::string_view input, uint32_t begin, uint32_t end) {
    AlignedText t;
    t.text.assign(input.substr(begin, end - begin));
    t.base = begin;
    return t;
}

std::pair<uint32_t, uint32_t> AlignedText::original_range(std::size_t begin, std::size_t end) const {
    if (identity()) return {base + static_cast<uint32_t>(begin), base + static_cast<uint32_t>(end)};
    return {origin[begin].first, origin[end - 1].second};
}

AlignedText AlignedText::slice(std::size_t begin, std::size_t end) const {
    AlignedText t;
    t.text.assign(text, begin, end - begin);
    if (identity()) {
        t.base = base + static_cast<uint32_t>(begin);
    } else {
        t.origin.assign(origin.begin() + static_cast<std::ptrdiff_t>(begin),
                        origin.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return t;
}

void AlignedText::materialize_origin() {
    if (!identity() || text.empty()) return;
    origin.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        origin[i] = {base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(i + 1)};
}

std::string pattern_to_regex(const nlohmann::json& pattern, const char* where) {
    if (pattern.is_object() && pattern.contains("Regex")) return pattern["Regex"].get<std::string>();
    throw Error(std::string(where) + ": pattern must be {\"String\": ...} or {\"Regex\": ...}");
}

namespace {

class SequenceNormalizer : public Normalizer {
public:
    explicit SequenceNormalizer(std::vector<std::unique_ptr<Normalizer>> parts) : parts_(std::move(parts)) {}
    void normalize(AlignedText& text) const override {
        for (const auto& p : parts_) p->normalize(text);
    }

private:
    std::vector<std::unique_ptr<Normalizer>> parts_;
};

// Prepends a string to non-empty text; the new bytes point at the first character, as in
// Hugging Face's NormalizedString::prepend.
class PrependNormalizer : public Normalizer {
public:
    explicit PrependNormalizer(std::string prefix) : prefix_(std::move(prefix)) {}
    void normalize(AlignedText& t) const override {
        if (t.text.empty() || prefix_.empty()) return;
        t.materialize_origin();
        auto first = t.original_range(0, utf8::sequence_length(static_cast<unsigned char>(t.text[0])));
        t.text.insert(0, prefix_);
        t.origin.insert(t.origin.begin(), prefix_.size(), first);
    }

private:
    std::string prefix_;
};

// Replaces every match of a literal or regex pattern; the replacement's bytes point at the
// whole input range the match covered.
class ReplaceNormalizer : public Normalizer {
public:
    ReplaceNormalizer(const nlohmann::json& pattern, std::string content) : content_(std::move(content)) {
        if (pattern.is_object() && pattern.contains("String")) {
            regex_ = std::make_unique<TokenizerRegex>(pattern["String"].get<std::string>(), true);
        } else {
            regex_ = std::make_unique<TokenizerRegex>(pattern_to_regex(pattern, "Replace normalizer"), false);
        }
    }
    void normalize(AlignedText& t) const override {
        std::vector<std::pair<std::size_t, std::size_t>> matches;
        regex_->find_all(t.text, matches);
        if (matches.empty()) return;
        t.materialize_origin();
        AlignedText out;
        out.text.reserve(t.text.size() + matches.size() * content_.size());
        out.origin.reserve(out.text.capacity());
        std::size_t pos = 0;
        for (auto [begin, end] : matches) {
            out.text.append(t.text, pos, begin - pos);
            out.origin.insert(out.origin.end(), t.origin.begin() + static_cast<std::ptrdiff_t>(pos),
                              t.origin.begin() + static_cast<std::ptrdiff_t>(begin));
            out.text.append(content_);
            out.origin.insert(out.origin.end(), content_.size(), t.original_range(begin, end));
            pos = end;
        }
        out.text.append(t.text, pos, std::string::npos);
        out.origin.insert(out.origin.end(), t.origin.begin() + static_cast<std::ptrdiff_t>(pos), t.origin.end());
        t = std::move(out);
    }

private:
    std::unique_ptr<TokenizerRegex> regex_;
    std::string content_;
};

// Removes leading and/or trailing Unicode whitespace.
class StripNormalizer : public Normalizer {
public:
    StripNormalizer(bool left, bool right) : left_(left), right_(right) {}
    void normalize(AlignedText& t) const override {
        std::size_t begin = 0, end = t.text.size();
        if (left_) {
            while (begin < end) {
                std::size_t next = begin;
                if (!utf8::is_whitespace(utf8::decode(t.text, next))) break;
                begin = next;
            }
        }
        if (right_) {
            while (end > begin) {
                std::size_t start = end - 1;
                while (start > begin && (static_cast<unsigned char>(t.text[start]) & 0xC0) == 0x80) --start;
                std::size_t probe = start;
                if (!utf8::is_whitespace(utf8::decode(t.text, probe))) break;
                end = start;
            }
        }
        if (begin != 0 || end != t.text.size()) t = t.slice(begin, end);
    }

private:
    bool left_, right_;
};

// Rewrites the text with an ICU transformation that reports its edits, so each output byte
// keeps pointing at the input bytes it came from (a composed "é" at both bytes of "e" + U+0301).
template <typename Transform>
void apply_with_edits(AlignedText& t, Transform&& transform) {
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    icu::Edits edits;
    UErrorCode status = U_ZERO_ERROR;
    transform(icu::StringPiece(t.text.data(), static_cast<int32_t>(t.text.size())), sink, edits, status);
    if (U_FAILURE(status)) throw Error(std::string("tokenizer normalizer failed: ") + u_errorName(status));
    if (!edits.hasChanges()) return;
    t.materialize_origin();
    std::vector<std::pair<uint32_t, uint32_t>> origin(out.size());
    auto it = edits.getCoarseIterator();
    while (it.next(status)) {
        auto src = static_cast<std::size_t>(it.sourceIndex()), dst = static_cast<std::size_t>(it.destinationIndex());
        auto old_len = static_cast<std::size_t>(it.oldLength()), new_len = static_cast<std::size_t>(it.newLength());
        for (std::size_t i = 0; i < new_len; ++i) {
            if (!it.hasChange())
                origin[dst + i] = t.origin[src + i];
            else if (old_len > 0)
                origin[dst + i] = t.original_range(src, src + old_len);
            else
                origin[dst + i] = src < t.origin.size() ? t.origin[src] : t.origin.back();
        }
    }
    t.text = std::move(out);
    t.origin = std::move(origin);
}

// NFC, NFKC, NFD, NFKD (Qwen 2 uses NFC) through ICU.
class UnicodeNormalizer : public Normalizer {
public:
    explicit UnicodeNormalizer(const std::string& form) {
        UErrorCode status = U_ZERO_ERROR;
        if (form == "NFC")
            form_ = icu::Normalizer2::getNFCInstance(status);
        else if (form == "NFKC")
            form_ = icu::Normalizer2::getNFKCInstance(status);
        else if (form == "NFD")
            form_ = icu::Normalizer2::getNFDInstance(status);
        else
            form_ = icu::Normalizer2::getNFKDInstance(status);
        if (U_FAILURE(status))
            throw Error("cannot load the ICU " + form + " normalization data: " + u_errorName(status));
    }
    void normalize(AlignedText& t) const override {
        UErrorCode status = U_ZERO_ERROR;
        // Most text is already normalized: check first, rewrite only when needed.
        if (form_->isNormalizedUTF8(icu::StringPiece(t.text.data(), static_cast<int32_t>(t.text.size())), status) &&
            U_SUCCESS(status))
            return;
        apply_with_edits(t, [&](icu::StringPiece in, icu::ByteSink& sink, icu::Edits& edits, UErrorCode& st) {
            form_->normalizeUTF8(0, in, sink, &edits, st);
        });
    }

private:
    const icu::Normalizer2* form_ = nullptr;
};

// Unicode lowercasing (root locale), as Rust's str::to_lowercase.
class LowercaseNormalizer : public Normalizer {
public:
    void normalize(AlignedText& t) const override {
        apply_with_edits(t, [](icu::StringPiece in, icu::ByteSink& sink, icu::Edits& edits, UErrorCode& st) {
            icu::CaseMap::utf8ToLower("", 0, in, sink, &edits, st);
        });
    }
};

}  // namespace

std::unique_ptr<Normalizer> make_normalizer(const nlohmann::json& spec) {
    if (spec.is_null()) return nullptr;
    const std::string type = spec.value("type", "");
    if (type == "Sequence") {
        std::vector<std::unique_ptr<Normalizer>> parts;
        for (const auto& p : spec.at("normalizers")) {
            if (auto n = make_normalizer(p)) parts.push_back(std::move(n));
        }
        return std::make_unique<SequenceNormalizer>(std::move(parts));
    }
    if (type == "Prepend") return std::make_unique<PrependNormalizer>(spec.at("prepend").get<std::string>());
    if (type == "Replace")
        return std::make_unique<ReplaceNormalizer>(spec.at("pattern"), spec.at("content").get<std::string>());
    if (type == "NFC" || type == "NFKC" || type == "NFD" || type == "NFKD")
        return std::make_unique<UnicodeNormalizer>(type);
    if (type == "Lowercase") return std::make_unique<LowercaseNormalizer>();
    if (type == "Strip")
        return std::make_unique<StripNormalizer>(spec.value("strip_left", true), spec.value("strip_right", true));
    throw Error("tokenizer.json: normalizer type '" + type +
                "' is not supported (supported: Sequence, Prepend, Replace, Strip, NFC, NFKC, NFD, NFKD, Lowercase)");
}

}  // namespace tb
