// DataChecker: every check of the data report, streaming. Per-example checks run in add();
// the cross-example ones (exact and near duplicates, system prompt consistency) keep a
// compact per-example summary (hashes, a MinHash signature) and resolve in finish().
#include "core/dataset/checks.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <unordered_map>

#include "core/common/error.h"
#include "core/dataset/pii_scanner.h"
#include "core/dataset/refusal_patterns.h"
#include "core/dataset/text_normalise.h"
#include "core/dataset/utf8.h"
#include "core/stats/minhash.h"

namespace tb {
namespace {

constexpr std::size_t kNumPerm = 128;
constexpr std::size_t kShingleWords = 5;
constexpr std::size_t kMaxLshBucket = 32;  // bounds near-duplicate work on templated data (see LshIndex)

struct Hash128 {
    std::uint64_t high, low;
    bool operator==(const Hash128&) const = default;
};
struct Hash128Hasher {
    std::size_t operator()(const Hash128& h) const { return static_cast<std::size_t>(h.high ^ (h.low * 31)); }
};

std::string describe(std::size_t index, const std::string& role) {
    return "message " + std::to_string(index + 1) + " (" + role + ")";
}

std::string quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Union-find over example indices, for near-duplicate clusters.
class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
    std::uint32_t find(std::uint32_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void unite(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);  // the earliest example is the root
    }

private:
    std::vector<std::uint32_t> parent_;
};

}  // namespace

struct DataChecker::Impl {
    CheckOptions options;
    MinHasher hasher{kNumPerm};
    CheckReport report;
    bool finished = false;

    std::vector<std::int64_t> ids;  // by index of add()

    // Exact duplicates: normalised conversation hash -> first index; groups only for repeats.
    std::unordered_map<Hash128, std::uint32_t, Hash128Hasher> first_by_text;
    std::map<std::uint32_t, std::vector<std::uint32_t>> duplicate_groups;  // first index -> all indices
    std::map<std::uint32_t, std::string> duplicate_snippets;

    // Near duplicates: one signature per distinct text that has words.
    std::vector<std::uint32_t> signature_owner;  // index of the example
    std::vector<std::uint32_t> signatures;       // kNumPerm values each

    // System prompts: hash -> (snippet, indices); examples without one.
    struct SystemPrompt {
        std::string snippet;
        std::vector<std::uint32_t> examples;
    };
    std::unordered_map<std::uint64_t, SystemPrompt> system_prompts;
    std::vector<std::uint64_t> system_prompt_order;  // first-seen order, for stable ties
    std::vector<std::uint32_t> without_system;

    // Per-example findings, by kind, in add() order.
    std::map<std::string, std::vector<Finding>> per_example;

    std::string scratch;  // reused buffer for normalised text

    void add_finding(const char* kind, std::int64_t id, std::string detail) {
        per_example[kind].push_back(Finding{kind, {id}, std::move(detail)});
    }
    void add(const Example& example);
    void check_messages(const Example& example);
    void finish();
    void finish_near_duplicates();
    void finish_system_prompts();
};

DataChecker::DataChecker(CheckOptions options) : impl_(std::make_unique<Impl>()) {
    if (!(options.near_dup_threshold > 0.0 && options.near_dup_threshold <= 1.0))
        throw Error("near-duplicate threshold must be in (0, 1], got " + std::to_string(options.near_dup_threshold));
    impl_->options = options;
    impl_->report.stats.tokenizer = options.tokenizer_name;
}

DataChecker::~DataChecker() = default;

void DataChecker::add(const Example& example) {
    if (impl_->finished) throw Error("DataChecker::add after finish()");
    impl_->add(example);
}

CheckReport DataChecker::finish() {
    if (impl_->finished) throw Error("DataChecker::finish called twice");
    impl_->finished = true;
    impl_->finish();
    return std::move(impl_->report);
}

