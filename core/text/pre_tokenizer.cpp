#include "core/text/pre_tokenizer.h"

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/text/tokenizer_regex.h"
#include "core/text/unicode.h"

namespace tb {

namespace {

// GPT-2's pre-tokenization regex (what ByteLevel uses when use_regex is true).
constexpr const char* kGpt2Pattern = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

// How the matched parts are kept, as in Hugging Face's SplitDelimiterBehavior.
enum class Behavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };

Behavior parse_behavior(const std::string& name) {
    if (name == "Removed") return Behavior::Removed;
    if (name == "Isolated") return Behavior::Isolated;
    if (name == "MergedWithPrevious") return Behavior::MergedWithPrevious;
    if (name == "MergedWithNext") return Behavior::MergedWithNext;
    if (name == "Contiguous") return Behavior::Contiguous;
    throw Error("tokenizer.json: unknown split behavior '" + name + "'");
}

// Cuts `piece` around the matches of `regex` according to `behavior`, appending to `out`.
void split_piece(const AlignedText& piece, const TokenizerRegex& regex, Behavior behavior, bool invert,
                 std::vector<AlignedText>& out, std::vector<std::pair<std::size_t, std::size_t>>& scratch) {
    scratch.clear();
    regex.find_all(piece.text, scratch);
    // Whole text as alternating (range, is_match) parts.
    struct Part {
        std::size_t begin, end;
        bool match;
    };
    std::vector<Part> parts;
    parts.reserve(scratch.size() * 2 + 1);
    std::size_t pos = 0;
    for (auto [b, e] : scratch) {
        if (b > pos) parts.push_back({pos, b, invert});
        parts.push_back({b, e, !invert});
        pos = e;
    }
    if (pos < piece.text.size()) parts.push_back({pos, piece.text.size(), invert});

    auto emit = [&](std::size_t b, std::size_t e) {
        if (e > b) out.push_back(piece.slice(b, e));
    };
    switch (behavior) {
        case Behavior::Isolated:
            for (const auto& p : parts) emit(p.begin, p.end);
            break;
        case Behavior::Removed:
            for (const auto& p : parts)
                if (!p.match) emit(p.begin, p.end);
            break;
        case Behavior::MergedWithPrevious: {
            // A match joins the part before it, unless that part was itself a match.
            std::vector<std::pair<std::size_t, std::size_t>> merged;
            bool previous_match = false;
            for (const auto& p : parts) {
                if (p.match && !previous_match && !merged.empty())
                    merged.back().second = p.end;
                else
                    merged.emplace_back(p.begin, p.end);
                previous_match = p.match;
            }
            for (auto [b, e] : merged) emit(b, e);
            break;
        }
        case Behavior::MergedWithNext: {
            // A match joins the part after it, unless that part is itself a match.
            std::vector<std::pair<std::size_t, std::size_t>> merged;
            bool next_match = false;
            for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
                if (it->match && !next_match && !merged.empty())
                    merged.back().first = it->begin;
                else
                    merged.emplace_back(it->begin, it->end);
                next_match = it->match;
            }
            for (auto it = merged.rbegin(); it != merged.rend(); ++it) emit(it->first, it->second);
            break;
        }
        case Behavior::Contiguous: {
            // Consecutive matches become one part.
            std::size_t i = 0;
            while (i < parts.size()) {
                std::size_t j = i + 1;
                if (parts[i].match)
                    while (j < parts.size() && parts[j].match) ++j;
                emit(parts[i].begin, parts[j - 1].end);
                i = j;
            }
            break;
        }
    }
}

