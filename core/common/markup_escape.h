#pragma once
// Escaping text for HTML and XML: & < > always, and the two quote characters with the entity
// each caller's format expects (Jinja's markupsafe writes &#34; and &#39;, the run report
// &quot; and &#39;, JUnit XML &quot; and &apos;). One loop, so the callers cannot drift apart.
#include <string>
#include <string_view>

namespace tb {

inline std::string escape_markup(std::string_view text, std::string_view double_quote, std::string_view apostrophe) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += double_quote;
                break;
            case '\'':
                out += apostrophe;
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace tb