void DataChecker::Impl::add(const Example& example) {
    const auto index = static_cast<std::uint32_t>(ids.size());
    ids.push_back(example.id);

    // Statistics.
    DatasetStats& stats = report.stats;
    ++stats.examples;
    stats.messages += example.messages.size();
    ++stats.turns_histogram[example.messages.size()];
    std::size_t chars = 0;
    for (const Message& m : example.messages) {
        ++stats.messages_by_role[m.role];
        chars += utf8_length(m.content);
    }
    stats.char_lengths.push_back(chars);
    if (options.token_counter) stats.token_lengths.push_back(options.token_counter(example));

    check_messages(example);

    // Exact duplicates over the normalised non-system turns (role, text, tool calls).
    scratch.clear();
    for (const Message& m : example.messages) {
        if (m.role == "system") continue;
        scratch += m.role;
        scratch += ": ";
        append_normalised(m.content, scratch);
        if (!m.tool_calls.is_null()) scratch += m.tool_calls.dump();
        scratch += '\n';
    }
    const Hash128 key{hash_bytes(scratch, 1), hash_bytes(scratch, 2)};
    const auto [it, inserted] = first_by_text.try_emplace(key, index);
    if (!inserted) {
        auto& group = duplicate_groups[it->second];
        if (group.empty()) {
            group.push_back(it->second);
            duplicate_snippets[it->second] = snippet(trim(scratch), 80);
        }
        group.push_back(index);
    } else {
        // Near duplicates: only the first of each exact group takes part.
        scratch.clear();
        for (const Message& m : example.messages) {
            if (m.role == "system") continue;
            scratch += m.content;
            scratch += '\n';
            if (!m.tool_calls.is_null()) scratch += m.tool_calls.dump();
        }
        const auto shingles = word_shingle_hashes(scratch, kShingleWords);
        if (!shingles.empty()) {
            signature_owner.push_back(index);
            signatures.resize(signatures.size() + kNumPerm);
            hasher.signature(shingles, signatures.data() + signatures.size() - kNumPerm);
        }
    }

    // System prompt consistency.
    if (!example.messages.empty() && example.messages.front().role == "system") {
        const std::string& prompt = example.messages.front().content;
        const std::uint64_t h = hash_bytes(prompt, 3);
        auto [prompt_it, new_prompt] = system_prompts.try_emplace(h);
        if (new_prompt) {
            prompt_it->second.snippet = snippet(prompt, 80);
            system_prompt_order.push_back(h);
        }
        prompt_it->second.examples.push_back(index);
    } else {
        without_system.push_back(index);
    }
}

void DataChecker::Impl::check_messages(const Example& example) {
    const auto& messages = example.messages;
    const std::int64_t id = example.id;

    // empty_turn: blank content, except an assistant turn that only calls tools.
    std::vector<std::string> empty;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const Message& m = messages[i];
        if (is_blank(m.content) && !(m.role == "assistant" && !m.tool_calls.is_null()))
            empty.push_back(describe(i, m.role));
    }
    if (!empty.empty()) {
        std::string detail;
        for (const auto& where : empty) detail += (detail.empty() ? "" : ", ") + where;
        add_finding("empty_turn", id, detail + (empty.size() == 1 ? " is empty" : " are empty"));
    }

    // missing_assistant: no assistant turn at all, or the last user/tool turn gets no reply.
    bool has_assistant = false;
    const Message* last = nullptr;
    for (const Message& m : messages) {
        has_assistant |= m.role == "assistant";
        if (m.role != "system") last = &m;
    }
    if (!has_assistant)
        add_finding("missing_assistant", id, "no assistant message");
    else if (last && (last->role == "user" || last->role == "tool"))
        add_finding("missing_assistant", id, "the conversation ends with a " + last->role + " message and no reply");

    // role_order: consecutive same-role turns (parallel tool results excepted), system not
    // first, a tool result without a preceding tool call.
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const std::string& role = messages[i].role;
        std::string problem;
        if (role == "system" && i > 0) {
            problem = describe(i, role) + ": a system message after the start";
        } else if (i > 0 && role == messages[i - 1].role && role != "tool") {
            problem = "two " + role + " messages in a row (messages " + std::to_string(i) + " and " +
                      std::to_string(i + 1) + ")";
        } else if (role == "tool" &&
                   !(i > 0 && (messages[i - 1].role == "tool" ||
                               (messages[i - 1].role == "assistant" && !messages[i - 1].tool_calls.is_null())))) {
            problem = describe(i, role) + " does not follow an assistant tool call";
        }
        if (!problem.empty()) {
            add_finding("role_order", id, problem);
            break;
        }
    }

    // refusal / short_answer over assistant replies.
    bool refusal_found = false, short_found = false;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const Message& m = messages[i];
        if (m.role != "assistant") continue;
        if (!refusal_found) {
            const auto phrase = find_refusal(m.content);
            if (!phrase.empty()) {
                add_finding("refusal", id, describe(i, m.role) + " reads like a refusal: " + quote(phrase));
                refusal_found = true;
            }
        }
        if (!short_found && m.tool_calls.is_null()) {
            const std::string_view text = trim(m.content);
            const std::size_t length = utf8_length(text);
            if (!is_blank(text) && length < options.short_answer_chars) {
                add_finding("short_answer", id,
                            describe(i, m.role) + " is " + std::to_string(length) + " characters: " + quote(text));
                short_found = true;
            }
        }
    }

    // pii: every message, one finding per example listing what was found where.
    std::string pii_detail;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const std::string& content = messages[i].content;
        for (const PiiMatch& match : find_pii(content)) {
            if (!pii_detail.empty()) pii_detail += "; ";
            pii_detail += match.kind + " (" + mask_pii(std::string_view(content).substr(match.offset, match.length)) +
                          ") in " + describe(i, messages[i].role);
        }
    }
    if (!pii_detail.empty()) add_finding("pii", id, pii_detail);
}

