#pragma once
// The reviewer identity of this machine, set once and stamped on every review. Stored in
// $XDG_CONFIG_HOME/tunebench/reviewer (default ~/.config/tunebench/reviewer), one line;
// TUNEBENCH_REVIEWER overrides it (CI, shared accounts).
#include <optional>
#include <string>

namespace tb {

std::string reviewer_identity_path();
// nullopt when no identity was set.
std::optional<std::string> machine_reviewer();
// Throws tb::Error for an empty name or one with a line break.
void set_machine_reviewer(const std::string& name);

}  // namespace tb
