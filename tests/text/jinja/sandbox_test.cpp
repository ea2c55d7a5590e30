// Sandbox guarantees: hostile templates stop with a tb::TemplateError, never hang, crash
// or touch files.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "core/text/chat_template.h"

namespace {

const nlohmann::json kVars = {{"messages", nlohmann::json::array()}};

// Renders and returns the error's kind (empty when it rendered).
std::string render_error(const std::string& source, const tb::jinja::RenderLimits* limits = nullptr) {
    try {
        tb::ChatTemplate t(source);
        if (limits) t.set_limits(*limits);
        t.render(kVars);
    } catch (const tb::TemplateError& e) {
        return e.kind() + ": " + e.message();
    }
    return "";
}

TEST(JinjaSandbox, EndlessLoopsStopAtTheStepLimit) {
    tb::jinja::RenderLimits limits;
    limits.max_steps = 200000;
    std::string err = render_error(
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}", &limits);
    EXPECT_NE(err.find("SandboxError"), std::string::npos) << err;
    EXPECT_NE(err.find("steps"), std::string::npos) << err;
}

TEST(JinjaSandbox, DefaultLimitsStopANestedLoopQuickly) {
    auto start = std::chrono::steady_clock::now();
    std::string err = render_error("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}");
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_NE(err.find("SandboxError"), std::string::npos) << err;
    EXPECT_LT(secs, 15.0);
}

TEST(JinjaSandbox, HugeRangeIsRefusedLikeJinja) {
    EXPECT_EQ(render_error("{% for i in range(10**12) %}{% endfor %}"),
              "OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
}

TEST(JinjaSandbox, EndlessMacroRecursionStopsAtTheDepthLimit) {
    std::string err = render_error("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");
    EXPECT_NE(err.find("SandboxError"), std::string::npos) << err;
    EXPECT_NE(err.find("nested"), std::string::npos) << err;
}

TEST(JinjaSandbox, RecursiveLoopWithoutEndStops) {
    std::string err = render_error("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}");
    EXPECT_NE(err.find("SandboxError"), std::string::npos) << err;
}

TEST(JinjaSandbox, GigabyteStringsStopAtTheOutputLimit) {
    EXPECT_NE(render_error("{{ 'x' * 1000000000 }}").find("SandboxError"), std::string::npos);
    EXPECT_NE(
        render_error("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}")
            .find("SandboxError"),
        std::string::npos);
    EXPECT_NE(
        render_error("{% set s = 'y' * 1000000 %}{% for i in range(1000) %}{{ s }}{% endfor %}").find("SandboxError"),
        std::string::npos);
    EXPECT_NE(render_error("{% set s = 'ab' * 1000000 %}{{ s.replace('a', s) }}").find("SandboxError"),
              std::string::npos);
}

TEST(JinjaSandbox, DeeplyNestedValuesStop) {
    std::string err = render_error(
        "{% set ns = namespace(v=[]) %}{% for i in range(5000) %}{% set ns.v = [ns.v] %}{% endfor %}{{ ns.v }}");
    EXPECT_NE(err.find("SandboxError"), std::string::npos) << err;
    // A namespace holding itself prints without endless recursion.
    err = render_error("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns }}");
    EXPECT_NE(err.find("RecursionError"), std::string::npos) << err;
}

TEST(JinjaSandbox, ParserRejectsDeepNestingInsteadOfCrashing) {
    std::string deep_parens = "{{ " + std::string(100000, '(') + "1" + std::string(100000, ')') + " }}";
    EXPECT_NE(render_error(deep_parens).find("TemplateSyntaxError"), std::string::npos);
    std::string deep_ifs;
    for (int i = 0; i < 5000; ++i) deep_ifs += "{% if true %}";
    EXPECT_NE(render_error(deep_ifs).find("TemplateSyntaxError"), std::string::npos);
    std::string long_chain = "{{ 1";
    for (int i = 0; i < 100000; ++i) long_chain += " + 1";
    EXPECT_NE(render_error(long_chain + " }}").find("TemplateSyntaxError"), std::string::npos);
    std::string attr_chain = "{{ x";
    for (int i = 0; i < 100000; ++i) attr_chain += ".a";
    EXPECT_NE(render_error(attr_chain + " }}").find("TemplateSyntaxError"), std::string::npos);
    std::string lists = "{{ " + std::string(50000, '[') + std::string(50000, ']') + " }}";
    EXPECT_NE(render_error(lists).find("TemplateSyntaxError"), std::string::npos);
}

TEST(JinjaSandbox, DeeplyNestedRequestDataIsRefused) {
    // Parsed in place: copying such a document would itself recurse in nlohmann::json.
    std::string text = "{\"messages\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    nlohmann::json request = nlohmann::json::parse(text);
    tb::ChatTemplate t("{{ messages }}");
    EXPECT_THROW(t.render(request), tb::TemplateError);
}

TEST(JinjaSandbox, NoLoadingOfOtherTemplates) {
    for (const char* src :
         {"{% include '/etc/passwd' %}", "{% import 'x' as y %}", "{% extends 'base' %}", "{% from 'x' import y %}"}) {
        std::string err = render_error(src);
        EXPECT_NE(err.find("cannot load other templates"), std::string::npos) << src << " -> " << err;
    }
}

TEST(JinjaSandbox, MutatingMethodsAreUnsafe) {
    EXPECT_EQ(render_error("{% set l = [] %}{{ l.append(1) }}"),
              "SecurityError: access to attribute 'append' of 'list' object is unsafe.");
    EXPECT_EQ(render_error("{% set d = {} %}{{ d.update({'a': 1}) }}"),
              "SecurityError: access to attribute 'update' of 'dict' object is unsafe.");
    EXPECT_EQ(render_error("{{ messages.__class__() }}").rfind("SecurityError", 0), 0u);
}

TEST(JinjaSandbox, NoEnvironmentAccess) {
    // Only the template variables and the documented globals exist.
    tb::ChatTemplate t("[{{ environ }}{{ os }}{{ config }}{{ open is defined }}{{ range is defined }}]");
    EXPECT_EQ(t.render(kVars).text, "[FalseTrue]");
}

// Renders `source` in a child process whose address space is capped, so a filter that
// allocates before checking its size fails (bad_alloc or a kill) instead of exhausting the
// machine. Returns the error text, or "child failed: ..." and the child's peak RSS in KiB.
struct BoundedRender {
    std::string error;
    long max_rss_kib = 0;
};
BoundedRender render_in_bounded_child(const std::string& source) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return {"pipe failed", 0};
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pipe_fds[0]);
#if !defined(__SANITIZE_ADDRESS__)
        rlimit limit{1536ul << 20, 1536ul << 20};  // 1.5 GiB: far above the 64 MiB sandbox limit
        ::setrlimit(RLIMIT_AS, &limit);
#endif
        std::string message;
        try {
            message = render_error(source);
        } catch (const std::exception& e) {
            message = std::string("child failed: ") + e.what();
        }
        ssize_t written = ::write(pipe_fds[1], message.data(), message.size());
        (void)written;
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string message;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status)) message = "child failed: killed by signal " + std::to_string(WTERMSIG(status));
    return {message, usage.ru_maxrss};
}

