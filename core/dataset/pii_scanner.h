#pragma once
// Finds PII-like strings and secrets in text, for the data report. Tuned to stay quiet on
// ordinary prose and numbers (dates, prices, version strings, maths):
// - email addresses, except at reserved and placeholder domains (example.com/.org/.net,
//   yourdomain.com, domain.com, *.example, *.test, *.invalid, *.localhost);
// - phone numbers written with separators: North American "(415) 555-0100"-like forms,
//   "415-867-5309", "+1 415 867 5309" (skipping the fictional 555 area code and exchange),
//   and international "+44 20 7946 0958" (a "+" and 8-15 digits);
// - credit-card numbers: 13-19 digits, ungrouped or in the usual 4-4-4-4 / 4-6-5 groups,
//   starting 2-6, passing the Luhn check;
// - IPv4 addresses that are publicly routable (private, loopback, link-local, multicast,
//   documentation ranges are skipped, and so are "v1.2.3.4" and all-single-digit forms like
//   "4.2.1.3", which are nearly always section or version numbers);
// - AWS access key ids (AKIA/ASIA...), OpenAI keys (sk-...), GitHub tokens (ghp_..., github_pat_...),
//   Slack tokens (xox?-...), PEM private key blocks;
// - secrets assigned to a key-like name ("api_key=...", "password: ...", "token = '...'"):
//   16+ characters mixing letters and digits with at least 3.5 bits of entropy per character.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

struct PiiMatch {
    std::string kind;  // "email address", "phone number", "credit card number", "IPv4 address",
                       // "AWS access key", "OpenAI API key", "GitHub token", "Slack token",
                       // "private key", "secret"
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Every match in `text` (valid UTF-8), in order of offset.
std::vector<PiiMatch> find_pii(std::string_view text);

// "j***@e***.com"-style masking for reports: keeps the shape, hides the value.
std::string mask_pii(std::string_view value);

// Luhn checksum over the digits of `digits` (non-digits ignored).
bool luhn_valid(std::string_view digits);

// Shannon entropy in bits per character.
double shannon_entropy(std::string_view text);

}  // namespace tb
