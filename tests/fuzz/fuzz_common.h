#pragma once
// Shared by the fuzz targets (tests/fuzz/*_target.h): what counts as a finding.
// A tb::Error (and its InputError/TemplateError kinds) is the parsers' documented answer to
// bad input, so it is swallowed; anything else escaping (std::out_of_range, nlohmann's
// type_error, std::bad_alloc, ...) is a finding, and so is a broken documented property.
// In the libFuzzer binaries (TUNEBENCH_FUZZER defined) a finding aborts, so libFuzzer records
// the input as a crash; in the GoogleTest suites that replay tests/fuzz/regressions/ it throws
// tb::fuzz::Finding, so the test fails with the reason. Sanitizer reports crash on their own.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/common/error.h"

namespace tb::fuzz {

// Not a tb::Error, so expect_clean never swallows it.
class Finding : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

[[noreturn]] inline void report(const std::string& what) {
#ifdef TUNEBENCH_FUZZER
    std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
    std::abort();
#else
    throw Finding(what);
#endif
}

[[noreturn]] inline void unexpected_exception(const char* what) {
    report(std::string("an exception other than tb::Error escaped: ") + what);
}

// Runs `body`, accepting tb::Error as a clean rejection.
template <class Body>
void expect_clean(Body&& body) {
    try {
        body();
    } catch (const tb::Error&) {
    } catch (const Finding&) {
        throw;
    } catch (const std::exception& e) {
        unexpected_exception(e.what());
    } catch (...) {
        unexpected_exception("(not a std::exception)");
    }
}

// A finding that is not a crash: a documented property the code broke.
[[noreturn]] inline void property_broken(const std::string& what) { report(what); }

// Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), written here
// independently of core's own checks, which the targets test.
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = s[i];
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        std::uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) {
            unsigned char d = s[i + k];
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

inline std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace tb::fuzz
