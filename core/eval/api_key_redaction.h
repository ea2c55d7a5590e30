#pragma once
// Keeping API keys out of messages: a key pasted where a variable's name belongs is never
// echoed, and an endpoint's error body that echoes the Authorization header is redacted
// before it is shown. Used by resolve_api_key (core/eval/api_key.h) and the OpenAI client.
#include <string>

namespace tb {

// True when a string given as a variable's name may be a secret itself (a key pasted into
// --api-key-env): not an identifier, longer than 32 characters, or lowercase letters mixed
// with digits as keys are ("hf_AbC123...", "gsk_..."). Such a "name" is never echoed.
bool may_be_api_key(const std::string& variable_name);

// `text` (an endpoint's error body, a message quoting it) with `key` and any
// "Bearer <token>" replaced by "[redacted]": an endpoint may echo the Authorization header.
std::string redact_api_key(std::string text, const std::string& key);

}  // namespace tb
