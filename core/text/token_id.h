#pragma once
// Token ids as tokenizer.json writes them (vocab values, added tokens, post-processor ids).
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/common/error.h"

namespace tb {

// The largest token id a tokenizer.json may use.
constexpr std::int64_t kMaxTokenId = INT32_MAX / 2;

// The id `value` holds. tb::Error naming `what` when it is not an integer in [0, kMaxTokenId]:
// nlohmann's get<int>() on a float converts it, silently (1.5 -> 1) or with undefined
// behaviour (1e20).
inline std::int32_t token_id_from_json(const nlohmann::json& value, const std::string& what) {
    if (!value.is_number_integer()) throw Error(what + " must be an integer token id");
    const bool in_range = value.is_number_unsigned()
                              ? value.get<std::uint64_t>() <= std::uint64_t(kMaxTokenId)
                              : value.get<std::int64_t>() >= 0 && value.get<std::int64_t>() <= kMaxTokenId;
    if (!in_range) throw Error(what + " is out of range (" + value.dump() + ")");
    return static_cast<std::int32_t>(value.get<std::int64_t>());
}

}  // namespace tb
