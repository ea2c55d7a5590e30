#pragma once
// The one rule for names a user gives things: tags, golden sets, regression suites,
// guideline versions, reviewers. A name is one short line of text: it shows in lists,
// tables, reports and JSON, and a newline or a 100 KB string breaks every one of them.
#include <cstddef>
#include <string>

namespace tb {

inline constexpr std::size_t kMaxNameBytes = 200;

// Throws tb::Error when `name` is empty, starts or ends with a space, holds a control
// character (newline, tab, ...), is not valid UTF-8, or is longer than kMaxNameBytes.
// `what` names the kind of thing in the message: "tag", "golden set", "regression suite".
void validate_name(const std::string& name, const std::string& what);

}  // namespace tb
