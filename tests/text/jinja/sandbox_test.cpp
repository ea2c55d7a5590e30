// Sandbox guarantees: hostile templates stop with a tb::TemplateError, never hang, crash
// or touch files.
#include <gtest/gtest.h>

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

}  // namespace
