#pragma once
// Normalizers of a tokenizer.json ("normalizer": Prepend, Replace, Sequence, Strip, ...),
// applied to text that remembers, byte by byte, where it came from in the user's input, so
// that tokens can be mapped back to byte offsets (loss masks need that).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tb {

// A piece of (possibly rewritten) text. Byte i of `text` came from the input bytes
// [origin[i].first, origin[i].second). When `origin` is empty the text is an untouched slice
// of the input starting at `base` (the common case, kept allocation-free).
struct AlignedText {
    std::string text;
    std::vector<std::pair<uint32_t, uint32_t>> origin;
    uint32_t base = 0;

    static AlignedText slice_of_input(std::string_view input, uint32_t begin, uint32_t end);
    bool identity() const { return origin.empty(); }
    // Input byte range covered by text bytes [begin, end) (begin < end).
    std::pair<uint32_t, uint32_t> original_range(std::size_t begin, std::size_t end) const;
    AlignedText slice(std::size_t begin, std::size_t end) const;
    // Makes `origin` explicit (needed before rewriting the text).
    void materialize_origin();
};

class Normalizer {
public:
    virtual ~Normalizer() = default;
    virtual void normalize(AlignedText& text) const = 0;
};

// Builds the normalizer described by tokenizer.json's "normalizer" value (nullptr for null).
// Throws tb::Error naming the type when it is not supported.
std::unique_ptr<Normalizer> make_normalizer(const nlohmann::json& spec);

// Reads a {"String": "..."} or {"Regex": "..."} pattern as a PCRE2 regex source.
std::string pattern_to_regex(const nlohmann::json& pattern, const char* where);

}  // namespace tb