class SplitPreTokenizer : public PreTokenizer {
public:
    SplitPreTokenizer(std::unique_ptr<TokenizerRegex> regex, Behavior behavior, bool invert)
        : regex_(std::move(regex)), behavior_(behavior), invert_(invert) {}
    void pre_tokenize(std::vector<AlignedText>& pieces) const override {
        std::vector<AlignedText> out;
        out.reserve(pieces.size() * 4);
        std::vector<std::pair<std::size_t, std::size_t>> scratch;
        for (const auto& p : pieces) split_piece(p, *regex_, behavior_, invert_, out, scratch);
        pieces = std::move(out);
    }

private:
    std::unique_ptr<TokenizerRegex> regex_;
    Behavior behavior_;
    bool invert_;
};

// Prepends `prefix` to non-empty text; the new bytes point at the first character.
void prepend(AlignedText& t, const std::string& prefix) {
    if (t.text.empty()) return;
    t.materialize_origin();
    auto first = t.original_range(0, utf8::sequence_length(static_cast<unsigned char>(t.text[0])));
    t.text.insert(0, prefix);
    t.origin.insert(t.origin.begin(), prefix.size(), first);
}

class ByteLevelPreTokenizer : public PreTokenizer {
public:
    ByteLevelPreTokenizer(bool add_prefix_space, bool use_regex) : add_prefix_space_(add_prefix_space) {
        if (use_regex) regex_ = std::make_unique<TokenizerRegex>(kGpt2Pattern, false);
    }
    void pre_tokenize(std::vector<AlignedText>& pieces) const override {
        if (add_prefix_space_) {
            for (auto& p : pieces)
                if (!p.text.empty() && p.text[0] != ' ') prepend(p, " ");
        }
        if (!regex_) return;
        std::vector<AlignedText> out;
        out.reserve(pieces.size() * 4);
        std::vector<std::pair<std::size_t, std::size_t>> scratch;
        for (const auto& p : pieces) split_piece(p, *regex_, Behavior::Isolated, false, out, scratch);
        pieces = std::move(out);
    }
    bool byte_level() const override { return true; }

private:
    bool add_prefix_space_;
    std::unique_ptr<TokenizerRegex> regex_;
};

// SentencePiece's whitespace handling: spaces become `replacement` (U+2581), which is also
// prepended as the scheme says, and words start at each replacement when `split` is set.
class MetaspacePreTokenizer : public PreTokenizer {
public:
    enum class Prepend { Always, First, Never };
    MetaspacePreTokenizer(std::string replacement, Prepend scheme, bool split)
        : replacement_(std::move(replacement)), scheme_(scheme), split_(split) {
        marker_ = std::make_unique<TokenizerRegex>(replacement_, true);
    }
    void pre_tokenize(std::vector<AlignedText>& pieces) const override {
        std::vector<AlignedText> out;
        std::vector<std::pair<std::size_t, std::size_t>> scratch;
        for (auto& p : pieces) {
            replace_spaces(p);
            bool starts_with_marker = p.text.compare(0, replacement_.size(), replacement_) == 0;
            bool at_input_start = !p.text.empty() && p.original_range(0, 1).first == 0;
            if (!starts_with_marker && (scheme_ == Prepend::Always || (scheme_ == Prepend::First && at_input_start)))
                prepend(p, replacement_);
            if (split_) {
                split_piece(p, *marker_, Behavior::MergedWithNext, false, out, scratch);
            } else if (!p.text.empty()) {
                out.push_back(std::move(p));
            }
        }
        pieces = std::move(out);
    }

private:
    void replace_spaces(AlignedText& t) const {
        if (t.text.find(' ') == std::string::npos) return;
        t.materialize_origin();
        AlignedText out;
        for (std::size_t i = 0; i < t.text.size(); ++i) {
            if (t.text[i] == ' ') {
                out.text.append(replacement_);
                out.origin.insert(out.origin.end(), replacement_.size(), t.origin[i]);
            } else {
                out.text.push_back(t.text[i]);
                out.origin.push_back(t.origin[i]);
            }
        }
        t = std::move(out);
    }

    std::string replacement_;
    Prepend scheme_;
    bool split_;
    std::unique_ptr<TokenizerRegex> marker_;
};

