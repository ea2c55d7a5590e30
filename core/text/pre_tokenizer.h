#pragma once
// Pre-tokenizers of a tokenizer.json ("pre_tokenizer": Split, ByteLevel, Metaspace, Sequence,
// Digits, Whitespace, ...): they cut normalized text into the words the BPE model sees.
//
// Byte-level note: ByteLevel does not rewrite bytes into GPT-2's printable characters here.
// The BPE model instead keeps its vocabulary in raw-byte form (see bpe.h), which gives the
// same tokens and keeps byte offsets trivial.
#include <memory>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/text/normalizer.h"

namespace tb {

class PreTokenizer {
public:
    virtual ~PreTokenizer() = default;
    // Replaces `pieces` by their splits (empty pieces are dropped).
    virtual void pre_tokenize(std::vector<AlignedText>& pieces) const = 0;
    // True when a ByteLevel step is part of this pre-tokenizer (the model then works on bytes).
    virtual bool byte_level() const { return false; }
};

// Builds the pre-tokenizer described by tokenizer.json's "pre_tokenizer" (nullptr for null).
// Throws tb::Error naming the type when it is not supported.
std::unique_ptr<PreTokenizer> make_pre_tokenizer(const nlohmann::json& spec);

}  // namespace tb
