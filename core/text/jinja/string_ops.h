#pragma once
// Python str operations shared by methods and filters (Unicode full case mapping for upper/lower, ASCII for title;
// Unicode whitespace for strip/split as Python defines it).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tb::jinja {

std::string py_strip(std::string_view s, const std::optional<std::string>& chars, bool left, bool right);
std::vector<std::string> py_split(std::string_view s, const std::optional<std::string>& sep, long long maxsplit);
std::vector<std::string> py_rsplit(std::string_view s, const std::optional<std::string>& sep, long long maxsplit);
std::vector<std::string> py_splitlines(std::string_view s, bool keepends = false);
std::string py_replace(std::string_view s, std::string_view old_text, std::string_view new_text, long long count);
std::string py_upper(std::string_view s);
std::string py_lower(std::string_view s);
std::string py_title(std::string_view s);
std::string py_capitalize(std::string_view s);

}  // namespace tb::jinja
