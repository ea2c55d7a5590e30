#include "core/curation/names.h"

#include <algorithm>

#include "core/common/error.h"
#include "core/dataset/utf8.h"

namespace tb {

namespace {

// The name as a message may quote it (valid UTF-8 already): control characters as '?', cut
// after about 40 bytes, at a character boundary.
std::string quoted(const std::string& name) {
    std::size_t cut = std::min<std::size_t>(name.size(), 40);
    while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    std::string shown;
    for (unsigned char c : name.substr(0, cut)) shown.push_back(c < 0x20 || c == 0x7f ? '?' : static_cast<char>(c));
    return "'" + shown + (cut < name.size() ? "...'" : "'");
}

}  // namespace

void validate_name(const std::string& name, const std::string& what) {
    if (name.empty()) throw Error("a " + what + " needs a name");
    if (!is_valid_utf8(name)) throw Error("a " + what + " name must be valid UTF-8 text");
    if (name.size() > kMaxNameBytes)
        throw Error(what + " name " + quoted(name) + " is " + std::to_string(name.size()) +
                    " bytes long: names are limited to " + std::to_string(kMaxNameBytes) + " bytes");
    for (unsigned char c : name) {
        // char(31) separates tags in the dataset table's query; no control character is useful in a name.
        if (c < 0x20 || c == 0x7f)
            throw Error(what + " name " + quoted(name) + " contains a control character (a newline, a tab, ...)");
    }
    if (name.front() == ' ' || name.back() == ' ')
        throw Error(what + " name " + quoted(name) + " starts or ends with a space");
}

}  // namespace tb
