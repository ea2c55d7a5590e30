#pragma once
// The special tokens a tokenizer.json's "post_processor" puts around a single text
// (TemplateProcessing, RobertaProcessing, BertProcessing, ByteLevel, Sequence), reduced to
// what encode() needs: the ids before and the ids after the text.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tb {

struct SpecialTokenFrame {
    std::vector<int32_t> before, after;
};

// Throws tb::Error for an unsupported post-processor type or a template that is not
// "specials, $A, specials".
SpecialTokenFrame parse_post_processor(const nlohmann::json& spec);

}  // namespace tb