TEST(JinjaSandbox, StringBuildingFiltersCheckTheSizeBeforeAllocating) {
    // Each would build gigabytes (indent's padding, a field width, a repetition) before the
    // 64 MiB check if it allocated first.
    for (const char* source : {
             "{{ 'a\\nb'|indent(10**10) }}",
             "{{ 'a\\nb'|indent(' ' * 60000000) }}",
             "{{ 'x'|center(10**10) }}",
             "{{ 'x'.center(10**10) }}",
             "{{ 'x'.ljust(10**10) }}",
             "{{ 'x'.rjust(10**10) }}",
             "{{ 'x'.zfill(10**10) }}",
             "{{ '%10000000000s'|format('x') }}",
             "{{ '%-10000000000d' % 1 }}",
             "{{ '%.10000000000f' % 1.5 }}",
             "{{ 'ab' * 10**18 }}",
             "{{ 'ab' * (2**62) }}",
             "{{ [[[[1]]]]|tojson(indent=60000000) }}",
             "{{ ('a ' * 1000)|wordwrap(1, wrapstring='x' * 1000000) }}",
             // One 60 MB string held 1000 times: its repr, JSON or pprint is 60 GB.
             "{% set s = 'x' * 60000000 %}{{ [s] * 1000 }}",
             "{% set s = 'x' * 60000000 %}{{ ([s] * 1000)|string|length }}",
             "{% set s = 'x' * 60000000 %}{{ ([s] * 1000)|tojson|length }}",
             "{% set s = 'x' * 60000000 %}{{ ([s] * 1000)|pprint|length }}",
             "{% set s = 'x' * 60000000 %}{{ '%s' % ([s] * 1000,) }}",
             "{% set s = 'x' * 60000000 %}{{ {'a': [s] * 1000}|string|length }}",
         }) {
        BoundedRender result = render_in_bounded_child(source);
        EXPECT_EQ(result.error.rfind("SandboxError: the template built more than", 0), 0u)
            << source << " -> " << result.error;
        EXPECT_LT(result.max_rss_kib, 512 * 1024) << source;
    }
    EXPECT_NE(render_error("{{ [1, 2] * 10**18 }}").find("SandboxError"), std::string::npos);
    EXPECT_NE(render_error("{{ [1]|batch(10**12, 0)|list }}").find("SandboxError"), std::string::npos);
    EXPECT_NE(render_error("{{ [1]|slice(10**12)|list }}").find("SandboxError"), std::string::npos);
}