void DataChecker::Impl::finish() {
    std::vector<Finding>& findings = report.findings;
    for (const auto& [first, group] : duplicate_groups) {
        Finding finding{"exact_duplicate", {}, {}};
        for (std::uint32_t index : group) finding.examples.push_back(ids[index]);
        finding.detail =
            std::to_string(group.size()) + " examples share this text: " + quote(duplicate_snippets[first]);
        findings.push_back(std::move(finding));
    }
    finish_near_duplicates();
    for (const char* kind : {"empty_turn", "missing_assistant", "role_order", "refusal", "short_answer", "pii"}) {
        auto it = per_example.find(kind);
        if (it == per_example.end()) continue;
        for (auto& finding : it->second) findings.push_back(std::move(finding));
    }
    finish_system_prompts();
}

void DataChecker::Impl::finish_near_duplicates() {
    const std::size_t count = signature_owner.size();
    if (count < 2) return;
    const double threshold = options.near_dup_threshold;
    LshIndex index(choose_lsh_params(threshold, kNumPerm), kNumPerm, kMaxLshBucket);
    DisjointSets sets(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t* signature = signatures.data() + std::size_t(i) * kNumPerm;
        for (std::uint32_t candidate : index.candidates(signature)) {
            if (sets.find(candidate) == sets.find(i)) continue;  // already in one cluster
            const std::span<const std::uint32_t> a(signature, kNumPerm);
            const std::span<const std::uint32_t> b(signatures.data() + std::size_t(candidate) * kNumPerm, kNumPerm);
            if (estimate_jaccard(a, b) >= threshold) sets.unite(candidate, i);
        }
        index.insert(i, signature);
    }
    std::map<std::uint32_t, std::vector<std::uint32_t>> clusters;  // root -> members (signature indices)
    for (std::uint32_t i = 0; i < count; ++i) clusters[sets.find(i)].push_back(i);
    char threshold_text[32];
    std::snprintf(threshold_text, sizeof threshold_text, "%.2f", threshold);
    for (const auto& [root, members] : clusters) {
        if (members.size() < 2) continue;
        Finding finding{"near_duplicate", {}, {}};
        for (std::uint32_t member : members) finding.examples.push_back(ids[signature_owner[member]]);
        finding.detail =
            std::to_string(members.size()) +
            " examples are near-duplicates (estimated Jaccard similarity of word 5-grams >= " + threshold_text + ")";
        report.findings.push_back(std::move(finding));
    }
}

void DataChecker::Impl::finish_system_prompts() {
    // Only when most examples have a system prompt and one prompt is used by most of those.
    const std::size_t total = ids.size();
    const std::size_t with_system = total - without_system.size();
    if (with_system * 2 <= total || system_prompts.empty()) return;
    std::uint64_t common = system_prompt_order.front();
    for (std::uint64_t h : system_prompt_order)
        if (system_prompts[h].examples.size() > system_prompts[common].examples.size()) common = h;
    const std::size_t common_count = system_prompts[common].examples.size();
    if (common_count * 2 <= with_system) return;
    const std::string usage = "the most common system prompt (used by " + std::to_string(common_count) + " of " +
                              std::to_string(total) + " examples) is " + quote(system_prompts[common].snippet);
    for (std::uint64_t h : system_prompt_order) {
        if (h == common) continue;
        const SystemPrompt& prompt = system_prompts[h];
        Finding finding{"system_prompt_mismatch", {}, {}};
        for (std::uint32_t index : prompt.examples) finding.examples.push_back(ids[index]);
        finding.detail = std::to_string(prompt.examples.size()) + " example(s) use a different system prompt " +
                         quote(prompt.snippet) + "; " + usage;
        report.findings.push_back(std::move(finding));
    }
    if (!without_system.empty()) {
        Finding finding{"system_prompt_mismatch", {}, {}};
        for (std::uint32_t index : without_system) finding.examples.push_back(ids[index]);
        finding.detail = std::to_string(without_system.size()) + " example(s) have no system prompt; " + usage;
        report.findings.push_back(std::move(finding));
    }
}

}  // namespace tb
