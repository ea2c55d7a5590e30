#include "core/dataset/pii_scanner.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace tb {
namespace {

// One compiled, JIT-ed pattern; match data is per thread.
class Pattern {
public:
    explicit Pattern(const char* source) {
        int error = 0;
        PCRE2_SIZE offset = 0;
        code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source), PCRE2_ZERO_TERMINATED,
                              PCRE2_UTF | PCRE2_NO_UTF_CHECK, &error, &offset, nullptr);
        if (!code_) throw std::logic_error(std::string("PII pattern does not compile: ") + source);
        pcre2_jit_compile(code_, PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is unavailable
    }
    ~Pattern() { pcre2_code_free(code_); }
    Pattern(const Pattern&) = delete;
    Pattern& operator=(const Pattern&) = delete;

    // Calls on_match(offset, length) for each non-overlapping match; stops when it returns false.
    template <typename Fn>
    void for_each(std::string_view text, Fn&& on_match) const {
        thread_local std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data(
            pcre2_match_data_create(4, nullptr), &pcre2_match_data_free);
        PCRE2_SIZE start = 0;
        while (start <= text.size()) {
            const int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), start,
                                       PCRE2_NO_UTF_CHECK, data.get(), nullptr);
            if (rc < 0) return;
            const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
            const std::size_t begin = ovector[0], end = ovector[1];
            on_match(begin, end - begin);
            start = end > begin ? end : end + 1;
        }
    }

private:
    pcre2_code* code_ = nullptr;
};

struct Patterns {
    Pattern email{
        R"([A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9]))"};
    Pattern nanp_phone{
        R"((?<![\w+.\-/])(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}(?![\w\-/]|\.\d))"};
    Pattern international_phone{R"((?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?)(?:[ .-]\d{2,4}){2,4}(?![\w\-]))"};
    Pattern card{
        R"((?<![\w.\-])[2-6]\d{3}(?:(?:[ -]?\d{4}){3}(?:\d{1,3})?|[ -]?\d{6}[ -]?\d{5}|\d{9,11})(?![\w\-]|\.\d))"};
    Pattern ipv4{
        R"((?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d))"};
    Pattern aws{R"((?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9]))"};
    Pattern openai{R"((?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})"};
    Pattern github{R"((?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))"};
    Pattern slack{R"((?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,})"};
    Pattern private_key{R"(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----)"};
};

const Patterns& patterns() {
    static const Patterns compiled;
    return compiled;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

bool reserved_email_domain(std::string_view email) {
    const std::string domain = lowercase(email.substr(email.find('@') + 1));
    for (std::string_view reserved : {"example.com", "example.org", "example.net", "yourdomain.com", "domain.com"})
        if (domain == reserved || ends_with(domain, "." + std::string(reserved))) return true;
    for (std::string_view tld : {".example", ".test", ".invalid", ".localhost"})
        if (ends_with(domain, tld)) return true;
    return false;
}

std::size_t count_digits(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// 555 as area code or exchange: the numbers films and examples use ("(555) 123-4567").
bool fictional_nanp(std::string_view phone) {
    std::string digits;
    for (char c : phone)
        if (c >= '0' && c <= '9') digits.push_back(c);
    if (digits.size() == 11) digits.erase(0, 1);  // country code 1
    return digits.size() == 10 && (digits.compare(0, 3, "555") == 0 || digits.compare(3, 3, "555") == 0);
}

bool public_ipv4(std::string_view text, std::size_t offset, std::string_view address) {
    if (offset > 0 && (text[offset - 1] == 'v' || text[offset - 1] == 'V')) return false;  // "v1.2.3.4"
    std::array<int, 4> octets{};
    std::size_t part = 0;
    for (char c : address) {
        if (c == '.')
            ++part;
        else
            octets[part] = octets[part] * 10 + (c - '0');
    }
    if (address.size() == 7) return false;  // "4.2.1.3": section and version numbers, not hosts
    const int a = octets[0], b = octets[1], c = octets[2];
    if (a == 0 || a == 10 || a == 127 || a >= 224) return false;  // this-network, private, loopback, multicast+
    if (a == 169 && b == 254) return false;                       // link-local
    if (a == 172 && b >= 16 && b <= 31) return false;             // private
    if (a == 192 && b == 168) return false;                       // private
    if (a == 100 && b >= 64 && b <= 127) return false;            // carrier-grade NAT
    if ((a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113))
        return false;  // documentation ranges
    return true;
}

bool key_like_name(std::string_view name) {
    const std::string lower = lowercase(name);
    for (std::string_view word : {"key", "secret", "token", "passw", "pwd", "credential"})
        if (lower.find(word) != std::string::npos) return true;
    return false;
}

bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool is_secret_char(char c) { return is_identifier_char(c) || c == '+' || c == '/' || c == '=' || c == '.'; }

// "NAME = VALUE" / "NAME: VALUE" / "\"NAME\": \"VALUE\"" where NAME is key-like.
void find_assigned_secrets(std::string_view text, std::vector<PiiMatch>& out) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=' && text[i] != ':') continue;
        // The name before the operator, skipping spaces and a closing quote.
        std::size_t end = i;
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
        if (end > 0 && (text[end - 1] == '"' || text[end - 1] == '\'')) --end;
        std::size_t begin = end;
        while (begin > 0 && is_identifier_char(text[begin - 1])) --begin;
        if (begin == end || end - begin > 40 || !key_like_name(text.substr(begin, end - begin))) continue;
        // The value after it.
        std::size_t value = i + 1;
        if (value < text.size() && text[value] == '=') ++value;  // "=="
        while (value < text.size() && (text[value] == ' ' || text[value] == '\t')) ++value;
        if (value < text.size() && (text[value] == '"' || text[value] == '\'')) ++value;
        std::size_t value_end = value;
        while (value_end < text.size() && is_secret_char(text[value_end])) ++value_end;
        const std::string_view candidate = text.substr(value, value_end - value);
        if (candidate.size() < 16 || candidate.size() > 256) continue;
        const bool letters = std::any_of(candidate.begin(), candidate.end(),
                                         [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
        const bool digits =
            std::any_of(candidate.begin(), candidate.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!letters || !digits || shannon_entropy(candidate) < 3.5) continue;
        out.push_back(PiiMatch{"secret", value, candidate.size()});
        i = value_end;
    }
}

}  // namespace

bool luhn_valid(std::string_view digits) {
    int sum = 0;
    bool doubled = false;
    std::size_t count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9') continue;
        int d = *it - '0';
        if (doubled) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        doubled = !doubled;
        ++count;
    }
    return count > 0 && sum % 10 == 0;
}

