#include "core/text/tokenizer_regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "core/common/error.h"

namespace tb {

namespace {

// One match-data block and JIT stack per thread: pcre2_match is reentrant, these are not.
struct ThreadMatchState {
    pcre2_match_data* data = nullptr;
    pcre2_jit_stack* jit_stack = nullptr;
    pcre2_match_context* context = nullptr;

    ThreadMatchState() {
        // Only the whole match is read, so one ovector pair serves every pattern.
        data = pcre2_match_data_create(1, nullptr);
        // Patterns like \s+(?!\S) on long whitespace runs need more than the default 32 KiB.
        jit_stack = pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, nullptr);
        context = pcre2_match_context_create(nullptr);
        pcre2_jit_stack_assign(context, nullptr, jit_stack);
    }
    ~ThreadMatchState() {
        pcre2_match_context_free(context);
        pcre2_jit_stack_free(jit_stack);
        pcre2_match_data_free(data);
    }
};

ThreadMatchState& thread_state() {
    thread_local ThreadMatchState state;
    return state;
}

}  // namespace

TokenizerRegex::TokenizerRegex(const std::string& pattern, bool literal) : pattern_(pattern) {
    int error_code = 0;
    PCRE2_SIZE error_offset = 0;
    // PCRE2_LITERAL refuses PCRE2_UCP (it has no classes to apply it to).
    uint32_t options = PCRE2_UTF | PCRE2_NO_UTF_CHECK | (literal ? PCRE2_LITERAL : PCRE2_UCP);
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error_code,
                                     &error_offset, nullptr);
    if (!code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error_code, message, sizeof message);
        throw Error("tokenizer regex does not compile at offset " + std::to_string(error_offset) + " (" +
                    reinterpret_cast<const char*>(message) + "): " + pattern);
    }
    // JIT is an optimisation: when unavailable pcre2_match falls back to the interpreter.
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    code_ = code;
}

TokenizerRegex::~TokenizerRegex() { pcre2_code_free(static_cast<pcre2_code*>(code_)); }

void TokenizerRegex::find_all(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& matches) const {
    auto* code = static_cast<pcre2_code*>(code_);
    auto& state = thread_state();
    auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    std::size_t start = 0;
    while (start <= text.size()) {
        int rc = pcre2_match(code, subject, text.size(), start, PCRE2_NO_UTF_CHECK, state.data, state.context);
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc < 0) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(rc, message, sizeof message);
            throw Error(std::string("tokenizer regex failed while matching: ") +
                        reinterpret_cast<const char*>(message));
        }
        PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(state.data);
        std::size_t begin = ovector[0], end = ovector[1];
        if (end == begin) {
            // Empty match: skip one character, as regex iterators do, and keep nothing.
            if (begin >= text.size()) break;
            std::size_t next = begin + 1;
            while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
            start = next;
            continue;
        }
        matches.emplace_back(begin, end);
        start = end;
    }
}

}  // namespace tb