class SequencePreTokenizer : public PreTokenizer {
public:
    explicit SequencePreTokenizer(std::vector<std::unique_ptr<PreTokenizer>> parts) : parts_(std::move(parts)) {}
    void pre_tokenize(std::vector<AlignedText>& pieces) const override {
        for (const auto& p : parts_) p->pre_tokenize(pieces);
    }
    bool byte_level() const override {
        for (const auto& p : parts_)
            if (p->byte_level()) return true;
        return false;
    }

private:
    std::vector<std::unique_ptr<PreTokenizer>> parts_;
};

std::unique_ptr<PreTokenizer> regex_split(const std::string& pattern, Behavior behavior, bool invert) {
    return std::make_unique<SplitPreTokenizer>(std::make_unique<TokenizerRegex>(pattern, false), behavior, invert);
}

}  // namespace

std::unique_ptr<PreTokenizer> make_pre_tokenizer(const nlohmann::json& spec) {
    if (spec.is_null()) return nullptr;
    const std::string type = spec.value("type", "");
    if (type == "Sequence") {
        std::vector<std::unique_ptr<PreTokenizer>> parts;
        for (const auto& p : spec.at("pretokenizers")) {
            if (auto pt = make_pre_tokenizer(p)) parts.push_back(std::move(pt));
        }
        return std::make_unique<SequencePreTokenizer>(std::move(parts));
    }
    if (type == "Split") {
        const auto& pattern = spec.at("pattern");
        std::unique_ptr<TokenizerRegex> regex;
        if (pattern.contains("String")) {
            regex = std::make_unique<TokenizerRegex>(pattern["String"].get<std::string>(), true);
        } else {
            regex = std::make_unique<TokenizerRegex>(pattern_to_regex(pattern, "Split pre-tokenizer"), false);
        }
        return std::make_unique<SplitPreTokenizer>(std::move(regex), parse_behavior(spec.value("behavior", "Isolated")),
                                                   spec.value("invert", false));
    }
    if (type == "ByteLevel") {
        return std::make_unique<ByteLevelPreTokenizer>(spec.value("add_prefix_space", true),
                                                       spec.value("use_regex", true));
    }
    if (type == "Metaspace") {
        std::string replacement = spec.value("replacement", std::string("\xE2\x96\x81"));
        MetaspacePreTokenizer::Prepend scheme = MetaspacePreTokenizer::Prepend::Always;
        if (spec.contains("prepend_scheme")) {
            std::string s = spec["prepend_scheme"].get<std::string>();
            if (s == "first")
                scheme = MetaspacePreTokenizer::Prepend::First;
            else if (s == "never")
                scheme = MetaspacePreTokenizer::Prepend::Never;
            else if (s != "always")
                throw Error("tokenizer.json: unknown Metaspace prepend_scheme '" + s + "'");
        } else if (!spec.value("add_prefix_space", true)) {
            scheme = MetaspacePreTokenizer::Prepend::Never;  // older files: a boolean instead of a scheme
        }
        return std::make_unique<MetaspacePreTokenizer>(replacement, scheme, spec.value("split", true));
    }
    if (type == "Digits") {
        return regex_split(spec.value("individual_digits", false) ? R"(\p{N})" : R"(\p{N}+)", Behavior::Isolated,
                           false);
    }
    if (type == "Whitespace") return regex_split(R"(\w+|[^\w\s]+)", Behavior::Removed, true);
    if (type == "WhitespaceSplit") return regex_split(R"(\s+)", Behavior::Removed, false);
    if (type == "Punctuation") {
        return regex_split(R"([\p{P}!-/:-@\[-`{-~])", parse_behavior(spec.value("behavior", "Isolated")), false);
    }
    throw Error("tokenizer.json: pre_tokenizer type '" + type +
                "' is not supported (supported: Sequence, Split, ByteLevel, Metaspace, Digits, Whitespace, "
                "WhitespaceSplit, Punctuation)");
}

}  // namespace tb