double shannon_entropy(std::string_view text) {
    if (text.empty()) return 0.0;
    std::array<std::size_t, 256> counts{};
    for (unsigned char c : text) ++counts[c];
    double entropy = 0.0;
    for (std::size_t count : counts) {
        if (!count) continue;
        const double p = static_cast<double>(count) / static_cast<double>(text.size());
        entropy -= p * std::log2(p);
    }
    return entropy;
}

std::vector<PiiMatch> find_pii(std::string_view text) {
    std::vector<PiiMatch> found;
    const Patterns& p = patterns();
    auto add = [&](const char* kind) {
        return [&found, kind](std::size_t offset, std::size_t length) {
            found.push_back(PiiMatch{kind, offset, length});
            return true;
        };
    };
    // Cheap prefilters first: most text holds none of these, and scanning for a byte is far
    // faster than running a pattern.
    if (text.find('@') != std::string_view::npos) {
        p.email.for_each(text, [&](std::size_t offset, std::size_t length) {
            if (!reserved_email_domain(text.substr(offset, length)))
                found.push_back(PiiMatch{"email address", offset, length});
            return true;
        });
    }
    const std::size_t digits = count_digits(text);
    if (digits >= 10) {
        p.nanp_phone.for_each(text, [&](std::size_t offset, std::size_t length) {
            if (!fictional_nanp(text.substr(offset, length))) found.push_back(PiiMatch{"phone number", offset, length});
            return true;
        });
    }
    if (digits >= 8 && text.find('+') != std::string_view::npos) {
        p.international_phone.for_each(text, [&](std::size_t offset, std::size_t length) {
            const std::size_t n = count_digits(text.substr(offset, length));
            const bool already = std::any_of(found.begin(), found.end(), [&](const PiiMatch& m) {
                return m.kind == "phone number" && m.offset < offset + length && offset < m.offset + m.length;
            });
            if (n >= 8 && n <= 15 && !already) found.push_back(PiiMatch{"phone number", offset, length});
            return true;
        });
    }
    if (digits >= 13) {
        p.card.for_each(text, [&](std::size_t offset, std::size_t length) {
            const auto number = text.substr(offset, length);
            const std::size_t n = count_digits(number);
            if (n >= 13 && n <= 19 && luhn_valid(number))
                found.push_back(PiiMatch{"credit card number", offset, length});
            return true;
        });
    }
    if (digits >= 4 && text.find('.') != std::string_view::npos) {
        p.ipv4.for_each(text, [&](std::size_t offset, std::size_t length) {
            if (public_ipv4(text, offset, text.substr(offset, length)))
                found.push_back(PiiMatch{"IPv4 address", offset, length});
            return true;
        });
    }
    if (text.find("AKIA") != std::string_view::npos || text.find("ASIA") != std::string_view::npos)
        p.aws.for_each(text, add("AWS access key"));
    if (text.find("sk-") != std::string_view::npos) p.openai.for_each(text, add("OpenAI API key"));
    if (text.find("gh") != std::string_view::npos || text.find("github_pat_") != std::string_view::npos)
        p.github.for_each(text, add("GitHub token"));
    if (text.find("xox") != std::string_view::npos) p.slack.for_each(text, add("Slack token"));
    if (text.find("-----BEGIN") != std::string_view::npos) p.private_key.for_each(text, add("private key"));
    if (text.find('=') != std::string_view::npos || text.find(':') != std::string_view::npos)
        find_assigned_secrets(text, found);

    std::sort(found.begin(), found.end(), [](const PiiMatch& a, const PiiMatch& b) { return a.offset < b.offset; });
    return found;
}

std::string mask_pii(std::string_view value) {
    // Keep the first character of each run of letters/digits and every separator.
    std::string masked;
    masked.reserve(value.size());
    bool in_run = false;
    for (char c : value) {
        const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
        if (!word) {
            masked.push_back(c);
            in_run = false;
        } else if (!in_run) {
            masked.push_back(c);
            in_run = true;
        } else if (masked.back() != '*') {
            masked.push_back('*');
        }
    }
    return masked;
}

}  // namespace tb