TEST(JinjaIntegers, BeyondSixtyFourBitsIsAClearErrorNeverAWrap) {
    // Python's integers are unbounded; ours are int64. Every way past the range must say so.
    for (const char* source : {
             "{{ '12345678901234567890'|int }}",
             "{{ '-9223372036854775809'|int }}",
             "{{ '0x10000000000000000'|int(base=16) }}",
             "{{ '1e30'|int }}",
             "{{ 1e30|int }}",
             "{{ 2**70 }}",
             "{{ 2**62 * 4 }}",
             "{{ 9223372036854775807 + 1 }}",
             "{{ -9223372036854775807 - 2 }}",
             "{{ -(-9223372036854775807 - 1) }}",
             "{{ (-9223372036854775807 - 1)|abs }}",
             "{{ (-9223372036854775807 - 1) // -1 }}",
             "{{ '%d' % 1e30 }}",
             "{{ [9223372036854775807, 1]|sum }}",
             "{{ 9223372036854775807|round(-1) }}",
         }) {
        std::string err = render_error(source);
        EXPECT_EQ(err.rfind("OverflowError: ", 0), 0u) << source << " -> " << err;
        EXPECT_NE(err.find("64 bits"), std::string::npos) << source << " -> " << err;
    }
    EXPECT_EQ(render_error("{{ 99999999999999999999 }}").rfind("TemplateSyntaxError", 0), 0u);
    // The edges themselves are exact.
    tb::ChatTemplate edges(
        "{{ '9223372036854775807'|int }} {{ '-9223372036854775808'|int }} {{ -9223372036854775807 - 1 }} "
        "{{ 2**62 + (2**62 - 1) }}");
    EXPECT_EQ(edges.render(kVars).text,
              "9223372036854775807 -9223372036854775808 -9223372036854775808 9223372036854775807");
    // A request integer beyond int64 is refused too instead of turning into a float.
    tb::ChatTemplate t("{{ n }}");
    nlohmann::json request = {{"n", 18446744073709551615ull}};
    try {
        t.render(request);
        ADD_FAILURE() << "rendered an integer beyond 64 bits";
    } catch (const tb::TemplateError& e) {
        EXPECT_EQ(e.kind(), "OverflowError");
    }
}

}  // namespace
