#include "core/dataset/refusal_patterns.h"

#include <cctype>
#include <string>

namespace tb {
namespace {
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }  // text is lowercased
}  // namespace

const std::vector<std::string_view>& refusal_phrases() {
    static const std::vector<std::string_view> phrases = {
        "i'm sorry, but i can't",
        "i'm sorry, but i cannot",
        "i am sorry, but i can't",
        "i am sorry, but i cannot",
        "i'm sorry, but i'm unable",
        "i'm sorry, but i am unable",
        "i'm sorry, but i'm not able",
        "i'm sorry, i can't",
        "i'm sorry, i cannot",
        "i'm sorry, but as an ai",
        "i apologize, but i can",
        "i apologise, but i can",
        "i apologize, but i'm unable",
        "my apologies, but i can",
        "as an ai language model",
        "as a language model, i",
        "as an ai, i",
        "i'm just an ai",
        "i am just an ai",
        "i cannot fulfill",
        "i can't fulfill",
        "i cannot comply",
        "i can't comply",
        "i can't assist with",
        "i cannot assist with",
        "i can't help with that",
        "i cannot help with that",
        "i'm unable to assist",
        "i am unable to assist",
        "i'm unable to help with",
        "i am unable to help with",
        "i'm not able to help with",
        "i am not able to help with",
        "i'm not able to provide",
        "i am not able to provide",
        "i must decline",
        "i won't be able to help",
        "it is not appropriate for me to",
        "it's not appropriate for me to",
        "against my programming",
        "i'm not comfortable providing",
    };
    return phrases;
}

std::string_view find_refusal(std::string_view reply) {
    // Lowercase ASCII and map U+2019 (’) to "'": phrases are written with plain apostrophes.
    thread_local std::string text;
    text.clear();
    text.reserve(reply.size());
    for (std::size_t i = 0; i < reply.size(); ++i) {
        const char c = reply[i];
        if (c == '\xE2' && i + 2 < reply.size() && reply[i + 1] == '\x80' && reply[i + 2] == '\x99') {
            text.push_back('\'');
            i += 2;
        } else {
            text.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
        }
    }
    // Phrases start a word: only test word starts, and only phrases that share the first
    // two bytes (one comparison rules out almost every position).
    const auto& phrases = refusal_phrases();
    for (std::size_t p = 0; p + 1 < text.size(); ++p) {
        if (p > 0 && is_ascii_alnum(text[p - 1])) continue;
        const char first = text[p], second = text[p + 1];
        if (first != 'i' && first != 'a' && first != 'm') continue;
        for (std::string_view phrase : phrases) {
            if (phrase[0] != first || phrase[1] != second) continue;
            if (std::string_view(text).substr(p, phrase.size()) == phrase) return phrase;
        }
    }
    return {};
}

}  // namespace tb
