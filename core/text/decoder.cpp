#include "core/text/decoder.h"

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/text/normalizer.h"
#include "core/text/tokenizer_regex.h"
#include "core/text/unicode.h"

namespace tb {

namespace {

// Maps each GPT-2 printable character back to its byte; a token with any character outside
// the table (an added token like "<|eot_id|>" is fine, "  " is not) keeps its own bytes.
class ByteLevelDecoder : public Decoder {
public:
    void decode_chain(std::vector<std::string>& tokens) const override {
        std::string bytes;
        for (const auto& t : tokens) {
            if (auto b = byte_level::to_bytes(t))
                bytes += *b;
            else
                bytes += t;
        }
        tokens.assign(1, utf8::lossy(bytes));
    }
};

class MetaspaceDecoder : public Decoder {
public:
    MetaspaceDecoder(std::string replacement, bool strip_first)
        : replacement_(std::move(replacement)), strip_first_(strip_first) {}
    void decode_chain(std::vector<std::string>& tokens) const override {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            std::string out;
            const std::string& t = tokens[i];
            for (std::size_t pos = 0; pos < t.size();) {
                if (!replacement_.empty() && t.compare(pos, replacement_.size(), replacement_) == 0) {
                    // The first token's markers were added by the pre-tokenizer, not typed.
                    if (!(i == 0 && strip_first_)) out.push_back(' ');
                    pos += replacement_.size();
                } else {
                    out.push_back(t[pos++]);
                }
            }
            tokens[i] = std::move(out);
        }
    }

private:
    std::string replacement_;
    bool strip_first_;
};

class ReplaceDecoder : public Decoder {
public:
    ReplaceDecoder(const nlohmann::json& pattern, std::string content) : content_(std::move(content)) {
        if (pattern.is_object() && pattern.contains("String")) {
            regex_ = std::make_unique<TokenizerRegex>(pattern["String"].get<std::string>(), true);
        } else {
            regex_ = std::make_unique<TokenizerRegex>(pattern_to_regex(pattern, "Replace decoder"), false);
        }
    }
    void decode_chain(std::vector<std::string>& tokens) const override {
        std::vector<std::pair<std::size_t, std::size_t>> matches;
        for (auto& t : tokens) {
            matches.clear();
            regex_->find_all(t, matches);
            if (matches.empty()) continue;
            std::string out;
            std::size_t pos = 0;
            for (auto [b, e] : matches) {
                out.append(t, pos, b - pos);
                out += content_;
                pos = e;
            }
            out.append(t, pos, std::string::npos);
            t = std::move(out);
        }
    }

private:
    std::unique_ptr<TokenizerRegex> regex_;
    std::string content_;
};

// Runs of "<0xNN>" tokens become the text their bytes spell (one U+FFFD per byte when the
// run is not valid UTF-8, as Hugging Face does).
class ByteFallbackDecoder : public Decoder {
public:
    void decode_chain(std::vector<std::string>& tokens) const override {
        std::vector<std::string> out;
        out.reserve(tokens.size());
        std::string pending;
        auto flush = [&] {
            if (pending.empty()) return;
            if (!utf8::first_invalid_byte(pending)) {
                out.push_back(pending);
            } else {
                for (std::size_t i = 0; i < pending.size(); ++i) out.emplace_back("\xEF\xBF\xBD");
            }
            pending.clear();
        };
        for (auto& t : tokens) {
            if (auto byte = parse_byte_token(t)) {
                pending.push_back(static_cast<char>(*byte));
            } else {
                flush();
                out.push_back(std::move(t));
            }
        }
        flush();
        tokens = std::move(out);
    }

private:
    static std::optional<unsigned char> parse_byte_token(const std::string& t) {
        if (t.size() != 6 || t.compare(0, 3, "<0x") != 0 || t[5] != '>') return std::nullopt;
        auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        };
        int hi = hex(t[3]), lo = hex(t[4]);
        if (hi < 0 || lo < 0) return std::nullopt;
        return static_cast<unsigned char>(hi * 16 + lo);
    }
};

class FuseDecoder : public Decoder {
public:
    void decode_chain(std::vector<std::string>& tokens) const override {
        std::string all;
        for (const auto& t : tokens) all += t;
        tokens.assign(1, std::move(all));
    }
};

// Removes up to `start` leading and `stop` trailing occurrences of one character per token.
class StripDecoder : public Decoder {
public:
    StripDecoder(std::string content, std::size_t start, std::size_t stop)
        : content_(std::move(content)), start_(start), stop_(stop) {}
    void decode_chain(std::vector<std::string>& tokens) const override {
        if (content_.empty()) return;
        for (auto& t : tokens) {
            std::size_t begin = 0, end = t.size();
            for (std::size_t n = 0; n < start_ && t.compare(begin, content_.size(), content_) == 0 && begin < end; ++n)
                begin += content_.size();
            for (std::size_t n = 0; n < stop_ && end >= begin + content_.size() &&
                                    t.compare(end - content_.size(), content_.size(), content_) == 0;
                 ++n)
                end -= content_.size();
            t = t.substr(begin, end - begin);
        }
    }

private:
    std::string content_;
    std::size_t start_, stop_;
};

class SequenceDecoder : public Decoder {
public:
    explicit SequenceDecoder(std::vector<std::unique_ptr<Decoder>> parts) : parts_(std::move(parts)) {}
    void decode_chain(std::vector<std::string>& tokens) const override {
        for (const auto& p : parts_) p->decode_chain(tokens);
    }

private:
    std::vector<std::unique_ptr<Decoder>> parts_;
};

}  // namespace

std::unique_ptr<Decoder> make_decoder(const nlohmann::json& spec) {
    if (spec.is_null()) return nullptr;
    const std::string type = spec.value("type", "");
    if (type == "ByteLevel") return std::make_unique<ByteLevelDecoder>();
    if (type == "Metaspace") {
        bool strip_first = spec.contains("prepend_scheme") ? spec["prepend_scheme"].get<std::string>() != "never"
                                                           : spec.value("add_prefix_space", true);
        return std::make_unique<MetaspaceDecoder>(spec.value("replacement", std::string("\xE2\x96\x81")), strip_first);
    }
    if (type == "Replace")
        return std::make_unique<ReplaceDecoder>(spec.at("pattern"), spec.at("content").get<std::string>());
    if (type == "ByteFallback") return std::make_unique<ByteFallbackDecoder>();
    if (type == "Fuse") return std::make_unique<FuseDecoder>();
    if (type == "Strip") {
        return std::make_unique<StripDecoder>(spec.value("content", std::string(" ")), spec.value("start", 0),
                                              spec.value("stop", 0));
    }
    if (type == "Sequence") {
        std::vector<std::unique_ptr<Decoder>> parts;
        for (const auto& d : spec.at("decoders"))
            if (auto p = make_decoder(d)) parts.push_back(std::move(p));
        return std::make_unique<SequenceDecoder>(std::move(parts));
    }
    throw Error("tokenizer.json: decoder type '" + type +
                "' is not supported (supported: ByteLevel, Metaspace, Replace, ByteFallback, Fuse, Strip, Sequence)");
}

}  // namespace tb
