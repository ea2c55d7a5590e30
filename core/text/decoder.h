#pragma once
// Decoders of a tokenizer.json ("decoder": ByteLevel, Metaspace, Replace, ByteFallback, Fuse,
// Strip, Sequence): they turn token strings back into text, as Hugging Face's decode_chain.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tb {

class Decoder {
public:
    virtual ~Decoder() = default;
    // Rewrites the list of token strings (decoders may merge them).
    virtual void decode_chain(std::vector<std::string>& tokens) const = 0;
};

// Builds the decoder described by tokenizer.json's "decoder" (nullptr for null).
std::unique_ptr<Decoder> make_decoder(const nlohmann::json& spec);

}  // namespace tb
