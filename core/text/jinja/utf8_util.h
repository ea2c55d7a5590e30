#pragma once
// UTF-8 helpers for Python's code point view of strings (len, indexing, slicing).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tb::jinja {

std::size_t utf8_length(std::string_view s);  // code points
bool is_ascii(std::string_view s);
// Byte offsets of every code point start, plus s.size() at the end.
std::vector<std::size_t> utf8_offsets(std::string_view s);
std::uint32_t utf8_decode(std::string_view s, std::size_t& pos);  // advances pos
// One code point of a string and its bytes [begin, end).
struct CodePoint {
    std::uint32_t cp;
    std::size_t begin, end;
};
std::vector<CodePoint> utf8_code_points(std::string_view s);
void utf8_append(std::string& out, std::uint32_t cp);
bool is_python_space(std::uint32_t cp);  // str.isspace / str.split() whitespace

}  // namespace tb::jinja
