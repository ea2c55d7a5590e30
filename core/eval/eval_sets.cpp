#include "core/eval/eval_sets.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <set>

#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/curation/prompt_key.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

void sort_unique(std::vector<std::string>& tags) {
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
}

// An example becomes an item when it ends with an assistant answer after some prompt turn.
std::optional<EvalItem> item_from_example(const Example& example,
                                          const std::map<std::int64_t, std::vector<std::string>>& tags) {
    auto prompt = prompt_messages(example.messages);
    if (prompt.empty() || prompt.size() == example.messages.size()) return std::nullopt;
    const auto& answer = example.messages[prompt.size()];
    if (answer.role != "assistant") return std::nullopt;
    EvalItem item;
    item.example_id = example.id;
    item.prompt = std::move(prompt);
    item.reference = answer.content;
    item.rubric = reference_rubric(item.reference);
    if (auto it = tags.find(example.id); it != tags.end()) item.tags = it->second;
    return item;
}

EvalSet from_examples(const ProjectFile& project, const std::string& name, const std::string& source,
                      const std::string& split, const std::string& tag) {
    EvalSet set{name, source, "", {}};
    const auto tags = example_tags_by_id(project);
    for_each_example(project, split, [&](Example&& example) {
        if (!tag.empty()) {
            auto it = tags.find(example.id);
            if (it == tags.end() || !std::binary_search(it->second.begin(), it->second.end(), tag)) return;
        }
        if (auto item = item_from_example(example, tags)) set.items.push_back(std::move(*item));
    });
    return set;
}

EvalSet from_golden(const ProjectFile& project, const std::string& name, const GoldenSet& golden) {
    EvalSet set{name, "golden", golden.name, {}};
    const auto tags = golden_item_tags(project);
    for (auto& g : golden_items(project, golden.id)) {
        EvalItem item;
        item.golden_item_id = g.id;
        item.prompt = std::move(g.messages);
        item.reference = std::move(g.reference);
        item.rubric = std::move(g.rubric);
        if (auto it = tags.find(g.id); it != tags.end()) item.tags = it->second;
        set.items.push_back(std::move(item));
    }
    return set;
}

std::string set_names(const ProjectFile& project) {
    std::string names;
    for (const auto& s : list_golden_sets(project)) names += (names.empty() ? "" : ", ") + s.name;
    return names.empty() ? "none yet (import one with `golden import`)" : names;
}

}  // namespace

std::string EvalItem::key() const {
    if (golden_item_id) return "golden:" + std::to_string(*golden_item_id);
    if (example_id) return "example:" + std::to_string(*example_id);
    return "item";
}

Rubric reference_rubric(const std::string& reference) {
    Criterion c;
    c.kind = CriterionKind::exact;
    c.expected = reference;
    return Rubric{{c}};
}

EvalSet examples_eval_set(const ProjectFile& project, const std::string& name, const std::string& split,
                          const std::string& tag) {
    const std::string source =
        !tag.empty() && split.empty() ? tag + "_examples" : (split.empty() ? "all" : split) + "_split";
    return from_examples(project, name, source, split, tag);
}

EvalSet resolve_eval_set(const ProjectFile& project, const std::string& name) {
    EvalSet set;
    if (name == kValidationSetName) {
        set = from_examples(project, name, "validation_split", "validation", "");
        if (set.items.empty())
            throw Error("the validation split has no examples ending with an assistant answer: run `split` first");
        return set;
    }
    if (name == kGeneralSetName) {
        if (auto chosen = project.meta(kGeneralSetMetaKey); chosen && !chosen->empty()) {
            auto golden = find_golden_set(project, *chosen);
            if (!golden)
                throw Error("the general set is '" + *chosen + "' (project setting " + kGeneralSetMetaKey +
                            ") but no golden set has that name; golden sets: " + set_names(project));
            set = from_golden(project, name, *golden);
        } else {
            std::vector<GoldenSet> general;
            for (auto& s : list_golden_sets(project))
                if (s.kind == GoldenKind::general) general.push_back(s);
            if (general.size() > 1)
                throw Error(
                    "several golden sets are of kind general: name the one to use with "
                    "set_general_set_name (project setting " +
                    std::string(kGeneralSetMetaKey) + ")");
            if (general.size() == 1)
                set = from_golden(project, name, general.front());
            else
                set = from_examples(project, name, "general_examples", "", kGeneralTag);
        }
        if (set.items.empty())
            throw Error("no general-purpose set: import a golden set of kind general, or tag examples 'general'");
        return set;
    }
    auto golden = find_golden_set(project, name);
    if (!golden)
        throw Error("no golden set named '" + name + "' (golden sets: " + set_names(project) +
                    "; special names: validation, general)");
    set = from_golden(project, name, *golden);
    if (set.items.empty()) throw Error("golden set '" + name + "' has no items");
    return set;
}

void set_general_set_name(ProjectFile& project, const std::string& golden_set_name) {
    if (!golden_set_name.empty() && !find_golden_set(project, golden_set_name))
        throw Error("no golden set named '" + golden_set_name + "' (golden sets: " + set_names(project) + ")");
    project.set_meta(kGeneralSetMetaKey, golden_set_name);
}

std::map<std::int64_t, std::vector<std::string>> example_tags_by_id(const ProjectFile& project) {
    std::map<std::int64_t, std::vector<std::string>> out;
    auto s = project.prepare(
        "SELECT et.example_id, t.name FROM example_tags et JOIN tags t ON t.id = et.tag_id ORDER BY et.example_id, "
        "t.name");
    while (s.step()) out[s.column_int64(0)].push_back(s.column_text(1));
    return out;
}

std::map<std::int64_t, std::vector<std::string>> golden_item_tags(const ProjectFile& project) {
    // Only tagged examples can lend tags: index their prompts, then look the golden items up.
    const auto tags = example_tags_by_id(project);
    std::map<std::string, std::vector<std::string>> by_prompt;
    if (!tags.empty()) {
        auto s = project.prepare(
            "SELECT id, messages FROM examples WHERE id IN (SELECT DISTINCT example_id FROM example_tags)");
        while (s.step()) {
            auto j = nlohmann::json::parse(s.column_text(1), nullptr, false);
            if (j.is_discarded()) continue;
            if (j.is_array()) j = nlohmann::json{{"messages", j}};
            Example e;
            try {
                e = example_from_json(j);
            } catch (const std::exception&) {
                continue;  // a damaged row lends no tags; checks report it elsewhere
            }
            auto& bucket = by_prompt[normalised_prompt(e.messages)];
            const auto& t = tags.at(s.column_int64(0));
            bucket.insert(bucket.end(), t.begin(), t.end());
        }
    }
    std::map<std::int64_t, std::vector<std::string>> out;
    if (by_prompt.empty()) return out;
    auto s = project.prepare("SELECT id, messages FROM golden_items");
    while (s.step()) {
        auto j = nlohmann::json::parse(s.column_text(1), nullptr, false);
        if (j.is_discarded()) continue;
        if (j.is_array()) j = nlohmann::json{{"messages", j}};
        Example e;
        try {
            e = example_from_json(j);
        } catch (const std::exception&) {
            continue;
        }
        // Golden messages are prompt turns only: the whole list is the prompt.
        e.messages.push_back(Message{"assistant", "", "", nullptr, "", std::nullopt});
        auto it = by_prompt.find(normalised_prompt(e.messages));
        if (it == by_prompt.end()) continue;
        auto t = it->second;
        sort_unique(t);
        out[s.column_int64(0)] = std::move(t);
    }
    return out;
}

double parse_utc_seconds(const std::string& iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    double sec = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%lf", &y, &mo, &d, &h, &mi, &sec) != 6)
        throw Error("not a UTC time as the project writes it (YYYY-MM-DDTHH:MM:SSZ): '" + iso + "'");
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = 0;
    return static_cast<double>(timegm(&tm)) + sec;
}

EvalSetAge eval_set_age(const ProjectFile& project, const std::string& golden_set_name, const std::string& now_iso) {
    auto golden = find_golden_set(project, golden_set_name);
    if (!golden) throw Error("no golden set named '" + golden_set_name + "' (golden sets: " + set_names(project) + ")");
    EvalSetAge age;
    age.set = golden->name;
    auto s = project.prepare("SELECT MAX(created_at) FROM golden_items WHERE set_id = ?");
    s.bind(1, golden->id);
    if (s.step()) age.last_added_at = s.column_text(0);
    if (age.last_added_at.empty()) return age;
    const std::string now = now_iso.empty() ? utc_now_iso8601() : now_iso;
    age.days = std::max(0.0, (parse_utc_seconds(now) - parse_utc_seconds(age.last_added_at)) / 86400.0);
    age.stale = age.days > kStaleEvalSetDays;
    if (age.stale) {
        age.warning = "golden set '" + age.set + "' got no new item for " + std::to_string(static_cast<int>(age.days)) +
                      " days (over " + std::to_string(static_cast<int>(kStaleEvalSetDays)) +
                      "): add items from recent traffic so the eval still measures what users ask";
    }
    return age;
}

}  // namespace tb
